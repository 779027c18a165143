import { useCallback, useRef } from 'react';

/**
 * Radix dialogs return focus only to their own Trigger. Ours are also opened by shortcuts and by
 * buttons elsewhere in the tree, so remember what had focus on open and go back to it on close.
 */
export function useReturnFocus() {
  const returnTo = useRef<Element | null>(null);

  const onOpenAutoFocus = useCallback(() => {
    // Radix fires this before moving focus, so the opener still has it.
    returnTo.current = document.activeElement;
  }, []);

  const onCloseAutoFocus = useCallback((event: Event) => {
    event.preventDefault();
    const target = returnTo.current;
    returnTo.current = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) {
      target.focus();
      return;
    }
    // After a navigation the opener may have belonged to a page that is gone.
    document.getElementById('main')?.focus();
  }, []);

  return { onOpenAutoFocus, onCloseAutoFocus };
}
