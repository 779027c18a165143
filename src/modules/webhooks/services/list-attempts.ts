import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId, toPublicId } from '../../../kernel/ids/public-id.js';

export interface AttemptFilters {
  appId?: string | undefined;
  endpointId?: string | undefined;
  eventType?: string | undefined;
  status?: 'success' | 'failed' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface AttemptRow {
  id: string;
  message_id: string;
  endpoint_id: string;
  app_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  outcome: 'success' | 'failed';
  status_code: number | null;
  latency_ms: number;
  request_payload: string;
  response_body: string | null;
  error: string | null;
  created_at: Date;
}

function internalId(kind: 'app' | 'endpoint', field: string, value: string): string {
  const id = fromPublicId(kind, value);
  if (!id) {
    const message = `Expected a ${kind === 'app' ? 'app_' : 'ep_'}… id.`;
    throw new ProblemError('validation_failed', `query.${field}: ${message}`, {
      errors: [{ path: `query.${field}`, message }],
    });
  }
  return id;
}

/**
 * The tenant's delivery attempts, newest first, filtered; keyset paging on the attempt id (a
 * UUIDv7, so id order is time order). The cursor is the last attempt's public id.
 */
export async function listAttempts(
  tx: TenantTx,
  filters: AttemptFilters,
  options: { cursor?: string | undefined; limit: number },
) {
  const values: unknown[] = [tx.tenantId];
  const where = ['a.tenant_id = $1'];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filters.appId) where.push(`a.app_id = ${param(internalId('app', 'appId', filters.appId))}::uuid`);
  if (filters.endpointId) {
    where.push(`a.endpoint_id = ${param(internalId('endpoint', 'endpointId', filters.endpointId))}::uuid`);
  }
  if (filters.eventType) where.push(`a.event_type = ${param(filters.eventType)}`);
  if (filters.status) where.push(`a.outcome = ${param(filters.status)}`);
  if (filters.from) where.push(`a.created_at >= ${param(new Date(filters.from).toISOString())}::timestamptz`);
  if (filters.to) where.push(`a.created_at < ${param(new Date(filters.to).toISOString())}::timestamptz`);
  if (options.cursor) {
    const before = fromPublicId('attempt', options.cursor);
    if (!before) {
      const message = 'Not a cursor this API returned; start again without one.';
      throw new ProblemError('validation_failed', `query.cursor: ${message}`, {
        errors: [{ path: 'query.cursor', message }],
      });
    }
    where.push(`a.id < ${param(before)}::uuid`);
  }
  const { rows } = await tx.client.query<AttemptRow>(
    `SELECT a.id, a.message_id, a.endpoint_id, a.app_id, m.event_id, a.event_type, a.attempt, a.outcome,
            a.status_code, a.latency_ms, a.request_payload, a.response_body, a.error, a.created_at
       FROM webhook_attempts a JOIN webhook_messages m ON m.id = a.message_id
      WHERE ${where.join(' AND ')}
      ORDER BY a.id DESC LIMIT ${param(options.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    data: page.map(presentAttempt),
    nextCursor: rows.length > options.limit && last ? toPublicId('attempt', last.id) : null,
  };
}

function presentAttempt(row: AttemptRow) {
  return {
    id: toPublicId('attempt', row.id),
    deliveryId: toPublicId('delivery', row.message_id),
    endpointId: toPublicId('endpoint', row.endpoint_id),
    appId: toPublicId('app', row.app_id),
    eventId: toPublicId('event', row.event_id),
    eventType: row.event_type,
    attempt: row.attempt,
    status: row.outcome,
    statusCode: row.status_code,
    latencyMs: row.latency_ms,
    requestPayload: row.request_payload,
    responseBody: row.response_body,
    error: row.error,
    createdAt: row.created_at.toISOString(),
  };
}
