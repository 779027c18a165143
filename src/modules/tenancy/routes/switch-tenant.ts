import { createRoute } from '@hono/zod-openapi';
import { ProblemError } from '../../../kernel/http/problem.js';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { setActiveTenant } from '../../identity/index.js';
import { TenantIdParamsSchema } from '../contract.js';
import { listMyTenants } from '../services/list-my-tenants.js';

export const switchTenantRoute = defineRoute({
  route: createRoute({
    operationId: 'switchTenant',
    method: 'post',
    path: '/partner/tenants/{tenantId}/switch',
    tags: ['Tenancy'],
    summary: 'Work in another tenant',
    description: 'Makes one of your tenants the one this session works in. Another tenant is a 404.',
    request: { params: TenantIdParamsSchema },
    responses: {
      204: { description: 'Switched.' },
      404: { description: 'Not one of your tenants.' },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const principal = c.get('principal');
    const tenantId = fromPublicId('tenant', c.req.valid('param').tenantId);
    const mine =
      principal?.kind === 'user' && principal.sessionId && tenantId
        ? (await listMyTenants(c.env.services, principal.id, null)).some(
            (tenant) => fromPublicId('tenant', tenant.id) === tenantId,
          )
        : false;
    if (!mine || !tenantId || !principal?.sessionId) throw new ProblemError('not_found', 'No such tenant.');
    await setActiveTenant(c.env.services, principal.sessionId, tenantId);
    return c.body(null, 204);
  },
});
