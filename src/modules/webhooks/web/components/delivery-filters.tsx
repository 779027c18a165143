import { Button } from '@web/ui/button';
import { Field } from '@web/ui/field';
import { NativeSelect } from '@web/ui/input';
import { readFilterForm, TimeRangeFields } from '@web/ui/time-range-fields';
import { FilterIcon, XIcon } from 'lucide-react';
import type { FormEvent } from 'react';
import {
  DELIVERY_SEARCH_KEYS,
  type DeliverySearch,
  useAppChoices,
  useEventTypes,
  useWebhookEndpoints,
} from '../queries';

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
    onChange(readFilterForm(new FormData(event.currentTarget), DELIVERY_SEARCH_KEYS) as DeliverySearch);
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
      <TimeRangeFields from={search.from} to={search.to} />
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
