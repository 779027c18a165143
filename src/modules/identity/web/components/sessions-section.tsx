import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/api/client';
import { formatDateTime, formatRelativeTime, useNow } from '@web/lib/time';
import { ErrorState, LoadingState } from '@web/shell/states';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader } from '@web/ui/card';
import { FormError } from '@web/ui/form-alert';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { toast } from 'sonner';
import { unwrapAuth } from '../auth-result';
import { describeDevice } from '../describe-device';
import { sessionsQueryKey, useCurrentSession, useSessions } from '../queries';

/** Where the user is signed in, with a way to end any other session. */
export function SessionsSection() {
  const sessions = useSessions();
  const current = useCurrentSession();
  const queryClient = useQueryClient();
  const now = useNow(60_000);
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
  const revoke = useMutation({
    mutationFn: async (token: string) =>
      unwrapAuth(await api.POST('/partner/auth/revoke-session', { body: { token } })),
    onSuccess: async () => {
      toast.success('Session ended');
      await refresh();
    },
  });
  const revokeOthers = useMutation({
    mutationFn: async () => unwrapAuth(await api.POST('/partner/auth/revoke-other-sessions', { body: {} })),
    onSuccess: async () => {
      toast.success('Signed out everywhere else');
      await refresh();
    },
  });
  const currentId = current.data?.session.id;
  const others = sessions.data?.filter((session) => session.id !== currentId) ?? [];

  return (
    <Card aria-labelledby="sessions-heading">
      <CardHeader>
        <h2 id="sessions-heading" className="font-semibold">
          Sessions
        </h2>
        <CardDescription>The browsers and devices signed in to your account.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {sessions.isPending && <LoadingState label="Loading sessions…" rows={2} />}
        {sessions.isError && <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />}
        {sessions.data && (
          <Table aria-label="Your sessions">
            <TableHeader>
              <TableRow>
                <TableHead>Device</TableHead>
                <TableHead>Address</TableHead>
                <TableHead>Signed in</TableHead>
                <TableHead>Last active</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sessions.data.map((session) => {
                const isCurrent = session.id === currentId;
                return (
                  <TableRow key={session.id}>
                    <TableCell>
                      <span className="flex items-center gap-2">
                        {describeDevice(session.userAgent)}
                        {isCurrent && <Badge variant="secondary">This device</Badge>}
                      </span>
                    </TableCell>
                    <TableCell className="font-mono text-xs">{session.ipAddress || '—'}</TableCell>
                    <TableCell title={formatDateTime(new Date(session.createdAt))}>
                      {formatRelativeTime(new Date(session.createdAt), now)}
                    </TableCell>
                    <TableCell title={formatDateTime(new Date(session.updatedAt))}>
                      {formatRelativeTime(new Date(session.updatedAt), now)}
                    </TableCell>
                    <TableCell className="text-right">
                      {!isCurrent && (
                        <Button
                          variant="outline"
                          size="sm"
                          disabled={revoke.isPending}
                          aria-label={`End the session of ${describeDevice(session.userAgent)}`}
                          onClick={() => revoke.mutate(session.token)}
                        >
                          Sign out
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {revoke.isError && <FormError error={revoke.error} />}
        {revokeOthers.isError && <FormError error={revokeOthers.error} />}
        {others.length > 0 && (
          <div>
            <Button variant="outline" disabled={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
              Sign out all other sessions
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
