import type { ServerResponse } from 'node:http';

export type HeaderList = readonly (readonly [string, string])[];

/**
 * Adds headers to whatever response the request ends with. On Node they are set on the outgoing
 * message before the handler runs, and Node merges them with the response's own headers (which
 * win on conflict). Touching the Response's headers afterwards instead turns @hono/node-server's
 * lightweight response into a full one (measured ~30% slower on a trivial route).
 * Returns false where there is no Node response (tests through `fetch`, other runtimes): the
 * caller then adds them afterwards with `addMissingHeaders`.
 */
export function presetHeaders(outgoing: ServerResponse | undefined, headers: HeaderList): boolean {
  if (!outgoing || outgoing.headersSent) return false;
  for (const [name, value] of headers) outgoing.setHeader(name, value);
  return true;
}

export function addMissingHeaders(response: Response, headers: HeaderList): void {
  for (const [name, value] of headers) if (!response.headers.has(name)) response.headers.set(name, value);
}
