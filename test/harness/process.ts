import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { CLI_ENTRY, cleanEnv } from './cli.js';

export interface AtriumProcess {
  /** Base URL; empty for the worker role, which serves no HTTP. */
  url: string;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `atrium start` as a real process and resolves once it says it is running. */
export function startAtriumProcess(env: Record<string, string>, args: string[] = []): Promise<AtriumProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, 'start', ...args], {
    env: { ...cleanEnv(), LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/is running(?: at (http:\/\/localhost:\d+))?/);
      if (match) {
        resolve({
          url: match[1] ?? '',
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    exited.then((code) => reject(new Error(`atrium exited with ${code} before listening:\n${output}`)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Signs in to a running Atrium over HTTP (as the dashboard does) and returns the session cookie. */
export async function signInOverHttp(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/partner/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}
