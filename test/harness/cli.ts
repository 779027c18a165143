import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../src/server/paths.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const CLI_ENTRY = path.join(ROOT_DIR, 'src/server/main.ts');

/** Runs `atrium <args>` as a real process (what `npm run atrium --` does), stdin closed. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], {
      cwd: ROOT_DIR,
      env: { ...cleanEnv(), LOG_LEVEL: 'warn', ATRIUM_BUILD_WEB: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The parent's environment minus Atrium's own variables, so tests state what they rely on. */
export function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        !entry[0].startsWith('ATRIUM_') &&
        !['DATABASE_URL', 'PORT', 'NODE_ENV'].includes(entry[0]),
    ),
  );
}
