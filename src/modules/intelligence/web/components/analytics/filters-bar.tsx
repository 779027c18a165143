import { Button } from '@web/ui/button';
import { Field } from '@web/ui/field';
import { NativeSelect } from '@web/ui/input';
import { XIcon } from 'lucide-react';
import { useFilterChoices } from './queries';
import {
  AGE_BAND_OPTIONS,
  DEFAULT_RANGE,
  type IntelligenceSearch,
  TIME_RANGES,
  validateIntelligenceSearch,
} from './search';

/** Keeps a value the URL holds selectable even when the choices do not list it (yet). */
function withCurrent(options: string[], current: string | undefined): string[] {
  return current && !options.includes(current) ? [current, ...options] : options;
}

/**
 * The filters every chart shares. A change applies at once and lands in the URL, so a view can
 * be bookmarked, shared and reloaded. Region and gender are free text from the partner: the
 * choices are the values the tenant's customers have.
 */
export function FiltersBar({
  search,
  onChange,
}: {
  search: IntelligenceSearch;
  onChange: (search: IntelligenceSearch) => void;
}) {
  const choices = useFilterChoices();
  const set = (key: keyof IntelligenceSearch, value: string) =>
    onChange(validateIntelligenceSearch({ ...search, [key]: value || undefined }));
  const personas = choices.data?.personas ?? [];
  const filtered = Object.values(search).some(Boolean);
  return (
    <form
      aria-label="Filter the intelligence dashboard"
      onSubmit={(event) => event.preventDefault()}
      className="mb-6 grid grid-cols-1 gap-3 rounded-xl border p-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <Field label="Region">
        <NativeSelect value={search.region ?? ''} onChange={(event) => set('region', event.target.value)}>
          <option value="">Every region</option>
          {withCurrent(choices.data?.regions ?? [], search.region).map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Gender">
        <NativeSelect value={search.gender ?? ''} onChange={(event) => set('gender', event.target.value)}>
          <option value="">Any gender</option>
          {withCurrent(choices.data?.genders ?? [], search.gender).map((gender) => (
            <option key={gender} value={gender}>
              {gender}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Age band">
        <NativeSelect value={search.ageBand ?? ''} onChange={(event) => set('ageBand', event.target.value)}>
          <option value="">Any age</option>
          {AGE_BAND_OPTIONS.map(([band, label]) => (
            <option key={band} value={band}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Persona">
        <NativeSelect value={search.persona ?? ''} onChange={(event) => set('persona', event.target.value)}>
          <option value="">Every persona</option>
          {search.persona && !personas.some((persona) => persona.key === search.persona) && (
            <option value={search.persona}>{search.persona}</option>
          )}
          {personas.map((persona) => (
            <option key={persona.key} value={persona.key}>
              {persona.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Time range">
        <NativeSelect
          value={search.range ?? DEFAULT_RANGE}
          onChange={(event) => set('range', event.target.value)}
        >
          {TIME_RANGES.map((range) => (
            <option key={range.value} value={range.value}>
              {range.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <div className="flex items-end">
        {filtered && (
          <Button type="button" variant="ghost" onClick={() => onChange({})}>
            <XIcon aria-hidden="true" />
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}
