import type { TopBarItem } from '@web/shell/top-bar-items';
import { NotificationBell } from './components/notification-bell';

export const topBarItems: TopBarItem[] = [{ id: 'notifications', order: 10, Component: NotificationBell }];
