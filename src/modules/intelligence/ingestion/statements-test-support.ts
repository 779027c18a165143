// Test and benchmark support: a tenant with an app and a statements key, synthetic statements,
// and calls to `POST /v1/statements` through the real request edge.

import { ownerAndViewer, send, type TenantAccounts } from '../../../../test/harness/tenant-accounts.js';
import type { TestApp } from '../../../../test/harness/test-app.js';

export interface StatementTenant extends TenantAccounts {
  appId: string;
  /** A key with `statements:write`. */
  secret: string;
}

/** A tenant, a sandbox app and a key allowed to send statements (with a generous rate limit). */
export async function statementTenant(
  t: TestApp,
  name: string,
  scopes = ['statements:write'],
): Promise<StatementTenant> {
  const accounts = await ownerAndViewer(t, name);
  const project = await send<{ id: string }>(
    t,
    'POST',
    '/partner/projects',
    { name: 'Statements' },
    accounts.owner,
  );
  const app = await send<{ id: string }>(
    t,
    'POST',
    '/partner/apps',
    { projectId: project.body.id, name: 'Core banking', environment: 'sandbox' },
    accounts.owner,
  );
  const secret = await newKey(t, accounts, app.body.id, scopes);
  return { ...accounts, appId: app.body.id, secret };
}

export async function newKey(
  t: TestApp,
  accounts: TenantAccounts,
  appId: string,
  scopes: string[],
): Promise<string> {
  const key = await send<{ secret: string }>(
    t,
    'POST',
    '/partner/api-keys',
    { appId, label: `Statements ${scopes.join(' ')}`, scopes, rateLimitPerMinute: 100_000 },
    accounts.owner,
  );
  if (key.status !== 201) throw new Error(`key not created: ${key.status} ${JSON.stringify(key.body)}`);
  return key.body.secret;
}

export interface StatementRow {
  date: string;
  amount: number | string;
  currency: string;
  description: string;
  counterparty?: string;
  channel?: string;
  category?: string;
  mcc?: string;
  transactionId?: string;
}

const MERCHANTS = [
  { description: 'CARD PAYMENT TESCO STORES', counterparty: 'Tesco', mcc: '5411', amount: -42.5 },
  { description: 'UBER TRIP HELP.UBER.COM', counterparty: 'Uber', mcc: '4121', amount: -13.2 },
  { description: 'NETFLIX.COM SUBSCRIPTION', counterparty: 'Netflix', mcc: '4899', amount: -11.99 },
  { description: 'SHELL FUEL STATION', counterparty: 'Shell', mcc: '5541', amount: -60 },
  { description: 'RENT PAYMENT MARCH', counterparty: 'Landlord Ltd', amount: -950 },
  { description: 'SALARY ACME LTD', counterparty: 'Acme Ltd', amount: 2450 },
];

/** `count` varied rows over about a year from `start`, each with a distinct partner id when `ids`. */
export function syntheticRows(
  count: number,
  options: { ids?: boolean; idPrefix?: string; start?: string } = {},
): StatementRow[] {
  const start = Date.parse(`${options.start ?? '2024-01-01'}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => {
    const merchant = MERCHANTS[index % MERCHANTS.length] as (typeof MERCHANTS)[number];
    const day = new Date(start + (index % 365) * 86_400_000).toISOString().slice(0, 10);
    return {
      date: day,
      amount: (merchant.amount - (index % 7)).toFixed(2),
      currency: 'EUR',
      description: `${merchant.description} ${index % 97}`,
      counterparty: merchant.counterparty,
      channel: merchant.amount > 0 ? 'transfer' : 'card',
      ...(merchant.mcc ? { mcc: merchant.mcc } : {}),
      ...(options.ids === false ? {} : { transactionId: `${options.idPrefix ?? 'tx'}-${index}` }),
    };
  });
}

const CSV_HEADER = [
  'date',
  'amount',
  'currency',
  'description',
  'counterparty',
  'channel',
  'category',
  'mcc',
  'transactionId',
] as const;

function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvOf(rows: readonly StatementRow[]): string {
  const lines = rows.map((row) => CSV_HEADER.map((column) => csvCell(row[column])).join(','));
  return `${CSV_HEADER.join(',')}\n${lines.join('\n')}\n`;
}

export interface PostOptions {
  secret: string;
  contentType?: string;
  query?: string;
  headers?: Record<string, string>;
}

export async function postStatement<T = Record<string, unknown>>(
  t: TestApp,
  body: string,
  options: PostOptions,
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await t.request(`/v1/statements${options.query ? `?${options.query}` : ''}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.secret}`,
      'content-type': options.contentType ?? 'application/json',
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}
