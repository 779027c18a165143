import { toLocalInput } from '@web/lib/time';
import { Button } from '@web/ui/button';
import { Field, TextField } from '@web/ui/field';
import { NativeSelect } from '@web/ui/input';
import { FilterIcon, XIcon } from 'lucide-react';
import type { FormEvent } from 'react';
import {
  DELIVERY_SEARCH_KEYS,
  type DeliverySearch,
  useAppChoices,
  useEventTypes,
  useWebhookEndpoints,
} from '../queries';

/** Quick time ranges: how far back `from` goes. */
const RANGES = [
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;

interface DeliveryFiltersProps {
  search: DeliverySearch;
  onChange: (search: DeliverySearch) => void;
}

/**
 * The webhook log's filters as a form, applied on submit so each search is one URL and one
 * request, like the API request log's.
 */
export function DeliveryFilters({ search, onChange }: DeliveryFiltersProps) {
  const apps = useAppChoices();
  const endpoints = useWebhookEndpoints(search.appId);
  const eventTypes = useEventTypes();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of DELIVERY_SEARCH_KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (!value) continue;
      next[key] = key === 'from' || key === 'to' ? new Date(value).toISOString() : value;
    }
    const range = RANGES.find((entry) => entry.value === form.get('range'));
    if (range) {
      next.from = new Date(Date.now() - range.ms).toISOString();
      delete next.to;
    }
    onChange(next as DeliverySearch);
  };
  const filtered = DELIVERY_SEARCH_KEYS.some((key) => search[key]);

  return (
    // Keyed on the search so the inputs show the URL's filters after back/forward navigation.
    <form
      key={JSON.stringify(search)}
      onSubmit={submit}
      aria-label="Filter webhook deliveries"
      className="mb-4 grid grid-cols-1 gap-3 rounded-xl border p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field label="App">
        <NativeSelect name="appId" defaultValue={search.appId ?? ''}>
          <option value="">Any app</option>
          {apps.data?.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Endpoint">
        <NativeSelect name="endpointId" defaultValue={search.endpointId ?? ''}>
          <option value="">Any endpoint</option>
          {endpoints.data?.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.url}
            </option>
          ))}
          {/* An endpoint from a link that the list (of another app) does not hold. */}
          {search.endpointId && !endpoints.data?.some((endpoint) => endpoint.id === search.endpointId) && (
            <option value={search.endpointId}>{search.endpointId}</option>
          )}
        </NativeSelect>
      </Field>
      <Field label="Event type">
        <NativeSelect name="eventType" defaultValue={search.eventType ?? ''}>
          <option value="">Any event</option>
          {eventTypes.data?.map((type) => (
            <option key={type.type} value={type.type}>
              {type.type}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Outcome">
        <NativeSelect name="status" defaultValue={search.status ?? ''}>
          <option value="">Any outcome</option>
          <option value="success">Delivered</option>
          <option value="failed">Failed</option>
        </NativeSelect>
      </Field>
      <Field label="Time range">
        <NativeSelect name="range" defaultValue="">
          <option value="">Custom (below)</option>
          {RANGES.map((range) => (
            <option key={range.value} value={range.value}>
              {range.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <TextField label="From" name="from" type="datetime-local" defaultValue={toLocalInput(search.from)} />
      <TextField label="To" name="to" type="datetime-local" defaultValue={toLocalInput(search.to)} />
      <div className="flex flex-wrap items-end gap-2">
        <Button type="submit">
          <FilterIcon aria-hidden="true" />
          Apply filters
        </Button>
        {filtered && (
          <Button variant="ghost" onClick={() => onChange({})}>
            <XIcon aria-hidden="true" />
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
