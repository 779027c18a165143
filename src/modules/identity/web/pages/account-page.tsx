import { PageHeader } from '@web/shell/page-header';
import { useCurrentUser } from '@web/shell/session';
import { ErrorState, LoadingState } from '@web/shell/states';
import { Card, CardContent, CardHeader } from '@web/ui/card';
import { SessionsSection } from '../components/sessions-section';
import { TwoFactorSection } from '../components/two-factor-section';

export function AccountPage() {
  const currentUser = useCurrentUser();
  return (
    <>
      <PageHeader title="Account and security" description="Your profile, second factor and sessions." />
      {currentUser.isPending && <LoadingState label="Loading your account…" />}
      {currentUser.isError && <ErrorState error={currentUser.error} onRetry={() => currentUser.refetch()} />}
      {currentUser.data && (
        <div className="flex max-w-4xl flex-col gap-6">
          <Card aria-labelledby="profile-heading">
            <CardHeader>
              <h2 id="profile-heading" className="font-semibold">
                Profile
              </h2>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-muted-foreground">Name</dt>
                <dd>{currentUser.data.name}</dd>
                <dt className="text-muted-foreground">Email</dt>
                <dd>{currentUser.data.email}</dd>
              </dl>
            </CardContent>
          </Card>
          <TwoFactorSection enabled={currentUser.data.twoFactorEnabled} />
          <SessionsSection />
        </div>
      )}
    </>
  );
}
