import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor } from '../../../kernel/http/actor.js';
import { type AppEnv, defineRoute, requireApiKey } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { documentedSchema } from '../ingestion/documented-body.js';
import { LISTED_ROW_ERRORS, readStatement } from '../ingestion/read-statement.js';
import { MAX_TRANSACTIONS, STATEMENT_BODY_LIMIT_BYTES } from '../ingestion/row-rules.js';
import {
  CreateStatementJsonSchema,
  StatementCsvQuerySchema,
  StatementSchema,
} from '../ingestion/statement-schemas.js';
import { storeStatement } from '../ingestion/store-statement.js';

const JSON_EXAMPLE = {
  customer: { externalRef: 'CUST-000123', birthYear: 1987, gender: 'female', region: 'Nairobi' },
  transactions: [
    {
      date: '2025-03-01',
      amount: 2450,
      currency: 'EUR',
      description: 'SALARY MARCH ACME LTD',
      counterparty: 'Acme Ltd',
      channel: 'transfer',
      transactionId: 'tx-2025-03-01-0001',
    },
    {
      date: '2025-03-02',
      amount: -42.5,
      currency: 'EUR',
      description: 'CARD PAYMENT TESCO STORES 3245',
      counterparty: 'Tesco',
      channel: 'card',
      mcc: '5411',
      transactionId: 'tx-2025-03-02-0001',
    },
  ],
};

const CSV_EXAMPLE = `date,amount,currency,description,counterparty,channel,category,mcc,transactionId
2025-03-01,2450.00,EUR,SALARY MARCH ACME LTD,Acme Ltd,transfer,,,tx-2025-03-01-0001
2025-03-02,-42.50,EUR,CARD PAYMENT TESCO STORES 3245,Tesco,card,Groceries,5411,tx-2025-03-02-0001
`;

export const createStatementRoute = defineRoute({
  route: createRoute({
    operationId: 'createStatement',
    method: 'post',
    path: '/v1/statements',
    tags: ['Public API'],
    summary: 'Send a customer statement',
    description: `Adds a customer's transactions and starts the analysis of that customer (persona, cravings, drift). Send JSON (\`application/json\`: the customer and a \`transactions\` array) or CSV (\`text/csv\`: a header row with the transaction columns — \`date\`, \`amount\`, \`currency\`, \`description\` required; \`counterparty\`, \`channel\`, \`category\`, \`mcc\`, \`transactionId\` optional, in any order, names matched without case or underscores — and the customer in the query string: \`customerRef\` required, \`birthYear\`, \`gender\`, \`region\` optional). Up to ${MAX_TRANSACTIONS.toLocaleString('en')} transactions and ${STATEMENT_BODY_LIMIT_BYTES / 1024 / 1024} MiB per request; the body is read as it streams in.

\`amount\` is signed: money in is positive, money out negative. The customer is found by its external reference (a merged duplicate's reference leads to the customer it was merged into) or created; demographics that are sent replace stored ones.

The statement is all or nothing: if any row is invalid, nothing is stored and the 400 lists each bad row (\`errors[].path\` is \`body.transactions.<index>.<field>\` for JSON, \`line.<line>.<field>\` for CSV, the header being line 1; at most ${LISTED_ROW_ERRORS} are listed, \`detail\` says how many more). A transaction already known for this customer (same \`transactionId\`, or without one the same date, amount, currency, description, counterparty and position among identical rows of the upload) is skipped and counted in \`duplicateCount\`, so re-sending a statement adds nothing twice. Send an \`Idempotency-Key\` to have a retry answered with the first answer.

The answer (202) names the analysis job run; \`statement.received\` is emitted now, \`customer.analyzed\` (and \`customer.drift_detected\` on a drift alert) when the analysis ends.`,
    request: {
      query: StatementCsvQuerySchema,
      body: {
        required: true,
        description: 'The statement, as JSON or CSV.',
        content: {
          'application/json': {
            schema: documentedSchema('CreateStatementRequest', CreateStatementJsonSchema),
            example: JSON_EXAMPLE,
          },
          'text/csv': {
            schema: {
              type: 'string',
              description:
                'A header row, then one transaction per line (RFC 4180 quoting). The customer is in the query string.',
            },
            example: CSV_EXAMPLE,
          },
        },
      },
    },
    responses: {
      202: {
        description: 'Stored; the analysis is queued (`jobRunId`).',
        content: { 'application/json': { schema: StatementSchema } },
      },
      400: problemContent(
        'The customer or rows are not valid (`errors` lists each bad row by JSON index or CSV line), the CSV header is wrong, or the JSON is malformed. Nothing was stored.',
      ),
      413: problemContent(
        `More than ${MAX_TRANSACTIONS.toLocaleString('en')} transactions (\`reason: too_many_transactions\`), or a body over ${STATEMENT_BODY_LIMIT_BYTES / 1024 / 1024} MiB.`,
      ),
      415: problemContent('The body is neither `application/json` nor `text/csv`.'),
    },
  }),
  access: requireApiKey(INTELLIGENCE_PERMISSIONS.statementsWrite),
  bodyLimitBytes: STATEMENT_BODY_LIMIT_BYTES,
  handler: async (c) => {
    const statement = await readStatement(bodyOf(c), c.req.header('content-type'), c.req.valid('query'));
    const principal = c.get('principal');
    const view = await callerTenantTx(c, (tx) =>
      storeStatement(
        c.env.services,
        tx,
        {
          tenantId: tx.tenantId,
          appId: principal?.appId ?? null,
          keyId: principal?.keyId ?? null,
          actor: requestActor(c),
        },
        statement,
      ),
    );
    return c.json(view, 202);
  },
});

/**
 * The body as it streams in; or, when an earlier layer already read it (the idempotency layer
 * fingerprints the body of a request that carries a key), the bytes it kept.
 */
async function* bodyOf(c: Context<AppEnv>): AsyncIterable<Uint8Array> {
  const raw = c.req.raw;
  if (raw.bodyUsed) {
    yield new Uint8Array(await c.req.arrayBuffer());
    return;
  }
  if (!raw.body) return;
  yield* raw.body as unknown as AsyncIterable<Uint8Array>;
}
