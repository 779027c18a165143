import { Link } from '@tanstack/react-router';
import { formatDateTime, formatRelativeTime, useNow } from '@web/lib/time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import type { App } from '../queries';
import { EnvironmentBadge } from './environment-badge';

export function AppsTable({ apps }: { apps: App[] }) {
  const now = useNow(60_000);
  return (
    <div className="rounded-xl border">
      <Table aria-label="Apps">
        <TableHeader>
          <TableRow>
            <TableHead scope="col" className="pl-4">
              Name
            </TableHead>
            <TableHead scope="col">Environment</TableHead>
            <TableHead scope="col">Project</TableHead>
            <TableHead scope="col">IP allowlist</TableHead>
            <TableHead scope="col">Created</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {apps.map((app) => (
            <TableRow key={app.id}>
              <TableCell className="min-w-48 py-3 pl-4">
                <Link
                  to="/tenancy/apps/$appId"
                  params={{ appId: app.id }}
                  className="rounded-sm font-medium underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  {app.name}
                </Link>
                {app.description && (
                  <div className="line-clamp-1 max-w-md text-muted-foreground text-xs">{app.description}</div>
                )}
              </TableCell>
              <TableCell>
                <EnvironmentBadge environment={app.environment} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{app.project.name}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {app.ipAllowlist.length === 0
                  ? 'Any address'
                  : `${app.ipAllowlist.length} range${app.ipAllowlist.length === 1 ? '' : 's'}`}
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                <time dateTime={app.createdAt} title={formatDateTime(new Date(app.createdAt))}>
                  {formatRelativeTime(new Date(app.createdAt), now)}
                </time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
