import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { CreateProjectRequestSchema, ProjectSchema } from '../contract/projects.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { createProject } from '../services/create-project.js';

export const createProjectRoute = defineRoute({
  route: createRoute({
    operationId: 'createProject',
    method: 'post',
    path: '/partner/projects',
    tags: ['Tenancy'],
    summary: 'Create a project',
    description:
      'Creates a project in the caller’s tenant. Recorded in the audit trail as `project.created`.',
    request: {
      body: { required: true, content: { 'application/json': { schema: CreateProjectRequestSchema } } },
    },
    responses: {
      201: { description: 'The new project.', content: { 'application/json': { schema: ProjectSchema } } },
      409: problemContent('A project with this name (in any case) already exists.'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.projectsWrite),
  handler: async (c) => {
    const body = c.req.valid('json');
    const project = await callerTenantTx(c, (tx) => createProject(tx, { ...body, actor: requestActor(c) }));
    return c.json(project, 201);
  },
});
