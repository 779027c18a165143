import { createFileRoute, redirect } from '@tanstack/react-router';

/** The module has no page of its own at /tenancy; apps are what people come for. */
export const Route = createFileRoute('/tenancy/')({
  beforeLoad: () => {
    throw redirect({ to: '/tenancy/apps', replace: true });
  },
});
