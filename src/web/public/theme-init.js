// Runs before first paint (blocking <script> in <head>) so a dark-mode user never sees a white
// flash. It is a file, not an inline script, because the server's CSP only allows 'self'.
// Keep in sync with src/web/shell/theme.ts (storage key and values).
(() => {
  let preference = 'system';
  try {
    const stored = window.localStorage.getItem('atrium-theme');
    if (stored === 'light' || stored === 'dark') preference = stored;
  } catch {
    // Storage can be blocked (privacy mode); fall back to the system preference.
  }
  const dark =
    preference === 'dark' ||
    (preference === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
