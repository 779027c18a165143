import { formatDateTime, formatRelativeTime, useNow } from '@web/lib/time';
import { Badge } from '@web/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@web/ui/card';
import type { ReactNode } from 'react';
import type { SystemInfo } from '../queries';

export function SystemFacts({ info }: { info: SystemInfo }) {
  const now = useNow();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Instance</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm">
            <Fact label="Atrium version">{info.version}</Fact>
            <Fact label="Environment">{info.environment}</Fact>
            <Fact label="Process role">{info.role}</Fact>
            <Fact label="Node version">{info.nodeVersion}</Fact>
            <Fact label="Started at">
              <Timestamp iso={info.startedAt} now={now} />
            </Fact>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Services</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm">
            <Fact label="Database">
              <span className="flex flex-wrap items-center gap-2">
                <span className="break-words">{info.database.version}</span>
                <Badge variant={info.database.embedded ? 'secondary' : 'outline'}>
                  {info.database.embedded ? 'Embedded server' : 'External server'}
                </Badge>
              </span>
            </Fact>
            <Fact label="Worker last heartbeat">
              {info.worker.lastHeartbeatAt ? (
                <Timestamp iso={info.worker.lastHeartbeatAt} now={now} relative />
              ) : (
                <span className="text-muted-foreground">No heartbeat yet</span>
              )}
            </Fact>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[10rem_1fr] sm:gap-3">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 font-medium">{children}</dd>
    </div>
  );
}

/** Relative times read better for "how long ago"; the exact moment stays available on hover. */
function Timestamp({ iso, now, relative = false }: { iso: string; now: Date; relative?: boolean }) {
  const date = new Date(iso);
  const absolute = formatDateTime(date);
  const ago = formatRelativeTime(date, now);
  return (
    <time dateTime={iso} title={relative ? absolute : ago}>
      {relative ? ago : `${absolute} (${ago})`}
    </time>
  );
}
