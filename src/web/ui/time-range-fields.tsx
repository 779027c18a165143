import { toLocalInput } from '@web/lib/time';
import { Field, TextField } from './field';
import { NativeSelect } from './input';

/** Quick time ranges: how far back `from` goes. */
const QUICK_RANGES = [
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;

/** A quick range picker and custom From/To inputs (local time), for a filter form. */
export function TimeRangeFields({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <Field label="Time range">
        <NativeSelect name="range" defaultValue="">
          <option value="">{from || to ? 'Custom (below)' : 'Any time, or From/To below'}</option>
          {QUICK_RANGES.map((range) => (
            <option key={range.value} value={range.value}>
              {range.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <TextField label="From" name="from" type="datetime-local" defaultValue={toLocalInput(from)} />
      <TextField label="To" name="to" type="datetime-local" defaultValue={toLocalInput(to)} />
    </>
  );
}

/**
 * A submitted filter form as URL search values: the named keys that hold something, `from`/`to`
 * as ISO 8601; a quick range sets `from` (relative to now) and clears `to`.
 */
export function readFilterForm(form: FormData, keys: readonly string[]): Record<string, string> {
  const next: Record<string, string> = {};
  for (const key of keys) {
    const value = String(form.get(key) ?? '').trim();
    if (!value) continue;
    next[key] = key === 'from' || key === 'to' ? new Date(value).toISOString() : value;
  }
  const range = QUICK_RANGES.find((entry) => entry.value === form.get('range'));
  if (range) {
    next.from = new Date(Date.now() - range.ms).toISOString();
    delete next.to;
  }
  return next;
}
