import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The current 6-digit TOTP code (RFC 6238: HMAC-SHA1, 30 s) for an otpauth:// URI or its base32
 * secret, as an authenticator app computes it.
 */
export function totpCode(uriOrSecret: string, at = Date.now()): string {
  const secret = uriOrSecret.startsWith('otpauth:')
    ? (new URL(uriOrSecret).searchParams.get('secret') ?? '')
    : uriOrSecret;
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase()) {
    bits += BASE32.indexOf(char).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const digest = createHmac('sha1', key).update(counter).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0xf;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}
