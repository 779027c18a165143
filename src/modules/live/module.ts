import { defineModule } from '../../kernel/module.js';
import { pruneLiveEventsJob } from './jobs/prune-live-events.js';
import { streamEventsRoute } from './routes/stream-events.js';
import { startLiveHub } from './services/hub.js';

export const liveModule = defineModule({
  id: 'live',
  title: 'Live updates',
  description:
    'Server-Sent Events for the dashboard: job progress, new log lines and notifications reach every signed-in browser of the tenant, whichever API process it is connected to.',
  routes: [streamEventsRoute],
  jobs: [pruneLiveEventsJob],
  tags: [
    {
      name: 'Live updates',
      description: 'A Server-Sent Events stream of what changes in your tenant while you watch.',
    },
  ],
  start: startLiveHub,
});
