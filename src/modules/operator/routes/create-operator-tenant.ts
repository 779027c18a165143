import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { inviteFirstOwner } from '../../access/index.js';
import { TENANCY_PERMISSIONS } from '../../tenancy/contract.js';
import { createTenant } from '../../tenancy/index.js';
import { CreateOperatorTenantRequestSchema, OperatorTenantSchema } from '../contract.js';
import { listTenants } from '../services/list-tenants.js';

export const createOperatorTenantRoute = defineRoute({
  route: createRoute({
    operationId: 'createOperatorTenant',
    method: 'post',
    path: '/operator/tenants',
    tags: ['Operator'],
    summary: 'Create a tenant and invite its first Owner',
    description:
      'Creates a tenant with its built-in roles and mails an Owner invitation to `ownerEmail`, in one transaction: either both exist afterwards or neither. Recorded on the new tenant’s audit chain.',
    request: {
      body: {
        required: true,
        content: { 'application/json': { schema: CreateOperatorTenantRequestSchema } },
      },
    },
    responses: {
      201: {
        description: 'The new tenant.',
        content: { 'application/json': { schema: OperatorTenantSchema } },
      },
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.tenantsManage),
  handler: async (c) => {
    const body = c.req.valid('json');
    const actor = requestActor(c);
    const { services } = c.env;
    const { id } = await createTenant(services, {
      name: body.name,
      type: body.type,
      tier: body.tier,
      contactEmail: body.ownerEmail,
      actor,
      withinTransaction: async (tx) => {
        await inviteFirstOwner(services, tx, { email: body.ownerEmail, actor });
      },
    });
    const { data } = await listTenants(services, { id, limit: 1, offset: 0 });
    return c.json(data[0] as NonNullable<(typeof data)[number]>, 201);
  },
});
