import type { AppServices } from '../../../kernel/context.js';
import { type FieldError, ProblemError } from '../../../kernel/http/problem.js';
import { MAX_CUSTOM_HEADERS } from '../contract.js';
import { assertDeliverableUrl, parseAllowlist } from './url-guard.js';

// Headers a custom header may not replace: the signature, the body's framing, the connection.
const RESERVED_HEADER =
  /^(webhook-.*|content-type|content-length|host|connection|transfer-encoding|user-agent)$/i;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Checks event types against the catalogue and custom headers; one 400 lists every bad field. */
export function checkEndpointFields(
  services: AppServices,
  fields: { eventTypes?: string[] | undefined; headers?: Record<string, string> | undefined },
): void {
  const errors: FieldError[] = [];
  const known = new Set(services.modules.flatMap((module) => module.events.map((event) => event.type)));
  fields.eventTypes?.forEach((type, index) => {
    if (!known.has(type))
      errors.push({ path: `body.eventTypes.${index}`, message: `Unknown event type "${type}".` });
  });
  const names = Object.keys(fields.headers ?? {});
  if (names.length > MAX_CUSTOM_HEADERS) {
    errors.push({ path: 'body.headers', message: `At most ${MAX_CUSTOM_HEADERS} custom headers.` });
  }
  for (const name of names) {
    if (!HEADER_NAME.test(name))
      errors.push({ path: `body.headers.${name}`, message: 'Not a valid header name.' });
    else if (RESERVED_HEADER.test(name)) {
      errors.push({ path: `body.headers.${name}`, message: 'Atrium sets this header itself.' });
    }
  }
  for (const [name, value] of Object.entries(fields.headers ?? {})) {
    if (/[\r\n]/.test(value))
      errors.push({ path: `body.headers.${name}`, message: 'No line breaks in a header value.' });
  }
  if (errors.length) {
    throw new ProblemError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
      errors,
    });
  }
}

/** The URL, refused unless it is deliverable from here (see url-guard.ts). */
export async function checkEndpointUrl(
  services: AppServices,
  url: string,
  environment: string,
): Promise<string> {
  const parsed = await assertDeliverableUrl(url, {
    production: environment === 'production',
    allow: parseAllowlist(services.config.ATRIUM_WEBHOOK_ALLOWED_HOSTS),
  });
  return parsed.toString();
}
