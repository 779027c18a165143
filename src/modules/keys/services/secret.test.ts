import { describe, expect, it } from 'vitest';
import { crc32, generateSecret, hashSecret, isWellFormedKey } from './secret.js';

describe('API key secrets', () => {
  it('has the environment prefix, a 43-character body and a 6-character checksum', () => {
    const live = generateSecret('production');
    const test = generateSecret('sandbox');
    expect(live.secret).toMatch(/^atr_live_[0-9A-Za-z]{49}$/);
    expect(test.secret).toMatch(/^atr_test_[0-9A-Za-z]{49}$/);
    expect(test.prefix).toBe(test.secret.slice(0, 13));
    expect(test.hash).toBe(hashSecret(test.secret));
    expect(test.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSecret('sandbox').secret).not.toBe(test.secret);
  });

  it('recognises its own keys and refuses a mistyped or forged one without a lookup', () => {
    const { secret } = generateSecret('sandbox');
    expect(isWellFormedKey(secret)).toBe(true);
    const last = secret.at(-1) === 'a' ? 'b' : 'a';
    expect(isWellFormedKey(`${secret.slice(0, -1)}${last}`)).toBe(false);
    const middle = secret[20] === 'x' ? 'y' : 'x';
    expect(isWellFormedKey(`${secret.slice(0, 20)}${middle}${secret.slice(21)}`)).toBe(false);
    expect(isWellFormedKey(secret.replace('atr_test_', 'atr_live_'))).toBe(false);
    expect(isWellFormedKey(`atr_test_${'A'.repeat(49)}`)).toBe(false);
    expect(isWellFormedKey('')).toBe(false);
    expect(isWellFormedKey(`${secret}x`)).toBe(false);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
