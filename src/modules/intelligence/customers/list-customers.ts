import { and, desc, eq, ilike, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { customers } from '../schema.js';
import { type AgeBand, birthYearsOf } from '../services/age-band.js';
import { leadingCravingSql } from '../services/leading-craving.js';
import { cursorId, page } from './cursor.js';
import { presentCustomerRow } from './present.js';

export interface CustomerFilters {
  q?: string | undefined;
  persona?: string | undefined;
  craving?: string | undefined;
  driftLevel?: string | undefined;
  riskLevel?: string | undefined;
  region?: string | undefined;
  gender?: string | undefined;
  ageBand?: AgeBand | undefined;
  activeFrom?: string | undefined;
  activeTo?: string | undefined;
  archived: 'false' | 'true' | 'all';
}

/** `%` and `_` in a search are literal characters, not patterns. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

function searchCondition(q: string): SQL | undefined {
  // A customer id finds that customer only; anything else searches the reference and the name.
  const id = fromPublicId('customer', q);
  if (id) return eq(customers.id, id);
  const pattern = `%${escapeLike(q)}%`;
  return or(ilike(customers.externalRef, pattern), ilike(customers.displayName, pattern));
}

/** The SQL conditions of the customer table's filters (merged duplicates are never listed). */
export function customerConditions(tx: TenantTx, filters: CustomerFilters): SQL[] {
  const conditions: SQL[] = [eq(customers.tenantId, tx.tenantId), isNull(customers.mergedIntoId)];
  const q = filters.q?.trim();
  if (q) conditions.push(searchCondition(q) ?? sql`false`);
  if (filters.persona) conditions.push(eq(customers.persona, filters.persona));
  if (filters.craving) {
    conditions.push(sql`${sql.raw(leadingCravingSql('"customers"."cravings"'))} = ${filters.craving}`);
  }
  if (filters.driftLevel) conditions.push(eq(customers.driftLevel, filters.driftLevel));
  if (filters.riskLevel) conditions.push(eq(customers.riskLevel, filters.riskLevel));
  if (filters.region) conditions.push(sql`lower(${customers.region}) = lower(${filters.region})`);
  if (filters.gender) conditions.push(sql`lower(${customers.gender}) = lower(${filters.gender})`);
  if (filters.ageBand) {
    const { from, to } = birthYearsOf(filters.ageBand);
    conditions.push(sql`${customers.birthYear} BETWEEN ${from} AND ${to}`);
  }
  // The history overlaps the period, as the intelligence dashboard's figures count it.
  if (filters.activeFrom) conditions.push(sql`${customers.lastTransactionOn} >= ${filters.activeFrom}::date`);
  if (filters.activeTo) conditions.push(sql`${customers.firstTransactionOn} <= ${filters.activeTo}::date`);
  if (filters.archived === 'false') conditions.push(isNull(customers.archivedAt));
  if (filters.archived === 'true') conditions.push(isNotNull(customers.archivedAt));
  return conditions;
}

/** The tenant's customers, newest first, filtered; keyset paging on the id (a UUIDv7). */
export async function listCustomers(
  tx: TenantTx,
  filters: CustomerFilters,
  options: { cursor?: string | undefined; limit: number },
) {
  const conditions = customerConditions(tx, filters);
  if (options.cursor) conditions.push(lt(customers.id, cursorId('customer', options.cursor)));
  const rows = await tx.db
    .select()
    .from(customers)
    .where(and(...conditions))
    .orderBy(desc(customers.id))
    .limit(options.limit + 1);
  const result = page(rows, options.limit, 'customer');
  return { data: result.rows.map(presentCustomerRow), nextCursor: result.nextCursor };
}
