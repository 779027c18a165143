import { Link, useNavigate } from '@tanstack/react-router';
import { LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { LoaderCircleIcon, MailWarningIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import { INVITATION_ACCEPT_PATH } from '../../contract';
import { formError } from '../form-errors';
import { useAcceptInvitation, useInvitationPreview, useSignedInUser } from '../queries';
import { MemberAvatar } from './member-avatar';

/**
 * The page an invitation link opens: what it offers, then the way in. Signed out: create an
 * account with the link, or sign in and come back. Signed in with the invited address: accept.
 */
export function AcceptInvitation({ token }: { token: string }) {
  const preview = useInvitationPreview(token);
  const me = useSignedInUser();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();

  if (!token)
    return <Unusable detail="This link is incomplete: open the link from the invitation mail again." />;
  if (preview.isPending || me.isPending) return <LoadingState label="Opening the invitation…" rows={1} />;
  if (preview.isError)
    return <Unusable detail={formError(preview.error) ?? 'This invitation cannot be opened.'} />;

  const invitation = preview.data;
  const here = `${INVITATION_ACCEPT_PATH}?token=${encodeURIComponent(token)}`;
  const user = me.data ?? null;
  const matches = user?.email.toLowerCase() === invitation.email.toLowerCase();

  const onAccept = () =>
    accept.mutate(token, {
      onSuccess: async (joined) => {
        toast.success(`Welcome to ${joined.tenant.name}`);
        await navigate({ to: '/' });
      },
    });

  return (
    <InvitationCard
      title={`Join ${invitation.tenant.name}`}
      description={
        <>
          You are invited as <strong className="text-foreground">{invitation.role.name}</strong>. The
          invitation is for <strong className="text-foreground">{invitation.email}</strong>.
        </>
      }
      avatar={
        <MemberAvatar
          name={invitation.tenant.name}
          email={invitation.tenant.name}
          className="size-10 text-sm"
        />
      }
    >
      {!user && (
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button asChild className="flex-1">
            <a href={`/sign-up?invitation=${encodeURIComponent(token)}`}>Create an account</a>
          </Button>
          <Button asChild variant="outline" className="flex-1">
            <a href={`/sign-in?redirect=${encodeURIComponent(here)}`}>Sign in to accept</a>
          </Button>
        </div>
      )}
      {user && matches && (
        <div className="flex flex-col gap-3">
          <Button onClick={onAccept} disabled={accept.isPending || accept.isSuccess}>
            {accept.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
            Accept invitation
          </Button>
          {accept.isError && (
            <p role="alert" className="text-destructive text-sm">
              {formError(accept.error)}
            </p>
          )}
        </div>
      )}
      {user && !matches && (
        <p role="alert" className="rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm">
          You are signed in as <strong>{user.email}</strong>, but this invitation is for{' '}
          <strong>{invitation.email}</strong>. Sign out, then sign in or create an account with that address.
        </p>
      )}
    </InvitationCard>
  );
}

function InvitationCard(props: {
  title: string;
  description: ReactNode;
  avatar: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-md py-6">
      <Card>
        <CardHeader className="flex flex-row items-center gap-3">
          {props.avatar}
          <div className="flex flex-col gap-1">
            <CardTitle>{props.title}</CardTitle>
            <CardDescription>{props.description}</CardDescription>
          </div>
        </CardHeader>
        <CardContent>{props.children}</CardContent>
      </Card>
    </div>
  );
}

function Unusable({ detail }: { detail: string }) {
  return (
    <div className="mx-auto w-full max-w-md py-6">
      <Card role="alert">
        <CardHeader className="flex flex-row items-center gap-3">
          <MailWarningIcon className="size-8 shrink-0 text-muted-foreground" aria-hidden="true" />
          <div className="flex flex-col gap-1">
            <CardTitle>This invitation cannot be used</CardTitle>
            <CardDescription>{detail}</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <Link to="/" className="font-medium text-sm underline-offset-4 hover:underline">
            Go to the dashboard
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}
