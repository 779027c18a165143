import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { AppServices } from '../context.js';
import { TENANT_ROLE } from '../db/tenant.js';
import type { Tx } from '../db/transaction.js';
import type { Logger } from '../logger.js';
import type { AnyJobDefinition, JobDefinition } from './jobs.js';
import { JobRunner } from './runner.js';

export const QUEUE_SCHEMA = 'pgboss';
const MAINTENANCE_SECONDS = 15;

export interface EnqueueOptions {
  /** Not before this time (a retry schedule of the job's own). */
  startAfter?: Date;
}

/**
 * The job queue: pg-boss on the application's PostgreSQL. Every process can enqueue; only worker
 * processes (role worker or all) supervise, schedule and run handlers.
 */
export class Queue {
  private readonly boss: PgBoss;
  private stopping = false;
  /** This process's runner per job name (worker roles). */
  private readonly runners = new Map<string, JobRunner>();

  constructor(
    connectionString: string,
    private readonly log: Logger,
    options: { worker: boolean },
  ) {
    this.boss = new PgBoss({
      connectionString,
      schema: QUEUE_SCHEMA,
      max: 4,
      application_name: 'atrium-queue',
      supervise: options.worker,
      schedule: options.worker,
      // Maintenance fails active jobs past their timeout, so that a job whose process died (killed,
      // crashed) is retried: every 15 s (pg-boss's default is 2 min) bounds that wait. It runs in
      // one worker process at a time.
      maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
    });
    this.boss.on('error', (error) => {
      // Once stopping, a connection pg-boss had not yet closed may be cut by the database's own
      // shutdown (57P01, "terminating connection due to administrator command"): expected, not a fault.
      if (this.stopping && (error as { code?: string }).code === '57P01') {
        this.log.debug({ err: error }, 'job queue connection closed by the database shutdown');
        return;
      }
      this.log.error({ err: error }, 'job queue error');
    });
  }

  async start(jobs: readonly AnyJobDefinition[]): Promise<void> {
    await this.boss.start();
    await this.createQueues(jobs);
    await this.grantTenantRole();
  }

  /**
   * Tenant-scoped transactions run as the tenant role (db/tenant.ts) and enqueue jobs in them, so
   * that role may add jobs. pg-boss creates its schema at start, after the migrations, hence here.
   */
  private async grantTenantRole(): Promise<void> {
    const grant = `DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TENANT_ROLE}') THEN
        GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${TENANT_ROLE};
        GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${TENANT_ROLE};
      END IF;
    END $$`;
    // Several processes starting at once can collide on the catalog row; the grant is idempotent.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.getDb().executeSql(grant, []);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  /** Creates (or updates) each job's queue with its retry policy. Idempotent. */
  async createQueues(jobs: readonly AnyJobDefinition[]): Promise<void> {
    for (const job of jobs) {
      await this.boss.createQueue(job.name, {
        name: job.name,
        retryLimit: job.retry.limit,
        retryDelay: job.retry.delaySeconds,
        retryBackoff: job.retry.backoff,
        expireInSeconds: job.timeoutSeconds,
      });
    }
  }

  /**
   * Adds a job inside the caller's transaction: if the transaction rolls back, the job was never
   * queued. The payload is validated against the job's schema first.
   */
  async enqueue<S extends z.ZodType>(
    tx: Tx,
    job: JobDefinition<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const data = job.payload.parse(payload) as object;
    const id = await this.boss.send(job.name, data, {
      db: { executeSql: (text, values) => tx.client.query(text, values) },
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
    if (!id) throw new Error(`job ${job.name} was not queued`);
    return id;
  }

  /** Adds many jobs of one kind in one statement, inside the caller's transaction (as `enqueue`). */
  async enqueueMany<S extends z.ZodType>(
    tx: Tx,
    job: JobDefinition<S>,
    payloads: z.input<S>[],
  ): Promise<void> {
    if (!payloads.length) return;
    const jobs = payloads.map((payload) => ({ name: job.name, data: job.payload.parse(payload) as object }));
    await this.boss.insert(jobs, { db: { executeSql: (text, values) => tx.client.query(text, values) } });
  }

  /**
   * Runs each job's handler in this process (a `JobRunner` per job) and registers its schedule.
   * pg-boss's own `work` is not used: it completes or fails a batch without awaiting it, so a
   * database restart ends the process with an unhandled rejection, and a batch holds all its
   * slots until its slowest job ends.
   */
  async work(jobs: readonly AnyJobDefinition[], services: AppServices): Promise<void> {
    for (const job of jobs) {
      if (this.runners.has(job.name)) continue;
      const runner = new JobRunner(this.boss, job, services, this.log);
      this.runners.set(job.name, runner);
      runner.start();
      if (job.schedule) await this.boss.schedule(job.name, job.schedule, {}, { tz: 'UTC' });
      if (job.runOnStart) await this.boss.send(job.name, job.payload.parse({}) as object);
    }
  }

  /**
   * Makes this process's runner of the job fetch now instead of at its next poll (up to a second
   * away): for jobs whose latency matters (webhook deliveries), called after the commit that
   * queued them. Runners of other processes still pick the job up at their next poll.
   */
  wake(job: AnyJobDefinition): void {
    this.runners.get(job.name)?.wake();
  }

  /** Waits for running handlers (up to the timeout), then closes the queue's connections. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop(timeoutMs)));
    await this.boss.stop({ graceful: true, wait: true, timeout: Math.max(timeoutMs, 1000) });
  }
}
