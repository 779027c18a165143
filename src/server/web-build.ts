import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from '../kernel/logger.js';
import { ROOT_DIR, WEB_DIST_DIR } from './paths.js';

// Outside dist/web, which every build empties: `npm run build:web` keeps a valid stamp.
const require = createRequire(import.meta.url);
const STAMP_FILE = path.join(WEB_DIST_DIR, '..', '.web-source-hash');
const GENERATED = new Set(['routeTree.gen.ts']);

/** Builds the dashboard when dist/web is missing or was built from other sources. */
export async function ensureWebBuilt(log: Logger): Promise<'fresh' | 'built'> {
  const hash = await hashWebSources();
  const stamp = existsSync(STAMP_FILE) ? (await readFile(STAMP_FILE, 'utf8')).trim() : '';
  if (stamp === hash && existsSync(path.join(WEB_DIST_DIR, 'index.html'))) return 'fresh';
  log.info('building the dashboard (first start or changed sources)…');
  await runViteBuild();
  await writeFile(STAMP_FILE, hash);
  return 'built';
}

/**
 * Runs `vite build` in a child process: a build in this process would leave its memory behind
 * (measured: ~870 MB resident after an in-process build, ~140 MB without).
 */
function runViteBuild(): Promise<void> {
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const args = [viteBin, 'build', '--config', path.join(ROOT_DIR, 'vite.config.ts'), '--logLevel', 'warn'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`dashboard build failed (exit ${code})`)),
    );
  });
}

/** Content hash of everything the web build reads: shell, module pages, contracts and config. */
export async function hashWebSources(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await listFiles(path.join(ROOT_DIR, 'src/web'))),
    ...(await moduleWebFiles()),
    path.join(ROOT_DIR, 'vite.config.ts'),
    path.join(ROOT_DIR, 'package-lock.json'),
  ].sort();
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(ROOT_DIR, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

async function moduleWebFiles(): Promise<string[]> {
  const modulesDir = path.join(ROOT_DIR, 'src/modules');
  const entries = await readdir(modulesDir, { withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => [
        ...(await listFiles(path.join(modulesDir, entry.name, 'web'))),
        path.join(modulesDir, entry.name, 'contract.ts'),
      ]),
  );
  return files.flat();
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !GENERATED.has(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
