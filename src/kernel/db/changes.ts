import type { Notifier } from './notifier.js';
import { notify } from './notifier.js';
import type { Tx } from './transaction.js';

/**
 * One channel on which modules announce that an object other processes may hold in memory has
 * changed: an API key (revoked, rotated, new expiry), an app (IP allowlist, environment, deleted),
 * a tenant (suspended, reactivated, new tier). The module that changes the row announces it in the
 * same transaction, so the message goes out on commit only; caches (the gateway's key cache) drop
 * what they hold for that id. Modules that may not depend on each other meet here, in the kernel.
 */
export const CHANGES_CHANNEL = 'atrium_changes';

export type ChangeKind = 'key' | 'app' | 'tenant';

export interface Change {
  kind: ChangeKind;
  /** The internal UUID of the changed row. */
  id: string;
}

const KINDS: ReadonlySet<string> = new Set<ChangeKind>(['key', 'app', 'tenant']);

/** This process's listeners, told at once (before the commit) as well as by the notification. */
const local = new Set<(change: Change) => void>();

/**
 * Announces a change of `kind` `id`: to every process when `tx` commits, and to this process at
 * once as well, so a caller that revokes a key and then tries it is refused without waiting for
 * the notification. Dropping a cache entry early is harmless if the transaction rolls back (the
 * entry is loaded again), and an entry reloaded between this call and the commit is dropped again
 * by the notification.
 */
export async function announceChange(tx: Pick<Tx, 'client'>, kind: ChangeKind, id: string): Promise<void> {
  const change: Change = { kind, id };
  await notify(tx.client, CHANGES_CHANNEL, JSON.stringify(change));
  for (const listener of local) listener(change);
}

/**
 * Calls `handler` with every change any process announces, and `reset` after the notification
 * connection came back (messages may have been missed: drop everything). Returns the unsubscribe.
 */
export async function listenForChanges(
  notifier: Notifier,
  handler: (change: Change) => void,
  reset: () => void,
): Promise<() => void> {
  const stopReset = notifier.onReset(reset);
  local.add(handler);
  const stopListen = await notifier.listen(CHANGES_CHANNEL, (payload) => {
    const change = parseChange(payload);
    // A message this process cannot read may still concern it: forget everything, stay correct.
    if (change) handler(change);
    else reset();
  });
  return () => {
    local.delete(handler);
    stopListen();
    stopReset();
  };
}

function parseChange(payload: string): Change | undefined {
  try {
    const value = JSON.parse(payload) as Partial<Change>;
    if (typeof value.id === 'string' && typeof value.kind === 'string' && KINDS.has(value.kind)) {
      return { kind: value.kind as ChangeKind, id: value.id };
    }
  } catch {
    // fall through
  }
  return undefined;
}
