import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { enforceWebhookRetention } from '../services/retention.js';

export const enforceWebhookRetentionJob = defineJob({
  name: 'webhooks.enforce-retention',
  description:
    'Deletes events past each tenant’s log retention with their webhook messages and attempts; events still in flight stay.',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 600,
  schedule: '37 3 * * *',
  handle: async (_payload, services) => {
    const report = await enforceWebhookRetention(services.pool);
    services.log.info(report, 'webhook retention enforced');
  },
});
