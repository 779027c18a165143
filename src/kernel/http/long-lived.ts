/**
 * Responses that stay open for as long as the client listens (Server-Sent Events). The HTTP
 * server's drain waits for in-flight responses, and such a response never finishes by itself:
 * shutdown ends them first, so a stopping process does not sit out its whole drain timeout. The
 * client reconnects to another process and resumes from its last event id.
 */
const open = new WeakMap<object, Set<() => void>>();

/** Registers `end` for a long-lived response of this process; returns the release. */
export function holdOpen(owner: object, end: () => void): () => void {
  let set = open.get(owner);
  if (!set) {
    set = new Set();
    open.set(owner, set);
  }
  set.add(end);
  return () => set?.delete(end);
}

/** Ends every long-lived response of this process (called before the HTTP server drains). */
export function endLongLived(owner: object): void {
  const set = open.get(owner);
  if (!set) return;
  for (const end of [...set]) end();
  set.clear();
}
