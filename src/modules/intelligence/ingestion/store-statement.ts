import { createHash } from 'node:crypto';
import type { AppServices } from '../../../kernel/context.js';
import { plainArrayLiteral, textArrayLiteral } from '../../../kernel/db/array-literal.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { emitEvent } from '../../webhooks/index.js';
import { categorise } from '../analysis/index.js';
import { statementReceivedEvent } from '../events.js';
import { requestAnalysis } from '../services/request-analysis.js';
import { findOrCreateCustomer } from './find-or-create-customer.js';
import type { ParsedStatement } from './read-statement.js';
import type { StatementView } from './statement-schemas.js';
import type { ValidRow } from './validate-row.js';

/** Rows per INSERT: each is one statement with 17 array parameters. */
const INSERT_BATCH = 5_000;

export interface StatementSource {
  tenantId: string;
  /** The key's app and the key itself (the Public API); null for other callers. */
  appId: string | null;
  keyId: string | null;
  actor: Actor;
}

export interface StoreOptions {
  /**
   * Queue the customer's analysis (default). The demo world turns it off and analyses its
   * customers together afterwards (`reanalyzeCustomers`), instead of 500 single jobs.
   */
  analyze?: boolean;
}

/**
 * Stores a validated statement in the caller's transaction, all or nothing: the customer (found by
 * its external ref, a merged one's survivor, or created; demographics updated when sent), the
 * statement, its rows categorised and de-duplicated, the customer's counters, the queued analysis,
 * the `statement.received` event and the audit record.
 */
export async function storeStatement(
  services: AppServices,
  tx: TenantTx,
  source: StatementSource,
  statement: ParsedStatement,
  options: StoreOptions = {},
): Promise<StatementView> {
  const { tenantId } = source;
  const customer = await findOrCreateCustomer(tx, tenantId, statement.customer);
  const statementId = uuidv7();
  const period = periodOf(statement.rows);
  const { rows: created } = await tx.client.query<{ created_at: Date }>(
    `INSERT INTO statements (id, tenant_id, customer_id, app_id, key_id, format, received_count, stored_count,
                             duplicate_count, period_start, period_end)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, $8, $9) RETURNING created_at`,
    [
      statementId,
      tenantId,
      customer.id,
      source.appId,
      source.keyId,
      statement.format,
      statement.rows.length,
      period.start,
      period.end,
    ],
  );
  const owner = { tenantId, customerId: customer.id, statementId };
  const stored = await insertTransactions(tx, owner, statement.rows, { customerHasRows: !customer.created });
  const duplicates = statement.rows.length - stored;
  if (stored > 0) {
    // The customer's first and last days from its booking-date index (two probes): exact even
    // when some rows were duplicates, whose dates the customer already has or not. New activity
    // brings an archived customer back to the table (archiving hides those who have gone).
    await tx.client.query(
      `UPDATE customers
          SET transaction_count = transaction_count + $3,
              first_transaction_on = (SELECT min(booked_on) FROM transactions WHERE tenant_id = $2 AND customer_id = $1),
              last_transaction_on = (SELECT max(booked_on) FROM transactions WHERE tenant_id = $2 AND customer_id = $1),
              archived_at = NULL,
              updated_at = now()
        WHERE id = $1 AND tenant_id = $2`,
      [customer.id, tenantId, stored],
    );
    if (customer.archivedAt) {
      await recordAudit(tx, tenantId, source.actor, {
        action: 'customer.unarchived',
        target: { type: 'customer', id: toPublicId('customer', customer.id), label: customer.externalRef },
        before: { archivedAt: customer.archivedAt.toISOString() },
        after: { archivedAt: null, reason: 'statement_received' },
      });
    }
  }
  // Nothing new (every row was already known): the latest analysis still stands.
  const analysis =
    stored > 0 && options.analyze !== false
      ? await requestAnalysis(services, tx, {
          tenantId,
          customerId: customer.id,
          statementId,
          externalRef: customer.externalRef,
        })
      : null;
  await tx.client.query(
    'UPDATE statements SET stored_count = $3, duplicate_count = $4, job_run_id = $5 WHERE id = $1 AND tenant_id = $2',
    [statementId, tenantId, stored, duplicates, analysis?.jobRunId ?? null],
  );
  const view: StatementView = {
    id: toPublicId('statement', statementId),
    customer: { id: toPublicId('customer', customer.id), externalRef: customer.externalRef },
    format: statement.format,
    receivedCount: statement.rows.length,
    storedCount: stored,
    duplicateCount: duplicates,
    periodStart: period.start,
    periodEnd: period.end,
    jobRunId: analysis ? toPublicId('job', analysis.jobRunId) : null,
    createdAt: (created[0]?.created_at ?? new Date()).toISOString(),
  };
  await emitEvent(tx, {
    tenantId,
    appId: source.appId,
    type: statementReceivedEvent.type,
    data: {
      statementId: view.id,
      customerId: view.customer.id,
      externalRef: view.customer.externalRef,
      receivedCount: view.receivedCount,
      storedCount: view.storedCount,
      duplicateCount: view.duplicateCount,
      periodStart: view.periodStart,
      periodEnd: view.periodEnd,
      jobRunId: view.jobRunId,
    },
  });
  await recordAudit(tx, tenantId, source.actor, {
    action: 'statement.received',
    target: { type: 'statement', id: view.id, label: customer.externalRef },
    after: {
      customerId: view.customer.id,
      format: view.format,
      receivedCount: view.receivedCount,
      storedCount: view.storedCount,
      duplicateCount: view.duplicateCount,
      ...(customer.created ? { customerCreated: true } : {}),
    },
  });
  return view;
}

