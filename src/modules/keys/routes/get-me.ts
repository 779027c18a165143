import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requireApiKey } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { KeyIntrospectionSchema } from '../contract.js';
import { introspectKey } from '../gateway/introspect.js';

export const getMeRoute = defineRoute({
  route: createRoute({
    operationId: 'getMe',
    method: 'get',
    path: '/v1/me',
    tags: ['Public API'],
    summary: 'The calling API key',
    description:
      'Key introspection: the key this request was made with (id, label, prefix, environment, scopes), its app and tenant, whether it is in a rotation’s grace period, and the rate-limit window the request counted against. Any valid key may call it; a dashboard session may not (the Public API takes API keys only).',
    responses: {
      200: {
        description: 'The calling key.',
        content: { 'application/json': { schema: KeyIntrospectionSchema } },
      },
      403: problemContent(
        'The caller’s address is not on the app’s IP allowlist (`reason: ip_not_allowed`).',
      ),
      429: problemContent(
        'The key’s or the plan’s rate limit is spent (`reason: key_rate_limit` or `plan_rate_limit`); see `Retry-After`.',
      ),
    },
  }),
  access: requireApiKey(),
  handler: (c) => c.json(introspectKey(c), 200),
});
