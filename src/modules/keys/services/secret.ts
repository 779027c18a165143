import { hash, randomBytes } from 'node:crypto';

/**
 * An API key's secret: `atr_live_` (production app) or `atr_test_` (sandbox app), then 32 random
 * bytes in base62 (43 characters), then a 6-character base62 CRC32 of everything before it. The
 * checksum lets a mistyped or made-up key be refused without a database lookup.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
/** How many characters of the body the visible prefix shows. */
const VISIBLE_BODY = 4;
const KEY = /^atr_(live|test)_([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;

export type KeyEnvironment = 'sandbox' | 'production';

export function keyPrefixFor(environment: KeyEnvironment): string {
  return environment === 'production' ? 'atr_live_' : 'atr_test_';
}

export interface NewSecret {
  secret: string;
  /** What the API shows of the key later, e.g. `atr_test_AbCd`. */
  prefix: string;
  hash: string;
}

export function generateSecret(environment: KeyEnvironment): NewSecret {
  const body = toBase62(BigInt(`0x${randomBytes(32).toString('hex')}`), BODY_LENGTH);
  const start = `${keyPrefixFor(environment)}${body}`;
  const secret = `${start}${checksum(start)}`;
  return {
    secret,
    prefix: start.slice(0, keyPrefixFor(environment).length + VISIBLE_BODY),
    hash: hashSecret(secret),
  };
}

/** True when the text has a key's shape and its checksum matches: worth a database lookup. */
export function isWellFormedKey(text: string): boolean {
  const match = KEY.exec(text);
  if (!match) return false;
  const start = text.slice(0, text.length - CHECKSUM_LENGTH);
  return checksum(start) === match[3];
}

/** The SHA-256 hex of a secret: all the database keeps. */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

function checksum(text: string): string {
  return toBase62(BigInt(crc32(Buffer.from(text, 'utf8'))), CHECKSUM_LENGTH);
}

function toBase62(value: bigint, length: number): string {
  let rest = value;
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(rest % 62n)] + out;
    rest /= 62n;
  }
  if (rest !== 0n) throw new Error('value too large for the base62 length');
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE), as zlib computes it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
