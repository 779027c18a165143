import { ErrorState, LoadingState } from '@web/shell/states';
import { Fragment } from 'react';
import { type RequestLog, useRequestLog } from '../queries';

/** An opened row: what was asked and answered, headers and bodies as stored (redacted). */
export function LogDetails({ log }: { log: RequestLog }) {
  const entry = useRequestLog(log.id);
  if (entry.isPending) return <LoadingState label="Loading the request…" />;
  if (entry.isError) return <ErrorState error={entry.error} onRetry={() => entry.refetch()} />;
  const detail = entry.data;
  const facts: [string, string | null][] = [
    ['Log entry', detail.id],
    ['Request id', detail.requestId],
    ['Route', detail.route],
    ['App', detail.appId],
    ['Key', detail.keyId],
    ['User', detail.userId],
    ['User agent', detail.userAgent],
  ];
  return (
    <div className="flex flex-col gap-4">
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
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Request">
          <Headers headers={detail.requestHeaders} />
          <Body body={detail.requestBody} />
        </Section>
        <Section title="Response">
          <Headers headers={detail.responseHeaders} />
          <Body body={detail.responseBody} />
        </Section>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="flex min-w-0 flex-col gap-2">
      <h3 className="font-medium text-sm">{title}</h3>
      {children}
    </section>
  );
}

function Headers({ headers }: { headers: Record<string, string> | null }) {
  if (!headers || Object.keys(headers).length === 0) return null;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 rounded-md border bg-background p-2 text-xs">
      {Object.entries(headers).map(([name, value]) => (
        <Fragment key={name}>
          <dt className="font-mono text-muted-foreground">{name}</dt>
          <dd className="break-all font-mono">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function Body({ body }: { body: string | null }) {
  if (!body) return <p className="text-muted-foreground text-xs">No body.</p>;
  return (
    <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-background p-2 font-mono text-xs">
      {pretty(body)}
    </pre>
  );
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
