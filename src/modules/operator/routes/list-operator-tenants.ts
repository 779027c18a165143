import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { TENANCY_PERMISSIONS } from '../../tenancy/contract.js';
import { OperatorTenantListSchema, OperatorTenantQuerySchema } from '../contract.js';
import { listTenants } from '../services/list-tenants.js';

export const listOperatorTenantsRoute = defineRoute({
  route: createRoute({
    operationId: 'listOperatorTenants',
    method: 'get',
    path: '/operator/tenants',
    tags: ['Operator'],
    summary: 'All tenants',
    description: 'Every tenant on this installation, searchable and filterable, for operator staff.',
    request: { query: OperatorTenantQuerySchema },
    responses: {
      200: {
        description: 'A page of tenants.',
        content: { 'application/json': { schema: OperatorTenantListSchema } },
      },
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.tenantsRead),
  handler: async (c) => c.json(await listTenants(c.env.services, c.req.valid('query')), 200),
});
