import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { AppSchema, CreateAppRequestSchema } from '../contract/apps.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { createApp } from '../services/create-app.js';

export const createAppRoute = defineRoute({
  route: createRoute({
    operationId: 'createApp',
    method: 'post',
    path: '/partner/apps',
    tags: ['Tenancy'],
    summary: 'Create an app',
    description:
      'Creates an app in one of the caller’s projects. Each bad IP allowlist entry is reported by its index (`body.ipAllowlist.2`). Recorded as `app.created`.',
    request: {
      body: { required: true, content: { 'application/json': { schema: CreateAppRequestSchema } } },
    },
    responses: {
      201: { description: 'The new app.', content: { 'application/json': { schema: AppSchema } } },
      404: problemContent('No such project in this tenant (or a malformed id).'),
      409: problemContent('The project already has an app with this name.'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.appsWrite),
  handler: async (c) => {
    const body = c.req.valid('json');
    const app = await callerTenantTx(c, (tx) => createApp(tx, { ...body, actor: requestActor(c) }));
    return c.json(app, 201);
  },
});
