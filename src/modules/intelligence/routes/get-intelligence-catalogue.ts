import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { intelligenceCatalogue } from '../analytics/catalogue.js';
import { IntelligenceCatalogueSchema } from '../analytics/schemas.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';

export const getIntelligenceCatalogueRoute = defineRoute({
  route: createRoute({
    operationId: 'getIntelligenceCatalogue',
    method: 'get',
    path: '/partner/analytics/catalogue',
    tags: ['Intelligence analytics'],
    summary: 'Get the personas and craving drivers',
    description:
      'Every persona the analysis engine can assign (key, name, what it means) and every craving driver it scores: the values of the `persona` and `craving` filters on `GET /partner/customers`. The method behind them is in docs/modules/intelligence.md.',
    responses: {
      200: {
        description: 'The catalogue of the running engine version.',
        content: { 'application/json': { schema: IntelligenceCatalogueSchema } },
      },
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: (c) => c.json(intelligenceCatalogue(), 200),
});
