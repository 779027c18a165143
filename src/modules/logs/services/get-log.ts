import type { Tx } from '../../../kernel/db/transaction.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7Time } from '../../../kernel/ids/uuidv7.js';
import { LIST_COLUMNS, type RequestLogRow, type RequestLogView, toRequestLogView } from './list-logs.js';

export interface RequestLogDetail extends RequestLogView {
  requestHeaders: Record<string, string> | null;
  responseHeaders: Record<string, string> | null;
  requestBody: string | null;
  responseBody: string | null;
}

type DetailRow = RequestLogRow & {
  request_headers: Record<string, string> | null;
  response_headers: Record<string, string> | null;
  request_body: string | null;
  response_body: string | null;
};

/**
 * One request of the tenant, with headers and bodies. The id is a UUIDv7 whose time is the row's
 * `created_at`, so the lookup reads one day partition through its index.
 */
export async function getRequestLog(tx: Tx, tenantId: string, publicId: string): Promise<RequestLogDetail> {
  const id = fromPublicId('requestLog', publicId);
  if (!id) throw notFound(publicId);
  const at = new Date(uuidv7Time(id)).toISOString();
  const { rows } = await tx.client.query<DetailRow>(
    `SELECT ${LIST_COLUMNS}, '' AS position, request_headers, response_headers, request_body, response_body
       FROM request_logs
      WHERE tenant_id = $1 AND id = $2
        AND created_at BETWEEN $3::timestamptz - interval '1 second' AND $3::timestamptz + interval '1 second'`,
    [tenantId, id, at],
  );
  const row = rows[0];
  if (!row) throw notFound(publicId);
  return {
    ...toRequestLogView(row),
    requestHeaders: row.request_headers,
    responseHeaders: row.response_headers,
    requestBody: row.request_body,
    responseBody: row.response_body,
  };
}

function notFound(id: string): ProblemError {
  return new ProblemError('not_found', `No request log entry ${id} in this tenant.`);
}
