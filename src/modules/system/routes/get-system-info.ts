import { createRoute } from '@hono/zod-openapi';
import { defineRoute, publicAccess } from '../../../kernel/http/route.js';
import { SystemInfoSchema } from '../contract.js';
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
  access: publicAccess,
  handler: async (c) => c.json(await getSystemInfo(c.env.services), 200),
});
