import { Link, useNavigate } from '@tanstack/react-router';
import { ProblemError } from '@web/api/problem';
import { formError } from '@web/lib/form-errors';
import { useCurrentUser, useSignOut } from '@web/shell/session';
import { LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader } from '@web/ui/card';
import { LoaderCircleIcon, MailWarningIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import { INVITATION_ACCEPT_PATH } from '../../contract';
import { useAcceptInvitation, useInvitationPreview } from '../queries';
import { MemberAvatar } from './member-avatar';

/**
 * The page an invitation link opens: what it offers, then the way in. Signed out: create an
 * account with the link, or sign in and come back. Signed in with the invited address: accept.
 */
export function AcceptInvitation({ token }: { token: string }) {
  const preview = useInvitationPreview(token);
  const me = useCurrentUser();
  const signOut = useSignOut();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  // A 401 is an answer here (nobody is signed in), not a failure.
  const signedOut = me.error instanceof ProblemError && me.error.status === 401;

  if (!token)
    return <Unusable detail="This link is incomplete: open the link from the invitation mail again." />;
  if (preview.isPending || (me.isPending && !signedOut)) {
    return <LoadingState label="Opening the invitation…" rows={1} />;
  }
  if (preview.isError)
    return <Unusable detail={formError(preview.error) ?? 'This invitation cannot be opened.'} />;

  const invitation = preview.data;
  const here = `${INVITATION_ACCEPT_PATH}?token=${encodeURIComponent(token)}`;
  const user = signedOut ? undefined : me.data;
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
      avatar={
        <MemberAvatar
          name={invitation.tenant.name}
          email={invitation.tenant.name}
          className="size-10 text-sm"
        />
      }
      title={`Join ${invitation.tenant.name}`}
      description={
        <>
          You are invited as <strong className="text-foreground">{invitation.role.name}</strong>. The
          invitation is for <strong className="wrap-anywhere text-foreground">{invitation.email}</strong>.
        </>
      }
    >
      {!user && (
        <div className="flex flex-col gap-2">
          <Button asChild>
            <Link to="/sign-up" search={{ invitation: token }}>
              Create an account
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link to="/sign-in" search={{ redirect: here }}>
              Sign in to accept
            </Link>
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
        <div className="flex flex-col gap-3">
          <p role="alert" className="rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm">
            You are signed in as <strong className="wrap-anywhere">{user.email}</strong>, but this invitation
            is for <strong className="wrap-anywhere">{invitation.email}</strong>. Sign out, then sign in or
            create an account with that address.
          </p>
          <Button variant="outline" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </Button>
        </div>
      )}
    </InvitationCard>
  );
}

function InvitationCard(props: {
  avatar: ReactNode;
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className="flex flex-col items-center gap-3 text-center">
        {props.avatar}
        <h1 className="font-semibold text-xl tracking-tight">{props.title}</h1>
        <CardDescription>{props.description}</CardDescription>
      </CardHeader>
      <CardContent>{props.children}</CardContent>
    </Card>
  );
}

function Unusable({ detail }: { detail: string }) {
  return (
    <Card role="alert">
      <CardHeader className="flex flex-col items-center gap-3 text-center">
        <MailWarningIcon className="size-8 text-muted-foreground" aria-hidden="true" />
        <h1 className="font-semibold text-xl tracking-tight">This invitation cannot be used</h1>
        <CardDescription>{detail}</CardDescription>
      </CardHeader>
      <CardContent className="text-center">
        <Link to="/" className="font-medium text-sm underline-offset-4 hover:underline">
          Go to the dashboard
        </Link>
      </CardContent>
    </Card>
  );
}
