import { toLocalInput } from '@web/lib/time';
import { Button } from '@web/ui/button';
import { TextField } from '@web/ui/field';
import { FilterIcon, XIcon } from 'lucide-react';
import type { FormEvent } from 'react';
import { AUDIT_SEARCH_KEYS, type AuditSearch } from '../queries';

interface AuditFiltersProps {
  search: AuditSearch;
  onChange: (search: AuditSearch) => void;
}

/**
 * The filters as a form: applied on submit (not per keystroke), so each search is one URL and one
 * request. Times are entered in local time and kept in the URL as ISO 8601.
 */
export function AuditFilters({ search, onChange }: AuditFiltersProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: AuditSearch = {};
    for (const key of AUDIT_SEARCH_KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (!value) continue;
      next[key] = key === 'from' || key === 'to' ? new Date(value).toISOString() : value;
    }
    onChange(next);
  };
  const filtered = AUDIT_SEARCH_KEYS.some((key) => search[key]);

  return (
    // Keyed on the search so the inputs show the URL's filters after back/forward navigation.
    <form
      key={JSON.stringify(search)}
      onSubmit={submit}
      aria-label="Filter audit events"
      className="mb-4 grid grid-cols-1 gap-3 rounded-xl border p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <TextField label="Search" name="q" type="search" defaultValue={search.q} placeholder="Any text" />
      <TextField label="Actor" name="actor" defaultValue={search.actor} placeholder="Email, key or usr_ id" />
      <TextField
        label="Action"
        name="action"
        defaultValue={search.action}
        placeholder="member. or app.created"
      />
      <TextField
        label="Target type"
        name="targetType"
        defaultValue={search.targetType}
        placeholder="member"
      />
      <TextField label="Target id" name="targetId" defaultValue={search.targetId} placeholder="mem_…" />
      <TextField label="From" name="from" type="datetime-local" defaultValue={toLocalInput(search.from)} />
      <TextField label="To" name="to" type="datetime-local" defaultValue={toLocalInput(search.to)} />
      <div className="flex items-end gap-2">
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
