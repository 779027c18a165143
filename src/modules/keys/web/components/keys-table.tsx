import { Link } from '@tanstack/react-router';
import { useCan } from '@web/lib/access';
import { formatDateTime } from '@web/lib/time';
import { cn } from '@web/lib/utils';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { ChartLineIcon, RefreshCwIcon, TrashIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { type ApiKey, useKeyUsageSummaries, useRevokeApiKey } from '../queries';
import { KeyUsageDialog } from './key-usage-dialog';
import { RotateKeyDialog } from './rotate-key-dialog';

const statusLook: Record<ApiKey['status'], string> = {
  active: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200',
  grace: 'border-amber-300 bg-amber-50 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200',
  expired: 'text-muted-foreground',
  revoked: 'border-red-300 bg-red-50 text-red-900 dark:bg-red-500/10 dark:text-red-200',
};

const numberFormat = new Intl.NumberFormat();
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

function when(value: string | null): string {
  return value ? formatDateTime(new Date(value)) : '—';
}

/** An app's keys, or the tenant's with an App column (`appNames` given). */
export function KeysTable({
  keys,
  appNames,
}: {
  keys: readonly ApiKey[];
  appNames?: ReadonlyMap<string, string>;
}) {
  const mayWrite = useCan('keys:write');
  const usage = useKeyUsageSummaries();
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Label</TableHead>
          {appNames && <TableHead>App</TableHead>}
          <TableHead>Key</TableHead>
          <TableHead>Environment</TableHead>
          <TableHead>Scopes</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead className="text-right">Requests today</TableHead>
          <TableHead className="text-right">Error rate (24h)</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead className="sr-only">Actions</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.map((key) => (
          <TableRow key={key.id} data-testid="api-key-row">
            <TableCell className="font-medium">{key.label}</TableCell>
            {appNames && (
              <TableCell>
                <Link
                  to="/tenancy/apps/$appId"
                  params={{ appId: key.appId }}
                  className="underline-offset-4 hover:underline"
                >
                  {appNames.get(key.appId) ?? key.appId}
                </Link>
              </TableCell>
            )}
            <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
            <TableCell>
              <Badge variant="outline">{key.environment === 'production' ? 'Production' : 'Sandbox'}</Badge>
            </TableCell>
            <TableCell>
              <span title={key.scopes.join(', ')} className="cursor-help underline decoration-dotted">
                {key.scopes.length} scope{key.scopes.length === 1 ? '' : 's'}
              </span>
            </TableCell>
            <TableCell>
              <Badge variant="outline" className={cn('capitalize', statusLook[key.status])}>
                {key.status}
              </Badge>
            </TableCell>
            <TableCell>{when(key.createdAt)}</TableCell>
            <TableCell>
              {key.lastUsedAt
                ? `${when(key.lastUsedAt)}${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ''}`
                : 'Never'}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="key-requests-today">
              {usage.data ? numberFormat.format(usage.data.get(key.id)?.requestsToday ?? 0) : '—'}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {usage.data ? percentFormat.format(usage.data.get(key.id)?.errorRate ?? 0) : '—'}
            </TableCell>
            <TableCell>
              {key.graceUntil && key.status === 'grace' ? when(key.graceUntil) : when(key.expiresAt)}
            </TableCell>
            <TableCell className="text-right">
              <div className="flex justify-end gap-1">
                <UsageButton apiKey={key} />
                {/* Always mounted: rotating with no grace revokes the row, and its dialog still shows the new secret. */}
                {mayWrite && <KeyActions apiKey={key} />}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function UsageButton({ apiKey }: { apiKey: ApiKey }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        <ChartLineIcon aria-hidden="true" />
        Usage
      </Button>
      <KeyUsageDialog apiKey={apiKey} open={open} onOpenChange={setOpen} />
    </>
  );
}

function KeyActions({ apiKey }: { apiKey: ApiKey }) {
  const [rotating, setRotating] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const revoke = useRevokeApiKey();
  return (
    <div className="flex justify-end gap-1">
      {apiKey.status === 'active' && (
        <Button variant="ghost" size="sm" onClick={() => setRotating(true)}>
          <RefreshCwIcon aria-hidden="true" />
          Rotate
        </Button>
      )}
      {(apiKey.status === 'active' || apiKey.status === 'grace') && (
        <Button variant="ghost" size="sm" onClick={() => setRevoking(true)}>
          <TrashIcon aria-hidden="true" />
          Revoke
        </Button>
      )}
      <RotateKeyDialog apiKey={apiKey} open={rotating} onOpenChange={setRotating} />
      <ConfirmDialog
        open={revoking}
        onOpenChange={(next) => {
          setRevoking(next);
          if (!next) revoke.reset();
        }}
        title={`Revoke “${apiKey.label}”?`}
        description="Every request with this key is refused from now on. This cannot be undone."
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() =>
          revoke.mutate(apiKey.id, {
            onSuccess: () => {
              toast.success(`Revoked “${apiKey.label}”`);
              setRevoking(false);
            },
          })
        }
      />
    </div>
  );
}
