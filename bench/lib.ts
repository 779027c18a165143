import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export { freePort } from '../test/harness/process.js';

export interface Target {
  url: string;
  child: ChildProcess;
  logFile: string;
  stop: () => Promise<void>;
}

/**
 * Spawns a server process and resolves when it prints "running at <url>". Its output goes to a
 * file, not a pipe: a pipe read by this (busy) process would throttle the server's logging.
 */
export async function spawnTarget(args: string[], env: Record<string, string>): Promise<Target> {
  const logFile = path.join(await mkdtemp(path.join(tmpdir(), 'atrium-bench-log-')), 'server.log');
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  for (let waited = 0; waited < 60_000; waited += 100) {
    const output = readFileSync(logFile, 'utf8');
    const match = output.match(/running at (http:\/\/localhost:\d+)/);
    if (match?.[1]) {
      return {
        url: match[1].replace('localhost', '127.0.0.1'),
        child,
        logFile,
        stop: () =>
          new Promise((done) => {
            if (exited !== undefined) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      };
    }
    if (exited !== undefined) throw new Error(`target exited (${exited}) before listening:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`target did not start within 60 s; see ${logFile}`);
}

export interface LoadResult {
  /** Server CPU time per request in microseconds (NaN when unknown). */
  cpuPerRequest: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** CPU time (user + system) a process has used so far, in microseconds (Linux /proc). */
export function cpuMicros(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, i.e. 12 and 13 after the command name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

export async function load(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string>; serverPid?: number },
): Promise<LoadResult> {
  const cpuBefore = cpuMicros(options.serverPid);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
  });
  const cpuAfter = cpuMicros(options.serverPid);
  const cpuPerRequest =
    cpuBefore !== null && cpuAfter !== null && result.requests.total > 0
      ? (cpuAfter - cpuBefore) / result.requests.total
      : Number.NaN;
  return {
    cpuPerRequest,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakRssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(status.match(/VmHWM:\s+(\d+)/)?.[1]);
    return Number.isFinite(kib) ? Math.round(kib / 1024) : null;
  } catch {
    return null;
  }
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
