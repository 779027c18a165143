import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { TenantProfileSchema } from '../contract/tenant-profile.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { getTenantProfile } from '../services/get-tenant-profile.js';

export const getTenantProfileRoute = defineRoute({
  route: createRoute({
    operationId: 'getTenantProfile',
    method: 'get',
    path: '/partner/tenant',
    tags: ['Tenancy'],
    summary: 'Your organisation’s profile',
    description:
      'The profile of the tenant the caller works in: name, type, contact, address, tax id, tier, logo and brand colour.',
    responses: {
      200: { description: 'The profile.', content: { 'application/json': { schema: TenantProfileSchema } } },
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.settingsRead),
  handler: async (c) => c.json(await callerTenantTx(c, getTenantProfile), 200),
});
