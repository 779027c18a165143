import { formatDateTime } from '@web/lib/time';
import { useOpenRows } from '@web/lib/use-open-rows';
import { Button } from '@web/ui/button';
import { StatusBadge } from '@web/ui/status-badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { ChevronDownIcon, ChevronRightIcon } from 'lucide-react';
import { Fragment } from 'react';
import type { RequestLog } from '../queries';
import { LogDetails } from './log-details';

/** Requests as table rows; a row opens to show its headers and bodies. */
export function LogsTable({ logs }: { logs: RequestLog[] }) {
  const { isOpen, toggle } = useOpenRows();

  return (
    <Table aria-label="API requests">
      <TableHeader>
        <TableRow>
          <TableHead scope="col" className="w-10">
            <span className="sr-only">Details</span>
          </TableHead>
          <TableHead scope="col">Time</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">Method</TableHead>
          <TableHead scope="col">Path</TableHead>
          <TableHead scope="col" className="text-right">
            Latency
          </TableHead>
          <TableHead scope="col">IP</TableHead>
          <TableHead scope="col">Caller</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {logs.map((log) => {
          const expanded = isOpen(log.id);
          const detailsId = `log-details-${log.id}`;
          return (
            <Fragment key={log.id}>
              <TableRow data-state={expanded ? 'open' : 'closed'}>
                <TableCell>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-7"
                    aria-expanded={expanded}
                    aria-controls={detailsId}
                    aria-label={`Details of ${log.method} ${log.path} at ${log.createdAt}`}
                    onClick={() => toggle(log.id)}
                  >
                    {expanded ? (
                      <ChevronDownIcon aria-hidden="true" />
                    ) : (
                      <ChevronRightIcon aria-hidden="true" />
                    )}
                  </Button>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={log.createdAt}>{formatDateTime(new Date(log.createdAt))}</time>
                </TableCell>
                <TableCell>
                  <StatusBadge status={log.status} />
                </TableCell>
                <TableCell className="font-mono text-xs">{log.method}</TableCell>
                <TableCell className="max-w-96 truncate font-mono text-xs" title={log.route ?? undefined}>
                  {log.path}
                </TableCell>
                <TableCell className="whitespace-nowrap text-right tabular-nums">
                  {log.latencyMs} ms
                </TableCell>
                <TableCell className="whitespace-nowrap font-mono text-xs">{log.ip ?? '—'}</TableCell>
                <TableCell className="max-w-48 truncate font-mono text-xs">
                  {log.keyId ?? (log.userId ? 'Dashboard' : '—')}
                </TableCell>
              </TableRow>
              {expanded && (
                <TableRow id={detailsId} className="bg-muted/30 hover:bg-muted/30">
                  <TableCell />
                  <TableCell colSpan={7} className="py-4">
                    <LogDetails log={log} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
