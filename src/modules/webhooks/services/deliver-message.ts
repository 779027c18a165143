import type { AppServices } from '../../../kernel/context.js';
import { type Tx, withTransaction } from '../../../kernel/db/transaction.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { LIVE_EVENT_TYPES } from '../../live/contract.js';
import { type LiveEventInput, publishLive, publishLiveMany } from '../../live/index.js';
import { disableFailingEndpoint, FAILING_DAYS_BEFORE_DISABLE } from './disable-endpoint.js';
import { endpointSecretBox } from './endpoint-secret.js';
import { gather } from './gather.js';
import { noticeFailingEndpoint } from './notify-endpoint-trouble.js';
import { nextAttemptAt } from './retry-schedule.js';
import { type DeliveryResult, sendWebhook } from './send-webhook.js';
import { parseAllowlist } from './url-guard.js';

/** Queues (another) delivery attempt of a message, in the caller's transaction. */
export type Requeue = (tx: Tx, messageId: string, startAfter?: Date) => Promise<unknown>;

interface MessageRow {
  id: string;
  tenant_id: string;
  status: string;
  attempts: number;
  endpoint_id: string;
  app_id: string;
  url: string;
  enabled: boolean;
  headers: Record<string, string>;
  rate_limit_per_second: number | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  event_id: string;
  event_type: string;
  event_created_at: Date;
  payload: unknown;
}

/** The Standard Webhooks body: type, timestamp, data (and the event's id). */
export function messageBody(
  row: Pick<MessageRow, 'event_id' | 'event_type' | 'event_created_at' | 'payload'>,
) {
  return JSON.stringify({
    id: toPublicId('event', row.event_id),
    type: row.event_type,
    timestamp: row.event_created_at.toISOString(),
    data: row.payload,
  });
}

const ERROR_LIMIT = 1000;

/**
 * One delivery attempt of a message, safe to run twice: a succeeded message is left alone, the
 * attempt number is claimed atomically, and the success is recorded by a conditional update, so a
 * message has at most one recorded success. A failure schedules the next attempt (or gives up),
 * and five days of failures disable the endpoint.
 */
