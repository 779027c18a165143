import type { MiddlewareHandler } from 'hono';
import { problemResponse } from '../problem.js';

/**
 * A body sent with a type the operation does not declare is refused with 415 before validation,
 * instead of being silently ignored by the validator.
 */
export function requireContentType(accepted: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    if (!hasBody) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (accepted.includes(type)) return next();
    return problemResponse(
      c,
      'unsupported_media_type',
      `Content-Type "${type || '(none)'}" is not accepted here; send ${accepted.join(' or ')}.`,
    );
  };
}
