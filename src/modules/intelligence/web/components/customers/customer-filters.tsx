import { Button } from '@web/ui/button';
import { Field, TextField } from '@web/ui/field';
import { NativeSelect } from '@web/ui/input';
import { FilterIcon, XIcon } from 'lucide-react';
import type { FormEvent } from 'react';
import {
  CUSTOMER_SEARCH_KEYS,
  type CustomerSearch,
  type IntelligenceCatalogue,
} from '../../queries-customers';

const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

interface CustomerFiltersProps {
  search: CustomerSearch;
  /** The engine's personas and craving drivers (the choices); undefined while it loads. */
  catalogue: IntelligenceCatalogue | undefined;
  onChange: (search: CustomerSearch) => void;
}

/** The customer table's search and filters as one form, applied on submit: one URL per search. */
export function CustomerFilters({ search, catalogue, onChange }: CustomerFiltersProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of CUSTOMER_SEARCH_KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (value && !(key === 'archived' && value === 'false')) next[key] = value;
    }
    onChange(next as CustomerSearch);
  };
  const filtered = CUSTOMER_SEARCH_KEYS.some((key) => search[key]);
  const personaChoices = withCurrent(catalogue?.personas ?? [], search.persona);
  const cravingChoices = withCurrent(catalogue?.cravingDrivers ?? [], search.craving);

  return (
    // Keyed on the search (and the catalogue's arrival) so the inputs show the URL's filters after
    // back/forward navigation and once the choices have loaded.
    <form
      key={`${JSON.stringify(search)}${catalogue ? '' : ':loading'}`}
      onSubmit={submit}
      aria-label="Search and filter customers"
      className="mb-4 grid grid-cols-1 gap-3 rounded-xl border p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <TextField
        label="Search"
        name="q"
        type="search"
        placeholder="Id, reference or name"
        defaultValue={search.q ?? ''}
        className="sm:col-span-2"
      />
      <Field label="Persona">
        <NativeSelect name="persona" defaultValue={search.persona ?? ''}>
          <option value="">Any persona</option>
          {personaChoices.map((persona) => (
            <option key={persona.key} value={persona.key}>
              {persona.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Leading craving">
        <NativeSelect name="craving" defaultValue={search.craving ?? ''}>
          <option value="">Any craving</option>
          {cravingChoices.map((driver) => (
            <option key={driver.key} value={driver.key}>
              {driver.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Drift">
        <NativeSelect name="driftLevel" defaultValue={search.driftLevel ?? ''}>
          <option value="">Any drift</option>
          <option value="none">Stable</option>
          <option value="moderate">Moderate</option>
          <option value="alert">Alert</option>
        </NativeSelect>
      </Field>
      <Field label="Risk">
        <NativeSelect name="riskLevel" defaultValue={search.riskLevel ?? ''}>
          <option value="">Any risk</option>
          <option value="low">Low</option>
          <option value="medium">Medium</option>
          <option value="high">High</option>
        </NativeSelect>
      </Field>
      <TextField label="Region" name="region" defaultValue={search.region ?? ''} placeholder="Any region" />
      <Field label="Gender">
        <NativeSelect name="gender" defaultValue={search.gender ?? ''}>
          <option value="">Any gender</option>
          <option value="female">Female</option>
          <option value="male">Male</option>
          <option value="non_binary">Non-binary</option>
          <option value="unknown">Unknown</option>
          {search.gender && !['female', 'male', 'non_binary', 'unknown'].includes(search.gender) && (
            <option value={search.gender}>{search.gender}</option>
          )}
        </NativeSelect>
      </Field>
      <Field label="Age band">
        <NativeSelect name="ageBand" defaultValue={search.ageBand ?? ''}>
          <option value="">Any age</option>
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {band}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <TextField label="Active from" name="activeFrom" type="date" defaultValue={search.activeFrom ?? ''} />
      <TextField label="Active to" name="activeTo" type="date" defaultValue={search.activeTo ?? ''} />
      <Field label="Status">
        <NativeSelect name="archived" defaultValue={search.archived ?? 'false'}>
          <option value="false">Active</option>
          <option value="true">Archived</option>
          <option value="all">Active and archived</option>
        </NativeSelect>
      </Field>
      <div className="flex flex-wrap items-end gap-2">
        <Button type="submit">
          <FilterIcon aria-hidden="true" />
          Search
        </Button>
        {filtered && (
          <Button variant="ghost" onClick={() => onChange({})}>
            <XIcon aria-hidden="true" />
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}

/** The catalogue's choices, plus the URL's value when the catalogue lacks it (an older engine's key). */
function withCurrent(
  choices: readonly { key: string; label: string }[],
  current: string | undefined,
): { key: string; label: string }[] {
  const all = choices.map(({ key, label }) => ({ key, label }));
  if (current && !all.some((choice) => choice.key === current)) all.push({ key: current, label: current });
  return all;
}
