import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { enforceRetention } from '../services/retention.js';

export const enforceRetentionJob = defineJob({
  name: 'logs.enforce-retention',
  description:
    'Drops request-log partitions past the longest retention, deletes rows past each tenant’s tier retention, trims rollups and creates the coming days’ partitions.',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 600,
  schedule: '17 3 * * *',
  runOnStart: true,
  handle: async (_payload, services) => {
    const report = await enforceRetention(services.pool);
    services.log.info(report, 'request log retention enforced');
  },
});
