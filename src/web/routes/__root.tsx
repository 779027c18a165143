import { createRootRouteWithContext, HeadContent, Outlet } from '@tanstack/react-router';
import type { RouterContext } from '@web/router';
import { AppShell } from '@web/shell/app-shell';
import { AuthLayout } from '@web/shell/auth-layout';
import { NotFoundPage } from '@web/shell/not-found';
import { useIsPublicPage } from '@web/shell/public-page';
import { RequireSession } from '@web/shell/require-session';
import { Toaster } from '@web/shell/toaster';

export const Route = createRootRouteWithContext<RouterContext>()({
  head: () => ({ meta: [{ title: 'Atrium' }] }),
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

function RootLayout() {
  const isPublicPage = useIsPublicPage();
  return (
    <>
      <HeadContent />
      {isPublicPage ? (
        <AuthLayout>
          <Outlet />
        </AuthLayout>
      ) : (
        <RequireSession>
          <AppShell>
            <Outlet />
          </AppShell>
        </RequireSession>
      )}
      <Toaster />
    </>
  );
}
