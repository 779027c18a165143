/**
 * `npm run bench:http` — Atrium's full request path (request edge: id, security headers, metrics,
 * logging; router; problem errors) on a trivial route (`GET /healthz`), against bare Hono on the
 * same machine in the same run. Both servers run as separate processes; the load generator is
 * autocannon with 50 connections. Besides throughput it reports the server CPU time per request
 * (from /proc), which does not depend on how fast the load generator parses responses.
 *
 * This machine's neighbours make throughput swing ±20% over seconds, so the two servers are
 * measured in short alternating pairs (ABBA order) and the ratio is the median of the pairs'
 * ratios. Last line: JSON (goal: ratio ≥ 0.85).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, type LoadResult, load, median, peakRssMiB, round, spawnTarget } from './lib.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 12);
const WARMUP_SECONDS = 3;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-'));
  const bare = await spawnTarget(['--import', 'tsx', 'bench/targets/bare-hono.ts'], {
    PORT: String(await freePort()),
  });
  const atrium = await spawnTarget(['--import', 'tsx', 'src/server/main.ts', 'start', '--role', 'api'], {
    PORT: String(await freePort()),
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    ATRIUM_BUILD_WEB: 'false',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
  });
  try {
    const run = (target: typeof bare, seconds = SECONDS) =>
      load(`${target.url}/healthz`, { connections: CONNECTIONS, seconds, serverPid: target.child.pid });
    await run(bare, WARMUP_SECONDS);
    await run(atrium, WARMUP_SECONDS);
    const pairs: { bare: LoadResult; atrium: LoadResult }[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      if (pair % 2 === 0) {
        const b = await run(bare);
        pairs.push({ bare: b, atrium: await run(atrium) });
      } else {
        const a = await run(atrium);
        pairs.push({ atrium: a, bare: await run(bare) });
      }
    }
    const failures = pairs.reduce(
      (sum, { bare: b, atrium: a }) => sum + b.errors + b.non2xx + a.errors + a.non2xx,
      0,
    );
    const summary = {
      bench: 'http',
      ratio: round(median(pairs.map((p) => p.atrium.rps / p.bare.rps))),
      cpu_ratio: round(median(pairs.map((p) => p.bare.cpuPerRequest / p.atrium.cpuPerRequest))),
      atrium_cpu_us_per_req: round(median(pairs.map((p) => p.atrium.cpuPerRequest)), 1),
      bare_cpu_us_per_req: round(median(pairs.map((p) => p.bare.cpuPerRequest)), 1),
      atrium_rps: Math.round(median(pairs.map((p) => p.atrium.rps))),
      bare_rps: Math.round(median(pairs.map((p) => p.bare.rps))),
      p99_ms: round(median(pairs.map((p) => p.atrium.p99))),
      bare_p99_ms: round(median(pairs.map((p) => p.bare.p99))),
      p50_ms: round(median(pairs.map((p) => p.atrium.p50))),
      failures,
      peak_rss_mb: peakRssMiB(atrium.child.pid),
      connections: CONNECTIONS,
      pairs: PAIRS,
      seconds_per_run: SECONDS,
    };
    process.stdout.write(`bare hono: ${summary.bare_rps} req/s, p99 ${summary.bare_p99_ms} ms\n`);
    process.stdout.write(
      `atrium:    ${summary.atrium_rps} req/s, p99 ${summary.p99_ms} ms, peak RSS ${summary.peak_rss_mb} MiB\n`,
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await Promise.all([bare.stop(), atrium.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
