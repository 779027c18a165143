import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { ErrorState, LoadingState } from '@web/shell/states';
import { Badge } from '@web/ui/badge';
import { Card, CardContent } from '@web/ui/card';
import { Checkbox } from '@web/ui/checkbox';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { toast } from 'sonner';
import { type NotificationPreference, usePreferences, useUpdatePreference } from '../queries';

export const Route = createFileRoute('/notifications/preferences')({
  head: () => ({ meta: [{ title: 'Notification preferences · Atrium' }] }),
  component: PreferencesPage,
});

function PreferencesPage() {
  const preferences = usePreferences();
  const update = useUpdatePreference();
  const change = (preference: NotificationPreference, channel: 'inApp' | 'email', value: boolean) =>
    update.mutate(
      { category: preference.category, inApp: preference.inApp, email: preference.email, [channel]: value },
      { onError: (error) => toast.error('Could not save the preference', { description: error.message }) },
    );
  return (
    <>
      <PageHeader
        title="Notification preferences"
        description="How you want to hear about each kind of event, for every organisation you belong to. Important ones are emailed unless you turn that off."
      />
      {preferences.isPending ? (
        <LoadingState label="Loading preferences…" />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => preferences.refetch()} />
      ) : (
        <Card>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Category</TableHead>
                  <TableHead className="w-28 text-center">In the dashboard</TableHead>
                  <TableHead className="w-28 text-center">Email</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preferences.data?.data.map((preference) => (
                  <TableRow key={preference.category}>
                    <TableCell>
                      <div className="flex flex-col gap-0.5">
                        <span className="flex items-center gap-2 font-medium">
                          {preference.title}
                          {preference.important && <Badge variant="secondary">Important</Badge>}
                        </span>
                        <span className="text-muted-foreground text-xs">{preference.description}</span>
                      </div>
                    </TableCell>
                    <TableCell className="text-center">
                      <Checkbox
                        aria-label={`${preference.title} in the dashboard`}
                        checked={preference.inApp}
                        disabled={update.isPending}
                        onCheckedChange={(value) => change(preference, 'inApp', value === true)}
                      />
                    </TableCell>
                    <TableCell className="text-center">
                      <Checkbox
                        aria-label={`${preference.title} by email`}
                        checked={preference.email}
                        disabled={update.isPending}
                        onCheckedChange={(value) => change(preference, 'email', value === true)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </>
  );
}
