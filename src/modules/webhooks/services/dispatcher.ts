import type { AppServices } from '../../../kernel/context.js';
import type { ModuleRuntime } from '../../../kernel/module.js';
import { dispatchEvents, runSubscribers } from './dispatch-events.js';
import { EVENTS_CHANNEL } from './emit-event.js';

/** The sweep catches what a lost notification missed, and retries failed subscribers. */
const SWEEP_MS = 5_000;

/**
 * The dispatcher of worker processes: woken by the outbox's notification right after an event's
 * transaction commits (low latency), and by a periodic sweep. Runs are single-flight per process;
 * several processes share the work through SKIP LOCKED.
 */
export async function startDispatcher(services: AppServices): Promise<ModuleRuntime | undefined> {
  if (services.role === 'api') return undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const run = (withSubscribers: boolean) => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await dispatchEvents(services);
        if (withSubscribers) await runSubscribers(services);
      } while (again && !stopped);
    })()
      .catch((error) => services.log.warn({ err: error }, 'event dispatch failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const unlisten = await services.notifier.listen(EVENTS_CHANNEL, () => run(true));
  const unreset = services.notifier.onReset(() => run(true));
  const sweep = setInterval(() => run(true), SWEEP_MS);
  sweep.unref();
  run(true);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(sweep);
      unlisten();
      unreset();
      await running;
    },
  };
}
