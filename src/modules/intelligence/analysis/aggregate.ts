import { categoryKind } from './taxonomy.js';
import type { CategorisedTransaction } from './types.js';

/**
 * The one pass over a customer's history: every transaction lands in its currency's month
 * bucket. Everything after works on months and categories (dozens of numbers), never on the
 * transactions again, so the order of the input does not matter and 10,000 rows cost one loop.
 */

/** What a set of transactions adds up to: one month, several months, or the whole history. */
export interface Totals {
  count: number;
  /** Money in with an income category, per category. */
  income: number;
  incomeByCategory: Map<string, number>;
  incomeCredits: number;
  /** Money out with a spend category (gross: refunds are not netted), per category. */
  spend: number;
  spendByCategory: Map<string, number>;
  spendCountByCategory: Map<string, number>;
  spendCount: number;
  /** Outflows through `online` or `mobile` channels, of all outflows. */
  outflowCount: number;
  digitalOutflowCount: number;
  /** Money put into savings and investments, and taken back out. */
  savingsOut: number;
  savingsIn: number;
  /** Transfers between people or accounts: neither income nor spending. */
  transfersOut: number;
  transfersOutCount: number;
  transfersIn: number;
}

export interface MonthTotals extends Totals {
  month: string;
}

export interface CurrencyHistory {
  currency: string;
  count: number;
  firstDate: string;
  lastDate: string;
  months: Map<string, MonthTotals>;
}

export interface Aggregates {
  transactionCount: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The currency with the most transactions (ties: the larger volume), or null with no history. */
  dominant: CurrencyHistory | null;
  /** Transactions per month over every currency. */
  countByMonth: Map<string, number>;
}

export function emptyTotals(): Totals {
  return {
    count: 0,
    income: 0,
    incomeByCategory: new Map(),
    incomeCredits: 0,
    spend: 0,
    spendByCategory: new Map(),
    spendCountByCategory: new Map(),
    spendCount: 0,
    outflowCount: 0,
    digitalOutflowCount: 0,
    savingsOut: 0,
    savingsIn: 0,
    transfersOut: 0,
    transfersOutCount: 0,
    transfersIn: 0,
  };
}

function addTo(map: Map<string, number>, key: string, value: number) {
  map.set(key, (map.get(key) ?? 0) + value);
}

function record(totals: Totals, tx: CategorisedTransaction) {
  totals.count++;
  const amount = tx.amount;
  const kind = categoryKind(tx.category);
  if (amount < 0) {
    const out = -amount;
    totals.outflowCount++;
    const channel = tx.channel?.toLowerCase();
    if (channel === 'online' || channel === 'mobile') totals.digitalOutflowCount++;
    if (kind === 'spend') {
      totals.spend += out;
      totals.spendCount++;
      addTo(totals.spendByCategory, tx.category, out);
      addTo(totals.spendCountByCategory, tx.category, 1);
    } else if (kind === 'savings') {
      totals.savingsOut += out;
    } else if (kind === 'transfer') {
      totals.transfersOut += out;
      totals.transfersOutCount++;
    }
    return;
  }
  if (kind === 'income') {
    totals.income += amount;
    totals.incomeCredits++;
    addTo(totals.incomeByCategory, tx.category, amount);
  } else if (kind === 'savings') {
    totals.savingsIn += amount;
  } else if (kind === 'transfer') {
    totals.transfersIn += amount;
  }
}

export function aggregate(transactions: readonly CategorisedTransaction[]): Aggregates {
  const byCurrency = new Map<string, CurrencyHistory>();
  const volume = new Map<string, number>();
  const countByMonth = new Map<string, number>();
  let firstDate: string | null = null;
  let lastDate: string | null = null;

  for (const tx of transactions) {
    const month = tx.bookedOn.slice(0, 7);
    countByMonth.set(month, (countByMonth.get(month) ?? 0) + 1);
    if (firstDate === null || tx.bookedOn < firstDate) firstDate = tx.bookedOn;
    if (lastDate === null || tx.bookedOn > lastDate) lastDate = tx.bookedOn;

    let history = byCurrency.get(tx.currency);
    if (history === undefined) {
      history = {
        currency: tx.currency,
        count: 0,
        firstDate: tx.bookedOn,
        lastDate: tx.bookedOn,
        months: new Map(),
      };
      byCurrency.set(tx.currency, history);
    }
    history.count++;
    if (tx.bookedOn < history.firstDate) history.firstDate = tx.bookedOn;
    if (tx.bookedOn > history.lastDate) history.lastDate = tx.bookedOn;
    addTo(volume, tx.currency, Math.abs(tx.amount));

    let totals = history.months.get(month);
    if (totals === undefined) {
      totals = { month, ...emptyTotals() };
      history.months.set(month, totals);
    }
    record(totals, tx);
  }

  let dominant: CurrencyHistory | null = null;
  for (const history of byCurrency.values()) {
    if (
      dominant === null ||
      history.count > dominant.count ||
      (history.count === dominant.count &&
        (volume.get(history.currency) ?? 0) > (volume.get(dominant.currency) ?? 0))
    ) {
      dominant = history;
    }
  }
  return { transactionCount: transactions.length, firstDate, lastDate, dominant, countByMonth };
}

/** Adds months up (the profile over the whole history, a drift period over two months…). */
export function sumTotals(parts: Iterable<Totals>): Totals {
  const sum = emptyTotals();
  for (const part of parts) {
    sum.count += part.count;
    sum.income += part.income;
    sum.incomeCredits += part.incomeCredits;
    sum.spend += part.spend;
    sum.spendCount += part.spendCount;
    sum.outflowCount += part.outflowCount;
    sum.digitalOutflowCount += part.digitalOutflowCount;
    sum.savingsOut += part.savingsOut;
    sum.savingsIn += part.savingsIn;
    sum.transfersOut += part.transfersOut;
    sum.transfersOutCount += part.transfersOutCount;
    sum.transfersIn += part.transfersIn;
    for (const [key, value] of part.incomeByCategory) addTo(sum.incomeByCategory, key, value);
    for (const [key, value] of part.spendByCategory) addTo(sum.spendByCategory, key, value);
    for (const [key, value] of part.spendCountByCategory) addTo(sum.spendCountByCategory, key, value);
  }
  return sum;
}
