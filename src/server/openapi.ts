import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../kernel/http/route.js';
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
    name: 'atrium_session',
    description: 'Dashboard session cookie.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `Authorization: Bearer atr_live_…` or `atr_test_…`.',
  });
}

export function buildOpenApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Atrium API', version: APP_VERSION, description: DESCRIPTION },
    tags: [
      { name: 'System', description: 'This Atrium instance.' },
      { name: 'Operations', description: 'Health, readiness and metrics for operators and orchestrators.' },
    ],
  });
}
