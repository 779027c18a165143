/**
 * `npm run bench:http` — Atrium's full middleware stack (request id, logging, metrics, secure
 * headers, body limit, problem errors) on a trivial route, against bare Hono on the same machine in
 * the same run. Both servers run as separate processes; autocannon drives 50 connections.
 * Last line: JSON with the ratio (goal ≥ 0.85).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, type LoadResult, load, peakRssMiB, round, spawnTarget } from './lib.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function warmUp(url: string): Promise<void> {
  await load(url, { connections: CONNECTIONS, seconds: WARMUP_SECONDS });
}

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
    await warmUp(`${bare.url}/healthz`);
    await warmUp(`${atrium.url}/healthz`);
    const bareRuns: LoadResult[] = [];
    const atriumRuns: LoadResult[] = [];
    // Interleaved rounds, so drift in the machine's load hits both sides alike.
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await load(`${bare.url}/healthz`, { connections: CONNECTIONS, seconds: SECONDS }));
      atriumRuns.push(await load(`${atrium.url}/healthz`, { connections: CONNECTIONS, seconds: SECONDS }));
    }
    // Medians over interleaved rounds: this machine's neighbours make single runs swing ±20%.
    const median = (runs: LoadResult[], key: keyof LoadResult) => {
      const sorted = runs.map((run) => run[key]).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? 0;
    };
    const failures = [...bareRuns, ...atriumRuns].reduce((sum, run) => sum + run.errors + run.non2xx, 0);
    const summary = {
      bench: 'http',
      ratio: round(median(atriumRuns, 'rps') / median(bareRuns, 'rps')),
      atrium_rps: Math.round(median(atriumRuns, 'rps')),
      bare_rps: Math.round(median(bareRuns, 'rps')),
      p99_ms: round(median(atriumRuns, 'p99')),
      bare_p99_ms: round(median(bareRuns, 'p99')),
      p50_ms: round(median(atriumRuns, 'p50')),
      failures,
      peak_rss_mb: peakRssMiB(atrium.child.pid),
      connections: CONNECTIONS,
      seconds_per_run: SECONDS,
      rounds: ROUNDS,
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
