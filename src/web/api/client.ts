import createClient from 'openapi-fetch';
import { problemFromResponse } from './problem';
import type { paths } from './schema';

/** Typed client for Atrium's own API; same origin, so the session cookie rides along. */
export const api = createClient<paths>({ baseUrl: '' });

type ApiResult<Data> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

/**
 * Turns an openapi-fetch result into its data, or throws a ProblemError, which is the shape
 * TanStack Query expects from a query function.
 */
export function unwrap<Data>(result: ApiResult<Data>): Data {
  if (result.response.ok && result.error === undefined) return result.data as Data;
  throw problemFromResponse(result.error, result.response);
}
