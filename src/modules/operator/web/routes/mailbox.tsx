import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Badge } from '@web/ui/badge';
import { TextField } from '@web/ui/field';
import { InboxIcon } from 'lucide-react';
import { Fragment, useDeferredValue } from 'react';
import { z } from 'zod';
import { useMailbox } from '../queries';

export const Route = createFileRoute('/operator/mailbox')({
  head: () => ({ meta: [{ title: 'Mailbox · Operator · Atrium' }] }),
  validateSearch: z.object({ to: z.string().optional() }),
  component: MailboxPage,
});

const LINK = /(https?:\/\/[^\s<>"]+)/g;

/** Mail bodies are plain text; their links (verification, invitations) become clickable. */
function MailText({ text }: { text: string }) {
  let offset = 0;
  const parts = text.split(LINK).map((part, index) => {
    const piece = { at: offset, part, link: index % 2 === 1 };
    offset += part.length;
    return piece;
  });
  return (
    <pre className="whitespace-pre-wrap break-words font-sans text-sm">
      {parts
        .filter(({ part }) => part !== '')
        .map(({ at, part, link }) =>
          link ? (
            <a key={at} href={part} className="text-primary underline underline-offset-2">
              {part}
            </a>
          ) : (
            <Fragment key={at}>{part}</Fragment>
          ),
        )}
    </pre>
  );
}

function MailboxPage() {
  const { to } = Route.useSearch();
  const navigate = Route.useNavigate();
  const deferred = useDeferredValue(to);
  const mailbox = useMailbox(deferred);

  return (
    <>
      <PageHeader
        title="Mailbox"
        description="Mail Atrium sent while no SMTP server is configured: verification links, magic links, invitations."
        actions={mailbox.data && <Badge variant="outline">delivery: {mailbox.data.delivery}</Badge>}
      />
      <search className="mb-4 block">
        <TextField
          type="search"
          className="w-64 max-w-full"
          label="Recipient"
          placeholder="ada@example.com"
          value={to ?? ''}
          onChange={(event) => navigate({ search: { to: event.target.value || undefined }, replace: true })}
        />
      </search>
      {mailbox.isPending && <LoadingState label="Loading mail…" />}
      {mailbox.isError && <ErrorState error={mailbox.error} onRetry={() => mailbox.refetch()} />}
      {mailbox.data && mailbox.data.data.length === 0 && (
        <EmptyState
          icon={<InboxIcon aria-hidden="true" />}
          title="No mail"
          description={
            mailbox.data.delivery === 'smtp'
              ? 'SMTP_URL is set, so mail goes to the SMTP server instead.'
              : 'Mail appears here as soon as Atrium sends any.'
          }
        />
      )}
      <ul className="flex flex-col gap-2" aria-label="Messages">
        {mailbox.data?.data.map((message) => (
          <li key={message.id}>
            <details className="group rounded-lg border bg-card">
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3">
                <span className="font-medium">{message.subject}</span>
                <span className="text-muted-foreground text-sm">to {message.to}</span>
                <time className="ml-auto text-muted-foreground text-xs" dateTime={message.receivedAt}>
                  {new Date(message.receivedAt).toLocaleString()}
                </time>
              </summary>
              <div className="border-t px-4 py-3">
                <p className="mb-2 text-muted-foreground text-xs">From {message.from}</p>
                <MailText text={message.text} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
