/**
 * `npm run bench:intelligence` — the customer intelligence module's hot paths, on an Atrium of its
 * own (embedded PostgreSQL, role `api`, so queued analysis jobs do not run during the clock):
 *
 * 1. Ingestion through the Public API, end to end: `POST /v1/statements` over HTTP on a loopback
 *    socket with a real API key. BENCH_BATCHES uploads (default 10) of BENCH_ROWS synthetic
 *    transactions each (default 5,000), one customer per upload, sent one after the other, then
 *    again with BENCH_IN_FLIGHT uploads (default 4) in flight at once; every answer is checked to
 *    be a 202 that stored every row. Transactions per second from the first request to the last
 *    answer, for JSON and for CSV. Goal ≥ 50,000/s.
 *    Alongside, reading and validating a statement alone (no HTTP, no database): the median time
 *    per row over BENCH_SAMPLES reads of a BENCH_ROWS body in 64 KiB chunks, for each format.
 * 2. One customer with 10,000 transactions: the analysis service (history loaded in one query,
 *    the engine, the analysis stored and copied onto the customer), median of BENCH_SAMPLES runs
 *    (default 15); the engine alone on the same rows alongside. Goal median ≤ 100 ms.
 * 3. The demo world seeded (Harbor Bank: 520 customers, ~108,000 transactions through the
 *    statement reader and store), then all its customers re-analysed. Goal ≤ 10 s.
 * 4. The intelligence dashboard's persona, craving and drift queries (each endpoint's service with
 *    no filter) for a tenant of BENCH_DASHBOARD_CUSTOMERS analysed customers (default 100,000; 0
 *    skips it), 24 months of history each: median of 5 runs each. The customers and analyses are
 *    written in SQL in the shape the analysis job leaves them (the engine would take minutes).
 *
 * Last line: JSON.
 */