function periodOf(rows: readonly ValidRow[]): { start: string | null; end: string | null } {
  let start: string | null = null;
  let end: string | null = null;
  for (const row of rows) {
    if (start === null || row.bookedOn < start) start = row.bookedOn;
    if (end === null || row.bookedOn > end) end = row.bookedOn;
  }
  return { start, end };
}

/**
 * Inserts the rows in batches of one multi-row INSERT over `unnest` arrays each. A row whose
 * `dedupe_key` came earlier in the upload is skipped here; one the customer already has (re-sent)
 * by `ON CONFLICT DO NOTHING`. A customer this upload created has no rows yet (and its row stays
 * locked until commit), so its INSERT needs no conflict check: without ON CONFLICT, PostgreSQL
 * skips the speculative insertion (an extra probe of the unique index and its bookkeeping per row).
 * Returns how many were new (the commands' row counts: nothing is sent back per row).
 */
async function insertTransactions(
  tx: TenantTx,
  owner: { tenantId: string; customerId: string; statementId: string },
  rows: readonly ValidRow[],
  options: { customerHasRows: boolean },
): Promise<number> {
  const { keys, unique } = firstOfEachKey(rows);
  const onConflict = options.customerHasRows ? 'ON CONFLICT (customer_id, dedupe_key) DO NOTHING' : '';
  let count = 0;
  for (let start = 0; start < unique.length; start += INSERT_BATCH) {
    const batch = unique.slice(start, start + INSERT_BATCH);
    const columns = {
      id: [] as string[],
      bookedOn: [] as string[],
      amount: [] as string[],
      currency: [] as string[],
      description: [] as string[],
      counterparty: [] as (string | null)[],
      channel: [] as (string | null)[],
      partnerCategory: [] as (string | null)[],
      mcc: [] as (string | null)[],
      partnerTransactionId: [] as (string | null)[],
      dedupeKey: [] as string[],
      category: [] as string[],
      confidence: [] as number[],
      source: [] as string[],
    };
    batch.forEach((row, offset) => {
      const categorised = categorise(row);
      columns.id.push(uuidv7());
      columns.bookedOn.push(row.bookedOn);
      columns.amount.push(row.amountText);
      columns.currency.push(row.currency);
      columns.description.push(row.description);
      columns.counterparty.push(row.counterparty);
      columns.channel.push(row.channel);
      columns.partnerCategory.push(row.partnerCategory);
      columns.mcc.push(row.mcc);
      columns.partnerTransactionId.push(row.transactionId);
      columns.dedupeKey.push(keys[start + offset] as string);
      columns.category.push(categorised.category);
      columns.confidence.push(categorised.confidence);
      columns.source.push(categorised.source);
    });
    const { rowCount } = await tx.client.query(
      `INSERT INTO transactions (id, tenant_id, customer_id, statement_id, booked_on, amount, currency, description,
                                   counterparty, channel, partner_category, mcc, partner_transaction_id, dedupe_key,
                                   category, category_confidence, category_source)
         SELECT r.id, $1, $2, $3, r.booked_on, r.amount, r.currency, r.description, r.counterparty, r.channel,
                r.partner_category, r.mcc, r.partner_transaction_id, r.dedupe_key, r.category, r.confidence, r.source
           FROM unnest($4::uuid[], $5::date[], $6::numeric[], $7::text[], $8::text[], $9::text[], $10::text[],
                       $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::real[], $17::text[])
             AS r(id, booked_on, amount, currency, description, counterparty, channel, partner_category, mcc,
                  partner_transaction_id, dedupe_key, category, confidence, source)
         ${onConflict}`,
      [
        owner.tenantId,
        owner.customerId,
        owner.statementId,
        // Ids we made, validated dates and decimals, and scores need no quoting.
        plainArrayLiteral(columns.id),
        plainArrayLiteral(columns.bookedOn),
        plainArrayLiteral(columns.amount),
        textArrayLiteral(columns.currency),
        textArrayLiteral(columns.description),
        textArrayLiteral(columns.counterparty),
        textArrayLiteral(columns.channel),
        textArrayLiteral(columns.partnerCategory),
        textArrayLiteral(columns.mcc),
        textArrayLiteral(columns.partnerTransactionId),
        textArrayLiteral(columns.dedupeKey),
        textArrayLiteral(columns.category),
        plainArrayLiteral(columns.confidence),
        textArrayLiteral(columns.source),
      ],
    );
    count += rowCount ?? 0;
  }
  return count;
}

/** The rows whose dedupe key is the first of its kind in the upload, with their keys, in order. */
function firstOfEachKey(rows: readonly ValidRow[]): { keys: string[]; unique: ValidRow[] } {
  const seen = new Set<string>();
  const keys: string[] = [];
  const unique: ValidRow[] = [];
  dedupeKeys(rows).forEach((key, index) => {
    if (seen.has(key)) return;
    seen.add(key);
    keys.push(key);
    unique.push(rows[index] as ValidRow);
  });
  return { keys, unique };
}

/**
 * `p:<partner id>` when the partner gave one; else `f:` and a hash of the row's date, amount,
 * currency, description, counterparty and its occurrence among identical rows of this upload, so
 * two genuinely identical purchases on one day are both kept, and re-sending the statement
 * stores neither again.
 */
export function dedupeKeys(rows: readonly ValidRow[]): string[] {
  const occurrences = new Map<string, number>();
  return rows.map((row) => {
    if (row.transactionId) return `p:${row.transactionId}`;
    const identity = [
      row.bookedOn,
      row.amountText,
      row.currency,
      row.description,
      row.counterparty ?? '',
    ].join('\u001f');
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    const hash = createHash('sha256').update(`${identity}\u001f${occurrence}`).digest('base64url');
    return `f:${hash.slice(0, 32)}`;
  });
}
