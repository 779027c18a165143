import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { systemActor } from '../../../kernel/http/actor.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import type { DemoWorld } from '../../../kernel/module.js';
import { listApps } from '../../tenancy/index.js';
import { readStatement } from '../ingestion/read-statement.js';
import { storeStatement } from '../ingestion/store-statement.js';
import { reanalyzeCustomers } from '../services/analyze-customer.js';
import { generateCustomers, type SyntheticCustomer } from './synthetic-statements.js';

/** 520 customers over six months: about 108,000 transactions, 15 of them shifting behaviour. */
export const DEMO_CUSTOMERS = { seed: 7, customers: 520, months: 6, shifters: 15 } as const;

/**
 * The intelligence tenant's customers (Harbor Bank), sent as JSON statements through the very
 * reader and store the Public API uses, then analysed together. Statements come from the bank's
 * first app; each one is audited and emits `statement.received`, as an upload would.
 */
export async function seedIntelligenceDemo(services: AppServices, world: DemoWorld): Promise<void> {
  const bank = world.tenants.find((tenant) => tenant.family === 'intelligence');
  if (!bank) return;
  const { data: apps } = await withTenant(services.pool, bank.id, (tx) => listApps(tx, { limit: 1 }));
  const source = {
    tenantId: bank.id,
    appId: apps[0] ? (fromPublicId('app', apps[0].id) ?? null) : null,
    keyId: null,
    actor: systemActor('demo seeder'),
  };
  const customers = generateCustomers({ ...DEMO_CUSTOMERS, endDate: new Date().toISOString().slice(0, 10) });
  for (const customer of customers) {
    const statement = await readStatement([Buffer.from(statementJson(customer))], 'application/json', {});
    await withTenant(services.pool, bank.id, (tx) =>
      storeStatement(services, tx, source, statement, { analyze: false }),
    );
  }
  await reanalyzeCustomers(services, bank.id);
}

/** The `POST /v1/statements` JSON body a partner would send for this customer. */
function statementJson(customer: SyntheticCustomer): string {
  return JSON.stringify({
    customer: {
      externalRef: customer.externalRef,
      birthYear: customer.birthYear,
      gender: customer.gender,
      region: customer.region,
    },
    transactions: customer.transactions.map((row) => ({
      date: row.bookedOn,
      amount: row.amount.toFixed(2),
      currency: row.currency,
      description: row.description,
      counterparty: row.counterparty,
      channel: row.channel,
      mcc: row.mcc,
      transactionId: row.partnerTransactionId,
    })),
  });
}
