import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { KeyUsageSummaryListSchema, USAGE_PERMISSIONS, UsageRangeQuerySchema } from '../contract.js';
import { summariseKeys } from '../services/key-usage.js';

export const listKeyUsageRoute = defineRoute({
  route: createRoute({
    operationId: 'listApiKeyUsage',
    method: 'get',
    path: '/partner/usage/keys',
    tags: ['Usage'],
    summary: 'Summarise usage per API key',
    description:
      'For every key of the tenant that made calls: calls and 5xx today (UTC), and calls and 5xx error rate in the period. For the keys list.',
    request: { query: UsageRangeQuerySchema },
    responses: {
      200: {
        description: 'Usage per key.',
        content: { 'application/json': { schema: KeyUsageSummaryListSchema } },
      },
      400: problemContent('`range` is not one of 24h, 7d, 30d, 90d.'),
    },
  }),
  access: requirePermission(USAGE_PERMISSIONS.usageRead),
  handler: async (c) => {
    const { range } = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => summariseKeys(tx, { range, now: new Date() })), 200);
  },
});
