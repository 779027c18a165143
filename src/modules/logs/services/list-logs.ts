import type { Tx } from '../../../kernel/db/transaction.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { LogFilters } from './log-filters.js';
import { logFilterSql } from './log-filters.js';

export interface RequestLogRow {
  id: string;
  created_at: Date;
  request_id: string;
  surface: 'partner' | 'public';
  method: string;
  path: string;
  route: string | null;
  status: number;
  latency_ms: number;
  ip: string | null;
  user_agent: string | null;
  app_id: string | null;
  key_id: string | null;
  user_id: string | null;
  /** `created_at` as exact UTC ISO text, for the cursor. */
  position: string;
}

export interface RequestLogView {
  id: string;
  createdAt: string;
  requestId: string;
  surface: 'partner' | 'public';
  method: string;
  path: string;
  route: string | null;
  status: number;
  latencyMs: number;
  ip: string | null;
  userAgent: string | null;
  appId: string | null;
  keyId: string | null;
  userId: string | null;
}

/** `created_at` to the microsecond, in UTC ISO form: exact, unlike a JavaScript Date. */
const POSITION = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const LIST_COLUMNS =
  'id, created_at, request_id, surface, method, path, route, status, latency_ms, ip, user_agent, app_id, key_id, user_id';

export function toRequestLogView(row: RequestLogRow): RequestLogView {
  return {
    id: toPublicId('requestLog', row.id),
    createdAt: row.created_at.toISOString(),
    requestId: row.request_id,
    surface: row.surface,
    method: row.method,
    path: row.path,
    route: row.route,
    status: row.status,
    latencyMs: Math.round(row.latency_ms * 100) / 100,
    ip: row.ip,
    userAgent: row.user_agent,
    appId: row.app_id ? toPublicId('app', row.app_id) : null,
    keyId: row.key_id ? toPublicId('key', row.key_id) : null,
    userId: row.user_id ? toPublicId('user', row.user_id) : null,
  };
}

/** Where a page ends: the last row's time exactly as PostgreSQL prints it (microseconds) and id. */
export interface LogPosition {
  createdAt: string;
  id: string;
}

/**
 * The tenant's requests matching the filters, newest first, strictly before `before`. Keyset
 * paging on (created_at, id) walks the (tenant_id, created_at, id) index backwards, so a page ten
 * thousand rows deep costs what the first page costs.
 */
export async function readLogsBefore(
  tx: Tx,
  tenantId: string,
  filters: LogFilters,
  before: LogPosition | undefined,
  limit: number,
): Promise<RequestLogRow[]> {
  const { conditions, params } = logFilterSql(filters, 2);
  const values: unknown[] = [tenantId, ...params];
  if (before) {
    values.push(before.createdAt, before.id);
    conditions.push(`(created_at, id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
  }
  values.push(limit);
  const { rows } = await tx.client.query<RequestLogRow>(
    `SELECT ${LIST_COLUMNS}, ${POSITION} AS position FROM request_logs
      WHERE tenant_id = $1 ${conditions.map((condition) => `AND ${condition}`).join(' ')}
      ORDER BY created_at DESC, id DESC LIMIT $${values.length}`,
    values,
  );
  return rows;
}

export interface RequestLogPage {
  data: RequestLogView[];
  nextCursor: string | null;
}

export async function listRequestLogs(
  tx: Tx,
  tenantId: string,
  filters: LogFilters,
  options: { cursor?: string; limit: number },
): Promise<RequestLogPage> {
  const before = options.cursor === undefined ? undefined : decodeLogCursor(options.cursor);
  const rows = await readLogsBefore(tx, tenantId, filters, before, options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    data: page.map(toRequestLogView),
    nextCursor:
      rows.length > options.limit && last ? encodeLogCursor({ createdAt: last.position, id: last.id }) : null,
  };
}

// Opaque to clients (base64url), versioned so the key can change without breaking saved links.
const CURSOR =
  /^v1\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeLogCursor(position: LogPosition): string {
  return Buffer.from(`v1|${position.createdAt}|${position.id}`).toString('base64url');
}

export function decodeLogCursor(cursor: string): LogPosition {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1] || !match[2]) throw badCursor();
  // A real instant (no 13th month): its millisecond form survives a round trip.
  const millis = `${match[1].slice(0, 23)}Z`;
  const parsed = new Date(millis);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString() !== millis) throw badCursor();
  return { createdAt: match[1], id: match[2] };
}

function badCursor(): ProblemError {
  return new ProblemError('validation_failed', 'query.cursor: not a cursor this API returned', {
    errors: [{ path: 'query.cursor', message: 'Not a cursor this API returned; start again without one.' }],
  });
}
