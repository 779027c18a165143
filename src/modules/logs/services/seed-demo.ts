import type { AppServices } from '../../../kernel/context.js';
import { withTransaction } from '../../../kernel/db/transaction.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7, uuidv7Time } from '../../../kernel/ids/uuidv7.js';
import type { DemoWorld } from '../../../kernel/module.js';
import { pickWeighted, seededRandom } from '../../../kernel/random.js';
import type { CapturedRequest } from './entry.js';
import { persistBatch, prepareRow } from './persist.js';
import { redactorFor } from './runtime.js';

const DAYS = 30;
const REQUESTS_PER_DAY = 120;
const HOUR_MS = 3_600_000;

/** What the demo partners' servers and people call, with how often and how fast. */
interface Traffic {
  method: string;
  route: string;
  path: (app: string) => string;
  weight: number;
  latency: number;
}

const KEY_TRAFFIC: readonly Traffic[] = [
  { method: 'GET', route: '/v1/me', path: () => '/v1/me', weight: 5, latency: 4 },
  { method: 'GET', route: '/partner/apps', path: () => '/partner/apps', weight: 4, latency: 18 },
  {
    method: 'GET',
    route: '/partner/apps/{appId}',
    path: (app: string) => `/partner/apps/${app}`,
    weight: 3,
    latency: 12,
  },
  { method: 'GET', route: '/partner/projects', path: () => '/partner/projects', weight: 2, latency: 15 },
  { method: 'GET', route: '/partner/api-keys', path: () => '/partner/api-keys', weight: 1, latency: 20 },
];
const USER_TRAFFIC: readonly Traffic[] = [
  { method: 'GET', route: '/partner/access', path: () => '/partner/access', weight: 3, latency: 9 },
  {
    method: 'GET',
    route: '/partner/team/members',
    path: () => '/partner/team/members',
    weight: 1,
    latency: 14,
  },
  {
    method: 'PATCH',
    route: '/partner/apps/{appId}',
    path: (app: string) => `/partner/apps/${app}`,
    weight: 1,
    latency: 35,
  },
] as const;
const FAILURES = [
  { status: 401, share: 0.012 },
  { status: 403, share: 0.008 },
  { status: 404, share: 0.012 },
  { status: 422, share: 0.004 },
  { status: 429, share: 0.004 },
  { status: 500, share: 0.007 },
  { status: 503, share: 0.003 },
] as const;
const CLIENT_IPS = ['198.51.100.23', '198.51.100.24', '2001:db8:4a::17', '203.0.113.90'];

interface KeyRef {
  id: string;
  appId: string;
  prefix: string;
}

/**
 * Thirty days of API traffic for each demo tenant, through the request log's own write path
 * (redaction, partitions, rollups), so the Logs page, the overview and per-key usage show a
 * believable history: mostly key traffic from the partner's servers, some dashboard use, a few
 * percent of refusals and the odd server error, busier on weekdays and office hours.
 */
export async function seedDemoTraffic(services: AppServices, world: DemoWorld): Promise<void> {
  const redactor = redactorFor(services);
  const knownDays = new Set<string>();
  const now = Date.now();
  for (const [index, tenant] of world.tenants.entries()) {
    const { rows: keys } = await services.pool.query<KeyRef>(
      `SELECT id, app_id AS "appId", prefix FROM api_keys WHERE tenant_id = $1 AND revoked_at IS NULL`,
      [tenant.id],
    );
    const { rows: apps } = await services.pool.query<{ id: string }>(
      'SELECT id FROM apps WHERE tenant_id = $1',
      [tenant.id],
    );
    const random = seededRandom(index + 1);
    const batch: CapturedRequest[] = [];
    for (let day = DAYS; day >= 0; day--) {
      for (let n = 0; n < REQUESTS_PER_DAY; n++) {
        const at = now - day * 24 * HOUR_MS - Math.floor(busyOffset(random) * 24 * HOUR_MS);
        if (at > now) continue;
        batch.push(demoRequest(random, at, tenant, keys, apps, CLIENT_IPS));
      }
    }
    const rows = batch.map((entry) => prepareRow(entry, redactor));
    await withTransaction(services.pool, (tx) => persistBatch(tx.client, rows, knownDays));
  }
}

function demoRequest(
  random: () => number,
  at: number,
  tenant: DemoWorld['tenants'][number],
  keys: readonly KeyRef[],
  apps: readonly { id: string }[],
  ips: readonly string[],
): CapturedRequest {
  const key = keys.length && random() < 0.8 ? keys[Math.floor(random() * keys.length)] : undefined;
  const traffic = pickWeighted(random, key ? KEY_TRAFFIC : USER_TRAFFIC);
  const app = key?.appId ?? apps[Math.floor(random() * apps.length)]?.id ?? tenant.id;
  const status = failure(random) ?? (traffic.method === 'POST' ? 201 : 200);
  const latencyMs = Math.max(0.4, traffic.latency * (0.5 + random()) * (status >= 500 ? 6 : 1));
  const id = uuidv7(at);
  const path = traffic.path(toPublicId('app', app));
  return {
    id,
    createdAt: new Date(uuidv7Time(id)),
    tenantId: tenant.id,
    appId: key?.appId ?? null,
    keyId: key?.id ?? null,
    userId: key ? null : tenant.owner.userId,
    requestId: id.replaceAll('-', '').slice(16),
    surface: path.startsWith('/v1/') ? 'public' : 'partner',
    method: traffic.method,
    path,
    route: traffic.route,
    status,
    latencyMs,
    ip: key ? (ips[Math.floor(random() * 3)] ?? null) : (ips[3] ?? null),
    userAgent: key
      ? 'partner-backend/2.4 (node 20)'
      : 'Mozilla/5.0 (Macintosh) AppleWebKit/537.36 Chrome/131',
    requestHeaders: [
      ['accept', 'application/json'],
      ['authorization', key ? `Bearer ${key.prefix}…` : ''],
    ],
    responseHeaders: [['content-type', status >= 400 ? 'application/problem+json' : 'application/json']],
    requestBody: null,
    responseBody: status >= 400 ? { status, title: 'Demo refusal' } : null,
  };
}

function failure(random: () => number): number | undefined {
  let roll = random();
  for (const entry of FAILURES) {
    roll -= entry.share;
    if (roll < 0) return entry.status;
  }
  return undefined;
}

/** Fraction of a day back from the day's end, weighted to office hours. */
function busyOffset(random: () => number): number {
  return random() < 0.7 ? 0.3 + random() * 0.4 : random();
}
