import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redact.js';

const SECRET = 'atr_live_AbCdEfGhJkMnPqRsTuVwXyZ0123456789abcdefghij1a2B3c';
const redactor = createRedactor({ extraFields: 'nationalId,x-partner-token', bodyLimitBytes: 200 });

describe('request log redaction', () => {
  it('replaces credentials and configured fields at any depth, case and separator aside', () => {
    expect(
      redactor.value({
        label: 'ok',
        Password: 'p',
        nested: { client_secret: 's', list: [{ api_key: 'k', note: 'fine' }] },
        NationalID: '12345',
      }),
    ).toEqual({
      label: 'ok',
      Password: REDACTED,
      nested: { client_secret: REDACTED, list: [{ api_key: REDACTED, note: 'fine' }] },
      NationalID: REDACTED,
    });
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
