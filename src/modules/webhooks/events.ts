import { z } from 'zod';
import { defineEvent } from '../../kernel/events.js';

export const webhookTestEvent = defineEvent({
  type: 'webhook.test',
  description:
    'Sent by “Send test event” to one endpoint only, to check it receives and verifies deliveries.',
  schema: z.object({
    endpointId: z.string(),
    message: z.string(),
    eventType: z.string().nullable().describe('The event type the sender had in mind, if any.'),
  }),
  example: {
    endpointId: 'ep_01jf8zb2c3d4e5f6g7h8j9k0m1',
    message: 'A test event from Atrium.',
    eventType: 'api_key.created',
  },
});

export const endpointDisabledEvent = defineEvent({
  type: 'webhook_endpoint.disabled',
  description:
    'Atrium disabled a webhook endpoint after five days of failed deliveries. Sent to the tenant’s other endpoints.',
  schema: z.object({
    endpointId: z.string(),
    appId: z.string(),
    url: z.string(),
    reason: z.string(),
    failingSince: z.string(),
  }),
  example: {
    endpointId: 'ep_01jf8zb2c3d4e5f6g7h8j9k0m1',
    appId: 'app_01jf8z7k2n3p4q5r6s7t8v9w0x',
    url: 'https://hooks.acme.example/atrium',
    reason: 'Every delivery failed for 5 days.',
    failingSince: '2025-01-10T09:30:00.000Z',
  },
});

export const webhookEvents = [webhookTestEvent, endpointDisabledEvent];
