import { AUTH_BASE_PATH, buildAuth } from './auth.js';

export const AUTH_TAG = 'Authentication';

type Json = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document the merge touches. */
export interface OpenApiDocumentLike {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}

/** Endpoints that act on the caller's session; the others are reached before signing in. */
const SESSION_PATHS = new Set([
  '/sign-out',
  '/verify-password',
  '/change-password',
  '/update-user',
  '/list-sessions',
  '/revoke-session',
  '/revoke-sessions',
  '/revoke-other-sessions',
  '/two-factor/enable',
  '/two-factor/disable',
  '/two-factor/get-totp-uri',
  '/two-factor/generate-backup-codes',
]);

const PROBLEM_RESPONSES: Record<string, string> = {
  '400': 'The request is not valid (problem+json; better-auth’s own code is in `reason`).',
  '401': 'Wrong credentials, or no session (problem+json).',
  '403': 'Refused, e.g. an unverified email or a foreign `Origin` (problem+json).',
  '429': 'Too many attempts from this address; `X-Retry-After` says when to try again (problem+json).',
  '500': 'An unexpected failure; the response carries the request id.',
};

/**
 * Adds better-auth's endpoints to Atrium's OpenAPI document, under `/partner/auth/…` with the
 * "Authentication" tag. better-auth describes them itself (its openAPI plugin's generator), so the
 * document follows the installed version and plugins; Atrium rewrites what its mount changes:
 * errors are problem+json, the session is Atrium's cookie, model names get an `Auth` prefix.
 */
export async function withAuthEndpoints<D extends OpenApiDocumentLike>(document: D): Promise<D> {
  const generated = await describeAuthEndpoints();
  const renamed = renameRefs(generated) as { paths: Record<string, Json>; components: { schemas: Json } };
  const paths: Record<string, unknown> = { ...document.paths };
  for (const [path, item] of Object.entries(renamed.paths)) {
    paths[`${AUTH_BASE_PATH}${path}`] = Object.fromEntries(
      Object.entries(item).map(([method, operation]) => [
        method,
        atriumOperation(path, method, operation as Json),
      ]),
    );
  }
  const referenced = referencedSchemas(paths, renamed.components.schemas);
  return {
    ...document,
    paths,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...referenced },
    },
  };
}

/** A throwaway instance: the generator reads only the configuration, never the database. */
async function describeAuthEndpoints() {
  const auth = await buildAuth({
    baseURL: 'http://localhost',
    trustedOrigins: () => [],
    secret: 'openapi-document-only-secret-never-signs-anything',
    db: {} as never,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    sendMail: async () => {},
    signInRateLimit: 3,
  });
  return auth.api.generateOpenAPISchema();
}

/**
 * The two-factor plugin answers a password sign-in of a 2FA user in its own shape, which the core
 * endpoint's description does not know.
 */
const TWO_FACTOR_CHALLENGE = {
  type: 'object',
  description:
    'The account uses two-factor authentication: no session yet. The `atrium.two_factor` cookie carries the challenge; finish with `/partner/auth/two-factor/verify-totp` or `/partner/auth/two-factor/verify-backup-code`.',
  properties: {
    twoFactorRedirect: { type: 'boolean', const: true },
    twoFactorMethods: { type: 'array', items: { type: 'string' } },
  },
  required: ['twoFactorRedirect'],
};

function successResponses(path: string, responses: Json): [string, unknown][] {
  const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
  if (path !== '/sign-in/email') return success;
  return success.map(([status, response]) => {
    const content = (response as { content?: Record<string, { schema?: unknown }> }).content ?? {};
    const schema = content['application/json']?.schema;
    const json = { schema: { oneOf: [schema, TWO_FACTOR_CHALLENGE] } };
    return [status, { ...(response as Json), content: { ...content, 'application/json': json } }];
  });
}

function atriumOperation(path: string, method: string, operation: Json): Json {
  const { security: _bearer, tags: _tags, responses, operationId, ...rest } = operation;
  const success = successResponses(path, (responses ?? {}) as Json);
  return {
    ...rest,
    tags: [AUTH_TAG],
    operationId: `auth${pascalCase(typeof operationId === 'string' ? operationId : `${method} ${path}`)}`,
    ...(SESSION_PATHS.has(path) ? { security: [{ session: [] }] } : {}),
    responses: {
      ...Object.fromEntries(success),
      ...Object.fromEntries(
        Object.entries(PROBLEM_RESPONSES).map(([status, description]) => [
          status,
          {
            description,
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        ]),
      ),
    },
  };
}

function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

const SCHEMA_REF = '#/components/schemas/';

/** better-auth's `User`, `Session`, … become `AuthUser`, `AuthSession`, … wherever they appear. */
function renameRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameRefs);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => {
      if (key === '$ref' && typeof entry === 'string' && entry.startsWith(SCHEMA_REF))
        return [key, `${SCHEMA_REF}Auth${entry.slice(SCHEMA_REF.length)}`];
      if (key === 'schemas' && entry && typeof entry === 'object')
        return [
          key,
          Object.fromEntries(Object.entries(entry).map(([name, s]) => [`Auth${name}`, renameRefs(s)])),
        ];
      return [key, renameRefs(entry)];
    }),
  );
}

/** Only the models an endpoint answers with: the others are storage details. */
function referencedSchemas(paths: unknown, schemas: Json): Json {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    for (const [key, entry] of Object.entries(value)) {
      if (key === '$ref' && typeof entry === 'string' && entry.startsWith(SCHEMA_REF))
        names.add(entry.slice(SCHEMA_REF.length));
      else walk(entry);
    }
  };
  walk(paths);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => names.has(name)));
}
