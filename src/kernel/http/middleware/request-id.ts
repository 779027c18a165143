import type { IncomingMessage } from 'node:http';

const VALID_ID = /^[\w\-=:.]{1,128}$/;

/** The caller's `x-request-id` when it is safe to log and echo, otherwise a new one. */
export function resolveRequestId(request: Request, incoming?: IncomingMessage): string {
  // On Node the raw header avoids building the request's Headers object.
  const raw = incoming ? incoming.headers['x-request-id'] : request.headers.get('x-request-id');
  const given = Array.isArray(raw) ? raw[0] : raw;
  return given && VALID_ID.test(given) ? given : crypto.randomUUID();
}
