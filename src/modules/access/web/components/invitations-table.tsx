import { formError } from '@web/lib/form-errors';
import { formatRelativeTime, useNow } from '@web/lib/time';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { useState } from 'react';
import { toast } from 'sonner';
import { type Invitation, useCancelInvitation, useResendInvitation } from '../queries';
import { MemberAvatar } from './member-avatar';

interface InvitationsTableProps {
  /** Pending and expired invitations: the ones still waiting on someone. */
  invitations: readonly Invitation[];
  canManage: boolean;
  myRoleKey: string | undefined;
}

export function InvitationsTable({ invitations, canManage, myRoleKey }: InvitationsTableProps) {
  const now = useNow(60_000);
  return (
    <Table aria-label="Pending invitations">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Invited</TableHead>
          <TableHead scope="col">Role</TableHead>
          <TableHead scope="col">Sent</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id} data-invitation={invitation.email}>
            <TableCell>
              <div className="flex items-center gap-3">
                <MemberAvatar name="" email={invitation.email} className="opacity-70" />
                <div className="flex min-w-0 flex-col">
                  <span className="truncate font-medium">{invitation.email}</span>
                  {invitation.invitedBy && (
                    <span className="truncate text-muted-foreground text-xs">
                      by {invitation.invitedBy.name}
                    </span>
                  )}
                </div>
              </div>
            </TableCell>
            <TableCell>
              <Badge variant="secondary">{invitation.role.name}</Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">
              <time dateTime={invitation.sentAt}>{formatRelativeTime(new Date(invitation.sentAt), now)}</time>
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {invitation.status === 'expired' ? (
                <Badge variant="outline" className="border-destructive/50 text-destructive">
                  Expired
                </Badge>
              ) : (
                <Badge variant="outline" title={`Expires ${new Date(invitation.expiresAt).toLocaleString()}`}>
                  Pending · expires {formatRelativeTime(new Date(invitation.expiresAt), now)}
                </Badge>
              )}
            </TableCell>
            <TableCell className="text-right">
              {canManage && (myRoleKey === 'owner' || invitation.role.key !== 'owner') && (
                <InvitationActions invitation={invitation} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function InvitationActions({ invitation }: { invitation: Invitation }) {
  const [confirming, setConfirming] = useState(false);
  const resend = useResendInvitation();
  const cancel = useCancelInvitation();
  return (
    <div className="flex justify-end gap-1">
      <Button
        variant="ghost"
        size="sm"
        disabled={resend.isPending}
        aria-label={`Resend the invitation to ${invitation.email}`}
        onClick={() =>
          resend.mutate(invitation.id, {
            onSuccess: () => toast.success(`A new link went to ${invitation.email}`),
            onError: (error) => toast.error(formError(error) ?? 'The invitation could not be resent.'),
          })
        }
      >
        Resend
      </Button>
      <Button
        variant="ghost"
        size="sm"
        className="text-destructive hover:text-destructive"
        aria-label={`Cancel the invitation to ${invitation.email}`}
        onClick={() => {
          cancel.reset();
          setConfirming(true);
        }}
      >
        Cancel
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Cancel this invitation?"
        description={`The link sent to ${invitation.email} stops working at once. You can invite them again later.`}
        confirmLabel="Cancel invitation"
        dismissLabel="Keep it"
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() =>
          cancel.mutate(invitation.id, {
            onSuccess: () => {
              toast.success(`The invitation to ${invitation.email} was cancelled`);
              setConfirming(false);
            },
          })
        }
      />
    </div>
  );
}
