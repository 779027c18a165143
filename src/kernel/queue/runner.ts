import type PgBoss from 'pg-boss';
import type { AppServices } from '../context.js';
import type { Logger } from '../logger.js';
import type { AnyJobDefinition } from './jobs.js';

const POLL_MS = 1000;

/**
 * Runs one job definition's handlers in this process, up to `workers × batchSize` at once
 * (`concurrency`, default one). It fetches up to `batchSize` jobs whenever slots are free, so a
 * slow job holds its own slot only, and fetches again at once while jobs keep coming (a backlog
 * drains at the handlers' pace, not one batch per poll). Successes are completed together: while
 * one completion query runs, the next ones gather.
 *
 * Every database call is awaited and its failure logged: with the database down or restarting
 * the runner keeps polling, and the jobs it could not complete stay active until pg-boss's
 * maintenance fails them past their timeout, which retries them (handlers are idempotent, as
 * at-least-once delivery asks).
 */
export class JobRunner {
  private readonly capacity: number;
  private readonly batchSize: number;
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  private loop: Promise<void> | undefined;
  /** Ends the current poll pause: jobs were queued, or the runner stops. */
  private wakeUp: (() => void) | undefined;
  /** Ends the current wait for free slots. */
  private slotFreed: (() => void) | undefined;
  private woken = false;
  private readonly completed: string[] = [];
  private completing: Promise<void> | undefined;

  constructor(
    private readonly boss: PgBoss,
    private readonly job: AnyJobDefinition,
    private readonly services: AppServices,
    private readonly log: Logger,
  ) {
    const { workers, batchSize } = job.concurrency ?? { workers: 1, batchSize: 1 };
    this.capacity = workers * batchSize;
    this.batchSize = batchSize;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Fetch now rather than at the next poll (jobs were just queued). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops fetching, then waits for running handlers (up to `timeoutMs`) and their completion. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    this.slotFreed?.();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(timeoutMs, 1000));
    });
    await Promise.race([this.loop?.then(() => this.drainCompleted()), timeout]);
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    // Fetch for half a batch of free slots or more: one query per freed slot would cost more than
    // the handlers themselves.
    const threshold = Math.min(this.capacity, Math.max(1, Math.floor(this.batchSize / 2)));
    while (!this.stopping) {
      const free = this.capacity - this.running.size;
      if (free < threshold) {
        await new Promise<void>((resolve) => {
          this.slotFreed = resolve;
        });
        this.slotFreed = undefined;
        continue;
      }
      this.woken = false;
      const wanted = Math.min(free, this.batchSize);
      const jobs = await this.fetch(wanted);
      for (const one of jobs) this.launch(one);
      // A full fetch means more may be waiting; a woken runner looks again too.
      if (jobs.length < wanted && !this.woken) await this.pause(POLL_MS);
    }
    await Promise.all(this.running);
  }

  private async fetch(count: number): Promise<PgBoss.Job<unknown>[]> {
    try {
      return await this.boss.fetch<unknown>(this.job.name, { batchSize: count });
    } catch (error) {
      this.log.warn({ err: error, job: this.job.name }, 'job queue: fetch failed');
      return [];
    }
  }

  /** Until the runner is woken or stopped, or `ms` pass. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }

  private launch(one: PgBoss.Job<unknown>): void {
    const running = this.execute(one).finally(() => {
      this.running.delete(running);
      this.slotFreed?.();
    });
    this.running.add(running);
  }

  /** One job: its handler within the job's timeout, then completed (gathered) or failed. */
  private async execute(one: PgBoss.Job<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const handled = this.job.handle(this.job.payload.parse(one.data), this.services);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`job timed out after ${this.job.timeoutSeconds} s`)),
          this.job.timeoutSeconds * 1000,
        );
      });
      await Promise.race([handled, timeout]);
      this.completed.push(one.id);
      this.flushCompleted();
    } catch (error) {
      this.log.warn({ err: error, job: this.job.name, jobId: one.id }, 'job failed');
      try {
        await this.boss.fail(this.job.name, one.id, { message: (error as Error)?.message ?? String(error) });
      } catch (failError) {
        this.log.warn({ err: failError, job: this.job.name }, 'job queue: could not fail a job');
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private async drainCompleted(): Promise<void> {
    while (this.completing || this.completed.length) await (this.completing ?? this.flushCompleted());
  }

  /** Completes the gathered successes in one query; those gathered meanwhile go in the next. */
  private flushCompleted(): Promise<void> {
    if (!this.completing && this.completed.length) {
      const ids = this.completed.splice(0);
      this.completing = this.boss
        .complete(this.job.name, ids)
        .catch((error) =>
          this.log.warn({ err: error, job: this.job.name }, 'job queue: could not complete jobs'),
        )
        .finally(() => {
          this.completing = undefined;
          this.flushCompleted();
        });
    }
    return this.completing ?? Promise.resolve();
  }
}
