/**
 * Group commit for concurrent callers: each call adds its item; while one run of `run` is in
 * flight, the items that arrive meanwhile wait and go together in the next run. At low load an
 * item runs at once, alone (no added latency); under load one statement serves many deliveries
 * instead of one each. `run` returns one result per item, in order; if it throws, every item of
 * that run gets the error.
 */
export function gather<I, O>(run: (items: I[]) => Promise<O[]>): (item: I) => Promise<O> {
  let waiting: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  const next = () => {
    if (running || !waiting.length) return;
    running = true;
    const batch = waiting;
    waiting = [];
    run(batch.map((entry) => entry.item))
      .then(
        (results) => {
          batch.forEach((entry, index) => {
            entry.resolve(results[index] as O);
          });
        },
        (error: unknown) => {
          for (const entry of batch) entry.reject(error);
        },
      )
      .finally(() => {
        running = false;
        next();
      });
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // Items added in the same tick (one fetched batch of jobs) start together.
      queueMicrotask(next);
    });
}
