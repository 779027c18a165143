import { useNavigate } from '@tanstack/react-router';
import { Button } from '@web/ui/button';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { useState } from 'react';
import { toast } from 'sonner';
import { type Member, useLeaveTeam, useRemoveMember } from '../queries';

/** "Remove" for someone else, "Leave" for yourself; both ask first and explain a refusal. */
export function RemoveMemberButton({ member }: { member: Member }) {
  const [open, setOpen] = useState(false);
  const remove = useRemoveMember();
  const leave = useLeaveTeam();
  const navigate = useNavigate();
  const mutation = member.isYou ? leave : remove;

  const confirm = () => {
    if (member.isYou) {
      leave.mutate(undefined, {
        onSuccess: async () => {
          toast.success('You left the team');
          await navigate({ to: '/' });
        },
      });
      return;
    }
    remove.mutate(member.id, {
      onSuccess: () => {
        toast.success(`${member.user.name} was removed`);
        setOpen(false);
      },
    });
  };

  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="text-destructive hover:text-destructive"
        aria-label={member.isYou ? 'Leave the team' : `Remove ${member.user.name}`}
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        {member.isYou ? 'Leave' : 'Remove'}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={member.isYou ? 'Leave this team?' : `Remove ${member.user.name}?`}
        description={
          member.isYou
            ? 'You lose access to this organisation at once. To come back, someone must invite you again.'
            : `${member.user.email} loses access to this organisation at once. You can invite them again later.`
        }
        confirmLabel={member.isYou ? 'Leave team' : 'Remove member'}
        pending={mutation.isPending}
        error={mutation.error}
        onConfirm={confirm}
      />
    </>
  );
}
