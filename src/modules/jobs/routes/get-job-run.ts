import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { JOBS_PERMISSIONS, JobIdParamsSchema, JobRunSchema } from '../contract.js';
import { getJobRun } from '../services/list-job-runs.js';

export const getJobRunRoute = defineRoute({
  route: createRoute({
    operationId: 'getJobRun',
    method: 'get',
    path: '/partner/jobs/{jobId}',
    tags: ['Jobs'],
    summary: 'Get a job run',
    description: 'One job run with its state, progress, timings and error.',
    request: { params: JobIdParamsSchema },
    responses: {
      200: { description: 'The job run.', content: { 'application/json': { schema: JobRunSchema } } },
      404: problemContent('No such job in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(JOBS_PERMISSIONS.jobsRead),
  handler: async (c) => {
    const { jobId } = c.req.valid('param');
    return c.json(await callerTenantTx(c, (tx) => getJobRun(tx, jobId)), 200);
  },
});
