import { createRoute } from '@hono/zod-openapi';
import { defineRoute, publicAccess } from '../../../kernel/http/route.js';
import { NavigationSchema } from '../contract.js';
import { buildNavigation } from '../services/build-navigation.js';

export const listNavigationRoute = defineRoute({
  route: createRoute({
    operationId: 'listNavigation',
    method: 'get',
    path: '/partner/system/navigation',
    tags: ['System'],
    summary: 'Dashboard navigation',
    description: "The dashboard's two-level navigation, built from the enabled modules' declared pages.",
    responses: {
      200: {
        description: 'Sections with their pages, in display order.',
        content: { 'application/json': { schema: NavigationSchema } },
      },
    },
  }),
  access: publicAccess,
  handler: (c) => {
    const entries = c.env.services.modules.flatMap((module) => module.nav);
    return c.json(buildNavigation(entries), 200);
  },
});
