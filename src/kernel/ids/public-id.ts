/**
 * Public ids: what the API shows instead of raw UUIDs, e.g. `app_01jf8z…`. The prefix says what
 * the id names (a support engineer reading a log line knows at once), and the 26-character
 * Crockford base32 body encodes the UUIDv7 so ids still sort by creation time.
 *
 * Every prefix is registered here, once, so two kinds can never share one.
 */
export const ID_PREFIXES = {
  tenant: 'ten',
  project: 'prj',
  app: 'app',
  role: 'rol',
  member: 'mem',
  invitation: 'inv',
  user: 'usr',
  audit: 'aud',
  key: 'key',
  requestLog: 'req',
  event: 'evt',
  endpoint: 'ep',
  /** A webhook message: one event for one endpoint; also its `webhook-id` header. */
  delivery: 'msg',
  attempt: 'atm',
  liveEvent: 'lev',
  job: 'job',
  notification: 'ntf',
  customer: 'cus',
  statement: 'stm',
  transaction: 'txn',
  analysis: 'ana',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const DECODE = new Map([...ALPHABET].map((char, index) => [char, index]));
const BODY = /^[0-9abcdefghjkmnpqrstvwxyz]{26}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toPublicId(kind: IdKind, uuid: string): string {
  if (!UUID.test(uuid)) throw new Error(`not a UUID: ${uuid}`);
  let value = BigInt(`0x${uuid.replaceAll('-', '')}`);
  let body = '';
  for (let i = 0; i < 26; i++) {
    body = ALPHABET[Number(value & 31n)] + body;
    value >>= 5n;
  }
  return `${ID_PREFIXES[kind]}_${body}`;
}

/** The UUID behind a public id of this kind, or undefined when the text is not one (→ 404). */
export function fromPublicId(kind: IdKind, id: string): string | undefined {
  const prefix = `${ID_PREFIXES[kind]}_`;
  if (!id.startsWith(prefix)) return undefined;
  const body = id.slice(prefix.length).toLowerCase();
  if (!BODY.test(body) || (DECODE.get(body[0] ?? '') ?? 0) > 7) return undefined;
  let value = 0n;
  for (const char of body) value = (value << 5n) | BigInt(DECODE.get(char) ?? 0);
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
