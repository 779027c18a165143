import { createFileRoute } from '@tanstack/react-router';
import { useCan } from '@web/lib/access';
import { PageHeader } from '@web/shell/page-header';
import { ErrorState, LoadingState } from '@web/shell/states';
import { OrganisationForm } from '../components/organisation-form';
import { can } from '../permissions';
import { useTenantProfile } from '../queries';

export const Route = createFileRoute('/tenancy/organisation')({
  head: () => ({ meta: [{ title: 'Organisation · Atrium' }] }),
  component: OrganisationPage,
});

function OrganisationPage() {
  const profile = useTenantProfile();
  const editable = useCan(can.manageSettings);
  return (
    <>
      <PageHeader
        title="Organisation"
        description={
          editable
            ? 'Your organisation’s profile, as it appears in reports and exports.'
            : 'Your organisation’s profile. Only Owners can change it.'
        }
      />
      {profile.isPending && <LoadingState label="Loading the profile…" />}
      {profile.isError && <ErrorState error={profile.error} onRetry={() => profile.refetch()} />}
      {profile.data && (
        // Keyed by the last change: after a save the form starts from what the server stored.
        <OrganisationForm key={profile.data.updatedAt} profile={profile.data} editable={editable} />
      )}
    </>
  );
}
