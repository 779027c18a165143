import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { LOGS_PERMISSIONS, RequestLogListSchema, RequestLogQuerySchema } from '../contract.js';
import { listRequestLogs } from '../services/list-logs.js';
import { logFiltersFromQuery } from '../services/log-filters.js';

export const listLogsRoute = defineRoute({
  route: createRoute({
    operationId: 'listRequestLogs',
    method: 'get',
    path: '/partner/logs',
    tags: ['Request logs'],
    summary: 'Search the API request log',
    description:
      'Your tenant’s Partner and Public API requests, newest first, filtered by path/IP/key search, status class, method, app, key, route and time range. Pass `nextCursor` back as `cursor` for older requests.',
    request: { query: RequestLogQuerySchema },
    responses: {
      200: {
        description: 'One page of requests.',
        content: { 'application/json': { schema: RequestLogListSchema } },
      },
    },
  }),
  access: requirePermission(LOGS_PERMISSIONS.logsRead),
  handler: async (c) => {
    const { cursor, limit, ...query } = c.req.valid('query');
    const filters = logFiltersFromQuery(query);
    const page = await callerTenantTx(c, (tx) =>
      listRequestLogs(tx, tx.tenantId, filters, { limit, ...(cursor ? { cursor } : {}) }),
    );
    return c.json(page, 200);
  },
});
