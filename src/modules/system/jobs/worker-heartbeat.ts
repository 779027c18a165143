import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { recordWorkerHeartbeat } from '../services/instance.js';

/** Proves a worker is consuming the queue; the System page shows the last beat. */
export const workerHeartbeatJob = defineJob({
  name: 'system.worker-heartbeat',
  description: 'Records that a worker process is alive and consuming jobs.',
  payload: z.object({}),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  timeoutSeconds: 30,
  schedule: '* * * * *',
  runOnStart: true,
  handle: async (_payload, services) => recordWorkerHeartbeat(services.db),
});
