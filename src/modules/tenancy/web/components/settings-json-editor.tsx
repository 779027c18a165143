import { fieldErrors, formError } from '@web/lib/form-errors';
import { saveThen } from '@web/lib/save-then';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { Field } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { Textarea } from '@web/ui/input';
import { LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type App, useUpdateApp } from '../queries';

const MAX_BYTES = 16 * 1024;

type Parsed = { ok: true; value: Record<string, unknown>; bytes: number } | { ok: false; message: string };

/** Checked as the user types, so most mistakes never reach the server; the server checks again. */
function parseSettings(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `Not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Settings must be a JSON object, such as {"retries": 3}.' };
  }
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > MAX_BYTES)
    return { ok: false, message: `Settings are ${bytes} bytes; the limit is ${MAX_BYTES}.` };
  return { ok: true, value: value as Record<string, unknown>, bytes };
}

export function SettingsJsonEditor({ app, editable }: { app: App; editable: boolean }) {
  const stored = JSON.stringify(app.settings, null, 2);
  const [text, setText] = useState(stored);
  const update = useUpdateApp(app.id);
  const parsed = parseSettings(text);
  const errors = fieldErrors(update.error);
  const dirty = text !== stored;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.ok) return;
    saveThen(update, { settings: parsed.value }, () => toast.success('Settings saved'));
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Settings</CardTitle>
        <CardDescription>
          A JSON object for your integration’s own use, up to 16 KB. Atrium stores it and returns it with the
          app.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="flex flex-col gap-3">
          <Field
            label="Settings JSON"
            error={(parsed.ok ? undefined : parsed.message) ?? errors.settings}
            hint={parsed.ok ? `${parsed.bytes} of ${MAX_BYTES} bytes` : undefined}
          >
            <Textarea
              value={text}
              onChange={(event) => setText(event.target.value)}
              readOnly={!editable}
              rows={Math.min(20, Math.max(6, text.split('\n').length + 1))}
              className="font-mono text-xs md:text-xs"
              spellCheck={false}
              autoComplete="off"
            />
          </Field>
          <FormAlert message={errors.settings ? undefined : formError(update.error, errors)} />
          {editable && (
            <div className="flex flex-wrap gap-2">
              <Button
                variant="outline"
                disabled={!parsed.ok}
                onClick={() => parsed.ok && setText(JSON.stringify(parsed.value, null, 2))}
              >
                Format
              </Button>
              <Button type="submit" disabled={!dirty || !parsed.ok || update.isPending}>
                {update.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                Save settings
              </Button>
            </div>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
