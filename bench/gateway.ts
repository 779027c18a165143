/**
 * `npm run bench:gateway` — the gateway's hot path: `GET /v1/me` with a valid API key (key
 * verification from the in-process cache, the IP allowlist, the per-key and per-plan rate limits,
 * the route's access check) on `atrium start --role api`, against bare Hono answering a hello on
 * the same machine in the same run. autocannon, 50 connections.
 *
 * A second Atrium process on the same database runs with `ATRIUM_REQUEST_LOG=false`, for the
 * "request logging on vs off" ratio: the first captures every call, redacts it and writes it with
 * its rollups (its PostgreSQL work shares this machine's cores with the load generator).
 *
 * The tenant's app and key are made through Atrium's own API before the run (the demo world's
 * Owner signs in, creates a project, an app and a key); the key's own limit and the plans' limit
 * (ATRIUM_PLAN_REQUESTS_PER_MINUTE) are set high enough that no request is refused, and every
 * answer is checked to be a 200.
 *
 * As in bench/http.ts the targets are measured in short rounds, each in a rotated order, and each
 * ratio is the median of the rounds' ratios. Last line: JSON (goals: ratio ≥ 0.6, p99 ≤ 5 ms).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/demo/core-world.js';
import { signInOverHttp } from '../test/harness/process.js';
import { freePort, type LoadResult, load, median, peakRssMiB, round, spawnTarget } from './lib.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP_SECONDS = 3;
const HIGH_LIMIT = 10_000_000;

type Target = Awaited<ReturnType<typeof spawnTarget>>;

/** An app and a key of a demo tenant, made through the Partner API as a partner would. */
async function createBenchKey(url: string): Promise<string> {
  const cookie = await signInOverHttp(url, 'owner@northwind.example', DEMO_PASSWORD);
  const post = async <T>(pathname: string, body: unknown): Promise<T> => {
    const response = await fetch(`${url}${pathname}`, {
      method: 'POST',
      headers: { cookie, origin: url, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const project = await post<{ id: string }>('/partner/projects', { name: `Gateway bench ${Date.now()}` });
  const app = await post<{ id: string }>('/partner/apps', {
    projectId: project.id,
    name: 'Gateway bench',
    environment: 'production',
    // The allowlist is checked on every request: loopback in v4 and v6.
    ipAllowlist: ['127.0.0.0/8', '::1/128'],
  });
  const key = await post<{ secret: string }>('/partner/api-keys', {
    appId: app.id,
    label: 'Gateway bench',
    scopes: ['apps:read'],
    rateLimitPerMinute: HIGH_LIMIT,
  });
  return key.secret;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-gateway-'));
  const atriumEnv = {
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    ATRIUM_BUILD_WEB: 'false',
    ATRIUM_PLAN_REQUESTS_PER_MINUTE: String(HIGH_LIMIT),
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    ATRIUM_SECRET: 'bench-secret-bench-secret-bench-secret',
  };
  const atriumArgs = ['--import', 'tsx', 'src/server/main.ts', 'start', '--role', 'api'];
  const bare = await spawnTarget(['--import', 'tsx', 'bench/targets/bare-hono.ts'], {
    PORT: String(await freePort()),
  });
  const targets: Target[] = [bare];
  try {
    // The first owns the embedded PostgreSQL and seeds the demo world; the second joins it.
    const atrium = await spawnTarget(atriumArgs, { ...atriumEnv, PORT: String(await freePort()) });
    targets.push(atrium);
    const unlogged = await spawnTarget(atriumArgs, {
      ...atriumEnv,
      PORT: String(await freePort()),
      ATRIUM_REQUEST_LOG: 'false',
    });
    targets.push(unlogged);
    const secret = await createBenchKey(atrium.url);
    // A sign-in through the second process as well: better-auth's AsyncLocalStorage turns on
    // Node's promise hooks for the rest of a process's life, which makes every promise dearer.
    // Any real api process serves sign-ins, so both are compared in that state.
    await signInOverHttp(unlogged.url, 'owner@northwind.example', DEMO_PASSWORD);
    const headers = { authorization: `Bearer ${secret}` };
    for (const target of [atrium, unlogged]) {
      const check = await fetch(`${target.url}/v1/me`, { headers });
      if (check.status !== 200) throw new Error(`/v1/me answered ${check.status}: ${await check.text()}`);
    }

    const run = (target: Target, seconds = SECONDS) =>
      target === bare
        ? load(`${bare.url}/healthz`, { connections: CONNECTIONS, seconds, serverPid: bare.child.pid })
        : load(`${target.url}/v1/me`, {
            connections: CONNECTIONS,
            seconds,
            headers,
            serverPid: target.child.pid,
          });
    for (const target of targets) await run(target, WARMUP_SECONDS);
    const rounds: Map<Target, LoadResult>[] = [];
    for (let index = 0; index < ROUNDS; index++) {
      // Each round starts with another target, so drift in the machine's load hits all alike.
      const order = targets.map((_, i) => targets[(i + index) % targets.length] as Target);
      const results = new Map<Target, LoadResult>();
      for (const target of order) results.set(target, await run(target));
      rounds.push(results);
    }
    const of = (target: Target, key: keyof LoadResult) =>
      rounds.map((results) => results.get(target)?.[key] ?? 0);
    const ratio = (target: Target, baseline: Target) =>
      median(rounds.map((results) => (results.get(target)?.rps ?? 0) / (results.get(baseline)?.rps ?? 1)));
    const failures = rounds.reduce(
      (sum, results) => sum + [...results.values()].reduce((s, r) => s + r.errors + r.non2xx, 0),
      0,
    );
    const summary = {
      bench: 'gateway',
      ratio: round(ratio(atrium, bare)),
      p99_ms: round(median(of(atrium, 'p99'))),
      p50_ms: round(median(of(atrium, 'p50'))),
      logging_on_vs_off: round(ratio(atrium, unlogged)),
      atrium_rps: Math.round(median(of(atrium, 'rps'))),
      atrium_unlogged_rps: Math.round(median(of(unlogged, 'rps'))),
      bare_rps: Math.round(median(of(bare, 'rps'))),
      bare_p99_ms: round(median(of(bare, 'p99'))),
      atrium_cpu_us_per_req: round(median(of(atrium, 'cpuPerRequest')), 1),
      bare_cpu_us_per_req: round(median(of(bare, 'cpuPerRequest')), 1),
      failures,
      peak_rss_mb: peakRssMiB(atrium.child.pid),
      unlogged_peak_rss_mb: peakRssMiB(unlogged.child.pid),
      connections: CONNECTIONS,
      rounds: ROUNDS,
      seconds_per_run: SECONDS,
      goals: { ratio: 0.6, p99_ms: 5, logging_on_vs_off: 0.9 },
    };
    const line = (name: string, rps: number, p99: number) =>
      `${name.padEnd(30)}${rps} req/s, p99 ${p99} ms\n`;
    process.stdout.write(line('bare hono hello:', summary.bare_rps, summary.bare_p99_ms));
    process.stdout.write(
      `${line('atrium GET /v1/me:', summary.atrium_rps, summary.p99_ms).trimEnd()}, peak RSS ${summary.peak_rss_mb} MiB\n`,
    );
    process.stdout.write(
      `${line('atrium, request log off:', summary.atrium_unlogged_rps, round(median(of(unlogged, 'p99'))))}`,
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    // The guest first: the owner stops the embedded PostgreSQL when it exits.
    for (const target of [...targets].reverse()) await target.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
