import { cn } from '@web/lib/utils';
import { Badge } from '@web/ui/badge';
import { FlaskConicalIcon, RadioIcon } from 'lucide-react';
import type { AppEnvironment } from '../queries';

const looks = {
  sandbox: {
    label: 'Sandbox',
    Icon: FlaskConicalIcon,
    className:
      'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200',
  },
  production: {
    label: 'Production',
    Icon: RadioIcon,
    className:
      'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-500/40 dark:bg-emerald-500/10 dark:text-emerald-200',
  },
} as const;

export const ENVIRONMENTS = ['sandbox', 'production'] as const satisfies readonly AppEnvironment[];

export function environmentLabel(environment: AppEnvironment): string {
  return looks[environment].label;
}

/** Sandbox and production look different at a glance, in colour and in icon. */
export function EnvironmentBadge({
  environment,
  className,
}: {
  environment: AppEnvironment;
  className?: string;
}) {
  const { label, Icon, className: look } = looks[environment];
  return (
    <Badge variant="outline" className={cn(look, className)}>
      <Icon aria-hidden="true" />
      {label}
    </Badge>
  );
}
