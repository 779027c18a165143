import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ProjectIdParamsSchema, ProjectSchema } from '../contract/projects.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { findProject } from '../services/find-project.js';

export const getProjectRoute = defineRoute({
  route: createRoute({
    operationId: 'getProject',
    method: 'get',
    path: '/partner/projects/{projectId}',
    tags: ['Tenancy'],
    summary: 'Get a project',
    description: 'One project of the caller’s tenant, with its number of apps.',
    request: { params: ProjectIdParamsSchema },
    responses: {
      200: { description: 'The project.', content: { 'application/json': { schema: ProjectSchema } } },
      404: problemContent('No such project in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.projectsRead),
  handler: async (c) => {
    const { projectId } = c.req.valid('param');
    const { view } = await callerTenantTx(c, (tx) => findProject(tx, projectId));
    return c.json(view, 200);
  },
});
