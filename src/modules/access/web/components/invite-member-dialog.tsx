import { fieldErrors, formError } from '@web/lib/form-errors';
import { Button } from '@web/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@web/ui/dialog';
import { Field } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { Input } from '@web/ui/input';
import { LoaderCircleIcon, UserPlusIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type Role, useInviteMember } from '../queries';
import { RoleSelect } from './role-select';

/** "Invite member": an email and a role; the link goes out by mail and works for 7 days. */
export function InviteMemberDialog({ roles, isOwner }: { roles: readonly Role[]; isOwner: boolean }) {
  const [open, setOpen] = useState(false);
  const defaultRole = roles.find((role) => role.key === 'viewer')?.id ?? '';
  const [email, setEmail] = useState('');
  const [roleId, setRoleId] = useState(defaultRole);
  const invite = useInviteMember();
  const errors = fieldErrors(invite.error);

  const reset = (next: boolean) => {
    setOpen(next);
    if (next) return;
    setEmail('');
    setRoleId(defaultRole);
    invite.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), roleId: roleId || defaultRole },
      {
        onSuccess: (invitation) => {
          toast.success(`Invitation sent to ${invitation.email}`);
          reset(false);
        },
      },
    );
  };

  return (
    <>
      <Button onClick={() => reset(true)}>
        <UserPlusIcon aria-hidden="true" />
        Invite member
      </Button>
      <Dialog open={open} onOpenChange={reset}>
        <DialogContent>
          <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
            <DialogHeader>
              <DialogTitle>Invite a member</DialogTitle>
              <DialogDescription>
                They get an email with a link to join. The link works once and expires in 7 days.
              </DialogDescription>
            </DialogHeader>
            <Field label="Email" error={errors.email}>
              <Input
                type="email"
                name="email"
                autoComplete="off"
                required
                placeholder="name@company.com"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </Field>
            <Field label="Role" error={errors.roleId}>
              <RoleSelect
                name="role"
                roles={roles}
                allowOwner={isOwner}
                value={roleId}
                onChange={(event) => setRoleId(event.target.value)}
              />
            </Field>
            <FormAlert message={formError(invite.error, errors)} />
            <DialogFooter>
              <Button variant="outline" onClick={() => reset(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={invite.isPending}>
                {invite.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                Send invitation
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
