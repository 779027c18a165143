import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { systemActor } from '../../../kernel/http/actor.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import type { DemoTenant, DemoWorld, EventDefinition } from '../../../kernel/module.js';
import { pickWeighted, seededRandom } from '../../../kernel/random.js';
import { storeEndpoint } from './create-endpoint.js';
import { messageBody } from './deliver-message.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry-schedule.js';

const DAYS = 30;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Events a day for a tenant whose domain module emits them, and for the others (keys, apps). */
const EVENTS_PER_DAY = { module: 36, core: 10 };
/** Newer messages all succeed at once: none is still waiting for a retry when the demo starts. */
const SETTLED_MS = 30 * HOUR_MS;

interface Attempt {
  at: number;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

/** How the partner's receiver answers when it does not accept a delivery. */
const FAILURES: readonly Omit<Attempt, 'at' | 'ok'>[] = [
  { statusCode: 500, latencyMs: 120, responseBody: '{"error":"internal_error"}', error: null },
  { statusCode: 503, latencyMs: 40, responseBody: 'upstream unavailable', error: null },
  { statusCode: 404, latencyMs: 30, responseBody: 'Not Found', error: null },
  { statusCode: null, latencyMs: 15_000, responseBody: null, error: 'timed out after 15 s' },
  { statusCode: null, latencyMs: 3, responseBody: null, error: 'connect ECONNREFUSED' },
];

/**
 * Each demo tenant's first app gets a webhook endpoint at its (made-up) order system, created
 * through the module's own store (audited, secret sealed), and thirty days of history in the shapes
 * the delivery path records: events of the types its modules emit (their catalogue examples as
 * data), one message each, and its attempts — mostly accepted at once, a few retried on the real
 * schedule, the odd one given up after eight attempts, and for the first tenant a 90-minute outage
 * of its receiver a week ago. So the Webhooks tab, the endpoint page, the Webhook logs and the
 * heatmap show a believable history. Runs after the other modules' seeders: their events were
 * emitted before the endpoint existed, so it does not receive them.
 */
export async function seedDemoWebhooks(services: AppServices, world: DemoWorld): Promise<void> {
  const now = Date.now();
  for (const [index, tenant] of world.tenants.entries()) {
    const random = seededRandom(700 + index);
    const { rows: apps } = await services.pool.query<{ id: string; name: string }>(
      `SELECT id, name FROM apps WHERE tenant_id = $1
        ORDER BY environment = 'production' DESC, created_at LIMIT 1`,
      [tenant.id],
    );
    const app = apps[0];
    if (!app) continue;
    const types = eventMix(services, tenant);
    const domain = tenant.owner.email.split('@')[1] ?? 'partner.example';
    const outage = index === 0 ? { from: now - 6 * DAY_MS - 5 * HOUR_MS, hours: 1.5 } : undefined;
    await withTenant(services.pool, tenant.id, async (tx) => {
      const endpoint = await storeEndpoint(services, tx, app, {
        appId: app.id,
        url: `https://hooks.${domain}/atrium`,
        description: 'Order system: keeps customers and keys in sync',
        eventTypes: [],
        enabled: true,
        headers: {},
        actor: systemActor('demo seeder'),
        createdAt: new Date(now - (DAYS + 1) * DAY_MS),
      });
      const rows = history(random, now, types, outage);
      const endpointId = fromPublicId('endpoint', endpoint.id) as string;
      await insertHistory(tx.client, tenant.id, app.id, endpointId, rows);
    });
  }
}

interface WeightedType {
  definition: EventDefinition;
  data: unknown;
  weight: number;
}

/** The tenant's event types: its own module's often, the core's (keys, apps) now and then. */
function eventMix(services: AppServices, tenant: DemoTenant): WeightedType[] {
  return services.modules.flatMap((module) =>
    module.events
      .filter((definition) => !definition.type.startsWith('webhook'))
      .map((definition) => ({
        definition,
        data: definition.schema.parse(definition.example),
        weight: module.id === tenant.family ? 6 : 1,
      })),
  );
}

interface HistoryRow {
  eventId: string;
  messageId: string;
  type: string;
  data: unknown;
  at: number;
  attempts: Attempt[];
}

function history(
  random: () => number,
  now: number,
  types: readonly WeightedType[],
  outage: { from: number; hours: number } | undefined,
): HistoryRow[] {
  const perDay = types.some((type) => type.weight > 1) ? EVENTS_PER_DAY.module : EVENTS_PER_DAY.core;
  const rows: HistoryRow[] = [];
  for (let day = DAYS; day >= 0; day--) {
    for (let n = 0; n < perDay; n++) {
      // Busier in office hours (UTC), as the partner's own traffic is.
      const hour = random() < 0.7 ? 8 + random() * 10 : random() * 24;
      const at = Math.floor(now / DAY_MS) * DAY_MS - day * DAY_MS + Math.floor(hour * HOUR_MS);
      if (at > now - 60_000) continue;
      const type = pickWeighted(random, types);
      const down = (time: number) =>
        outage !== undefined && time >= outage.from && time < outage.from + outage.hours * HOUR_MS;
      rows.push({
        eventId: uuidv7(at),
        messageId: uuidv7(at + 40),
        type: type.definition.type,
        data: type.data,
        at,
        attempts: attempts(random, at + 60 + Math.floor(random() * 240), now - at < SETTLED_MS, down),
      });
    }
  }
  return rows;
}

/** The attempts of one message: retried on the real schedule until accepted or out of attempts. */
function attempts(
  random: () => number,
  first: number,
  settled: boolean,
  down: (time: number) => boolean,
): Attempt[] {
  const made: Attempt[] = [];
  let at = first;
  for (;;) {
    const failing = down(at) || (!settled && random() < (made.length === 0 ? 0.04 : 0.35));
    if (!failing) {
      const latencyMs = 45 + Math.floor(random() * random() * 600);
      made.push({ at, ok: true, statusCode: 200, latencyMs, responseBody: '{"received":true}', error: null });
      return made;
    }
    const failure = down(at)
      ? (FAILURES[1] as (typeof FAILURES)[number])
      : (FAILURES[Math.floor(random() * FAILURES.length)] as (typeof FAILURES)[number]);
    made.push({ at, ok: false, ...failure });
    const next = nextAttemptAt(made.length, new Date(at + failure.latencyMs), random());
    if (!next || made.length >= MAX_ATTEMPTS) return made;
    at = next.getTime();
  }
}

/** The events (dispatched), their messages (settled) and every attempt, one statement each. */
async function insertHistory(
  client: { query: (text: string, values: unknown[]) => Promise<unknown> },
  tenantId: string,
  appId: string,
  endpointId: string,
  rows: readonly HistoryRow[],
): Promise<void> {
  const iso = (ms: number) => new Date(ms).toISOString();
  await client.query(
    `INSERT INTO events (id, tenant_id, app_id, type, payload, created_at, dispatched_at, subscribers_pending)
     SELECT id, $1, $2, type, payload::jsonb, at, at + interval '30 milliseconds', false
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::timestamptz[]) AS e(id, type, payload, at)`,
    [
      tenantId,
      appId,
      rows.map((row) => row.eventId),
      rows.map((row) => row.type),
      rows.map((row) => JSON.stringify(row.data)),
      rows.map((row) => iso(row.at)),
    ],
  );
  const outcome = (row: HistoryRow) => row.attempts.at(-1) as Attempt;
  await client.query(
    `INSERT INTO webhook_messages (id, tenant_id, endpoint_id, event_id, status, attempts, succeeded_at, created_at)
     SELECT id, $1, $2, event_id, status, attempts, succeeded_at, created_at
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::timestamptz[], $8::timestamptz[])
         AS m(id, event_id, status, attempts, succeeded_at, created_at)`,
    [
      tenantId,
      endpointId,
      rows.map((row) => row.messageId),
      rows.map((row) => row.eventId),
      rows.map((row) => (outcome(row).ok ? 'succeeded' : 'failed')),
      rows.map((row) => row.attempts.length),
      rows.map((row) => (outcome(row).ok ? iso(outcome(row).at + outcome(row).latencyMs) : null)),
      rows.map((row) => iso(row.at + 40)),
    ],
  );
  const attempts = rows.flatMap((row) => {
    const payload = messageBody({
      event_id: row.eventId,
      event_type: row.type,
      event_created_at: new Date(row.at),
      payload: row.data,
    });
    return row.attempts.map((attempt, index) => ({ row, attempt, number: index + 1, payload }));
  });
  await client.query(
    `INSERT INTO webhook_attempts (id, tenant_id, message_id, endpoint_id, app_id, event_type, attempt, outcome,
                                   status_code, latency_ms, request_payload, response_body, error, created_at)
     SELECT id, $1, message_id, $2, $3, event_type, attempt, outcome, status_code, latency_ms, request_payload,
            response_body, error, created_at
       FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::int[], $8::text[], $9::int[], $10::int[], $11::text[],
                   $12::text[], $13::text[], $14::timestamptz[])
         AS a(id, message_id, event_type, attempt, outcome, status_code, latency_ms, request_payload, response_body,
              error, created_at)`,
    [
      tenantId,
      endpointId,
      appId,
      attempts.map(({ attempt }) => uuidv7(attempt.at)),
      attempts.map(({ row }) => row.messageId),
      attempts.map(({ row }) => row.type),
      attempts.map(({ number }) => number),
      attempts.map(({ attempt }) => (attempt.ok ? 'success' : 'failed')),
      attempts.map(({ attempt }) => attempt.statusCode),
      attempts.map(({ attempt }) => attempt.latencyMs),
      attempts.map(({ payload }) => payload),
      attempts.map(({ attempt }) => attempt.responseBody),
      attempts.map(({ attempt }) => attempt.error),
      attempts.map(({ attempt }) => iso(attempt.at + attempt.latencyMs)),
    ],
  );
}