export async function deliverMessage(
  services: AppServices,
  messageId: string,
  options: { requeue: Requeue; now?: () => Date },
): Promise<'delivered' | 'failed' | 'skipped' | 'delayed'> {
  const now = options.now ?? (() => new Date());
  // The common case (a pending message of an enabled endpoint without a rate limit) is loaded and
  // claimed in one statement shared with the deliveries running beside it; anything else takes
  // the path below, which says why it is not sent.
  const claimed = await batched(services).claim(messageId);
  if (claimed) return attemptDelivery(services, claimed, claimed.attempts, options, now);
  const { rows } = await services.pool.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS}
       FROM webhook_messages m
       JOIN webhook_endpoints e ON e.id = m.endpoint_id
       JOIN events ev ON ev.id = m.event_id
      WHERE m.id = $1`,
    [messageId],
  );
  const message = rows[0];
  if (!message || message.status === 'succeeded') return 'skipped';
  if (!message.enabled) {
    await services.pool.query(
      `UPDATE webhook_messages SET status = 'failed', next_attempt_at = NULL WHERE id = $1 AND status = 'pending'`,
      [messageId],
    );
    return 'skipped';
  }
  if (message.rate_limit_per_second && !(await takeRateSlot(services, message))) {
    await withTransaction(services.pool, (tx) =>
      options.requeue(tx, messageId, new Date(now().getTime() + 1000)),
    );
    return 'delayed';
  }
  const claimedOne = await services.pool.query<{ attempts: number }>(
    `UPDATE webhook_messages SET attempts = attempts + 1 WHERE id = $1 AND status <> 'succeeded' RETURNING attempts`,
    [messageId],
  );
  const attempt = claimedOne.rows[0]?.attempts;
  if (attempt === undefined) return 'skipped';
  return attemptDelivery(services, message, attempt, options, now);
}

/** Sends attempt number `attempt` (already claimed) and records its outcome. */
async function attemptDelivery(
  services: AppServices,
  message: MessageRow,
  attempt: number,
  options: { requeue: Requeue },
  now: () => Date,
): Promise<'delivered' | 'failed' | 'skipped'> {
  const messageId = message.id;
  const box = endpointSecretBox(services.config);
  const secrets = [box.open(message.secret)];
  if (
    message.previous_secret &&
    message.previous_secret_expires_at &&
    message.previous_secret_expires_at > now()
  ) {
    secrets.push(box.open(message.previous_secret));
  }
  const body = messageBody(message);
  const result = await sendWebhook(
    {
      url: message.url,
      messageId: toPublicId('delivery', messageId),
      body,
      secrets,
      headers: message.headers,
      timestamp: now(),
    },
    batched(services).allow,
  );
  if (result.ok) {
    const won = await batched(services).recordSuccess({ message, attempt, body, result });
    return won ? 'delivered' : 'skipped';
  }
  return withTransaction(services.pool, async (tx) => {
    await recordAttempt(tx, message, attempt, body, result, 'failed');
    await publishLive(tx, attemptLiveEvent(message, attempt, result, 'failed'));
    const at = now();
    const next = nextAttemptAt(attempt, at);
    await tx.client.query(
      `UPDATE webhook_messages SET status = $2, next_attempt_at = $3 WHERE id = $1 AND status <> 'succeeded'`,
      [messageId, next ? 'pending' : 'failed', next],
    );
    if (next) await options.requeue(tx, messageId, next);
    const failing = await tx.client.query<{ failing_since: Date }>(
      `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $2) WHERE id = $1 RETURNING failing_since`,
      [message.endpoint_id, at],
    );
    const since = failing.rows[0]?.failing_since;
    if (since && at.getTime() - since.getTime() >= FAILING_DAYS_BEFORE_DISABLE * 24 * 3600 * 1000) {
      await disableFailingEndpoint(services, tx, {
        endpointId: message.endpoint_id,
        tenantId: message.tenant_id,
        failingSince: since,
      });
    } else if (since) {
      const endpoint = { tenantId: message.tenant_id, endpointId: message.endpoint_id, url: message.url };
      await noticeFailingEndpoint(services, tx, { ...endpoint, failingSince: since }, at);
    }
    return 'failed' as const;
  });
}

const MESSAGE_COLUMNS = `m.id, m.tenant_id, m.status, m.attempts, e.id AS endpoint_id, e.app_id, e.url, e.enabled,
  e.headers, e.rate_limit_per_second, e.secret, e.previous_secret, e.previous_secret_expires_at,
  ev.id AS event_id, ev.type AS event_type, ev.created_at AS event_created_at, ev.payload`;

interface Success {
  message: MessageRow;
  attempt: number;
  body: string;
  result: DeliveryResult;
}

const perServices = new WeakMap<AppServices, ReturnType<typeof createBatched>>();

/** This process's shared statements (one set per services: a test may run several). */
function batched(services: AppServices) {
  let shared = perServices.get(services);
  if (!shared) {
    shared = createBatched(services);
    perServices.set(services, shared);
  }
  return shared;
}

function createBatched(services: AppServices) {
  return {
    /** The operator's SSRF allowlist, parsed once. */
    allow: parseAllowlist(services.config.ATRIUM_WEBHOOK_ALLOWED_HOSTS),
    /**
     * Claims the next attempt of each message that can be sent now (not succeeded, endpoint
     * enabled, no rate limit) and loads what the request needs, in one statement for all the
     * messages gathered. A message asked for twice in one run is claimed for the first caller only.
     */
    claim: gather<string, MessageRow | undefined>(async (messageIds) => {
      const { rows } = await services.pool.query<MessageRow>(
        `WITH claimed AS (
           UPDATE webhook_messages m SET attempts = m.attempts + 1
             FROM webhook_endpoints e
            WHERE m.id = ANY($1::uuid[]) AND e.id = m.endpoint_id AND m.status <> 'succeeded'
              AND e.enabled AND e.rate_limit_per_second IS NULL
           RETURNING m.*
         )
         SELECT ${MESSAGE_COLUMNS}
           FROM claimed m
           JOIN webhook_endpoints e ON e.id = m.endpoint_id
           JOIN events ev ON ev.id = m.event_id`,
        [[...new Set(messageIds)]],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return messageIds.map((id) => {
        const row = byId.get(id);
        byId.delete(id);
        return row;
      });
    }),
    /**
     * Records the successes gathered in one transaction: one statement in which each message's
     * conditional update wins or not, and only a winner writes its attempt and clears its
     * endpoint's failure state; then the winners are announced to open dashboards. A message that
     * another run recorded first was a duplicate the receiver got, as at-least-once allows; the log
     * keeps one success. Returns, per success, whether it won.
     */
    recordSuccess: gather<Success, boolean>((successes) =>
      withTransaction(services.pool, async (tx) => {
        const attemptIds = successes.map(() => uuidv7());
        const { rows } = await tx.client.query<{ id: string }>(
          `WITH input AS (
             SELECT DISTINCT ON (message_id) *
               FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::int[],
                           $8::int[], $9::int[], $10::text[], $11::text[])
                    AS i(attempt_id, message_id, tenant_id, endpoint_id, app_id, event_type, attempt, status_code,
                         latency_ms, request_payload, response_body)
           ), won AS (
             UPDATE webhook_messages m SET status = 'succeeded', succeeded_at = now(), next_attempt_at = NULL
               FROM input i WHERE m.id = i.message_id AND m.status <> 'succeeded' RETURNING m.id
           ), endpoint AS (
             UPDATE webhook_endpoints SET failing_since = NULL
              WHERE failing_since IS NOT NULL
                AND id IN (SELECT i.endpoint_id FROM input i JOIN won ON won.id = i.message_id)
           )
           INSERT INTO webhook_attempts (id, tenant_id, message_id, endpoint_id, app_id, event_type, attempt, outcome,
                                         status_code, latency_ms, request_payload, response_body, error)
           SELECT i.attempt_id, i.tenant_id, i.message_id, i.endpoint_id, i.app_id, i.event_type, i.attempt, 'success',
                  i.status_code, i.latency_ms, i.request_payload, i.response_body, NULL
             FROM input i JOIN won ON won.id = i.message_id
           RETURNING id`,
          [
            attemptIds,
            successes.map((s) => s.message.id),
            successes.map((s) => s.message.tenant_id),
            successes.map((s) => s.message.endpoint_id),
            successes.map((s) => s.message.app_id),
            successes.map((s) => s.message.event_type),
            successes.map((s) => s.attempt),
            successes.map((s) => s.result.statusCode),
            successes.map((s) => s.result.latencyMs),
            successes.map((s) => s.body),
            successes.map((s) => s.result.responseBody),
          ],
        );
        const won = new Set(rows.map((row) => row.id));
        const outcomes = attemptIds.map((id) => won.has(id));
        await publishLiveMany(
          tx,
          successes
            .filter((_, index) => outcomes[index])
            .map((s) => attemptLiveEvent(s.message, s.attempt, s.result, 'success')),
        );
        return outcomes;
      }),
    ),
  };
}

/** What tells the tenant's open dashboards (endpoint page, Logs page) that an attempt finished. */
function attemptLiveEvent(
  message: MessageRow,
  attempt: number,
  result: DeliveryResult,
  outcome: 'success' | 'failed',
): LiveEventInput {
  return {
    tenantId: message.tenant_id,
    type: LIVE_EVENT_TYPES.webhookDelivery,
    data: {
      endpointId: toPublicId('endpoint', message.endpoint_id),
      deliveryId: toPublicId('delivery', message.id),
      attempt,
      outcome,
      statusCode: result.statusCode,
    },
  };
}

async function recordAttempt(
  tx: Tx,
  message: MessageRow,
  attempt: number,
  body: string,
  result: DeliveryResult,
  outcome: 'success' | 'failed',
): Promise<void> {
  await tx.client.query(
    `INSERT INTO webhook_attempts (id, tenant_id, message_id, endpoint_id, app_id, event_type, attempt, outcome,
                                   status_code, latency_ms, request_payload, response_body, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      uuidv7(),
      message.tenant_id,
      message.id,
      message.endpoint_id,
      message.app_id,
      message.event_type,
      attempt,
      outcome,
      result.statusCode,
      result.latencyMs,
      body,
      result.responseBody,
      result.error?.slice(0, ERROR_LIMIT) ?? null,
    ],
  );
}

/** Counts this attempt in the endpoint's current one-second window; false when the window is full. */
async function takeRateSlot(services: AppServices, message: MessageRow): Promise<boolean> {
  const { rows } = await services.pool.query<{ rate_count: number }>(
    `UPDATE webhook_endpoints
        SET rate_count = CASE WHEN rate_window = date_trunc('second', clock_timestamp()) THEN rate_count + 1 ELSE 1 END,
            rate_window = date_trunc('second', clock_timestamp())
      WHERE id = $1 RETURNING rate_count`,
    [message.endpoint_id],
  );
  return (rows[0]?.rate_count ?? 0) <= (message.rate_limit_per_second ?? 0);
}
