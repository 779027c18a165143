import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ProjectIdParamsSchema } from '../contract/projects.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { deleteProject } from '../services/delete-project.js';

export const deleteProjectRoute = defineRoute({
  route: createRoute({
    operationId: 'deleteProject',
    method: 'delete',
    path: '/partner/projects/{projectId}',
    tags: ['Tenancy'],
    summary: 'Delete a project',
    description:
      'Deletes an empty project. A project that still has apps is refused with 409: delete its apps first, so that each app’s keys and webhooks end deliberately. Recorded as `project.deleted`.',
    request: { params: ProjectIdParamsSchema },
    responses: {
      204: { description: 'Deleted.' },
      404: problemContent('No such project in this tenant (or a malformed id).'),
      409: problemContent('The project still has apps.'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.projectsWrite),
  handler: async (c) => {
    const { projectId } = c.req.valid('param');
    await callerTenantTx(c, (tx) => deleteProject(tx, { projectId, actor: requestActor(c) }));
    return c.body(null, 204);
  },
});
