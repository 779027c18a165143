import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import type { LogFilterQuery } from '../contract.js';

/** The Logs page's filters, resolved to internal values; every field optional. */
export interface LogFilters {
  q?: string;
  statusClasses?: number[];
  method?: string;
  appId?: string;
  keyId?: string;
  route?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/**
 * The query string's filters as internal values. An app or key id that is not well formed can
 * match nothing; it is a 400 naming the field, so a typo is not mistaken for "no traffic".
 */
export function logFiltersFromQuery(query: LogFilterQuery): LogFilters {
  const statusClasses = query.statusClass?.split(',').map((entry) => Number(entry[0]));
  return {
    ...(query.q ? { q: query.q } : {}),
    ...(statusClasses?.length ? { statusClasses: [...new Set(statusClasses)] } : {}),
    ...(query.method ? { method: query.method } : {}),
    ...(query.appId ? { appId: internalId('app', 'appId', query.appId) } : {}),
    ...(query.keyId ? { keyId: internalId('key', 'keyId', query.keyId) } : {}),
    ...(query.route ? { route: query.route } : {}),
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
  };
}

function internalId(kind: 'app' | 'key', field: string, value: string): string {
  const id = fromPublicId(kind, value);
  if (!id) {
    throw new ProblemError('validation_failed', `query.${field}: not a ${kind} id`, {
      errors: [{ path: `query.${field}`, message: `Expected a ${kind}_… id.` }],
    });
  }
  return id;
}

/** SQL conditions (joined with AND) and their parameters, numbered from `firstParam`. */
export function logFilterSql(
  filters: LogFilters,
  firstParam: number,
): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  if (filters.statusClasses?.length) {
    conditions.push(
      `(${filters.statusClasses.map((c) => `(status >= ${c * 100} AND status < ${c * 100 + 100})`).join(' OR ')})`,
    );
  }
  if (filters.method) conditions.push(`method = ${param(filters.method)}`);
  if (filters.appId) conditions.push(`app_id = ${param(filters.appId)}::uuid`);
  if (filters.keyId) conditions.push(`key_id = ${param(filters.keyId)}::uuid`);
  if (filters.route) conditions.push(`route = ${param(filters.route)}`);
  if (filters.from) conditions.push(`created_at >= ${param(filters.from.toISOString())}::timestamptz`);
  if (filters.to) conditions.push(`created_at < ${param(filters.to.toISOString())}::timestamptz`);
  if (filters.q) conditions.push(searchCondition(filters.q, param));
  return { conditions, params };
}

/** `q`: a key (its id or the start of its secret), an exact IP address, or part of the path. */
function searchCondition(q: string, param: (value: unknown) => string): string {
  const keyId = fromPublicId('key', q);
  if (keyId) return `key_id = ${param(keyId)}::uuid`;
  if (/^atr_(live|test)_/.test(q)) {
    return `key_id IN (SELECT id FROM api_keys WHERE prefix LIKE ${param(`${escapeLike(q.slice(0, 13))}%`)})`;
  }
  return `(path ILIKE ${param(`%${escapeLike(q)}%`)} OR ip = ${param(q)})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
