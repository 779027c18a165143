/**
 * Where to go after signing in: only a path on this site, so a crafted link cannot send a freshly
 * signed-in user to another one.
 */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  return target;
}
