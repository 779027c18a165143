import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { MyTenantListSchema } from '../contract.js';
import { listMyTenants } from '../services/list-my-tenants.js';

export const listMyTenantsRoute = defineRoute({
  route: createRoute({
    operationId: 'listMyTenants',
    method: 'get',
    path: '/partner/tenants',
    tags: ['Tenancy'],
    summary: 'Your tenants',
    description:
      'Every tenant the signed-in user belongs to, with their role there; `active` marks the one this session works in.',
    responses: {
      200: { description: 'The tenants.', content: { 'application/json': { schema: MyTenantListSchema } } },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const principal = c.get('principal');
    if (principal?.kind !== 'user') return c.json({ data: [] }, 200);
    return c.json({ data: await listMyTenants(c.env.services, principal.id, principal.tenantId) }, 200);
  },
});
