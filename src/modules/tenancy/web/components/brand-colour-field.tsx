import { Input } from '@web/ui/input';
import { useId } from 'react';

const HEX = /^#[0-9a-f]{6}$/i;

interface BrandColourFieldProps {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  error?: string;
}

/** The browser's colour picker next to the hex code, each following the other. */
export function BrandColourField({ value, onChange, disabled, error }: BrandColourFieldProps) {
  const id = useId();
  const valid = HEX.test(value);
  const shownError = error ?? (value && !valid ? 'Use a colour as #rrggbb, e.g. #0a7cff.' : undefined);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium text-sm leading-none">
        Brand colour
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label="Pick the brand colour"
          value={valid ? value.toLowerCase() : '#000000'}
          onChange={(event) => onChange(event.target.value)}
          disabled={disabled}
          className="h-9 w-12 shrink-0 cursor-pointer rounded-md border bg-transparent p-1 disabled:cursor-not-allowed"
        />
        <Input
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value.trim())}
          placeholder="#0a7cff"
          maxLength={7}
          disabled={disabled}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={`${id}-note`}
          className="max-w-32 font-mono"
          spellCheck={false}
        />
      </div>
      <p
        id={`${id}-note`}
        className={shownError ? 'text-destructive text-xs' : 'text-muted-foreground text-xs'}
      >
        {shownError ?? 'Used for accents in your reports and exports. Leave empty for none.'}
      </p>
    </div>
  );
}
