import { cn } from '@web/lib/utils';
import type { AppEnvironment } from '../queries';
import { ENVIRONMENTS, EnvironmentBadge } from './environment-badge';

const explanations: Record<AppEnvironment, string> = {
  sandbox: 'For building and testing, with test data.',
  production: 'For live traffic from your customers.',
};

interface EnvironmentPickerProps {
  value: AppEnvironment;
  onChange: (environment: AppEnvironment) => void;
  disabled?: boolean;
  error?: string;
}

/** Two radio cards: the choice matters enough to show what each one means. */
export function EnvironmentPicker({ value, onChange, disabled, error }: EnvironmentPickerProps) {
  return (
    <fieldset className="flex flex-col gap-1.5" disabled={disabled} aria-invalid={error ? true : undefined}>
      <legend className="mb-1.5 font-medium text-sm leading-none">Environment</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {ENVIRONMENTS.map((environment) => (
          <label
            key={environment}
            className={cn(
              'flex cursor-pointer flex-col gap-1.5 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50',
              value === environment ? 'border-foreground/60 bg-accent/60' : 'hover:bg-accent/40',
              disabled && 'cursor-not-allowed opacity-60',
            )}
          >
            <span className="flex items-center justify-between gap-2">
              <EnvironmentBadge environment={environment} />
              <input
                type="radio"
                name="environment"
                value={environment}
                checked={value === environment}
                onChange={() => onChange(environment)}
                className="size-4 accent-foreground"
              />
            </span>
            <span className="text-muted-foreground text-xs">{explanations[environment]}</span>
          </label>
        ))}
      </div>
      {error && <p className="text-destructive text-xs">{error}</p>}
    </fieldset>
  );
}
