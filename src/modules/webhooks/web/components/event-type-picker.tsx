import { ErrorState, LoadingState } from '@web/shell/states';
import { Checkbox } from '@web/ui/checkbox';
import { useId } from 'react';
import { useEventTypes, type WebhookEventType } from '../queries';

/** Event types grouped by the prefix before their first dot (`api_key.created` → `api_key`). */
export function groupEventTypes(types: readonly WebhookEventType[]): [string, WebhookEventType[]][] {
  const groups = new Map<string, WebhookEventType[]>();
  for (const type of types) {
    const prefix = type.type.split('.')[0] ?? type.type;
    groups.set(prefix, [...(groups.get(prefix) ?? []), type]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

interface EventTypePickerProps {
  /** Empty: every event type, including ones added later. */
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}

/** "All events", or a choice of event types from the catalogue, grouped by prefix. */
export function EventTypePicker({ value, onChange, error }: EventTypePickerProps) {
  const catalogue = useEventTypes();
  const id = useId();
  const all = value.length === 0;
  // Unticking "All events" starts from the full list, so narrowing it down is a few clicks.
  const setAll = (on: boolean) => onChange(on ? [] : (catalogue.data?.map((type) => type.type) ?? []));
  const toggle = (type: string, on: boolean) => {
    const next = on ? [...value, type] : value.filter((entry) => entry !== type);
    // Unticking the last one would mean "all" to the server: keep the picker honest instead.
    if (next.length > 0) onChange(next);
  };

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 font-medium text-sm">Events</legend>
      <div className="flex items-center gap-2 text-sm">
        <Checkbox
          id={`${id}-all`}
          checked={all}
          onCheckedChange={(checked) => setAll(checked === true)}
          disabled={!catalogue.data}
        />
        <label htmlFor={`${id}-all`}>All events, including ones added later</label>
      </div>
      {catalogue.isPending && <LoadingState label="Loading event types…" rows={1} />}
      {catalogue.isError && <ErrorState error={catalogue.error} onRetry={() => catalogue.refetch()} />}
      {!all && catalogue.data && (
        <div className="flex max-h-56 flex-col gap-3 overflow-y-auto rounded-md border p-3">
          {groupEventTypes(catalogue.data).map(([prefix, types]) => (
            <div key={prefix} className="flex flex-col gap-1.5">
              <p className="font-medium text-muted-foreground text-xs">{prefix}</p>
              {types.map((type) => (
                <div key={type.type} className="flex items-start gap-2">
                  <Checkbox
                    id={`${id}-${type.type}`}
                    className="mt-0.5"
                    checked={value.includes(type.type)}
                    onCheckedChange={(checked) => toggle(type.type, checked === true)}
                  />
                  <label htmlFor={`${id}-${type.type}`} className="flex flex-col text-sm">
                    <span className="font-mono text-xs">{type.type}</span>
                    <span className="text-muted-foreground text-xs">{type.description}</span>
                  </label>
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="text-destructive text-xs">
          {error}
        </p>
      )}
    </fieldset>
  );
}
