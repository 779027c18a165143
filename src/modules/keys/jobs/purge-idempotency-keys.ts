import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { purgeIdempotencyKeys } from '../gateway/idempotency.js';

export const purgeIdempotencyKeysJob = defineJob({
  name: 'keys.purge-idempotency-keys',
  description: 'Deletes stored Idempotency-Key answers older than 24 hours.',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 300,
  schedule: '17 * * * *',
  handle: async (_payload, services) => {
    const deleted = await purgeIdempotencyKeys(services.pool);
    if (deleted > 0) services.log.info({ deleted }, 'expired idempotency keys deleted');
  },
});
