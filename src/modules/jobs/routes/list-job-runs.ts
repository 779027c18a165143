import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { JOBS_PERMISSIONS, JobRunListQuerySchema, JobRunListSchema } from '../contract.js';
import { listJobRuns } from '../services/list-job-runs.js';

export const listJobRunsRoute = defineRoute({
  route: createRoute({
    operationId: 'listJobRuns',
    method: 'get',
    path: '/partner/jobs',
    tags: ['Jobs'],
    summary: 'List job runs',
    description:
      'Your tenant’s long-running work (exports, analyses), newest first, with state and progress. `GET /partner/stream` sends `job.updated` as they change.',
    request: { query: JobRunListQuerySchema },
    responses: {
      200: {
        description: 'A page of job runs.',
        content: { 'application/json': { schema: JobRunListSchema } },
      },
    },
  }),
  access: requirePermission(JOBS_PERMISSIONS.jobsRead),
  handler: async (c) => {
    const { state, cursor, limit } = c.req.valid('query');
    const page = await callerTenantTx(c, (tx) =>
      listJobRuns(tx, { limit, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) }),
    );
    return c.json(page, 200);
  },
});
