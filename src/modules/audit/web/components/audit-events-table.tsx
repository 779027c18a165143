import { formatDateTime } from '@web/lib/time';
import { useOpenRows } from '@web/lib/use-open-rows';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { ChevronDownIcon, ChevronRightIcon } from 'lucide-react';
import { Fragment } from 'react';
import type { AuditEvent } from '../queries';
import { AuditDiff } from './audit-diff';

/** Events as table rows; a row opens to show its changes and where it came from. */
export function AuditEventsTable({ events }: { events: AuditEvent[] }) {
  const { isOpen, toggle } = useOpenRows();

  return (
    <Table aria-label="Audit events">
      <TableHeader>
        <TableRow>
          <TableHead scope="col" className="w-10">
            <span className="sr-only">Details</span>
          </TableHead>
          <TableHead scope="col">Time</TableHead>
          <TableHead scope="col">Actor</TableHead>
          <TableHead scope="col">Action</TableHead>
          <TableHead scope="col">Target</TableHead>
          <TableHead scope="col">IP</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => {
          const expanded = isOpen(event.id);
          const detailsId = `audit-details-${event.id}`;
          return (
            <Fragment key={event.id}>
              <TableRow data-state={expanded ? 'open' : 'closed'}>
                <TableCell>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-7"
                    aria-expanded={expanded}
                    aria-controls={detailsId}
                    aria-label={`Details of ${event.action} #${event.seq}`}
                    onClick={() => toggle(event.id)}
                  >
                    {expanded ? (
                      <ChevronDownIcon aria-hidden="true" />
                    ) : (
                      <ChevronRightIcon aria-hidden="true" />
                    )}
                  </Button>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={event.occurredAt}>{formatDateTime(new Date(event.occurredAt))}</time>
                </TableCell>
                <TableCell className="max-w-56 truncate" title={event.actor.id ?? undefined}>
                  {event.actor.label}
                  {event.actor.type !== 'user' && (
                    <span className="ml-1 text-muted-foreground text-xs">
                      ({actorKind(event.actor.type)})
                    </span>
                  )}
                </TableCell>
                <TableCell>
                  <Badge variant={actionVariant(event.action)} className="font-mono">
                    {event.action}
                  </Badge>
                </TableCell>
                <TableCell className="max-w-64 truncate" title={event.target.id ?? undefined}>
                  <span className="text-muted-foreground">{event.target.type}</span>{' '}
                  {event.target.label ?? event.target.id}
                </TableCell>
                <TableCell className="whitespace-nowrap font-mono text-xs">{event.ip ?? '—'}</TableCell>
              </TableRow>
              {expanded && (
                <TableRow id={detailsId} className="bg-muted/30 hover:bg-muted/30">
                  <TableCell />
                  <TableCell colSpan={5} className="py-4">
                    <EventDetails event={event} />
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

function EventDetails({ event }: { event: AuditEvent }) {
  const facts: [string, string | null][] = [
    ['Event', `${event.id} (#${event.seq})`],
    ['Actor id', event.actor.id],
    ['Target id', event.target.id],
    ['User agent', event.userAgent],
    ['Request id', event.requestId],
    ['Hash', event.hash],
  ];
  return (
    <div className="flex flex-col gap-4">
      <AuditDiff event={event} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([term, value]) => (
            <Fragment key={term}>
              <dt className="text-muted-foreground">{term}</dt>
              <dd className="break-all font-mono">{value}</dd>
            </Fragment>
          ))}
      </dl>
    </div>
  );
}

function actorKind(type: AuditEvent['actor']['type']): string {
  return type === 'api_key' ? 'API key' : 'system';
}

/** Removals stand out; everything else reads alike. */
function actionVariant(action: string): 'destructive' | 'secondary' {
  return /\.(deleted|removed|revoked|suspended)$/.test(action) ? 'destructive' : 'secondary';
}
