import { ProblemError } from '@web/api/problem';
import { fieldErrors, formError } from '@web/lib/form-errors';
import { saveThen } from '@web/lib/save-then';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { Field } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { Input, Textarea } from '@web/ui/input';
import { LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type App, type AppEnvironment, useUpdateApp } from '../queries';
import { EnvironmentPicker } from './environment-picker';

export function AppGeneralForm({ app, editable }: { app: App; editable: boolean }) {
  const [name, setName] = useState(app.name);
  const [description, setDescription] = useState(app.description);
  const [environment, setEnvironment] = useState<AppEnvironment>(app.environment);
  const update = useUpdateApp(app.id);
  const errors = fieldErrors(update.error);
  const conflict = update.error instanceof ProblemError && update.error.code === 'conflict';
  const dirty = name !== app.name || description !== app.description || environment !== app.environment;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveThen(update, { name, description, environment }, () =>
      toast.success('App saved', { description: name.trim() }),
    );
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>General</CardTitle>
        <CardDescription>Name, description and environment.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate>
          <fieldset disabled={!editable} className="flex flex-col gap-4">
            <Field label="Name" error={errors.name ?? (conflict ? update.error?.message : undefined)}>
              <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
            </Field>
            <Field label="Description" error={errors.description}>
              <Textarea
                value={description}
                onChange={(event) => setDescription(event.target.value)}
                maxLength={500}
              />
            </Field>
            <EnvironmentPicker
              value={environment}
              onChange={setEnvironment}
              disabled={!editable}
              error={errors.environment}
            />
            <FormAlert message={conflict ? undefined : formError(update.error, errors)} />
            {editable && (
              <div>
                <Button type="submit" disabled={!dirty || update.isPending}>
                  {update.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                  Save
                </Button>
              </div>
            )}
          </fieldset>
        </form>
      </CardContent>
    </Card>
  );
}
