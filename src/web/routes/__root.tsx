import { createRootRouteWithContext, HeadContent, Outlet } from '@tanstack/react-router';
import type { RouterContext } from '@web/router';
import { AppShell } from '@web/shell/app-shell';
import { NotFoundPage } from '@web/shell/not-found';
import { Toaster } from '@web/shell/toaster';

export const Route = createRootRouteWithContext<RouterContext>()({
  head: () => ({ meta: [{ title: 'Atrium' }] }),
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

function RootLayout() {
  return (
    <>
      <HeadContent />
      <AppShell>
        <Outlet />
      </AppShell>
      <Toaster />
    </>
  );
}
