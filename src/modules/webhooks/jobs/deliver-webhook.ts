import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { deliverMessage } from '../services/deliver-message.js';

/**
 * One delivery attempt of a webhook message. The retry schedule is the module's own (each failed
 * attempt queues the next with `startAfter`); pg-boss's retries only cover a handler that crashed.
 */
export const deliverWebhookJob = defineJob({
  name: 'webhooks.deliver',
  description:
    'Sends one webhook message to its endpoint, records the attempt and schedules the next on failure.',
  payload: z.object({ messageId: z.uuid() }),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  timeoutSeconds: 60,
  handle: async ({ messageId }, services) => {
    await deliverMessage(services, messageId, {
      requeue: (tx, id, startAfter) =>
        services.queue.enqueue(tx, deliverWebhookJob, { messageId: id }, startAfter ? { startAfter } : {}),
    });
  },
});
