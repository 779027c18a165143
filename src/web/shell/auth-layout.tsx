import type { ReactNode } from 'react';
import { Brand } from './brand';
import { SkipLink } from './skip-link';
import { ThemeToggle } from './theme-toggle';

/** The signed-out pages: the brand and one centred card, no sidebar or navigation. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="relative flex min-h-svh flex-col items-center bg-muted/40 px-4 py-10 sm:justify-center">
      <SkipLink />
      <div className="absolute top-3 right-3">
        <ThemeToggle />
      </div>
      <Brand className="mb-6" />
      <main id="main" tabIndex={-1} className="w-full max-w-sm outline-none">
        {children}
      </main>
    </div>
  );
}
