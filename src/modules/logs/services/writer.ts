import { Counter, type Registry } from 'prom-client';
import type { Pool } from '../../../kernel/db/pool.js';
import { type Tx, withTransaction } from '../../../kernel/db/transaction.js';
import type { Logger } from '../../../kernel/logger.js';
import { LIVE_EVENT_TYPES } from '../../live/contract.js';
import { publishLiveMany } from '../../live/index.js';
import type { CapturedRequest } from './entry.js';
import { type PreparedRow, persistBatch, prepareRow } from './persist.js';
import type { Redactor } from './redact.js';

/** Tries of one batch before it is given up (a database that is down keeps rows for longer: see flush). */
const MAX_ATTEMPTS = 5;
/** Batches written at once: one being stored while the next is prepared. */
const MAX_IN_FLIGHT = 2;

export interface WriterOptions {
  pool: Pool;
  log: Logger;
  redactor: Redactor;
  metrics?: Registry;
  /** How often the buffer is written (DESIGN §5: ~200 ms). */
  intervalMs?: number;
  /** A flush starts early once this many rows wait. */
  batchSize?: number;
  /** Rows kept while the database is unreachable; beyond it new rows are dropped and counted. */
  maxBuffered?: number;
}

/**
 * The request log's write buffer. Captured requests are redacted and serialised into rows once per
 * turn of the event loop, after their responses went out: the work is spread over the requests
 * instead of stalling the process once per batch (which showed as the gateway's p99 latency), and a
 * request's objects (its Node response, its body) die young instead of waiting in a batch.
 * Rows are written in batches — one transaction per batch with the rows and the rollups — every
 * `intervalMs` or once `batchSize` rows wait; two batches may be in flight at once. A failed batch
 * goes back to the front of the buffer and writing pauses for an interval; `close` flushes what is
 * left. An entry that cannot be serialised is dropped alone, counted and logged.
 */
export class RequestLogWriter {
  /** Pushed this turn of the event loop, prepared in the next check phase. */
  private captured: CapturedRequest[] = [];
  private preparing = false;
  private buffer: PreparedRow[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timer: NodeJS.Timeout;
  private readonly knownDays = new Set<string>();
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly intervalMs: number;
  private readonly dropped: Counter | undefined;
  /** Failed tries per row: a batch that keeps being refused is given up, whatever else succeeds. */
  private readonly attempts = new WeakMap<PreparedRow, number>();
  private pausedUntil = 0;

  constructor(private readonly options: WriterOptions) {
    this.batchSize = options.batchSize ?? 2_000;
    this.maxBuffered = options.maxBuffered ?? 100_000;
    this.intervalMs = options.intervalMs ?? 200;
    this.timer = setInterval(() => this.drain(false), this.intervalMs);
    this.timer.unref();
    this.dropped = options.metrics
      ? new Counter({
          name: 'atrium_request_log_dropped_total',
          help: 'Requests not stored in the request log because its buffer was full (database unreachable).',
          registers: [options.metrics],
        })
      : undefined;
  }

  push(entry: CapturedRequest): void {
    this.captured.push(entry);
    if (this.preparing) return;
    this.preparing = true;
    setImmediate(this.prepareCaptured);
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.captured.length + this.buffer.length;
  }

  private readonly prepareCaptured = (): void => {
    this.preparing = false;
    const captured = this.captured;
    this.captured = [];
    const { redactor, log } = this.options;
    for (const entry of captured) {
      if (this.buffer.length >= this.maxBuffered) {
        this.dropped?.inc();
        continue;
      }
      try {
        this.buffer.push(prepareRow(entry, redactor));
      } catch (error) {
        this.dropped?.inc();
        log.error({ err: error, route: entry.route }, 'request log entry dropped: it cannot be serialised');
      }
    }
    if (this.buffer.length >= this.batchSize) this.drain(false);
  };

  /**
   * Writes everything buffered now, pause or not; resolves when it is stored (or an attempt
   * failed and was logged).
   */
  async flush(): Promise<void> {
    this.prepareCaptured();
    this.drain(true);
    while (this.inFlight.size > 0) {
      await Promise.all(this.inFlight);
      this.drain(false);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Starts batches while rows wait and fewer than MAX_IN_FLIGHT are being written. */
  private drain(force: boolean): void {
    if (!force && Date.now() < this.pausedUntil) return;
    while (this.buffer.length > 0 && this.inFlight.size < MAX_IN_FLIGHT) {
      const batch = this.buffer.splice(0, this.batchSize);
      const write: Promise<void> = this.write(batch).finally(() => {
        this.inFlight.delete(write);
        // A backlog of a batch or more goes on at once rather than at the next tick of the clock.
        if (this.buffer.length >= this.batchSize) this.drain(false);
      });
      this.inFlight.add(write);
    }
  }

  private async write(batch: PreparedRow[]): Promise<void> {
    try {
      await withTransaction(this.options.pool, async (tx) => {
        await persistBatch(tx.client, batch, this.knownDays);
        await announceAppended(tx, batch);
      });
    } catch (error) {
      this.knownDays.clear();
      const tries =
        Math.max(...batch.map((entry) => this.attempts.get(entry) ?? 0)) + (isRefusal(error) ? 1 : 0);
      for (const entry of batch) this.attempts.set(entry, tries);
      if (tries >= MAX_ATTEMPTS) {
        // The database answers but refuses this batch: retrying forever would block every later row.
        this.dropped?.inc(batch.length);
        this.options.log.error({ err: error, rows: batch.length }, 'request log batch dropped');
        return;
      }
      // Keep the rows for the next try (oldest first), within the bound, and pause a little.
      this.buffer = [...batch, ...this.buffer].slice(0, this.maxBuffered);
      this.pausedUntil = Date.now() + this.intervalMs;
      this.options.log.warn({ err: error, rows: batch.length }, 'request log flush failed');
    }
  }
}

/**
 * One compact `logs.appended` live event per tenant per batch (never one per row): open Logs pages
 * with live tail on refetch their first page. Sent on commit, with the rows.
 */
async function announceAppended(tx: Tx, batch: readonly PreparedRow[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const entry of batch) counts.set(entry.tenantId, (counts.get(entry.tenantId) ?? 0) + 1);
  await publishLiveMany(
    tx,
    [...counts].map(([tenantId, count]) => ({
      tenantId,
      type: LIVE_EVENT_TYPES.logsAppended,
      data: { count },
    })),
  );
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * Anything but a lost connection or a shutdown: the database refused the batch (bad data). Such a
 * batch would fail the same way forever.
 */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    (code.startsWith('08') || code.startsWith('57P') || CONNECTION_ERRORS.has(code))
  ) {
    return false;
  }
  const message = error instanceof Error ? error.message : '';
  return !/Connection terminated|connection error|timeout exceeded when trying to connect/i.test(message);
}
