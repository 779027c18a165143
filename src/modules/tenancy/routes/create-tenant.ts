import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { setActiveTenant } from '../../identity/index.js';
import { CreateTenantRequestSchema, MyTenantSchema } from '../contract.js';
import { createTenant } from '../services/create-tenant.js';

export const createTenantRoute = defineRoute({
  route: createRoute({
    operationId: 'createTenant',
    method: 'post',
    path: '/partner/tenants',
    tags: ['Tenancy'],
    summary: 'Create a tenant',
    description:
      'Creates another organisation with the signed-in user as its Owner and switches the session to it. Used by users who have no tenant yet, or who run several.',
    request: {
      body: { required: true, content: { 'application/json': { schema: CreateTenantRequestSchema } } },
    },
    responses: {
      201: { description: 'The new tenant.', content: { 'application/json': { schema: MyTenantSchema } } },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const principal = c.get('principal');
    if (principal?.kind !== 'user' || !principal.sessionId) {
      throw new ProblemError('forbidden', 'Only a signed-in user can create a tenant.');
    }
    const body = c.req.valid('json');
    const { id } = await createTenant(c.env.services, {
      name: body.name,
      type: body.type,
      owner: { userId: principal.id, label: principal.label },
      actor: requestActor(c),
    });
    await setActiveTenant(c.env.services, principal.sessionId, id);
    return c.json(
      { id: toPublicId('tenant', id), name: body.name, type: body.type, role: 'Owner', active: true },
      201,
    );
  },
});
