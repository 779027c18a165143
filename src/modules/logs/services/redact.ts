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

const MAX_REMEMBERED_NAMES = 10_000;

const normalise = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

export interface Redactor {
  headers: (headers: Iterable<[string, string]>) => Record<string, string>;
  /** A JSON value (parsed body): named fields replaced, key secrets masked in every string. */
  value: (value: unknown) => unknown;
  /** Free text (a non-JSON body, a path): key secrets masked. */
  text: (text: string) => string;
  /** A body as stored: redacted, serialised, truncated to the limit. */
  body: (body: unknown) => string | null;
}

export function createRedactor(options: { extraFields?: string; bodyLimitBytes: number }): Redactor {
  const names = new Set([...ALWAYS_REDACTED, ...(options.extraFields?.split(',') ?? []).map(normalise)]);
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

  const value = (input: unknown): unknown => {
    if (typeof input === 'string') return text(input);
    if (Array.isArray(input)) return input.map(value);
    if (input && typeof input === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(input)) {
        out[key] = isSecretName(key) && entry !== null && entry !== undefined ? REDACTED : value(entry);
      }
      return out;
    }
    return input;
  };

  return {
    text,
    value,
    headers: (headers) => {
      const out: Record<string, string> = {};
      for (const [name, entry] of headers) out[name] = isSecretName(name) ? REDACTED : text(entry);
      return out;
    },
    body: (body) => {
      if (body === undefined || body === null || body === '') return null;
      const serialised =
        typeof body === 'string' ? redactJsonText(body, value, text) : JSON.stringify(value(body));
      return truncate(serialised, options.bodyLimitBytes);
    },
  };
}

/** A string body: parsed and redacted field by field when it is JSON, else masked as text. */
function redactJsonText(
  body: string,
  value: (input: unknown) => unknown,
  text: (input: string) => string,
): string {
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.stringify(value(JSON.parse(body)));
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
