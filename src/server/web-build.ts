import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../kernel/logger.js';
import { ROOT_DIR, WEB_DIST_DIR } from './paths.js';

// Outside dist/web, which every build empties: `npm run build:web` keeps a valid stamp.
const STAMP_FILE = path.join(WEB_DIST_DIR, '..', '.web-source-hash');
const GENERATED = new Set(['routeTree.gen.ts']);

/** Builds the dashboard when dist/web is missing or was built from other sources. */
export async function ensureWebBuilt(log: Logger): Promise<'fresh' | 'built'> {
  const hash = await hashWebSources();
  const stamp = existsSync(STAMP_FILE) ? (await readFile(STAMP_FILE, 'utf8')).trim() : '';
  if (stamp === hash && existsSync(path.join(WEB_DIST_DIR, 'index.html'))) return 'fresh';
  log.info('building the dashboard (first start or changed sources)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT_DIR, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  await writeFile(STAMP_FILE, hash);
  return 'built';
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
