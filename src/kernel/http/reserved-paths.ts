/**
 * Path prefixes that belong to the API and the operations endpoints. The dashboard never owns a
 * path under them (an unknown one is an API 404), and the dashboard's dev server proxies them.
 */
export const API_PATH_PREFIXES = [
  '/partner',
  '/v1',
  '/operator',
  '/openapi.json',
  '/docs',
  '/healthz',
  '/readyz',
  '/metrics',
] as const;

export function isApiPath(requestPath: string): boolean {
  return API_PATH_PREFIXES.some((prefix) => requestPath === prefix || requestPath.startsWith(`${prefix}/`));
}
