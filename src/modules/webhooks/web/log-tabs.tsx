import type { LogTab, LogTabSearch } from '@web/lib/log-tabs';
import { WEBHOOKS_PERMISSIONS } from '../contract';
import { DeliveriesList } from './components/deliveries-list';
import { DeliveryFilters } from './components/delivery-filters';
import { DELIVERY_SEARCH_KEYS, type DeliverySearch, useDeliveries } from './queries';

function toDeliverySearch(search: LogTabSearch): DeliverySearch {
  const picked: DeliverySearch = {};
  for (const key of DELIVERY_SEARCH_KEYS) {
    const value = search[key];
    if (!value) continue;
    if (key === 'status') {
      if (value === 'success' || value === 'failed') picked.status = value;
    } else picked[key] = value;
  }
  return picked;
}

/** Every delivery attempt of the tenant, filtered by the URL's app, endpoint, event, outcome and time. */
function WebhookLogsPanel({
  search,
  onSearchChange,
}: {
  search: LogTabSearch;
  onSearchChange: (search: LogTabSearch) => void;
}) {
  const filters = toDeliverySearch(search);
  const deliveries = useDeliveries(filters);
  return (
    <>
      <DeliveryFilters search={filters} onChange={(next) => onSearchChange({ ...next })} />
      <DeliveriesList
        deliveries={deliveries}
        filtered={DELIVERY_SEARCH_KEYS.some((key) => filters[key])}
        showEndpoint
        emptyDescription="Each attempt to deliver an event to one of your webhook endpoints appears here, with the payload sent and the answer."
      />
    </>
  );
}

export const logTabs: readonly LogTab[] = [
  {
    id: 'webhooks',
    title: 'Webhooks',
    order: 10,
    description:
      'Every attempt to deliver an event to your webhook endpoints: the payload sent, the answer, the latency. Retry a failed one from its row.',
    permission: WEBHOOKS_PERMISSIONS.read,
    searchKeys: DELIVERY_SEARCH_KEYS,
    Panel: WebhookLogsPanel,
  },
];
