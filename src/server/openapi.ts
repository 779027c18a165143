import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../kernel/http/route.js';
import type { ModuleManifest } from '../kernel/module.js';
import { withAuthEndpoints } from '../modules/identity/index.js';
import { APP_VERSION } from './paths.js';

const DESCRIPTION = [
  'The Partner API (`/partner/…`) manages a tenant’s integration; the Public API (`/v1/…`) is what',
  'partners’ systems call in production; the Operator API (`/operator/…`) spans tenants.',
  'Every error is an RFC 9457 `application/problem+json` document with a stable `code` and the',
  '`requestId` to quote when reporting it.',
].join(' ');

export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'atrium.session_token',
    description:
      'Session cookie set by `POST /partner/auth/sign-in/email` (`__Secure-atrium.session_token` over HTTPS).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `Authorization: Bearer atr_live_…` or `atr_test_…`.',
  });
}

/**
 * The document for the mounted routes; tag descriptions come from the modules' manifests. The
 * identity module adds the endpoints its library serves outside the route contracts (better-auth).
 */
export async function buildOpenApiDocument(app: OpenAPIHono<AppEnv>, modules: readonly ModuleManifest[]) {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Atrium API', version: APP_VERSION, description: DESCRIPTION },
    tags: modules.flatMap((module) => module.tags.map(({ name, description }) => ({ name, description }))),
  });
  return modules.some((module) => module.id === 'identity') ? withAuthEndpoints(document) : document;
}
