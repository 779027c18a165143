/** Apple keyboards say ⌘ where everyone else says Ctrl; the hint should match the user's keys. */
function isApplePlatform(): boolean {
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform;
  return /mac|iphone|ipad|ipod/i.test(platform);
}

export function paletteShortcutHint(): { keys: string; spoken: string } {
  return isApplePlatform() ? { keys: '⌘K', spoken: 'Command+K' } : { keys: 'Ctrl K', spoken: 'Control+K' };
}

export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return (
    (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k'
  );
}
