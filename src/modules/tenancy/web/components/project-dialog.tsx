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
import { Input, Textarea } from '@web/ui/input';
import { LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type Project, useCreateProject, useUpdateProject } from '../queries';

interface ProjectDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Edit this project; absent to create one. */
  project?: Project;
}

/** Create or edit a project. The form mounts on each opening, so it starts from the project. */
export function ProjectDialog({ open, onOpenChange, project }: ProjectDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <ProjectForm project={project} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ProjectForm({ project, onDone }: { project?: Project; onDone: () => void }) {
  const [name, setName] = useState(project?.name ?? '');
  const [description, setDescription] = useState(project?.description ?? '');
  const create = useCreateProject();
  const update = useUpdateProject();
  const mutation = project ? update : create;
  const errors = fieldErrors(mutation.error);
  const conflict = mutation.error instanceof ProblemError && mutation.error.code === 'conflict';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name, description };
    const onSuccess = () => {
      toast.success(project ? 'Project saved' : 'Project created', { description: name.trim() });
      onDone();
    };
    if (project) update.mutate({ projectId: project.id, ...body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <DialogHeader>
        <DialogTitle>{project ? 'Edit project' : 'New project'}</DialogTitle>
        <DialogDescription>
          Projects group apps, for example one per integration or product line.
        </DialogDescription>
      </DialogHeader>
      <Field label="Name" error={errors.name ?? (conflict ? mutation.error?.message : undefined)}>
        <Input
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={100}
          required
          autoFocus
        />
      </Field>
      <Field label="Description" hint="Optional. What the project is for." error={errors.description}>
        <Textarea
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={500}
        />
      </Field>
      <FormAlert message={conflict ? undefined : formError(mutation.error, errors)} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
          {project ? 'Save' : 'Create project'}
        </Button>
      </DialogFooter>
    </form>
  );
}
