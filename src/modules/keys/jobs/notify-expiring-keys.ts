import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { notifyExpiringKeys } from '../services/notify-expiring-keys.js';

export const notifyExpiringKeysJob = defineJob({
  name: 'keys.notify-expiring',
  description:
    'Notifies the key managers of each tenant about API keys that expire within 7 days, once per key.',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 600,
  schedule: '0 7 * * *',
  runOnStart: true,
  handle: async (_payload, services) => {
    const announced = await notifyExpiringKeys(services);
    if (announced > 0) services.log.info({ announced }, 'expiring API keys announced');
  },
});
