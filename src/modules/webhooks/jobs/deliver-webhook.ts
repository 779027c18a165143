import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { deliverMessage } from '../services/deliver-message.js';

/**
 * One delivery attempt of a webhook message. The retry schedule is the module's own (each failed
 * attempt queues the next with `startAfter`); pg-boss's retries only cover a handler that crashed
 * or a worker that died mid-delivery (its job is failed once past the timeout, then retried within
 * seconds; the attempt is idempotent, and the message keeps its webhook-id).
 *
 * Each worker process runs up to 2 × 64 deliveries at once, fetched 64 at a time: an attempt
 * mostly waits on the receiver, and each fetch of pg-boss sorts the queue's whole backlog, so
 * fewer, larger fetches cost PostgreSQL far less than many small ones.
 */
export const deliverWebhookJob = defineJob({
  name: 'webhooks.deliver',
  description:
    'Sends one webhook message to its endpoint, records the attempt and schedules the next on failure.',
  payload: z.object({ messageId: z.uuid() }),
  retry: { limit: 10, delaySeconds: 2, backoff: true },
  // The HTTP exchange is bounded at 15 s; the rest is a few queries.
  timeoutSeconds: 40,
  concurrency: { workers: 2, batchSize: 64 },
  handle: async ({ messageId }, services) => {
    await deliverMessage(services, messageId, {
      requeue: (tx, id, startAfter) =>
        services.queue.enqueue(tx, deliverWebhookJob, { messageId: id }, startAfter ? { startAfter } : {}),
    });
  },
});
