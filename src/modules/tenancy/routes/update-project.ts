import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ProjectIdParamsSchema, ProjectSchema, UpdateProjectRequestSchema } from '../contract/projects.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { updateProject } from '../services/update-project.js';

export const updateProjectRoute = defineRoute({
  route: createRoute({
    operationId: 'updateProject',
    method: 'patch',
    path: '/partner/projects/{projectId}',
    tags: ['Tenancy'],
    summary: 'Update a project',
    description:
      'Renames a project or changes its description. Recorded as `project.updated` with the changed fields before and after; a request that changes nothing records nothing.',
    request: {
      params: ProjectIdParamsSchema,
      body: { required: true, content: { 'application/json': { schema: UpdateProjectRequestSchema } } },
    },
    responses: {
      200: {
        description: 'The project as it is now.',
        content: { 'application/json': { schema: ProjectSchema } },
      },
      404: problemContent('No such project in this tenant (or a malformed id).'),
      409: problemContent('Another project already has this name.'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.projectsWrite),
  handler: async (c) => {
    const { projectId } = c.req.valid('param');
    const changes = c.req.valid('json');
    const project = await callerTenantTx(c, (tx) =>
      updateProject(tx, { projectId, changes, actor: requestActor(c) }),
    );
    return c.json(project, 200);
  },
});
