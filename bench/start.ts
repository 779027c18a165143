/**
 * `npm run bench:start` — how long `atrium start` takes until it serves: a first start on an empty
 * data directory (initdb, migrations, demo seed) and a second start on the same data. The
 * dashboard build is excluded (ATRIUM_BUILD_WEB=false; it runs once per source change).
 * Timed from process spawn to the "is running" line, so it includes Node and tsx start-up.
 * Last line: JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, median, round, spawnTarget } from './lib.js';

const WARM_RUNS = 3;

async function timeStart(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const target = await spawnTarget(['--import', 'tsx', 'src/server/main.ts', 'start'], env);
  const elapsed = performance.now() - started;
  await target.stop();
  return elapsed;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-start-'));
  const env = {
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    PORT: String(await freePort()),
    ATRIUM_BUILD_WEB: 'false',
    LOG_LEVEL: 'warn',
  };
  try {
    const first = await timeStart(env);
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) warm.push(await timeStart(env));
    const summary = {
      bench: 'start',
      first_start_s: round(first / 1000),
      second_start_s: round(median(warm) / 1000),
    };
    process.stdout.write(`first start (empty data directory): ${summary.first_start_s} s\n`);
    process.stdout.write(`second start (same data, median of ${WARM_RUNS}): ${summary.second_start_s} s\n`);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
