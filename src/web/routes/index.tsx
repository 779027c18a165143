import { createFileRoute, Link } from '@tanstack/react-router';
import { type NavigationSection, useNavigation } from '@web/api/queries';
import { NavIcon } from '@web/shell/nav-icon';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Card, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { ArrowRightIcon } from 'lucide-react';

export const Route = createFileRoute('/')({
  component: HomePage,
});

function HomePage() {
  const navigation = useNavigation();

  return (
    <>
      <PageHeader
        title="Welcome to Atrium"
        description="Everything this Atrium instance offers, by section."
      />
      {navigation.isPending && <LoadingState label="Loading sections…" />}
      {navigation.isError && <ErrorState error={navigation.error} onRetry={() => navigation.refetch()} />}
      {navigation.data &&
        (navigation.data.sections.length === 0 ? (
          <EmptyState title="No pages yet" description="No enabled module offers dashboard pages." />
        ) : (
          <div className="flex flex-col gap-8">
            {navigation.data.sections.map((section) => (
              <SectionCards key={section.id} section={section} />
            ))}
          </div>
        ))}
    </>
  );
}

function SectionCards({ section }: { section: NavigationSection }) {
  const headingId = `home-section-${section.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="font-semibold text-lg">
        {section.title}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {section.items.map((item) => (
          <li key={item.id}>
            <Link
              // Paths come from the server at runtime, so they cannot be checked against the route tree.
              to={item.path as string & {}}
              className="group block h-full rounded-xl outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <Card className="h-full transition-colors group-hover:bg-accent/50">
                <CardHeader>
                  <div className="flex items-center gap-2">
                    <NavIcon name={item.icon} className="size-4 text-muted-foreground" />
                    <CardTitle>{item.title}</CardTitle>
                    <ArrowRightIcon
                      aria-hidden="true"
                      className="ml-auto size-4 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100"
                    />
                  </div>
                  <CardDescription>{item.description}</CardDescription>
                </CardHeader>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
