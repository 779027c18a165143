/** What a redacted value reads in the request log. */
export const REDACTED = '[REDACTED]';

/**
 * Names (lower case, compared without `-` and `_`) whose values never reach the request log, as
 * headers or as JSON fields at any depth. Configuration adds more (ATRIUM_LOG_REDACT_FIELDS).
 */
const ALWAYS_REDACTED = [
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'xapikey',
  'apikey',
  'password',
  'currentpassword',
  'newpassword',
  'passwordconfirmation',
  'secret',
  'clientsecret',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'code',
  'totpcode',
  'backupcode',
  'backupcodes',
  'recoverycodes',
  'totpuri',
  'privatekey',
  'cardnumber',
  'cvv',
  'iban',
];

/** An Atrium key secret anywhere in text: `atr_live_` / `atr_test_` and its body. */
const KEY_SECRET = /atr_(live|test)_[A-Za-z0-9]{20,}/g;
const HAS_KEY_SECRET = new RegExp(KEY_SECRET.source);

const MAX_REMEMBERED_NAMES = 10_000;

const normalise = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

/**
 * A message's headers: name/value pairs, or (read when the row is prepared) an object of them as
 * Node's `getHeaders()` gives it.
 */
export type HeaderSource =
  | Iterable<[string, string]>
  | (() => Record<string, string | number | readonly string[] | undefined>);

export interface Redactor {
  headers: (headers: HeaderSource) => Record<string, string>;
  /** Free text (a non-JSON body, a path): key secrets masked. */
  text: (text: string) => string;
  /** A body as stored: redacted, serialised, truncated to the limit. */
  body: (body: unknown) => string | null;
}

export function createRedactor(options: { extraFields?: string; bodyLimitBytes: number }): Redactor {
  const names = new Set([...ALWAYS_REDACTED, ...(options.extraFields?.split(',') ?? []).map(normalise)]);
  const mayNameSecret = secretFieldPattern(names);
  // Header and field names repeat from request to request: each is normalised once (up to a bound,
  // since a body's keys are the caller's to choose).
  const verdicts = new Map<string, boolean>();
  const isSecretName = (name: string) => {
    let secret = verdicts.get(name);
    if (secret === undefined) {
      secret = names.has(normalise(name));
      if (verdicts.size < MAX_REMEMBERED_NAMES) verdicts.set(name, secret);
    }
    return secret;
  };
  const text = (input: string) => {
    // PostgreSQL text cannot hold NUL characters.
    const clean = input.includes('\u0000') ? input.replaceAll('\u0000', '') : input;
    return clean.includes('atr_') ? clean.replace(KEY_SECRET, maskSecret) : clean;
  };

  // JSON.stringify's replacer sees every field at any depth in one pass, without copying the value:
  // named fields replaced, key secrets masked in every string.
  const replacer = (key: string, entry: unknown): unknown => {
    if (typeof entry === 'string') return key !== '' && isSecretName(key) ? REDACTED : text(entry);
    if (entry === null || entry === undefined || key === '' || !isSecretName(key)) return entry;
    return REDACTED;
  };
  const serialise = (input: unknown): string => {
    const plain = JSON.stringify(input);
    // Most bodies carry no key secret, no NUL and no field of a secret name: their text as
    // serialised is the answer, without the replacer's call per field (2-3x the cost). The checks
    // may raise a false alarm, which only costs the field-by-field pass; they never miss (a secret
    // is written verbatim, and see the pattern).
    if (
      plain !== undefined &&
      mayNameSecret &&
      !HAS_KEY_SECRET.test(plain) &&
      !plain.includes('\\u0000') &&
      !mayNameSecret.test(plain)
    ) {
      return plain;
    }
    return JSON.stringify(input, replacer);
  };
  const redactHeader = (name: string, entry: string) => (isSecretName(name) ? REDACTED : text(entry));

  return {
    text,
    headers: (headers) => {
      const out: Record<string, string> = {};
      if (typeof headers === 'function') {
        const record = headers();
        for (const name in record) {
          const entry = record[name];
          if (entry !== undefined) {
            out[name] = redactHeader(name, Array.isArray(entry) ? entry.join(', ') : String(entry));
          }
        }
        return out;
      }
      for (const [name, entry] of headers) out[name] = redactHeader(name, entry);
      return out;
    },
    body: (body) => {
      if (body === undefined || body === null || body === '') return null;
      const serialised = typeof body === 'string' ? redactJsonText(body, serialise, text) : serialise(body);
      return truncate(serialised, options.bodyLimitBytes);
    },
  };
}

/**
 * Matches serialised JSON that may have a field of a secret name: `"` name `":`, in any case and
 * with `-` or `_` anywhere, as `normalise` reads names. JSON.stringify writes such a key verbatim
 * (it escapes only quotes, backslashes and control characters), and case-insensitive Unicode
 * matching folds at least every character that lower-cases to an ASCII letter. Undefined — always
 * the field-by-field pass — when a configured name is not plain ASCII letters and digits.
 */
function secretFieldPattern(names: ReadonlySet<string>): RegExp | undefined {
  if (![...names].every((name) => /^[a-z0-9]+$/.test(name))) return undefined;
  const alternatives = [...names].map((name) => [...name].join('[-_]*'));
  return new RegExp(`"[-_]*(?:${alternatives.join('|')})[-_]*":`, 'iu');
}

/** A string body: parsed and redacted field by field when it is JSON, else masked as text. */
function redactJsonText(
  body: string,
  serialise: (input: unknown) => string,
  text: (input: string) => string,
): string {
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return serialise(JSON.parse(body));
    } catch {
      // Not JSON after all: fall through to text masking.
    }
  }
  return text(body);
}

function maskSecret(secret: string): string {
  // Keep the readable prefix and four characters, like the dashboard shows keys.
  const prefixLength = secret.indexOf('_', 4) + 1;
  return `${secret.slice(0, prefixLength + 4)}…${REDACTED}`;
}

function truncate(text: string, limitBytes: number): string {
  if (Buffer.byteLength(text) <= limitBytes) return text;
  let cut = text.slice(0, limitBytes);
  while (Buffer.byteLength(cut) > limitBytes) cut = cut.slice(0, -1);
  return `${cut}… [truncated]`;
}
