import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, however the process was started (npm script, CLI, tests). */
export const ROOT_DIR = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const WEB_DIST_DIR = path.join(ROOT_DIR, 'dist/web');

export const APP_VERSION: string = (
  JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }
).version;
