import { Button } from '@web/ui/button';
import { Field, SelectField, TextField } from '@web/ui/field';
import { NativeSelect } from '@web/ui/input';
import { readFilterForm, TimeRangeFields } from '@web/ui/time-range-fields';
import { FilterIcon, XIcon } from 'lucide-react';
import type { FormEvent } from 'react';
import { LOG_SEARCH_KEYS, type LogSearch, useAppOptions } from '../queries';

const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', '4xx,5xx'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
interface LogsFiltersProps {
  search: LogSearch;
  onChange: (search: LogSearch) => void;
}

/**
 * The filters as a form, applied on submit so each search is one URL and one request. A quick
 * range sets `from` (and clears `to`); custom times are entered in local time, kept as ISO 8601.
 * A key or route filter arrives by link (from the overview or the keys page) and shows as a chip.
 */
export function LogsFilters({ search, onChange }: LogsFiltersProps) {
  const apps = useAppOptions();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(readFilterForm(new FormData(event.currentTarget), LOG_SEARCH_KEYS) as LogSearch);
  };
  const filtered = LOG_SEARCH_KEYS.some((key) => search[key]);

  return (
    // Keyed on the search so the inputs show the URL's filters after back/forward navigation.
    <form
      key={JSON.stringify(search)}
      onSubmit={submit}
      aria-label="Filter API requests"
      className="mb-4 grid grid-cols-1 gap-3 rounded-xl border p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <TextField
        label="Search"
        name="q"
        type="search"
        defaultValue={search.q}
        placeholder="Path, IP address or key"
        className="lg:col-span-2"
      />
      <SelectField
        label="Status"
        name="statusClass"
        options={STATUS_CLASSES}
        anyLabel="Any status"
        defaultValue={search.statusClass ?? ''}
      />
      <SelectField
        label="Method"
        name="method"
        options={METHODS}
        anyLabel="Any method"
        defaultValue={search.method ?? ''}
      />
      <Field label="App">
        <NativeSelect name="appId" defaultValue={search.appId ?? ''}>
          <option value="">Any app</option>
          {apps.data?.data.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <TimeRangeFields from={search.from} to={search.to} />
      {search.keyId && <input type="hidden" name="keyId" value={search.keyId} />}
      {search.route && <input type="hidden" name="route" value={search.route} />}
      <div className="flex flex-wrap items-end gap-2 lg:col-span-4">
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
        {search.keyId && (
          <Chip label={`Key ${search.keyId}`} onRemove={() => onChange({ ...search, keyId: undefined })} />
        )}
        {search.route && (
          <Chip label={`Route ${search.route}`} onRemove={() => onChange({ ...search, route: undefined })} />
        )}
      </div>
    </form>
  );
}

function Chip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border bg-muted px-2 py-1 font-mono text-xs">
      {label}
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove filter: ${label}`}
        className="rounded-full p-0.5 hover:bg-background"
      >
        <XIcon aria-hidden="true" className="size-3" />
      </button>
    </span>
  );
}
