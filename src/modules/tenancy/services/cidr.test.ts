import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseCidr } from './cidr.js';

const canonical = (input: string) => {
  const result = parseCidr(input);
  return result.ok ? result.cidr : `error: ${result.message}`;
};

describe('parseCidr: valid blocks in canonical form', () => {
  it.each([
    ['203.0.113.0/24', '203.0.113.0/24'],
    ['203.0.113.7', '203.0.113.7/32'],
    [' 10.0.0.0/8 ', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['255.255.255.255/32', '255.255.255.255/32'],
  ])('IPv4 %s → %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it.each([
    ['2001:DB8::/32', '2001:db8::/32'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1/128'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1/128'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1/128'],
    ['::', '::/128'],
    ['::/0', '::/0'],
    ['::1', '::1/128'],
    ['fe80::/10', 'fe80::/10'],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.0/120'],
    ['::FFFF:c000:0280', '::ffff:192.0.2.128/128'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221/128'],
    ['2001:db8:1::/48', '2001:db8:1::/48'],
  ])('IPv6 %s → %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it('compresses the longest run of zero groups, the first one on a tie (RFC 5952)', () => {
    expect(canonical('2001:db8:0:0:1:0:0:0')).toBe('2001:db8:0:0:1::/128');
    expect(canonical('2001:0:0:1:0:0:1:1')).toBe('2001::1:0:0:1:1/128');
  });

  it('reports the address family', () => {
    expect(parseCidr('192.0.2.1')).toMatchObject({ ok: true, version: 4 });
    expect(parseCidr('2001:db8::1')).toMatchObject({ ok: true, version: 6 });
  });

  it('writes only addresses node:net also accepts', () => {
    for (const input of ['2001:DB8::/32', '::ffff:192.0.2.0/120', '203.0.113.7', '2001:db8:0:0:1:0:0:1']) {
      const result = parseCidr(input);
      if (!result.ok) throw new Error(result.message);
      expect(isIP(result.cidr.split('/')[0] ?? '')).toBe(result.version);
    }
  });
});

describe('parseCidr: refusals', () => {
  it.each([
    '',
    'example.com',
    '10.0.0',
    '10.0.0.0.0',
    '256.1.1.1',
    '010.0.0.1',
    '10.0.0.-1',
    '2001:db8::1::1',
    '2001:db8:0:0:0:0:0:0:1',
    '2001:db8:0:0:0:0:1',
    '12345::1',
    'fe80::1%eth0',
    '::ffff:300.0.0.1',
    '1.2.3.4:80',
    'gggg::1',
  ])('refuses %j as not an address', (input) => {
    expect(canonical(input)).toBe('error: Not an IPv4 or IPv6 address or CIDR block.');
  });

  it.each([
    ['10.0.0.0/33', 32],
    ['1.2.3.4/', 32],
    ['10.0.0.0/-1', 32],
    ['10.0.0.0/08', 32],
    ['10.0.0.0/abc', 32],
    ['2001:db8::/129', 128],
    ['2001:db8::/1000', 128],
  ])('refuses the prefix of %s', (input, max) => {
    expect(canonical(input)).toBe(`error: The prefix length must be a whole number from 0 to ${max}.`);
  });

  it('refuses host bits and names the network that was probably meant', () => {
    expect(canonical('10.0.0.5/24')).toBe('error: Host bits are set after /24; the network is 10.0.0.0/24.');
    expect(canonical('2001:db8::1/64')).toBe(
      'error: Host bits are set after /64; the network is 2001:db8::/64.',
    );
    expect(canonical('192.168.1.128/25')).toBe('192.168.1.128/25');
    expect(canonical('192.168.1.129/25')).toMatch(/network is 192\.168\.1\.128\/25/);
  });
});
