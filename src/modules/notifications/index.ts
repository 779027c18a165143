// The notifications module's public services: any module tells a tenant's members something.
export { NOTIFICATION_CATEGORIES, type NotificationCategory } from './contract.js';
export { type NotifyInput, type NotifyResult, notify } from './services/notify.js';
