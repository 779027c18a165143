import { cn } from '@web/lib/utils';
import { type ComponentProps, cloneElement, type ReactElement, useId } from 'react';
import { Input, NativeSelect } from './input';

interface FieldProps {
  label: string;
  /** One control; it receives the id, `aria-invalid` and `aria-describedby` for hint and error. */
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
  hint?: string;
  error?: string;
  className?: string;
}

/** A labelled form control with an optional hint and an error the control announces. */
export function Field({ label, children, hint, error, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div data-slot="field" className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="font-medium text-sm leading-none">
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint && !error && (
        <p id={hintId} className="text-muted-foreground text-xs">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-destructive text-xs">
          {error}
        </p>
      )}
    </div>
  );
}

/** The common case: a labelled text input. */
export function TextField({
  label,
  hint,
  error,
  className,
  ...props
}: Omit<ComponentProps<typeof Input>, 'id'> & { label: string; hint?: string; error?: string }) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      <Input {...props} />
    </Field>
  );
}

/** A labelled select over plain values, with an "All" choice for filter bars when `anyLabel` is set. */
export function SelectField({
  label,
  options,
  anyLabel,
  className,
  ...props
}: Omit<ComponentProps<typeof NativeSelect>, 'id'> & {
  label: string;
  options: readonly string[];
  anyLabel?: string;
}) {
  return (
    <Field label={label} className={className}>
      <NativeSelect {...props}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}
