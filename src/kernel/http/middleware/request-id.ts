import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const VALID_ID = /^[\w\-=:.]{1,128}$/;
const HEADER = 'x-request-id';

/**
 * Generated ids are `req_<process>_<sequence>`: 64 random bits per process make them unique across
 * processes and restarts, the sequence within one. Shorter and cheaper than a UUID on every
 * response, and requests of one process sort in arrival order.
 */
const PROCESS_PART = BigInt(`0x${randomBytes(8).toString('hex')}`).toString(36);
let sequence = 0;

export function newRequestId(): string {
  sequence += 1;
  return `req_${PROCESS_PART}_${sequence.toString(36)}`;
}

/** The caller's `x-request-id` when it is safe to log and echo, otherwise a new one. */
export function resolveRequestId(request: Request, incoming?: IncomingMessage): string {
  const given = incoming ? rawHeader(incoming.rawHeaders, HEADER) : request.headers.get(HEADER);
  return given && VALID_ID.test(given) ? given : newRequestId();
}

/**
 * Reads one header from Node's raw [name, value, …] list. `incoming.headers` would build an
 * object of every header on first access, and nothing else on the hot path needs it.
 */
function rawHeader(raw: string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i] as string;
    if (key.length === name.length && key.toLowerCase() === name) return raw[i + 1];
  }
  return undefined;
}
