import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { pruneEvents } from '../services/read-events.js';

/** How long events stay replayable for a client that reconnects. */
export const LIVE_EVENT_RETENTION_MINUTES = 60;

export const pruneLiveEventsJob = defineJob({
  name: 'live.prune-events',
  description: 'Deletes live events older than an hour (they only serve reconnecting streams).',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 300,
  schedule: '*/10 * * * *',
  handle: async (_payload, services) => {
    const deleted = await pruneEvents(services.pool, LIVE_EVENT_RETENTION_MINUTES);
    if (deleted > 0) services.log.debug({ deleted }, 'old live events deleted');
  },
});
