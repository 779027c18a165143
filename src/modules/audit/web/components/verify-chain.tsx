import { ErrorState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { ShieldAlertIcon, ShieldCheckIcon } from 'lucide-react';
import { type AuditChainReport, useVerifyAuditChain } from '../queries';

const REASONS: Record<NonNullable<AuditChainReport['brokenAt']>['reason'], string> = {
  hash_mismatch: 'the event was changed after it was written',
  prev_hash_mismatch: 'it does not link to the event before it (that one, or this one, was rewritten)',
  sequence_gap: 'events before it are missing',
};

/** "Verify chain" and its outcome: green when every link holds, red naming the first broken one. */
export function VerifyChain() {
  const verify = useVerifyAuditChain();
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button variant="outline" onClick={() => verify.mutate()} disabled={verify.isPending}>
          <ShieldCheckIcon aria-hidden="true" />
          {verify.isPending ? 'Verifying…' : 'Verify chain'}
        </Button>
      </div>
      {verify.isError && <ErrorState error={verify.error} onRetry={() => verify.mutate()} />}
      {verify.data && <ChainResult report={verify.data} />}
    </div>
  );
}

function ChainResult({ report }: { report: AuditChainReport }) {
  const events = `${report.events} event${report.events === 1 ? '' : 's'}`;
  if (report.ok) {
    return (
      <output className="flex items-center gap-2 rounded-xl border border-emerald-600/40 bg-emerald-50 px-4 py-3 text-emerald-900 text-sm dark:bg-emerald-950/40 dark:text-emerald-100">
        <ShieldCheckIcon className="size-5 shrink-0" aria-hidden="true" />
        Chain intact: {events} verified.
      </output>
    );
  }
  const broken = report.brokenAt;
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-xl border border-destructive/40 bg-destructive/5 px-4 py-3 text-sm"
    >
      <ShieldAlertIcon className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden="true" />
      <div className="flex flex-col gap-1">
        <p className="font-semibold">Chain broken at event #{broken?.seq}</p>
        {broken && (
          <p className="text-muted-foreground">
            <code className="font-mono text-xs">{broken.id}</code>: {REASONS[broken.reason]}. The {events}{' '}
            before it are intact.
          </p>
        )}
      </div>
    </div>
  );
}
