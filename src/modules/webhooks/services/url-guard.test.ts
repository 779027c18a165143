import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../kernel/http/problem.js';
import { assertDeliverableUrl, blockedRange, checkHost, parseAllowlist } from './url-guard.js';

const none = parseAllowlist(undefined);

async function refusal(url: string, options = { production: false, allow: none }): Promise<ProblemError> {
  const error = await assertDeliverableUrl(url, options).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ProblemError);
  const problem = error as ProblemError;
  expect(problem.code).toBe('validation_failed');
  expect(problem.extras.errors?.map((e) => e.path)).toEqual(['body.url']);
  return problem;
}

describe('SSRF guard', () => {
  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback', '127.8.9.10'],
    ['private', '10.1.2.3'],
    ['private', '172.16.0.1'],
    ['private', '192.168.1.1'],
    ['carrierGradeNat', '100.64.0.1'],
    ['linkLocal', '169.254.169.254'],
    ['unspecified', '0.0.0.0'],
    ['multicast', '224.0.0.1'],
    ['broadcast', '255.255.255.255'],
    ['loopback', '::1'],
    ['unspecified', '::'],
    ['linkLocal', 'fe80::1'],
    ['uniqueLocal', 'fc00::1'],
    ['uniqueLocal', 'fd12:3456::1'],
    ['multicast', 'ff02::1'],
    ['loopback', '::ffff:127.0.0.1'],
    ['linkLocal', '::ffff:169.254.169.254'],
    ['private', '::ffff:10.0.0.1'],
  ])('blocks %s address %s', (range, address) => {
    expect(blockedRange(address)).toBe(range);
  });

  it('lets public unicast addresses through', () => {
    expect(blockedRange('93.184.215.14')).toBeUndefined();
    expect(blockedRange('2606:2800:21f:cb07:6820:80da:af6b:8b2c')).toBeUndefined();
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://10.0.0.5:8080/hook',
    'http://100.100.100.100/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[fe80::1]/hook',
    'http://[fd00::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
  ])('refuses %s with a 400 on body.url', async (url) => {
    const problem = await refusal(url);
    expect(problem.detail).toMatch(/internal address/);
  });

  it('refuses a hostname that resolves to loopback (localhost)', async () => {
    const problem = await refusal('http://localhost:9999/hook');
    expect(problem.detail).toMatch(/localhost resolves to .*internal address/);
  });

  it('refuses other schemes, credentials in the URL, http for production and non-URLs', async () => {
    await refusal('ftp://93.184.215.14/');
    await refusal('http://user:pass@93.184.215.14/');
    expect((await refusal('http://93.184.215.14/', { production: true, allow: none })).detail).toMatch(
      /https/,
    );
    await refusal('not a url');
  });

  it('accepts a public address, and https for production', async () => {
    await expect(
      assertDeliverableUrl('http://93.184.215.14/hook', { production: false, allow: none }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertDeliverableUrl('https://93.184.215.14/hook', { production: true, allow: none }),
    ).resolves.toBeInstanceOf(URL);
  });

  it('lets allowed hostnames and CIDR ranges through (ATRIUM_WEBHOOK_ALLOWED_HOSTS)', async () => {
    const byName = parseAllowlist('localhost');
    await expect(
      assertDeliverableUrl('http://localhost:9999/', { production: false, allow: byName }),
    ).resolves.toBeInstanceOf(URL);
    const byRange = parseAllowlist('10.0.0.0/8, 127.0.0.1,::1');
    await expect(
      assertDeliverableUrl('http://10.20.30.40/', { production: false, allow: byRange }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertDeliverableUrl('http://127.0.0.1:1/', { production: false, allow: byRange }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertDeliverableUrl('http://[::1]:1/', { production: false, allow: byRange }),
    ).resolves.toBeInstanceOf(URL);
    // Only what is listed: the rest of loopback and private space stays closed.
    await refusal('http://127.0.0.2/', { production: false, allow: byRange });
    await refusal('http://192.168.0.1/', { production: false, allow: byRange });
  });

  it('reports a host that does not resolve', async () => {
    const checked = await checkHost('no-such-host.invalid', none);
    expect(checked).toEqual({ refused: 'The host no-such-host.invalid does not resolve.' });
  });
});
