import { and, eq, gte, ilike, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { auditEvents } from '../schema.js';

/** What the list, the export and other modules' activity feeds filter on; every field optional. */
export interface AuditFilters {
  /** Part of the actor's label or id; a `usr_…` id matches that user exactly. */
  actor?: string;
  /** Exact actions, or prefixes ending in `.` or `.*` (`member.` matches `member.added`). */
  actions?: readonly string[];
  targetType?: string;
  targetId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Free text in the action, actor, target, address, user agent, request id or data. */
  q?: string;
}

/** The query string's form of the filters (`action` comma-separated, times as ISO text). */
export interface AuditFilterQuery {
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export function filtersFromQuery(query: AuditFilterQuery): AuditFilters {
  const actions = query.action
    ?.split(',')
    .map((action) => action.trim())
    .filter(Boolean);
  return {
    ...(query.actor ? { actor: query.actor } : {}),
    ...(actions?.length ? { actions } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
}

/** The filters as SQL conditions, to be joined with AND (none for no filter). */
export function filterConditions(filters: AuditFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.actor ? actorCondition(filters.actor) : undefined,
    filters.actions?.length ? or(...filters.actions.map(actionCondition)) : undefined,
    filters.targetType ? eq(auditEvents.targetType, filters.targetType) : undefined,
    filters.targetId ? eq(auditEvents.targetId, filters.targetId) : undefined,
    filters.from ? gte(auditEvents.occurredAt, filters.from) : undefined,
    filters.to ? lt(auditEvents.occurredAt, filters.to) : undefined,
    filters.q ? freeTextCondition(filters.q) : undefined,
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

function actorCondition(actor: string): SQL | undefined {
  const userId = fromPublicId('user', actor);
  if (userId) return and(eq(auditEvents.actorType, 'user'), eq(auditEvents.actorId, userId));
  const pattern = `%${escapeLike(actor)}%`;
  return or(ilike(auditEvents.actorLabel, pattern), ilike(auditEvents.actorId, pattern));
}

function actionCondition(action: string): SQL {
  const prefix = action.endsWith('.*') ? action.slice(0, -1) : action.endsWith('.') ? action : undefined;
  return prefix === undefined
    ? eq(auditEvents.action, action)
    : like(auditEvents.action, `${escapeLike(prefix)}%`);
}

function freeTextCondition(q: string): SQL {
  const e = auditEvents;
  const text = sql`concat_ws(' ', ${e.action}, ${e.actorLabel}, ${e.actorId}, ${e.targetType}, ${e.targetId},
    ${e.targetLabel}, ${e.ip}, ${e.userAgent}, ${e.requestId}, ${e.before}::text, ${e.after}::text, ${e.metadata}::text)`;
  return sql`${text} ILIKE ${`%${escapeLike(q)}%`}`;
}

/** LIKE treats `%`, `_` and the escape character itself specially; a search means them literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
