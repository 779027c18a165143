import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { NavigationSchema } from '../contract.js';
import { buildNavigation } from '../services/build-navigation.js';

export const listNavigationRoute = defineRoute({
  route: createRoute({
    operationId: 'listNavigation',
    method: 'get',
    path: '/partner/system/navigation',
    tags: ['System'],
    summary: 'Dashboard navigation',
    description:
      "The dashboard's two-level navigation, built from the enabled modules' declared pages, without the pages the caller's permissions do not open.",
    responses: {
      200: {
        description: 'Sections with their pages, in display order.',
        content: { 'application/json': { schema: NavigationSchema } },
      },
    },
  }),
  access: authenticatedAccess,
  handler: (c) => {
    const granted = c.get('principal')?.permissions ?? new Set<string>();
    const entries = c.env.services.modules
      .flatMap((module) => module.nav)
      .filter((entry) => !entry.permission || granted.has(entry.permission));
    return c.json(buildNavigation(entries), 200);
  },
});
