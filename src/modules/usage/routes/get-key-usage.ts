import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  KeyUsageSchema,
  USAGE_PERMISSIONS,
  UsageKeyParamsSchema,
  UsageRangeQuerySchema,
} from '../contract.js';
import { getKeyUsage } from '../services/key-usage.js';

export const getKeyUsageRoute = defineRoute({
  route: createRoute({
    operationId: 'getApiKeyUsage',
    method: 'get',
    path: '/partner/api-keys/{keyId}/usage',
    tags: ['Usage'],
    summary: 'Get an API key’s usage',
    description:
      'One key’s calls in a period: totals, 5xx error rate, p95 latency, calls per hour or day, and its calls today (UTC).',
    request: { params: UsageKeyParamsSchema, query: UsageRangeQuerySchema },
    responses: {
      200: { description: 'The key’s usage.', content: { 'application/json': { schema: KeyUsageSchema } } },
      400: problemContent('`range` is not one of 24h, 7d, 30d, 90d.'),
      404: problemContent('No such key in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(USAGE_PERMISSIONS.usageRead),
  handler: async (c) => {
    const { keyId } = c.req.valid('param');
    const { range } = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => getKeyUsage(tx, keyId, { range, now: new Date() })), 200);
  },
});
