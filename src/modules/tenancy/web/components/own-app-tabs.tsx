import type { AppTab } from '@web/lib/app-tabs';
import { KeyRoundIcon, ScrollTextIcon, WebhookIcon } from 'lucide-react';
import { AppOverviewPanel } from './app-overview-panel';
import { AppSettingsPanel } from './app-settings-panel';
import { ComingWithModule } from './coming-with-module';

/**
 * The app page's own tabs. Keys, Webhooks and Logs are placeholders until their modules
 * contribute the real tabs through their `web/app-tabs.tsx`.
 */
export const ownAppTabs: readonly AppTab[] = [
  { id: 'overview', title: 'Overview', order: 0, Panel: AppOverviewPanel },
  {
    id: 'keys',
    title: 'Keys',
    order: 10,
    placeholder: true,
    Panel: () => (
      <ComingWithModule
        icon={<KeyRoundIcon />}
        title="API keys arrive with the API keys module"
        description="Once it is enabled, this tab lists the app’s keys and lets you create, rotate and revoke them. Nothing can call the API as this app until then."
      />
    ),
  },
  {
    id: 'webhooks',
    title: 'Webhooks',
    order: 20,
    placeholder: true,
    Panel: () => (
      <ComingWithModule
        icon={<WebhookIcon />}
        title="Webhooks arrive with the webhooks module"
        description="Once it is enabled, this tab lists the app’s endpoints, the events they receive and every delivery."
      />
    ),
  },
  {
    id: 'logs',
    title: 'Logs',
    order: 30,
    placeholder: true,
    Panel: () => (
      <ComingWithModule
        icon={<ScrollTextIcon />}
        title="Request logs arrive with the request log module"
        description="Once it is enabled, this tab shows every API call made with this app’s keys, searchable and filterable."
      />
    ),
  },
  { id: 'settings', title: 'Settings', order: 90, Panel: AppSettingsPanel },
];
