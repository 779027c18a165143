import { EmptyState } from '@web/shell/states';
import type { ReactNode } from 'react';

/**
 * A tab whose module has not arrived yet. It says so plainly rather than showing sample data;
 * the module's own tab replaces it (see src/web/lib/app-tabs.ts).
 */
export function ComingWithModule({
  icon,
  title,
  description,
}: {
  icon: ReactNode;
  title: string;
  description: string;
}) {
  return <EmptyState icon={icon} title={title} description={description} />;
}
