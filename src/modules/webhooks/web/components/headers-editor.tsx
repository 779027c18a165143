import { Button } from '@web/ui/button';
import { Input } from '@web/ui/input';
import { PlusIcon, XIcon } from 'lucide-react';
import { useId, useRef } from 'react';
import { MAX_CUSTOM_HEADERS } from '../../contract';

export interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

/** Rows of a header editor from a stored header map. */
export function headerRows(headers: Record<string, string>): HeaderRow[] {
  return Object.entries(headers).map(([name, value], key) => ({ key, name, value }));
}

/** The rows with a name, as the API's header map. */
export function headerMap(rows: readonly HeaderRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.name.trim()).map((row) => [row.name.trim(), row.value]));
}

interface HeadersEditorProps {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  /** The server's field errors: `headers` for the list, `headers.<name>` for one header. */
  errors: Record<string, string>;
}

/** Custom headers as name/value rows; the server reports a bad header by its name. */
export function HeadersEditor({ rows, onChange, errors }: HeadersEditorProps) {
  const id = useId();
  const nextKey = useRef(rows.length + 1000);
  const set = (key: number, change: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-medium text-sm">Custom headers (optional)</legend>
      <p className="text-muted-foreground text-xs">
        Sent with every delivery, e.g. a token your receiver expects. The <code>webhook-*</code> headers are
        Atrium’s.
      </p>
      <ul className="flex flex-col gap-2">
        {rows.map((row, position) => {
          const error = errors[`headers.${row.name.trim()}`];
          const errorId = `${id}-${row.key}-error`;
          return (
            <li key={row.key} className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <Input
                  aria-label={`Header ${position + 1} name`}
                  placeholder="x-acme-token"
                  className="font-mono"
                  spellCheck={false}
                  autoComplete="off"
                  value={row.name}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => set(row.key, { name: event.target.value })}
                />
                <Input
                  aria-label={`Header ${position + 1} value`}
                  placeholder="value"
                  className="font-mono"
                  spellCheck={false}
                  autoComplete="off"
                  value={row.value}
                  onChange={(event) => set(row.key, { value: event.target.value })}
                />
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove header ${position + 1}`}
                  onClick={() => onChange(rows.filter((entry) => entry.key !== row.key))}
                >
                  <XIcon aria-hidden="true" />
                </Button>
              </div>
              {error && (
                <p id={errorId} className="text-destructive text-xs">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {errors.headers && <p className="text-destructive text-xs">{errors.headers}</p>}
      <div>
        <Button
          variant="outline"
          size="sm"
          disabled={rows.length >= MAX_CUSTOM_HEADERS}
          onClick={() => onChange([...rows, { key: nextKey.current++, name: '', value: '' }])}
        >
          <PlusIcon aria-hidden="true" />
          Add header
        </Button>
      </div>
    </fieldset>
  );
}
