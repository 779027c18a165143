import { defineModule } from '../../kernel/module.js';
import { getNotificationPreferencesRoute } from './routes/get-notification-preferences.js';
import { getUnreadCountRoute } from './routes/get-unread-count.js';
import { listNotificationsRoute } from './routes/list-notifications.js';
import { markAllNotificationsReadRoute } from './routes/mark-all-notifications-read.js';
import { markNotificationReadRoute } from './routes/mark-notification-read.js';
import { updateNotificationPreferencesRoute } from './routes/update-notification-preferences.js';

export const notificationsModule = defineModule({
  id: 'notifications',
  title: 'Notifications',
  description:
    'The in-app notification centre with unread counts, email for the important categories, and per-user preferences per category and channel.',
  routes: [
    listNotificationsRoute,
    getUnreadCountRoute,
    markAllNotificationsReadRoute,
    markNotificationReadRoute,
    getNotificationPreferencesRoute,
    updateNotificationPreferencesRoute,
  ],
  tags: [
    {
      name: 'Notifications',
      description: 'Your notification centre and how you want to be told (in the dashboard, by email).',
    },
  ],
  nav: [
    {
      section: { id: 'settings', title: 'Settings', order: 80 },
      id: 'notifications',
      title: 'Notifications',
      path: '/notifications',
      icon: 'bell',
      description: 'Everything Atrium told you, and how you want to be told.',
      order: 95,
    },
  ],
});
