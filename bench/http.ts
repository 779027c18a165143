/**
 * `npm run bench:http` — Atrium's full request path (request edge: id, security headers, metrics,
 * logging; router; problem errors) on a trivial route (`GET /healthz`), against bare Hono on the
 * same machine in the same run. Both servers run as separate processes; the load generator is
 * autocannon with 50 connections. Besides throughput it reports the server CPU time per request
 * (from /proc), which does not depend on how fast the load generator parses responses.
 *
 * A second baseline is bare Hono sending the two headers every Atrium response carries
 * (x-request-id, nosniff), which shows what carrying them costs apart from Atrium's own work.
 *
 * This machine's neighbours make throughput swing ±20% over seconds, so the servers are measured
 * in many short rounds (30 of 1 s), each round in a rotated order, and a ratio is the median of
 * the rounds' ratios: three runs of 12 rounds of 2 s gave ratios 0.72–0.84, three of 30 of 1 s
 * 0.75–0.77. Last line: JSON (goal: ratio ≥ 0.85).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, type LoadResult, load, median, peakRssMiB, round, spawnTarget } from './lib.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP_SECONDS = 3;

type Target = Awaited<ReturnType<typeof spawnTarget>>;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-'));
  const bare = await spawnTarget(['--import', 'tsx', 'bench/targets/bare-hono.ts'], {
    PORT: String(await freePort()),
  });
  const bareWithHeaders = await spawnTarget(['--import', 'tsx', 'bench/targets/bare-hono.ts'], {
    PORT: String(await freePort()),
    BARE_WITH_HEADERS: '1',
  });
  const atrium = await spawnTarget(['--import', 'tsx', 'src/server/main.ts', 'start', '--role', 'api'], {
    PORT: String(await freePort()),
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    ATRIUM_BUILD_WEB: 'false',
    // A trivial route needs no demo world, and seeding it leaves a large heap behind.
    ATRIUM_SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    ATRIUM_SECRET: 'bench-secret-bench-secret-bench-secret',
  });
  const targets = [bare, bareWithHeaders, atrium];
  try {
    const run = (target: Target, seconds = SECONDS) =>
      load(`${target.url}/healthz`, { connections: CONNECTIONS, seconds, serverPid: target.child.pid });
    for (const target of targets) await run(target, WARMUP_SECONDS);
    const rounds: Map<Target, LoadResult>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with another target, so drift in the machine's load hits all alike.
      const order = targets.map((_, index) => targets[(index + round) % targets.length] as Target);
      const results = new Map<Target, LoadResult>();
      for (const target of order) results.set(target, await run(target));
      rounds.push(results);
    }
    const of = (target: Target, key: keyof LoadResult) =>
      rounds.map((results) => results.get(target)?.[key] ?? 0);
    const ratio = (target: Target, baseline: Target, key: 'rps' | 'cpuPerRequest') =>
      median(
        rounds.map((results) => {
          const a = results.get(target)?.[key] ?? 0;
          const b = results.get(baseline)?.[key] ?? 0;
          return key === 'rps' ? a / b : b / a;
        }),
      );
    const failures = rounds.reduce(
      (sum, results) => sum + [...results.values()].reduce((s, r) => s + r.errors + r.non2xx, 0),
      0,
    );
    const summary = {
      bench: 'http',
      ratio: round(ratio(atrium, bare, 'rps')),
      cpu_ratio: round(ratio(atrium, bare, 'cpuPerRequest')),
      ratio_same_headers: round(ratio(atrium, bareWithHeaders, 'rps')),
      cpu_ratio_same_headers: round(ratio(atrium, bareWithHeaders, 'cpuPerRequest')),
      atrium_rps: Math.round(median(of(atrium, 'rps'))),
      bare_rps: Math.round(median(of(bare, 'rps'))),
      bare_with_headers_rps: Math.round(median(of(bareWithHeaders, 'rps'))),
      atrium_cpu_us_per_req: round(median(of(atrium, 'cpuPerRequest')), 1),
      bare_cpu_us_per_req: round(median(of(bare, 'cpuPerRequest')), 1),
      bare_with_headers_cpu_us_per_req: round(median(of(bareWithHeaders, 'cpuPerRequest')), 1),
      p99_ms: round(median(of(atrium, 'p99'))),
      bare_p99_ms: round(median(of(bare, 'p99'))),
      p50_ms: round(median(of(atrium, 'p50'))),
      failures,
      peak_rss_mb: peakRssMiB(atrium.child.pid),
      connections: CONNECTIONS,
      rounds: ROUNDS,
      seconds_per_run: SECONDS,
    };
    const line = (name: string, rps: number, p99: number | string) =>
      `${name.padEnd(24)}${rps} req/s, p99 ${p99} ms\n`;
    process.stdout.write(line('bare hono:', summary.bare_rps, summary.bare_p99_ms));
    process.stdout.write(line('bare hono + 2 headers:', summary.bare_with_headers_rps, '–'));
    process.stdout.write(
      `${line('atrium:', summary.atrium_rps, summary.p99_ms).trimEnd()}, peak RSS ${summary.peak_rss_mb} MiB\n`,
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await Promise.all(targets.map((target) => target.stop()));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
