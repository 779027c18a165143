import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

const SECRET_FILE = 'secret';

/**
 * The installation secret (session signing, later encryption keys). Production sets ATRIUM_SECRET
 * (the configuration refuses to start without it); a development installation generates one on
 * first start and keeps it in the data directory, so sessions survive restarts.
 */
export function resolveSecret(config: Config): string {
  if (config.ATRIUM_SECRET) return config.ATRIUM_SECRET;
  const file = path.resolve(config.ATRIUM_DATA_DIR, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
