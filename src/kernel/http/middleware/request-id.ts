import type { Context } from 'hono';

const VALID_ID = /^[\w\-=:.]{1,128}$/;

/** The caller's `x-request-id` when it is safe to log and echo, otherwise a new one. */
export function resolveRequestId(c: Context): string {
  const incoming = c.req.header('x-request-id');
  return incoming && VALID_ID.test(incoming) ? incoming : crypto.randomUUID();
}
