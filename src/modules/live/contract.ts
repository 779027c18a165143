import { z } from '@hono/zod-openapi';

/**
 * The live event types `GET /partner/stream` sends, with what their `data` carries. Event names
 * are the SSE `event:` field; the dashboard's `useLiveEvents` subscribes by name.
 */
export const LIVE_EVENT_TYPES = {
  logsAppended: 'logs.appended',
  jobUpdated: 'job.updated',
  notificationCreated: 'notification.created',
  notificationsRead: 'notifications.read',
  webhookDelivery: 'webhook.delivery',
} as const;

export type LiveEventType = (typeof LIVE_EVENT_TYPES)[keyof typeof LIVE_EVENT_TYPES];

export const LIVE_EVENT_DESCRIPTIONS: Record<LiveEventType, string> = {
  'logs.appended':
    'New request-log lines were stored for the tenant. `data`: `{ "count": 12 }` (lines in that write, one event per tenant per flush).',
  'job.updated':
    'A job run was queued, progressed, succeeded or failed. `data`: the job run as `GET /partner/jobs/{jobId}` returns it.',
  'notification.created':
    'A notification for the signed-in user (sent to that user only). `data`: the notification as `GET /partner/notifications` lists it.',
  'notifications.read':
    'The user marked notifications read (in another tab, say). `data`: `{ "ids": [...] }` or `{ "all": true }`.',
  'webhook.delivery':
    'A webhook delivery attempt finished. `data`: `{ "endpointId": "ep_…", "deliveryId": "msg_…", "attempt": 1, "outcome": "success", "statusCode": 200 }`.',
};

export const StreamQuerySchema = z.object({
  lastEventId: z.string().max(100).optional().openapi({
    description:
      'Resume after this event id, like the `Last-Event-ID` header (which wins when both are sent). For clients that cannot set headers.',
    example: 'lev_01jf8z9a2b3c4d5e6f7g8h9j0k',
  }),
});
