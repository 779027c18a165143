import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { LOGS_PERMISSIONS, RequestLogDetailSchema, RequestLogIdParamsSchema } from '../contract.js';
import { getRequestLog } from '../services/get-log.js';

export const getLogRoute = defineRoute({
  route: createRoute({
    operationId: 'getRequestLog',
    method: 'get',
    path: '/partner/logs/{logId}',
    tags: ['Request logs'],
    summary: 'Get one request with its headers and bodies',
    description: 'Headers and bodies are stored redacted and truncated; credentials never appear.',
    request: { params: RequestLogIdParamsSchema },
    responses: {
      200: {
        description: 'The request.',
        content: { 'application/json': { schema: RequestLogDetailSchema } },
      },
      404: problemContent('No such request in your tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(LOGS_PERMISSIONS.logsRead),
  handler: async (c) => {
    const { logId } = c.req.valid('param');
    const entry = await callerTenantTx(c, (tx) => getRequestLog(tx, tx.tenantId, logId));
    return c.json(entry, 200);
  },
});
