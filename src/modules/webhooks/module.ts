import { defineModule } from '../../kernel/module.js';
import { WEBHOOKS_PERMISSIONS } from './contract.js';
import { webhookEvents } from './events.js';
import { deliverWebhookJob } from './jobs/deliver-webhook.js';
import { enforceWebhookRetentionJob } from './jobs/enforce-retention.js';
import { createEndpointRoute } from './routes/create-endpoint.js';
import { deleteEndpointRoute } from './routes/delete-endpoint.js';
import { getEndpointRoute } from './routes/get-endpoint.js';
import { getEndpointStatsRoute } from './routes/get-endpoint-stats.js';
import { listEndpointLogsRoute } from './routes/list-endpoint-logs.js';
import { listEndpointsRoute } from './routes/list-endpoints.js';
import { listEventTypesRoute } from './routes/list-event-types.js';
import { listWebhookLogsRoute } from './routes/list-webhook-logs.js';
import { replayEndpointRoute } from './routes/replay-endpoint.js';
import { retryDeliveryRoute } from './routes/retry-delivery.js';
import { revealEndpointSecretRoute } from './routes/reveal-endpoint-secret.js';
import { rotateEndpointSecretRoute } from './routes/rotate-endpoint-secret.js';
import { sendTestEventRoute } from './routes/send-test-event.js';
import { updateEndpointRoute } from './routes/update-endpoint.js';
import { startDispatcher } from './services/dispatcher.js';
import { seedDemoWebhooks } from './services/seed-demo.js';

export const webhooksModule = defineModule({
  id: 'webhooks',
  title: 'Webhooks',
  description:
    'The event outbox and its dispatcher; webhook endpoints per app, signed per Standard Webhooks, delivered at least once with retries, logged and replayable.',
  // Fixed paths (event types, logs, test) before the `{endpointId}` lookups, so they are not read as ids.
  routes: [
    listEventTypesRoute,
    listWebhookLogsRoute,
    sendTestEventRoute,
    retryDeliveryRoute,
    listEndpointsRoute,
    createEndpointRoute,
    getEndpointRoute,
    updateEndpointRoute,
    deleteEndpointRoute,
    rotateEndpointSecretRoute,
    revealEndpointSecretRoute,
    listEndpointLogsRoute,
    getEndpointStatsRoute,
    replayEndpointRoute,
  ],
  jobs: [deliverWebhookJob, enforceWebhookRetentionJob],
  events: webhookEvents,
  tags: [
    {
      name: 'Webhooks',
      description:
        'Endpoints that receive your apps’ events, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`); the event catalogue; delivery logs, retries and replays.',
    },
  ],
  permissions: [
    {
      name: WEBHOOKS_PERMISSIONS.read,
      description: 'See webhook endpoints (never their secrets), the event catalogue and the delivery logs.',
      defaultRoles: ['owner', 'admin', 'developer', 'analyst'],
    },
    {
      name: WEBHOOKS_PERMISSIONS.write,
      description:
        'Create, change, delete webhook endpoints, rotate their secrets, retry, replay and send test events.',
      defaultRoles: ['owner', 'admin', 'developer'],
    },
    {
      name: WEBHOOKS_PERMISSIONS.revealSecret,
      description: 'See a webhook endpoint’s signing secret again after its creation.',
      defaultRoles: ['owner', 'admin', 'developer'],
    },
  ],
  nav: [
    {
      section: { id: 'build', title: 'Build', order: 20 },
      id: 'webhooks-endpoints',
      title: 'Webhooks',
      path: '/webhooks/endpoints',
      icon: 'webhook',
      description: 'Every webhook endpoint of your apps: subscriptions, status and success rate.',
      order: 35,
      permission: WEBHOOKS_PERMISSIONS.read,
    },
    {
      section: { id: 'build', title: 'Build', order: 20 },
      id: 'webhooks-event-types',
      title: 'Event catalogue',
      path: '/webhooks/event-types',
      icon: 'file-text',
      description: 'Every event your webhook endpoints can receive, with its JSON Schema and an example.',
      order: 40,
      permission: WEBHOOKS_PERMISSIONS.read,
    },
    {
      section: { id: 'observe', title: 'Observe', order: 30 },
      id: 'webhooks-logs',
      title: 'Webhook logs',
      path: '/webhooks/logs',
      icon: 'activity',
      description: 'Every webhook delivery attempt: payload, answer, latency; retry failed ones.',
      order: 20,
      permission: WEBHOOKS_PERMISSIONS.read,
    },
  ],
  start: startDispatcher,
  // After every module that emits events while it seeds: the endpoint does not receive those.
  demo: { order: 80, seed: seedDemoWebhooks },
});
