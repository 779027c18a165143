import './v8-flags.js';
import { createInterface } from 'node:readline/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { describeDemoSignIn, seedDemoWorld } from '../demo/seed-demo.js';
import { type Config, ConfigError, loadConfig } from '../kernel/config.js';
import type { ProcessRole } from '../kernel/context.js';
import { openDatabaseServer } from '../kernel/db/database.js';
import { fromPublicId } from '../kernel/ids/public-id.js';
import { createLogger } from '../kernel/logger.js';
import { describeChainReport, listAuditChains, verifyAuditChain } from '../modules/audit/index.js';
import { APP_VERSION } from './paths.js';
import { resetDatabase } from './reset.js';
import { startAtrium } from './runtime.js';
import { openServices } from './services.js';

const EXIT_CONFIG = 2;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`atrium: ${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}

async function start(options: { role: ProcessRole }): Promise<void> {
  const cfg = config();
  const log = createLogger(cfg.LOG_LEVEL);
  const running = await startAtrium({ config: cfg, role: options.role, log });
  say(
    running.url
      ? `Atrium ${APP_VERSION} is running at ${running.url}`
      : `Atrium worker ${APP_VERSION} is running`,
  );
  if (running.demo && running.url) say(describeDemoSignIn(running.demo, running.url));
  let stopping = false;
  // npm and tsx relay the terminal's signal, so one Ctrl-C can arrive twice: later signals are
  // ignored and a hard deadline bounds the shutdown instead.
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, cfg.ATRIUM_SHUTDOWN_TIMEOUT_MS + 5_000).unref();
    running.stop().then(
      () => log.flush(() => process.exit(0)),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function migrate(): Promise<void> {
  const cfg = config();
  const { close } = await openServices({ config: cfg, role: 'api', log: createLogger(cfg.LOG_LEVEL) });
  await close();
  say('Migrations applied; the database is current.');
}

async function seedDemo(): Promise<void> {
  const cfg = config();
  const { services, close } = await openServices({
    config: cfg,
    role: 'api',
    log: createLogger(cfg.LOG_LEVEL),
  });
  try {
    const seeded = await seedDemoWorld(services);
    const url = cfg.ATRIUM_PUBLIC_URL ?? `http://localhost:${cfg.PORT}`;
    say(
      seeded.outcome === 'seeded'
        ? describeDemoSignIn(seeded.signIn, url)
        : 'The demo world was already seeded; run `reset` first.',
    );
  } finally {
    await close();
  }
}

async function reset(options: { yes?: boolean }): Promise<void> {
  const cfg = config();
  if (cfg.NODE_ENV === 'production') throw new Error('reset is for development only (NODE_ENV=production)');
  if (
    !options.yes &&
    !(await confirm('This deletes every tenant, key and log in this database. Type "reset":'))
  ) {
    throw new Error('reset cancelled (pass --yes to skip the question)');
  }
  const log = createLogger(cfg.LOG_LEVEL);
  const database = await openDatabaseServer(cfg, log);
  try {
    await resetDatabase(cfg, database);
  } finally {
    await database.stop();
  }
  say('Database reset. The next start migrates and seeds the demo world again.');
}

async function auditVerify(options: { tenant?: string }): Promise<void> {
  const tenantId = options.tenant === undefined ? undefined : fromPublicId('tenant', options.tenant);
  if (options.tenant !== undefined && !tenantId) throw new Error(`not a tenant id: ${options.tenant}`);
  const cfg = config();
  const { services, close } = await openServices({
    config: cfg,
    role: 'api',
    log: createLogger(cfg.LOG_LEVEL),
  });
  let broken = 0;
  try {
    for (const chain of tenantId ? [tenantId] : await listAuditChains(services)) {
      const report = await verifyAuditChain(services, chain);
      say(describeChainReport(chain, report));
      if (!report.ok) broken += 1;
    }
  } finally {
    await close();
  }
  if (broken) throw new Error(`${broken} audit chain${broken === 1 ? ' is' : 's are'} broken`);
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(`${question} `);
  prompt.close();
  return answer.trim() === 'reset';
}

function parseRole(value: string): ProcessRole {
  if (value === 'all' || value === 'api' || value === 'worker') return value;
  throw new InvalidArgumentError('expected all, api or worker');
}

const program = new Command()
  .name('atrium')
  .description('Atrium partner platform')
  .version(APP_VERSION)
  .showHelpAfterError()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('start')
  .description('Run Atrium (API, dashboard and worker by default)')
  .addOption(
    new Option('--role <role>', 'process role: all, api or worker').default('all').argParser(parseRole),
  )
  .action(start);
program.command('migrate').description('Apply pending database migrations').action(migrate);
program
  .command('seed')
  .description('Seed data')
  .command('demo')
  .description('Create the demo world through the modules’ services')
  .action(seedDemo);
program
  .command('audit')
  .description('Audit trail')
  .command('verify')
  .description('Check every audit chain (or one tenant’s) and report the first broken link; exit 1 if any')
  .option('--tenant <id>', 'only this tenant (ten_…)')
  .action(auditVerify);
program
  .command('reset')
  .description('Development only: delete all data (asks first)')
  .option('-y, --yes', 'do not ask for confirmation')
  .action(reset);

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`atrium: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? EXIT_CONFIG : 1);
});
