import { z } from '@hono/zod-openapi';

/** SPEC C9's categories, plus the platform's own (job failed, key expiring). */
export const NOTIFICATION_CATEGORIES = [
  'quota_approaching',
  'sla_violation',
  'drift_alert',
  'risk_flag',
  'webhook_failing',
  'webhook_disabled',
  'consent_received',
  'ticket_update',
  'report_ready',
  'job_failed',
  'key_expiring',
] as const;

export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/**
 * What each category is called and whether it is important: important ones are also emailed
 * unless the user turns email off (others only when the user turns it on).
 */
export const CATEGORY_INFO: Record<
  NotificationCategory,
  { title: string; description: string; important: boolean }
> = {
  quota_approaching: {
    title: 'Quota approaching',
    description: 'Your plan’s request quota is nearly used.',
    important: false,
  },
  sla_violation: { title: 'SLA violation', description: 'A workload missed its SLA.', important: false },
  drift_alert: { title: 'Drift alert', description: 'A customer’s behaviour drifted.', important: false },
  risk_flag: {
    title: 'Risk flag',
    description: 'A screening or risk check flagged something.',
    important: false,
  },
  webhook_failing: {
    title: 'Webhook endpoint failing',
    description: 'Deliveries to a webhook endpoint keep failing.',
    important: false,
  },
  webhook_disabled: {
    title: 'Webhook endpoint disabled',
    description: 'A webhook endpoint was disabled after repeated failures.',
    important: true,
  },
  consent_received: {
    title: 'Consent received',
    description: 'A customer granted consent.',
    important: false,
  },
  ticket_update: { title: 'Ticket update', description: 'A support ticket changed.', important: false },
  report_ready: { title: 'Report ready', description: 'A report you asked for is ready.', important: false },
  job_failed: { title: 'Job failed', description: 'A background job failed.', important: true },
  key_expiring: {
    title: 'API key expiring',
    description: 'An API key expires within 7 days.',
    important: true,
  },
};

export const NOTIFICATION_ID_EXAMPLE = 'ntf_01jf8z9a2b3c4d5e6f7g8h9j0k';
const timestamp = z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' });
const CategorySchema = z.enum(NOTIFICATION_CATEGORIES).openapi({ example: 'key_expiring' });

export const NotificationSchema = z
  .object({
    id: z.string().openapi({ example: NOTIFICATION_ID_EXAMPLE }),
    category: CategorySchema,
    title: z.string().openapi({ example: 'API key “Issuing backend” expires in 3 days' }),
    body: z.string().openapi({ example: 'Rotate it before 18 January to avoid failed requests.' }),
    link: z.string().nullable().openapi({ description: 'A dashboard path to open.', example: '/keys' }),
    readAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .openapi('Notification');

export const NotificationListSchema = z
  .object({
    data: z.array(NotificationSchema),
    nextCursor: z.string().nullable().openapi({
      description: 'Pass as `cursor` for the next (older) page; null on the last page.',
      example: null,
    }),
  })
  .openapi('NotificationList', { description: 'The caller’s notifications, newest first.' });

export const NotificationListQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: '`true`: only unread ones.', example: 'true' }),
  cursor: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
});

export const UnreadCountSchema = z
  .object({ count: z.number().int().openapi({ example: 3 }) })
  .openapi('NotificationUnreadCount');

export const ReadAllResultSchema = z
  .object({ updated: z.number().int().openapi({ description: 'Notifications marked read.', example: 3 }) })
  .openapi('NotificationsReadAll');

export const NotificationIdParamsSchema = z.object({
  notificationId: z
    .string()
    .openapi({ param: { name: 'notificationId', in: 'path' }, example: NOTIFICATION_ID_EXAMPLE }),
});

export const PreferenceSchema = z
  .object({
    category: CategorySchema,
    title: z.string().openapi({ example: 'API key expiring' }),
    description: z.string().openapi({ example: 'An API key expires within 7 days.' }),
    important: z.boolean().openapi({ description: 'Emailed unless you turn email off.', example: true }),
    inApp: z.boolean().openapi({ example: true }),
    email: z.boolean().openapi({ example: true }),
  })
  .openapi('NotificationPreference');

export const PreferenceListSchema = z
  .object({ data: z.array(PreferenceSchema) })
  .openapi('NotificationPreferences', { description: 'Every category with your channel choices.' });

export const UpdatePreferencesSchema = z
  .object({
    preferences: z
      .array(z.object({ category: CategorySchema, inApp: z.boolean(), email: z.boolean() }))
      .min(1)
      .max(NOTIFICATION_CATEGORIES.length),
  })
  .openapi('UpdateNotificationPreferences', {
    example: { preferences: [{ category: 'report_ready', inApp: true, email: false }] },
  });
