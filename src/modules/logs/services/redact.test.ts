import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redact.js';

const SECRET = 'atr_live_AbCdEfGhJkMnPqRsTuVwXyZ0123456789abcdefghij1a2B3c';
const redactor = createRedactor({ extraFields: 'nationalId,x-partner-token', bodyLimitBytes: 200 });

describe('request log redaction', () => {
  it('replaces credentials and configured fields at any depth, case and separator aside', () => {
    const body = redactor.body({
      label: 'ok',
      Password: 'p',
      nested: { client_secret: 's', list: [{ api_key: 'k', note: 'fine' }], token: { kind: 'object' } },
      NationalID: 12345,
      code: null,
    });
    expect(JSON.parse(body ?? '')).toEqual({
      label: 'ok',
      Password: REDACTED,
      nested: { client_secret: REDACTED, list: [{ api_key: REDACTED, note: 'fine' }], token: REDACTED },
      NationalID: REDACTED,
      code: null,
    });
  });

  it('redacts every spelling a secret name may take, and leaves other bodies as serialised', () => {
    const spellings = ['API-Key', 'Pass_Word', '__token__', 'CLIENT-SECRET', 'to\u212Aen'];
    for (const name of spellings) {
      const body = JSON.parse(`{"outer":{"list":[{"${name}":"s3cr3t"}]},"note":"n"}`);
      const stored = redactor.body(body) ?? '';
      expect(stored, name).not.toContain('s3cr3t');
      expect(JSON.parse(stored).outer.list[0]).toEqual({ [JSON.parse(`"${name}"`)]: REDACTED });
    }
    const plain = { id: 'key_1', passwordHint: 'not a secret name', list: [1, 'two', { code2: 3 }] };
    expect(redactor.body(plain)).toBe(JSON.stringify(plain));
    // A configured name outside plain ASCII is matched field by field.
    const spanish = createRedactor({ extraFields: 'contraseña', bodyLimitBytes: 200 });
    expect(spanish.body({ CONTRASEÑA: 'x' })).toBe(`{"CONTRASEÑA":"${REDACTED}"}`);
  });

  it('reads headers from pairs or from an object as Node keeps them', () => {
    expect(
      redactor.headers(() => ({ 'set-cookie': ['a=1', 'b=2'], 'content-length': 12, vary: undefined })),
    ).toEqual({ 'set-cookie': REDACTED, 'content-length': '12' });
  });

  it('stores values as the response carried them (a date as its ISO text)', () => {
    const at = new Date('2026-11-22T09:00:00.000Z');
    expect(redactor.body({ at, count: 2 })).toBe('{"at":"2026-11-22T09:00:00.000Z","count":2}');
  });

  it('masks an Atrium key secret wherever it appears, keeping its readable start', () => {
    const masked = redactor.text(`curl -H "Authorization: Bearer ${SECRET}" and ${SECRET}`);
    expect(masked).not.toContain(SECRET);
    expect(masked).toContain('atr_live_AbCd…[REDACTED]');
    expect(redactor.body({ description: `leaked ${SECRET} here` })).not.toContain(SECRET);
    expect(redactor.body(`id,key\n1,${SECRET}\n`)).not.toContain(SECRET);
  });

  it('redacts headers by name, and bodies given as JSON text field by field', () => {
    expect(
      redactor.headers([
        ['authorization', `Bearer ${SECRET}`],
        ['cookie', 'session=abc'],
        ['x-partner-token', 't'],
        ['accept', 'application/json'],
      ]),
    ).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-partner-token': REDACTED,
      accept: 'application/json',
    });
    expect(redactor.body('{"token":"abc","name":"n"}')).toBe('{"token":"[REDACTED]","name":"n"}');
  });

  it('truncates long bodies to the byte limit and drops NUL characters', () => {
    const body = redactor.body('é'.repeat(500));
    expect(Buffer.byteLength(body ?? '')).toBeLessThanOrEqual(200 + '… [truncated]'.length + 2);
    expect(body).toMatch(/… \[truncated\]$/);
    expect(redactor.body('a\u0000b')).toBe('ab');
    expect(redactor.body(null)).toBeNull();
  });
});
