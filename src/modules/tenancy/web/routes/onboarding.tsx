import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { api, unwrap } from '@web/api/client';
import { fieldErrors, formError } from '@web/lib/form-errors';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader } from '@web/ui/card';
import { Field } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { Input, NativeSelect } from '@web/ui/input';
import { Building2Icon, LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { TENANT_TYPE_LABELS } from '../components/tenant-types';
import { responseBody, type TenantType } from '../queries';

export const Route = createFileRoute('/tenancy/onboarding')({
  head: () => ({ meta: [{ title: 'Create your organisation · Atrium' }] }),
  component: OnboardingPage,
});

/** For a signed-in user without a tenant (or one starting another): creates it and switches to it. */
function OnboardingPage() {
  const [name, setName] = useState('');
  const [type, setType] = useState<TenantType>('other');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: async () =>
      responseBody(unwrap(await api.POST('/partner/tenants', { body: { name, type } }))),
    onSuccess: async (tenant) => {
      // Everything on screen belonged to the previous tenant (or to none).
      await queryClient.invalidateQueries();
      toast.success('Organisation created', { description: tenant.name });
      await navigate({ to: '/tenancy/projects' });
    },
  });
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <div className="mx-auto flex max-w-lg flex-col gap-6 py-6 sm:py-12">
      <Card>
        <CardHeader className="gap-3">
          <div className="flex size-10 items-center justify-center rounded-lg border bg-muted/50">
            <Building2Icon className="size-5" aria-hidden="true" />
          </div>
          <h1 className="font-semibold text-xl leading-none">Create your organisation</h1>
          <CardDescription>
            Your organisation holds your projects, apps and team. You will be its Owner and can invite others
            later.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={submit} noValidate className="flex flex-col gap-4">
            <Field label="Organisation name" error={errors.name}>
              <Input
                value={name}
                onChange={(event) => setName(event.target.value)}
                maxLength={100}
                autoComplete="organization"
                autoFocus
              />
            </Field>
            <Field label="Type" hint="Decides which features Atrium suggests first." error={errors.type}>
              <NativeSelect value={type} onChange={(event) => setType(event.target.value as TenantType)}>
                {Object.entries(TENANT_TYPE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <FormAlert message={formError(create.error, errors)} />
            <Button type="submit" disabled={create.isPending}>
              {create.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
              Create organisation
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
