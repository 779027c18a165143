import { createRoute, z } from '@hono/zod-openapi';
import { defineRoute, publicAccess } from '../../../kernel/http/route.js';
import { HealthSchema, ReadinessSchema } from '../contract.js';
import { checkReadiness } from '../services/check-readiness.js';

export const healthzRoute = defineRoute({
  route: createRoute({
    operationId: 'getHealth',
    method: 'get',
    path: '/healthz',
    tags: ['Operations'],
    summary: 'Liveness',
    description: 'Answers 200 while the process serves HTTP. It does not touch the database.',
    responses: {
      200: {
        description: 'The process is alive.',
        content: { 'application/json': { schema: HealthSchema } },
      },
    },
  }),
  access: publicAccess,
  handler: (c) => c.json({ status: 'ok' as const }, 200),
});

export const readyzRoute = defineRoute({
  route: createRoute({
    operationId: 'getReadiness',
    method: 'get',
    path: '/readyz',
    tags: ['Operations'],
    summary: 'Readiness',
    description:
      'Answers 200 when the database is reachable and every committed migration is applied, else 503.',
    responses: {
      200: { description: 'Ready to serve.', content: { 'application/json': { schema: ReadinessSchema } } },
      503: { description: 'Not ready.', content: { 'application/json': { schema: ReadinessSchema } } },
    },
  }),
  access: publicAccess,
  handler: async (c) => {
    const readiness = await checkReadiness(c.env.services);
    return readiness.status === 'ready' ? c.json(readiness, 200) : c.json(readiness, 503);
  },
});

export const metricsRoute = defineRoute({
  route: createRoute({
    operationId: 'getMetrics',
    method: 'get',
    path: '/metrics',
    tags: ['Operations'],
    summary: 'Prometheus metrics',
    description: 'Process and HTTP metrics in the Prometheus text exposition format.',
    responses: {
      200: { description: 'Metrics.', content: { 'text/plain': { schema: z.string() } } },
    },
  }),
  access: publicAccess,
  handler: async (c) => {
    const registry = c.env.services.metrics;
    return c.text(await registry.metrics(), 200, { 'content-type': registry.contentType });
  },
});
