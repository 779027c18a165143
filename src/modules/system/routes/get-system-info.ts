import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { SYSTEM_PERMISSIONS, SystemInfoSchema } from '../contract.js';
import { getSystemInfo } from '../services/get-system-info.js';

export const getSystemInfoRoute = defineRoute({
  route: createRoute({
    operationId: 'getSystemInfo',
    method: 'get',
    path: '/partner/system/info',
    tags: ['System'],
    summary: 'Describe this Atrium instance',
    description:
      'Version, process role, database server and enabled modules of the instance answering the request, ' +
      'and when a worker last ran its heartbeat.',
    responses: {
      200: {
        description: 'The instance description.',
        content: { 'application/json': { schema: SystemInfoSchema } },
      },
    },
  }),
  access: requirePermission(SYSTEM_PERMISSIONS.read),
  handler: async (c) => c.json(await getSystemInfo(c.env.services), 200),
});