import '../src/server/v8-flags.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoWorld } from '../src/demo/seed-demo.js';
import { loadConfig } from '../src/kernel/config.js';
import { type TenantTx, withTenant } from '../src/kernel/db/tenant.js';
import { systemActor } from '../src/kernel/http/actor.js';
import { fromPublicId, toPublicId } from '../src/kernel/ids/public-id.js';
import { uuidv7 } from '../src/kernel/ids/uuidv7.js';
import { createLogger } from '../src/kernel/logger.js';
import { analyzeCustomer, categorise } from '../src/modules/intelligence/analysis/index.js';
import { getCravingAnalytics } from '../src/modules/intelligence/analytics/craving-analytics.js';
import { getDriftAnalytics } from '../src/modules/intelligence/analytics/drift-analytics.js';
import { getPersonaAnalytics } from '../src/modules/intelligence/analytics/persona-analytics.js';
import {
  AnalyticsFilterQuerySchema,
  DriftQuerySchema,
} from '../src/modules/intelligence/analytics/schemas.js';
import { readStatement } from '../src/modules/intelligence/ingestion/read-statement.js';
import {
  csvOf,
  type StatementRow,
  syntheticRows,
} from '../src/modules/intelligence/ingestion/statements-test-support.js';
import { personaMonthsOf } from '../src/modules/intelligence/services/analysis-store.js';
import { reanalyzeCustomers } from '../src/modules/intelligence/services/analyze-customer.js';
import { createKey } from '../src/modules/keys/services/create-key.js';
import { buildApp } from '../src/server/app.js';
import { listen } from '../src/server/http-server.js';
import { openServices } from '../src/server/services.js';
import { freePort, median, peakRssMiB, round } from './lib.js';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
/** Uploads in flight at once in the concurrent runs. */
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 4);
const DASHBOARD_CUSTOMERS = Number(process.env.BENCH_DASHBOARD_CUSTOMERS ?? 100_000);

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-statements-'));
  const config = loadConfig({
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    ATRIUM_SEED_DEMO: 'false',
    ATRIUM_PLAN_REQUESTS_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  });
  const { services, close } = await openServices({ config, role: 'api', log: createLogger('warn') });
  const server = await listen(buildApp(services, { web: false }).fetch, { port: 0, host: '127.0.0.1' });
  try {
    const secret = await benchKey(services);
    const url = `http://127.0.0.1:${server.port}/v1/statements`;
    const results: Record<string, { seconds: number; perSecond: number }> = {};
    for (const format of ['json', 'csv'] as const) {
      for (const inFlight of [1, IN_FLIGHT]) {
        const name = inFlight === 1 ? format : `${format}_${inFlight}_in_flight`;
        results[name] = await ingest({ url, secret, format, inFlight, tag: name });
        log(
          `${format.toUpperCase()}, ${inFlight} upload(s) in flight: ${BATCHES} × ${ROWS} transactions in ${results[name].seconds} s → ${results[name].perSecond.toLocaleString('en')} transactions/s (goal ≥ 50,000)`,
        );
      }
    }
    // The uploads above each created their customer; a next month's statement goes to a known one,
    // whose rows are checked against those it has (ON CONFLICT).
    const known = `json_${IN_FLIGHT}_in_flight`;
    results.json_known_customers = await ingest({
      url,
      secret,
      format: 'json',
      inFlight: IN_FLIGHT,
      tag: 'known',
      customers: known,
    });
    log(
      `JSON, ${IN_FLIGHT} in flight, to the customers made above: ${BATCHES} × ${ROWS} new transactions in ${results.json_known_customers.seconds} s → ${results.json_known_customers.perSecond.toLocaleString('en')} transactions/s`,
    );
    const reading = { json_us_per_row: await readingCost('json'), csv_us_per_row: await readingCost('csv') };
    log(
      `reading and validating alone: JSON ${reading.json_us_per_row} µs a row, CSV ${reading.csv_us_per_row} µs a row`,
    );
    const single = await singleCustomer(services, secret, url);
    const population = await demoPopulation(services);
    const dashboard = DASHBOARD_CUSTOMERS > 0 ? await dashboardAtScale(services) : null;
    log(
      JSON.stringify({
        ingestion: { batches: BATCHES, rows: ROWS, inFlight: IN_FLIGHT, ...results, reading },
        singleCustomer: single,
        reanalysis: population,
        dashboard,
        peakRssMiB: peakRssMiB(process.pid),
        goals: { ingestion_per_s: 50_000, single_customer_median_ms: 100, reanalysis_s: 10 },
      }),
    );
  } finally {
    await server.close(1000);
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Phase 1: BATCHES uploads of ROWS transactions, one customer each, `inFlight` at a time (1: one
 * after the other; more: as a partner's importer with several workers would send them).
 */
async function ingest(options: {
  url: string;
  secret: string;
  format: 'json' | 'csv';
  inFlight: number;
  tag: string;
  /** The tag of an earlier phase whose customers these uploads go to (default: new customers). */
  customers?: string;
}): Promise<{ seconds: number; perSecond: number }> {
  const { url, secret, format, tag } = options;
  const customers = options.customers ?? tag;
  // Bodies are prepared before the clock starts: the partner's serialisation is not ours.
  const bodies = Array.from({ length: BATCHES }, (_, batch) =>
    bodyOf(format, `BENCH-${customers}-${batch}`, syntheticRows(ROWS, { idPrefix: `${tag}-${batch}` })),
  );
  const send = async (batch: number) => {
    const query = format === 'csv' ? `?customerRef=BENCH-${customers}-${batch}` : '';
    const response = await fetch(`${url}${query}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secret}`,
        'content-type': format === 'csv' ? 'text/csv' : 'application/json',
      },
      body: bodies[batch] as string,
    });
    const answer = (await response.json()) as { storedCount?: number };
    if (response.status !== 202 || answer.storedCount !== ROWS) {
      throw new Error(`${tag} batch ${batch}: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
    }
  };
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: options.inFlight }, async () => {
      while (next < bodies.length) await send(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds: round(seconds, 2), perSecond: Math.round((BATCHES * ROWS) / seconds) };
}

type Services = Awaited<ReturnType<typeof openServices>>['services'];

/** Phase 2: one customer with 10,000 transactions, analysed again and again. */
async function singleCustomer(services: Services, secret: string, url: string) {
  const rows = syntheticRows(10_000, { idPrefix: 'single' });
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: bodyOf('json', 'BENCH-single', rows),
  });
  const answer = (await response.json()) as { customer?: { id: string } };
  const customerId = answer.customer && fromPublicId('customer', answer.customer.id);
  if (response.status !== 202 || !customerId) throw new Error(`single customer upload: ${response.status}`);
  const { rows: owner } = await services.pool.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM customers WHERE id = $1',
    [customerId],
  );
  const tenantId = owner[0]?.tenant_id as string;
  const service: number[] = [];
  const engine: number[] = [];
  const categorised = rows.map((row) => {
    const raw = {
      bookedOn: row.date,
      amount: Number(row.amount),
      currency: row.currency,
      description: row.description,
      counterparty: row.counterparty ?? null,
      channel: row.channel ?? null,
      partnerCategory: null,
      mcc: row.mcc ?? null,
    };
    return { ...raw, ...categorise(raw) };
  });
  for (let sample = 0; sample < SAMPLES; sample++) {
    let started = performance.now();
    await reanalyzeCustomers(services, tenantId, [customerId]);
    service.push(performance.now() - started);
    started = performance.now();
    analyzeCustomer(categorised);
    engine.push(performance.now() - started);
  }
  const result = {
    transactions: rows.length,
    serviceMedianMs: round(median(service), 1),
    engineMedianMs: round(median(engine), 1),
  };
  log(
    `one customer, 10,000 transactions: service median ${result.serviceMedianMs} ms (engine alone ${result.engineMedianMs} ms; goal ≤ 100 ms)`,
  );
  return result;
}

/** Phase 3: the demo world's bank, seeded through the ingestion service, then re-analysed whole. */
async function demoPopulation(services: Services) {
  let started = performance.now();
  await seedDemoWorld(services);
  const seedSeconds = (performance.now() - started) / 1000;
  const { rows } = await services.pool.query<{ tenant_id: string; customers: number; transactions: number }>(
    `SELECT c.tenant_id, count(*)::int AS customers, sum(c.transaction_count)::int AS transactions
       FROM customers c JOIN tenants t ON t.id = c.tenant_id
      WHERE t.name = 'Harbor Bank' GROUP BY c.tenant_id`,
  );
  const bank = rows[0];
  if (!bank) throw new Error('the demo world has no Harbor Bank customers');
  started = performance.now();
  const { analyzed } = await reanalyzeCustomers(services, bank.tenant_id);
  const seconds = (performance.now() - started) / 1000;
  log(
    `demo world seeded in ${round(seedSeconds, 1)} s; re-analysis of ${analyzed} customers / ${bank.transactions.toLocaleString('en')} transactions: ${round(seconds, 2)} s (goal ≤ 10 s)`,
  );
  return {
    customers: analyzed,
    transactions: bank.transactions,
    seconds: round(seconds, 2),
    demoSeedSeconds: round(seedSeconds, 1),
  };
}

/** Phase 4: the dashboard's analytics over many analysed customers. */
async function dashboardAtScale(services: Services) {
  const tenantId = uuidv7();
  const query = (sql: string) => services.pool.query(sql, [tenantId, DASHBOARD_CUSTOMERS]);
  await query(`INSERT INTO tenants (id, name) SELECT $1, 'Dashboard bench ' || $2`);
  await query(
    `INSERT INTO customers (id, tenant_id, external_ref, persona, region, birth_year, gender, cravings,
                            drift_level, drift_psi, transaction_count)
     SELECT gen_random_uuid(), $1, 'DASH-' || i,
            (ARRAY['salaried_saver','everyday_spender','gig_earner','remittance_sender','budget_starter'])[1 + i % 5],
            (ARRAY['Nairobi','Mombasa','Kisumu'])[1 + i % 3], 1950 + i % 50, (ARRAY['female','male'])[1 + i % 2],
            jsonb_build_array(jsonb_build_object('driver', 'convenience', 'score', (i % 100) / 100.0,
                                                 'confidence', 0.8, 'state', 'measured')),
            (ARRAY['none','moderate','alert','none'])[1 + i % 4], (i % 40) / 100.0, 480
       FROM generate_series(1, $2) i`,
  );
  await query(
    `INSERT INTO customer_analyses (id, tenant_id, customer_id, engine_version, transaction_count, persona,
                                    persona_reasons, cravings, profile, drift_level, drift_psi, timeline)
     SELECT gen_random_uuid(), c.tenant_id, c.id, 'bench', 480, c.persona, '[]', c.cravings, '{}', c.drift_level,
            c.drift_psi,
            (SELECT jsonb_agg(jsonb_build_object(
                      'month', to_char(now() - make_interval(months => m), 'YYYY-MM'),
                      -- Most customers' persona changes now and then over two years.
                      'persona', CASE WHEN m < 8 THEN c.persona
                                      ELSE (ARRAY['salaried_saver','everyday_spender','gig_earner',
                                                  'remittance_sender','budget_starter'])[1 + (m / 4 + abs(hashtext(c.external_ref))) % 5] END,
                      'transactionCount', 20, 'income', 2000, 'spend', 1500,
                      'categories', jsonb_build_object('groceries', 300, 'rent', 900, 'transport', 80, 'dining', 120,
                                                       'utilities', 90, 'entertainment', 60, 'shopping', 150)))
               FROM generate_series(23, 0, -1) m)
       FROM customers c WHERE c.tenant_id = $1 AND $2 > 0`,
  );
  await query(
    `UPDATE customers c SET persona_months = ${personaMonthsOf('a.timeline')}, analyzed_at = a.created_at
       FROM customer_analyses a WHERE a.tenant_id = $1 AND a.customer_id = c.id AND $2 > 0`,
  );
  await services.pool.query('ANALYZE customers, customer_analyses');
  const now = new Date();
  const filters = AnalyticsFilterQuerySchema.parse({});
  const timed = async (run: (tx: TenantTx) => Promise<unknown>) => {
    const times: number[] = [];
    for (let sample = 0; sample < 5; sample++) {
      const started = performance.now();
      await withTenant(services.pool, tenantId, run);
      times.push(performance.now() - started);
    }
    return Math.round(median(times));
  };
  const result = {
    customers: DASHBOARD_CUSTOMERS,
    personasMs: await timed((tx) => getPersonaAnalytics(tx, filters, now)),
    cravingsMs: await timed((tx) => getCravingAnalytics(tx, filters, now)),
    driftMs: await timed((tx) => getDriftAnalytics(tx, DriftQuerySchema.parse({}), now)),
  };
  log(
    `dashboard, ${DASHBOARD_CUSTOMERS.toLocaleString('en')} analysed customers: personas ${result.personasMs} ms, cravings ${result.cravingsMs} ms, drift ${result.driftMs} ms (medians)`,
  );
  return result;
}

/** Median µs per row of `readStatement` (stream reading and row validation) on one body. */
async function readingCost(format: 'json' | 'csv'): Promise<number> {
  const body = Buffer.from(bodyOf(format, 'BENCH-READ', syntheticRows(ROWS, { idPrefix: 'read' })));
  const chunks = Array.from({ length: Math.ceil(body.length / 65_536) }, (_, index) =>
    body.subarray(index * 65_536, (index + 1) * 65_536),
  );
  const contentType = format === 'csv' ? 'text/csv' : 'application/json';
  const times: number[] = [];
  for (let sample = 0; sample < SAMPLES + 3; sample++) {
    const started = performance.now();
    await readStatement(chunks, contentType, { customerRef: 'BENCH-READ' });
    if (sample >= 3) times.push(performance.now() - started);
  }
  return round((median(times) * 1000) / ROWS, 2);
}

function bodyOf(format: 'json' | 'csv', externalRef: string, rows: StatementRow[]): string {
  return format === 'csv' ? csvOf(rows) : JSON.stringify({ customer: { externalRef }, transactions: rows });
}

/** A tenant, project, app and a `statements:write` key with no rate limit to speak of. */
async function benchKey(services: Services): Promise<string> {
  const tenantId = uuidv7();
  const projectId = uuidv7();
  const appId = uuidv7();
  await services.pool.query(`INSERT INTO tenants (id, name, tier) VALUES ($1, 'Bench bank', 'enterprise')`, [
    tenantId,
  ]);
  await services.pool.query(`INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, 'Bench')`, [
    projectId,
    tenantId,
  ]);
  await services.pool.query(
    `INSERT INTO apps (id, tenant_id, project_id, name, environment) VALUES ($1, $2, $3, 'Bench', 'sandbox')`,
    [appId, tenantId, projectId],
  );
  const key = await withTenant(services.pool, tenantId, (tx) =>
    createKey(tx, {
      appId: toPublicId('app', appId),
      label: 'Statements bench',
      scopes: ['statements:write'],
      rateLimitPerMinute: 1_000_000,
      actor: systemActor('bench'),
    }),
  );
  return key.secret;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
