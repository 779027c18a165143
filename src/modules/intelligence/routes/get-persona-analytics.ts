import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { getPersonaAnalytics } from '../analytics/persona-analytics.js';
import { AnalyticsFilterQuerySchema, PersonaAnalyticsSchema } from '../analytics/schemas.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';

export const getPersonaAnalyticsRoute = defineRoute({
  route: createRoute({
    operationId: 'getPersonaAnalytics',
    method: 'get',
    path: '/partner/analytics/personas',
    tags: ['Intelligence analytics'],
    summary: 'Get the persona distribution',
    description:
      'How the tenant’s customers (archived and merged ones left out) split across personas, with the same counts by region, age band and gender, and the contextual persona timeline (persona mix per month). Filters narrow every figure; `from`/`to` keep the customers whose transaction history overlaps the range and set the timeline’s months.',
    request: { query: AnalyticsFilterQuerySchema },
    responses: {
      200: {
        description: 'The persona figures.',
        content: { 'application/json': { schema: PersonaAnalyticsSchema } },
      },
      400: problemContent('A filter is not valid, or `from` is not before `to`.'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const filters = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => getPersonaAnalytics(tx, filters, new Date())), 200);
  },
});
