import { Link, useNavigate } from '@tanstack/react-router';
import { ProblemError } from '@web/api/problem';
import { fieldErrors, formError } from '@web/lib/form-errors';
import { Button } from '@web/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@web/ui/dialog';
import { Field } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { Input, NativeSelect, Textarea } from '@web/ui/input';
import { LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type AppEnvironment, type Project, useCreateApp } from '../queries';
import { EnvironmentPicker } from './environment-picker';

interface CreateAppDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  projects: Project[];
  /** Preselected, e.g. the project the list is filtered by. */
  projectId?: string;
}

export function CreateAppDialog({ open, onOpenChange, projects, projectId }: CreateAppDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        {projects.length === 0 ? (
          <NoProjectYet />
        ) : (
          <CreateAppForm projects={projects} projectId={projectId} onDone={() => onOpenChange(false)} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function NoProjectYet() {
  return (
    <>
      <DialogHeader>
        <DialogTitle>Create a project first</DialogTitle>
        <DialogDescription>
          Every app belongs to a project. Create one, then come back here.
        </DialogDescription>
      </DialogHeader>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button asChild>
          <Link to="/tenancy/projects">Go to projects</Link>
        </Button>
      </DialogFooter>
    </>
  );
}

function CreateAppForm({
  projects,
  projectId,
  onDone,
}: {
  projects: Project[];
  projectId?: string;
  onDone: () => void;
}) {
  const navigate = useNavigate();
  const [project, setProject] = useState(projectId ?? projects[0]?.id ?? '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [environment, setEnvironment] = useState<AppEnvironment>('sandbox');
  const create = useCreateApp();
  const errors = fieldErrors(create.error);
  const conflict = create.error instanceof ProblemError && create.error.code === 'conflict';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { projectId: project, name, description, environment, ipAllowlist: [], settings: {} };
    create.mutate(body, {
      onSuccess: (app) => {
        toast.success('App created', { description: app.name });
        onDone();
        void navigate({ to: '/tenancy/apps/$appId', params: { appId: app.id } });
      },
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <DialogHeader>
        <DialogTitle>New app</DialogTitle>
        <DialogDescription>
          An app is one client of the API, such as your backend, in one environment. Keys and webhooks belong
          to it.
        </DialogDescription>
      </DialogHeader>
      <Field label="Project" error={errors.projectId}>
        <NativeSelect value={project} onChange={(event) => setProject(event.target.value)}>
          {projects.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Name" error={errors.name ?? (conflict ? create.error?.message : undefined)}>
        <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={100} autoFocus />
      </Field>
      <Field label="Description" hint="Optional." error={errors.description}>
        <Textarea
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={500}
        />
      </Field>
      <EnvironmentPicker value={environment} onChange={setEnvironment} error={errors.environment} />
      <FormAlert message={conflict ? undefined : formError(create.error, errors)} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
          Create app
        </Button>
      </DialogFooter>
    </form>
  );
}
