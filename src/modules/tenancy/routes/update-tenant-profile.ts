import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { TenantProfileSchema, UpdateTenantProfileRequestSchema } from '../contract/tenant-profile.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { updateTenantProfile } from '../services/update-tenant-profile.js';

export const updateTenantProfileRoute = defineRoute({
  route: createRoute({
    operationId: 'updateTenantProfile',
    method: 'patch',
    path: '/partner/tenant',
    tags: ['Tenancy'],
    summary: 'Edit your organisation’s profile',
    description:
      'Changes the profile of the tenant the caller works in. The tier is set by the operator and cannot be changed here. Recorded as `tenant.updated` with the changed fields before and after (a logo by its type, size and SHA-256).',
    request: {
      body: {
        required: true,
        content: { 'application/json': { schema: UpdateTenantProfileRequestSchema } },
      },
    },
    responses: {
      200: {
        description: 'The profile as it is now.',
        content: { 'application/json': { schema: TenantProfileSchema } },
      },
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.settingsManage),
  handler: async (c) => {
    const changes = c.req.valid('json');
    const profile = await callerTenantTx(c, (tx) =>
      updateTenantProfile(tx, { changes, actor: requestActor(c) }),
    );
    return c.json(profile, 200);
  },
});
