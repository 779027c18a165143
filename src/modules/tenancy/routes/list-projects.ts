import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ProjectListSchema } from '../contract/projects.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { listProjects } from '../services/find-project.js';

export const listProjectsRoute = defineRoute({
  route: createRoute({
    operationId: 'listProjects',
    method: 'get',
    path: '/partner/projects',
    tags: ['Tenancy'],
    summary: 'List projects',
    description: 'Every project of the caller’s tenant, by name, with the number of apps in each.',
    responses: {
      200: { description: 'The projects.', content: { 'application/json': { schema: ProjectListSchema } } },
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.projectsRead),
  handler: async (c) => c.json({ data: await callerTenantTx(c, listProjects) }, 200),
});
