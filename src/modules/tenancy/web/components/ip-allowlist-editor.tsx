import { fieldErrors, formError } from '@web/lib/form-errors';
import { saveThen } from '@web/lib/save-then';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { FormAlert } from '@web/ui/form-alert';
import { Input } from '@web/ui/input';
import { LoaderCircleIcon, PlusIcon, XIcon } from 'lucide-react';
import { type ClipboardEvent, type FormEvent, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { type App, useUpdateApp } from '../queries';

const MAX_ENTRIES = 100;

interface Row {
  key: number;
  value: string;
}

/**
 * One input per network. The server checks each entry and reports bad ones by index; blank rows
 * are not sent, so the editor remembers which row each sent entry came from.
 */
export function IpAllowlistEditor({ app, editable }: { app: App; editable: boolean }) {
  const nextKey = useRef(app.ipAllowlist.length);
  const [rows, setRows] = useState<Row[]>(() => app.ipAllowlist.map((value, key) => ({ key, value })));
  const [sentRows, setSentRows] = useState<number[]>([]);
  const update = useUpdateApp(app.id);
  const headingId = useId();

  const errors = fieldErrors(update.error);
  const rowError = (key: number) => {
    const index = sentRows.indexOf(key);
    return index === -1 ? undefined : errors[`ipAllowlist.${index}`];
  };
  const entries = rows.map((row) => row.value.trim()).filter(Boolean);
  const dirty = entries.join('\n') !== app.ipAllowlist.join('\n');

  const newRows = (values: string[]) => values.map((value) => ({ key: nextKey.current++, value }));
  const setRow = (key: number, value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, value } : row)));
  const removeRow = (key: number) => setRows((current) => current.filter((row) => row.key !== key));
  const addRow = () => setRows((current) => [...current, ...newRows([''])]);

  // Pasting a list (one per line, or separated by commas or spaces) fills one row per entry.
  const pasteList = (key: number, event: ClipboardEvent<HTMLInputElement>) => {
    const values = event.clipboardData
      .getData('text')
      .split(/[\s,;]+/)
      .filter(Boolean);
    if (values.length < 2) return;
    event.preventDefault();
    setRows((current) => {
      const at = current.findIndex((row) => row.key === key);
      const keep = current[at]?.value.trim() ? [current[at] as Row] : [];
      return [...current.slice(0, at), ...keep, ...newRows(values), ...current.slice(at + 1)].slice(
        0,
        MAX_ENTRIES,
      );
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sent = rows.filter((row) => row.value.trim());
    setSentRows(sent.map((row) => row.key));
    saveThen(update, { ipAllowlist: sent.map((row) => row.value.trim()) }, (saved) =>
      toast.success('IP allowlist saved', {
        description:
          saved.ipAllowlist.length === 0 ? 'Any address may call.' : `${saved.ipAllowlist.length} networks.`,
      }),
    );
  };

  const listError = errors.ipAllowlist;
  const rowErrorCount = sentRows.filter((key) => rowError(key)).length;

  return (
    <Card>
      <CardHeader>
        <CardTitle id={headingId}>IP allowlist</CardTitle>
        <CardDescription>
          Addresses or CIDR blocks, IPv4 or IPv6, that may call with this app’s keys. Leave empty to allow
          every address. Entries are stored in canonical form: 203.0.113.7 becomes 203.0.113.7/32.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate aria-labelledby={headingId} className="flex flex-col gap-3">
          {rows.length === 0 && (
            <p className="text-muted-foreground text-sm">No entries: every address may call.</p>
          )}
          <ul className="flex flex-col gap-2">
            {rows.map((row, position) => {
              const error = rowError(row.key);
              const errorId = `${headingId}-${row.key}-error`;
              return (
                <li key={row.key} className="flex flex-col gap-1">
                  <div className="flex items-center gap-2">
                    <Input
                      value={row.value}
                      onChange={(event) => setRow(row.key, event.target.value)}
                      onPaste={(event) => pasteList(row.key, event)}
                      readOnly={!editable}
                      placeholder="203.0.113.0/24 or 2001:db8::/32"
                      aria-label={`Network ${position + 1}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      className="font-mono"
                      spellCheck={false}
                      autoComplete="off"
                    />
                    {editable && (
                      <Button
                        variant="ghost"
                        size="icon"
                        onClick={() => removeRow(row.key)}
                        aria-label={`Remove network ${position + 1}`}
                      >
                        <XIcon aria-hidden="true" />
                      </Button>
                    )}
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
          <FormAlert
            message={
              listError ??
              (rowErrorCount > 0
                ? `${rowErrorCount} ${rowErrorCount === 1 ? 'entry is' : 'entries are'} not valid; nothing was saved.`
                : formError(update.error, errors))
            }
          />
          {editable && (
            <div className="flex flex-wrap gap-2">
              <Button variant="outline" onClick={addRow} disabled={rows.length >= MAX_ENTRIES}>
                <PlusIcon aria-hidden="true" />
                Add network
              </Button>
              <Button type="submit" disabled={!dirty || update.isPending}>
                {update.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                Save allowlist
              </Button>
            </div>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
