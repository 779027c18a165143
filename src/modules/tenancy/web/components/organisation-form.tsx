import { fieldErrors, formError } from '@web/lib/form-errors';
import { saveThen } from '@web/lib/save-then';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { Field } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { Input, NativeSelect, Textarea } from '@web/ui/input';
import { LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { toast } from 'sonner';
import { type TenantProfile, type TenantType, useUpdateTenantProfile } from '../queries';
import { BrandColourField } from './brand-colour-field';
import { LogoField } from './logo-field';
import { TENANT_TYPE_LABELS } from './tenant-types';

type Values = {
  name: string;
  type: TenantType;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  address: string;
  taxId: string;
  logo: string | null;
  brandColor: string;
};

function valuesOf(profile: TenantProfile): Values {
  return {
    name: profile.name,
    type: profile.type,
    contactName: profile.contact.name ?? '',
    contactEmail: profile.contact.email ?? '',
    contactPhone: profile.contact.phone ?? '',
    address: profile.address ?? '',
    taxId: profile.taxId ?? '',
    logo: profile.logo,
    brandColor: profile.brandColor ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Only what changed is sent (a logo can be 256 KB); empty optional fields are cleared. */
function changes(before: Values, after: Values) {
  const changed = <K extends keyof Values>(key: K) => (after[key] !== before[key] ? after[key] : undefined);
  const contact = {
    name: changed('contactName') === undefined ? undefined : orNull(after.contactName),
    email: changed('contactEmail') === undefined ? undefined : orNull(after.contactEmail),
    phone: changed('contactPhone') === undefined ? undefined : orNull(after.contactPhone),
  };
  const text = (key: 'address' | 'taxId' | 'brandColor') =>
    changed(key) === undefined ? undefined : orNull(after[key]);
  return {
    name: changed('name'),
    type: changed('type'),
    contact: Object.values(contact).some((value) => value !== undefined) ? contact : undefined,
    address: text('address'),
    taxId: text('taxId'),
    brandColor: text('brandColor'),
    logo: changed('logo'),
  };
}

export function OrganisationForm({ profile, editable }: { profile: TenantProfile; editable: boolean }) {
  const [values, setValues] = useState(() => valuesOf(profile));
  const update = useUpdateTenantProfile();
  const errors = fieldErrors(update.error);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const pending = changes(valuesOf(profile), values);
  const dirty = Object.values(pending).some((value) => value !== undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveThen(update, pending, () => toast.success('Organisation saved'));
  };

  return (
    <form onSubmit={submit} noValidate className="flex max-w-3xl flex-col gap-6">
      <fieldset disabled={!editable} className="contents">
        <Section title="Organisation" description="How Atrium and your partners’ reports name you.">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" error={errors.name} className="sm:col-span-2">
              <Input
                value={values.name}
                onChange={(event) => set('name')(event.target.value)}
                maxLength={100}
              />
            </Field>
            <Field label="Type" error={errors.type}>
              <NativeSelect
                value={values.type}
                onChange={(event) => set('type')(event.target.value as TenantType)}
              >
                {Object.entries(TENANT_TYPE_LABELS).map(([type, label]) => (
                  <option key={type} value={type}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <div className="flex flex-col gap-1.5">
              <span className="font-medium text-sm leading-none">Tier</span>
              <div className="flex h-9 items-center gap-2">
                <Badge variant="secondary" className="capitalize">
                  {profile.tier}
                </Badge>
                <span className="text-muted-foreground text-xs">Set by the platform operator.</span>
              </div>
            </div>
          </div>
        </Section>
        <Section title="Contact" description="Who the platform operator contacts about your partnership.">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Contact name" error={errors['contact.name']}>
              <Input
                value={values.contactName}
                onChange={(event) => set('contactName')(event.target.value)}
                maxLength={100}
                autoComplete="name"
              />
            </Field>
            <Field label="Contact email" error={errors['contact.email']}>
              <Input
                type="email"
                value={values.contactEmail}
                onChange={(event) => set('contactEmail')(event.target.value)}
                maxLength={254}
                autoComplete="email"
              />
            </Field>
            <Field label="Contact phone" error={errors['contact.phone']}>
              <Input
                type="tel"
                value={values.contactPhone}
                onChange={(event) => set('contactPhone')(event.target.value)}
                maxLength={30}
                autoComplete="tel"
              />
            </Field>
          </div>
        </Section>
        <Section title="Address and tax" description="As they should appear on invoices and reports.">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Address" error={errors.address} className="sm:col-span-2">
              <Textarea
                value={values.address}
                onChange={(event) => set('address')(event.target.value)}
                maxLength={500}
                autoComplete="street-address"
              />
            </Field>
            <Field label="Tax ID" hint="VAT or other tax number." error={errors.taxId}>
              <Input
                value={values.taxId}
                onChange={(event) => set('taxId')(event.target.value)}
                maxLength={50}
              />
            </Field>
          </div>
        </Section>
        <Section title="Branding" description="Your logo and colour in reports and exports.">
          <div className="grid gap-6 sm:grid-cols-2">
            <LogoField value={values.logo} onChange={set('logo')} disabled={!editable} error={errors.logo} />
            <BrandColourField
              value={values.brandColor}
              onChange={set('brandColor')}
              disabled={!editable}
              error={errors.brandColor}
            />
          </div>
        </Section>
      </fieldset>
      <FormAlert message={formError(update.error, errors)} />
      {editable && (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={!dirty || update.isPending}>
            {update.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
            Save changes
          </Button>
          {dirty && (
            <Button variant="ghost" onClick={() => setValues(valuesOf(profile))}>
              Discard
            </Button>
          )}
        </div>
      )}
    </form>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
