/**
 * `npm run bench:logs` — the request log's write and read paths, on an embedded PostgreSQL of its
 * own (a temporary data directory):
 *
 * 1. Writer throughput: synthetic requests (headers and small JSON bodies, so redaction does real
 *    work) pushed into the writer as fast as it takes them for BENCH_WRITE_SECONDS; rows/s is what
 *    reached the database, partitions and minute/hour/day rollups included. Goal ≥ 50,000/s.
 * 2. A log of BENCH_ROWS rows (default 10 million) across 10 tenants over 30 days, generated in
 *    SQL, with its rollups. Then p95 over BENCH_SAMPLES runs of the Logs page's query (5xx filter
 *    with a path search: the first page, and the page 10,000 rows deep reached by cursor) — goal
 *    ≤ 100 ms — and of the overview (every range) — goal ≤ 50 ms.
 *
 * Last line: JSON. BENCH_ROWS=1000000 makes a quick run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/kernel/config.js';
import { withTenant } from '../src/kernel/db/tenant.js';
import { uuidv7 } from '../src/kernel/ids/uuidv7.js';
import { createLogger } from '../src/kernel/logger.js';
import type { CapturedRequest } from '../src/modules/logs/index.js';
import { listRequestLogs, RequestLogWriter, redactorFor } from '../src/modules/logs/index.js';
import { getOverview } from '../src/modules/usage/index.js';
import { openServices } from '../src/server/services.js';
import { freePort, round } from './lib.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const TENANTS = 10;
const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 8);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const DEEP_ROWS = 10_000;
const ROUTES = [
  '/v1/me',
  '/v1/statements',
  '/partner/apps',
  '/partner/apps/{appId}',
  '/partner/projects',
  '/partner/api-keys',
  '/partner/team/members',
  '/partner/access',
];

type Services = Awaited<ReturnType<typeof openServices>>['services'];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-logs-'));
  const config = loadConfig({
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    ATRIUM_SEED_DEMO: 'false',
    ATRIUM_DB_POOL_SIZE: '8',
    LOG_LEVEL: 'warn',
  });
  const { services, close } = await openServices({ config, role: 'api', log: createLogger('warn') });
  try {
    const tenants = await createTenants(services);
    const writeRate = await measureWriter(services, tenants);
    log(`writer: ${Math.round(writeRate)} rows/s`);
    await generateLog(services, tenants);
    const tenant = tenants[0] as string;
    const filters = { statusClasses: [5], q: '/partner/' };
    const firstPage = await p95(() =>
      withTenant(services.pool, tenant, (tx) => listRequestLogs(tx, tenant, filters, { limit: 50 })),
    );
    const { cursor: deepCursor, depth } = await cursorAtDepth(services, tenant, filters);
    const deepPage = await p95(() =>
      withTenant(services.pool, tenant, (tx) =>
        listRequestLogs(tx, tenant, filters, { limit: 50, cursor: deepCursor }),
      ),
    );
    log(
      `logs page, 5xx + path search: first page p95 ${round(firstPage)} ms, ${depth} rows deep p95 ${round(deepPage)} ms`,
    );
    const overview: Record<string, number> = {};
    for (const range of ['24h', '7d', '30d', '90d'] as const) {
      overview[range] = round(
        await p95(() =>
          withTenant(services.pool, tenant, (tx) =>
            getOverview(services, tx, { range, now: new Date(), withActivity: true }),
          ),
        ),
      );
      log(`overview ${range}: p95 ${overview[range]} ms`);
    }
    const summary = {
      bench: 'logs',
      rows: ROWS,
      tenants: TENANTS,
      writer_rows_per_s: Math.round(writeRate),
      logs_first_page_p95_ms: round(firstPage),
      logs_deep_page_p95_ms: round(deepPage),
      logs_deep_page_depth: depth,
      overview_p95_ms: overview,
      goals: { writer_rows_per_s: 50_000, logs_p95_ms: 100, overview_p95_ms: 50 },
      peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function createTenants(services: Services): Promise<string[]> {
  const ids = Array.from({ length: TENANTS }, () => uuidv7());
  for (const [index, id] of ids.entries()) {
    await services.pool.query(`INSERT INTO tenants (id, name, tier) VALUES ($1, $2, 'enterprise')`, [
      id,
      `Bench tenant ${index + 1}`,
    ]);
  }
  return ids;
}

/** Rows/s through the writer: batches as the capture layer fills them, flushed on the writer's own clock. */
async function measureWriter(services: Services, tenants: readonly string[]): Promise<number> {
  const writer = new RequestLogWriter({
    pool: services.pool,
    log: services.log,
    redactor: redactorFor(services),
    maxBuffered: 200_000,
  });
  const before = await countRows(services);
  const started = performance.now();
  let pushed = 0;
  while (performance.now() - started < WRITE_SECONDS * 1000) {
    // Keep the buffer fed but bounded, like a busy gateway would.
    if (writer.pending < 50_000) {
      for (let i = 0; i < 5_000; i++)
        writer.push(syntheticRequest(tenants[pushed % tenants.length] as string, pushed++));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await writer.close();
  const elapsed = (performance.now() - started) / 1000;
  return ((await countRows(services)) - before) / elapsed;
}

async function countRows(services: Services): Promise<number> {
  const { rows } = await services.pool.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM request_logs',
  );
  return rows[0]?.count ?? 0;
}

function syntheticRequest(tenantId: string, n: number): CapturedRequest {
  const id = uuidv7();
  const route = ROUTES[n % ROUTES.length] as string;
  return {
    id,
    createdAt: new Date(),
    tenantId,
    appId: null,
    keyId: null,
    userId: null,
    requestId: id.slice(24),
    surface: route.startsWith('/v1/') ? 'public' : 'partner',
    method: 'GET',
    path: route.replace('{appId}', 'app_01jf8z7k2n3p4q5r6s7t8v9w0x'),
    route,
    status: n % 100 === 0 ? 500 : 200,
    latencyMs: (n % 50) + 0.5,
    ip: '203.0.113.7',
    userAgent: 'bench/1.0',
    requestHeaders: [
      ['accept', 'application/json'],
      ['authorization', 'Bearer atr_live_AbCdEfGhJkMnPqRsTuVwXyZ0123456789abcdefghij1a2B3c'],
      ['user-agent', 'bench/1.0'],
    ],
    responseHeaders: [['content-type', 'application/json']],
    requestBody: null,
    responseBody: { id: 'app_01jf8z7k2n3p4q5r6s7t8v9w0x', name: 'Bench app', environment: 'sandbox' },
  };
}

/**
 * BENCH_ROWS rows over the last 30 days, tenants round-robin, ~2% 5xx, a mix of routes, then the
 * rollups the writer would have kept, aggregated in SQL. UUIDv7 ids carry their row's time.
 */
async function generateLog(services: Services, tenants: readonly string[]): Promise<void> {
  const started = performance.now();
  const now = Date.now();
  const spanMs = 30 * 86_400_000;
  for (let day = 0; day <= 31; day++) {
    const date = new Date(now - day * 86_400_000).toISOString().slice(0, 10);
    await services.pool.query('SELECT atrium_request_log_partition($1::date)', [date]);
  }
  const chunk = 500_000;
  for (let offset = 0; offset < ROWS; offset += chunk) {
    const size = Math.min(chunk, ROWS - offset);
    await services.pool.query(
      `INSERT INTO request_logs (id, tenant_id, created_at, request_id, surface, method, path, route, status, latency_ms, ip, user_agent)
       SELECT (lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8' || substr(md5(g::text), 4, 15))::uuid,
              ($1::uuid[])[1 + g % $2], at, substr(md5(g::text), 1, 16),
              CASE WHEN g % 8 < 2 THEN 'public' ELSE 'partner' END, CASE WHEN g % 10 = 0 THEN 'POST' ELSE 'GET' END,
              ($3::text[])[1 + g % 8] || CASE WHEN g % 8 = 3 THEN '/app_' || substr(md5(g::text), 1, 8) ELSE '' END,
              ($4::text[])[1 + g % 8],
              CASE WHEN g % 53 = 0 THEN 500 WHEN g % 29 = 0 THEN 404 ELSE 200 END,
              (g % 120) / 3.0 + 0.4, '203.0.113.' || (g % 200), 'bench/1.0'
         FROM (SELECT g, to_timestamp(($5::bigint - mod(g * 7919, $6::bigint)) / 1000.0) AS at
                 FROM generate_series($7::bigint, $8::bigint) AS g) s`,
      [
        tenants,
        tenants.length,
        ROUTES.map((route) => route.replace('/{appId}', '')),
        ROUTES,
        now,
        spanMs,
        offset,
        offset + size - 1,
      ],
    );
    log(`generated ${offset + size} rows`);
  }
  // The rollups are rebuilt from every stored row, the writer phase's included.
  await services.pool.query('TRUNCATE request_rollups_minute, request_rollups_hour, request_rollups_day');
  for (const [table, unit] of [
    ['request_rollups_hour', 'hour'],
    ['request_rollups_day', 'day'],
  ] as const) {
    await services.pool.query(
      `INSERT INTO ${table} (tenant_id, bucket, app_id, key_id, user_id, method, route, status_class, requests,
                             latency_sum_ms, latency_max_ms, latency_buckets)
       SELECT tenant_id, date_trunc('${unit}', created_at), app_id, key_id, user_id, method, route, status / 100,
              count(*), sum(latency_ms), max(latency_ms), ${latencyBucketsSql()}
         FROM request_logs GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    );
  }
  await services.pool.query('ANALYZE request_logs');
  await services.pool.query('ANALYZE request_rollups_hour');
  await services.pool.query('ANALYZE request_rollups_day');
  log(`log generated in ${round((performance.now() - started) / 1000)} s`);
}

/** The per-slot counts of LATENCY_BUCKET_BOUNDS_MS as one int[] aggregate. */
function latencyBucketsSql(): string {
  const bounds = [
    1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000,
  ];
  const slots = bounds.map((bound, index) => {
    const lower = index === 0 ? '' : `latency_ms > ${bounds[index - 1]} AND `;
    return `count(*) FILTER (WHERE ${lower}latency_ms <= ${bound})::int`;
  });
  slots.push(`count(*) FILTER (WHERE latency_ms > ${bounds.at(-1)})::int`);
  return `ARRAY[${slots.join(', ')}]`;
}

async function cursorAtDepth(
  services: Services,
  tenant: string,
  filters: { statusClasses: number[]; q: string },
): Promise<{ cursor: string; depth: number }> {
  let cursor: string | undefined;
  let depth = 0;
  // A small BENCH_ROWS may hold fewer matches than DEEP_ROWS: then as deep as there are.
  while (depth < DEEP_ROWS) {
    const position = cursor;
    const page = await withTenant(services.pool, tenant, (tx) =>
      listRequestLogs(tx, tenant, filters, { limit: 200, ...(position ? { cursor: position } : {}) }),
    );
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    depth += page.data.length;
  }
  if (!cursor) throw new Error('the filtered log has fewer than 200 rows');
  return { cursor, depth };
}

async function p95(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] as number;
}

await main();
