import { useMatches } from '@tanstack/react-router';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /**
     * Reachable without a session and shown in the centred card layout without the sidebar: the
     * sign-in, sign-up, verification and password pages.
     */
    publicPage?: boolean;
  }
}

/** Whether the page being shown declared `staticData: { publicPage: true }`. */
export function useIsPublicPage(): boolean {
  return useMatches({ select: (matches) => matches.some((match) => match.staticData.publicPage === true) });
}
