import { seededRandom } from '../../../kernel/random.js';
import type { RawTransaction } from '../analysis/types.js';
import { CATALOGUES, type MerchantTemplate, type SpendKey } from './synthetic-merchants.js';

/**
 * Deterministic synthetic customers for the demo world, the benchmarks and tests: the same seed
 * gives the same customers, byte for byte. Each customer follows an archetype (a monthly budget
 * of events around an income level), in KES mostly, with some GBP and USD customers. A
 * configurable number of "shifters" change behaviour over the last complete month of the
 * history (the month the drift index compares with the one before): groceries give way to
 * betting, so their drift reaches the alert level.
 */

export type Archetype =
  | 'salaried'
  | 'gig_worker'
  | 'student'
  | 'retiree'
  | 'gambler'
  | 'remitter'
  | 'saver'
  | 'affluent_traveller';

export interface SyntheticTransaction extends RawTransaction {
  partnerTransactionId: string;
}

export interface SyntheticCustomer {
  externalRef: string;
  birthYear: number;
  gender: string;
  region: string;
  archetype: Archetype;
  shifter: boolean;
  transactions: SyntheticTransaction[];
}

export interface GenerateOptions {
  seed: number;
  customers: number;
  /** Months of history, ending with the month of `endDate`. */
  months: number;
  /** `YYYY-MM-DD`: the last day of the history. */
  endDate: string;
  /** How many customers shift behaviour in the last complete month (default: 1 in 20, at least 1). */
  shifters?: number;
  /** Share of customers banking in GBP or USD instead of KES (default 0.15). */
  foreignShare?: number;
  /** Prefix of the external references (default `cust`). */
  refPrefix?: string;
}

type Currency = 'KES' | 'GBP' | 'USD';

/** Events per month: [what, how many (min, max), share of monthly income each event takes (min, max)]. */
type Budget = [SpendKey, number, number, number, number][];

const COMMON: Budget = [
  ['groceries', 5, 8, 0.015, 0.03],
  ['transport', 4, 10, 0.002, 0.006],
  ['utilities', 3, 4, 0.004, 0.012],
  ['dining', 2, 4, 0.004, 0.01],
  ['subscriptions', 1, 2, 0.003, 0.005],
  ['shopping', 1, 2, 0.01, 0.03],
  ['cash', 1, 2, 0.01, 0.03],
  ['fees', 2, 4, 0.0005, 0.001],
  ['transfers_out', 1, 3, 0.01, 0.03],
];

const ARCHETYPES: Record<Archetype, { income: [number, number]; rentShare: number; budget: Budget }> = {
  salaried: {
    income: [70_000, 160_000],
    rentShare: 0.28,
    budget: [...COMMON, ['savings', 0, 1, 0.03, 0.06]],
  },
  gig_worker: { income: [35_000, 80_000], rentShare: 0.3, budget: COMMON },
  student: {
    income: [12_000, 24_000],
    rentShare: 0.25,
    budget: [...COMMON.slice(0, 5), ['education', 1, 1, 0.08, 0.12]],
  },
  retiree: {
    income: [30_000, 70_000],
    rentShare: 0.15,
    budget: [...COMMON.slice(0, 4), ['health', 2, 3, 0.03, 0.05], ['charity', 1, 1, 0.03, 0.05]],
  },
  gambler: {
    income: [40_000, 90_000],
    rentShare: 0.25,
    budget: [...COMMON, ['gambling', 12, 20, 0.01, 0.02]],
  },
  remitter: {
    income: [60_000, 120_000],
    rentShare: 0.25,
    budget: [...COMMON, ['remittances', 2, 3, 0.08, 0.12]],
  },
  saver: {
    income: [90_000, 200_000],
    rentShare: 0.22,
    budget: [
      ...COMMON,
      ['savings', 1, 1, 0.15, 0.2],
      ['investments', 1, 1, 0.05, 0.08],
      ['insurance', 1, 1, 0.02, 0.03],
    ],
  },
  affluent_traveller: {
    income: [350_000, 700_000],
    rentShare: 0.15,
    budget: [
      ...COMMON,
      ['dining', 6, 10, 0.005, 0.012],
      ['travel', 2, 3, 0.04, 0.07],
      ['entertainment', 2, 4, 0.005, 0.01],
      ['investments', 1, 1, 0.08, 0.1],
    ],
  },
};

const ARCHETYPE_MIX: [Archetype, number][] = [
  ['salaried', 0.28],
  ['gig_worker', 0.14],
  ['student', 0.1],
  ['retiree', 0.1],
  ['gambler', 0.08],
  ['remitter', 0.1],
  ['saver', 0.12],
  ['affluent_traveller', 0.08],
];

/** Income levels are in KES; other currencies divide by this. */
const KES_PER: Record<Currency, number> = { KES: 1, GBP: 165, USD: 130 };
const REGIONS: Record<Currency, string[]> = {
  KES: ['Nairobi', 'Nairobi', 'Mombasa', 'Kisumu', 'Nakuru', 'Kiambu', 'Uasin Gishu', 'Machakos'],
  GBP: ['London', 'Manchester', 'Birmingham', 'Leeds'],
  USD: ['New York', 'Houston', 'Minneapolis', 'Atlanta'],
};
const EMPLOYERS = ['ACME LTD', 'SAFARI LOGISTICS LTD', 'EQUATOR FOODS LTD', 'NORTHWIND PLC', 'MERIDIAN BANK'];
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

interface Month {
  year: number;
  month: number;
  /** Last day of the month inside the history. */
  lastDay: number;
  shifted: boolean;
}

function historyMonths(endDate: string, count: number): Month[] {
  const endYear = Number(endDate.slice(0, 4));
  const endMonth = Number(endDate.slice(5, 7));
  const endDay = Number(endDate.slice(8, 10));
  const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  // The drift index compares complete months: the last one is complete when the history reaches
  // within seven days of its end; otherwise the shift happens in the month before.
  const lastComplete = endDay >= daysIn(endYear, endMonth) - 7 ? 0 : 1;
  const months: Month[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = endYear * 12 + endMonth - 1 - back;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    months.push({
      year,
      month,
      lastDay: back === 0 ? endDay : daysIn(year, month),
      shifted: back <= lastComplete,
    });
  }
  return months;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function between(random: () => number, min: number, max: number): number {
  return min + random() * (max - min);
}

function chooseArchetype(random: () => number): Archetype {
  let roll = random();
  for (const [archetype, weight] of ARCHETYPE_MIX) {
    roll -= weight;
    if (roll < 0) return archetype;
  }
  return 'salaried';
}

export function generateCustomers(options: GenerateOptions): SyntheticCustomer[] {
  const random = seededRandom(options.seed);
  const months = historyMonths(options.endDate, options.months);
  const shifters = options.shifters ?? Math.max(1, Math.round(options.customers / 20));
  const foreignShare = options.foreignShare ?? 0.15;
  const prefix = options.refPrefix ?? 'cust';
  const customers: SyntheticCustomer[] = [];

  for (let index = 0; index < options.customers; index++) {
    const archetype = chooseArchetype(random);
    const currency: Currency =
      random() < (archetype === 'remitter' ? 0.6 : foreignShare) ? (random() < 0.6 ? 'GBP' : 'USD') : 'KES';
    const externalRef = `${prefix}-${String(index + 1).padStart(5, '0')}`;
    const shifter = index < shifters;
    const born =
      archetype === 'student' ? [1999, 2006] : archetype === 'retiree' ? [1945, 1962] : [1965, 1998];
    const genderRoll = random();
    customers.push({
      externalRef,
      birthYear: Math.floor(between(random, born[0] as number, (born[1] as number) + 1)),
      gender:
        genderRoll < 0.48
          ? 'female'
          : genderRoll < 0.96
            ? 'male'
            : genderRoll < 0.98
              ? 'non_binary'
              : 'unknown',
      region: pick(random, REGIONS[currency]),
      archetype,
      shifter,
      transactions: generateHistory(random, { archetype, currency, months, externalRef, shifter }),
    });
  }
  return customers;
}

interface HistoryOptions {
  archetype: Archetype;
  currency: Currency;
  months: Month[];
  externalRef: string;
  shifter: boolean;
}

function generateHistory(random: () => number, options: HistoryOptions): SyntheticTransaction[] {
  const { archetype, currency, months, externalRef } = options;
  const profile = ARCHETYPES[archetype];
  const catalogue = CATALOGUES[currency];
  const scale = 1 / KES_PER[currency];
  const decimals = currency === 'KES' ? 0 : 2;
  const income = between(random, profile.income[0], profile.income[1]) * scale;
  const employer = pick(random, EMPLOYERS);
  const rows: SyntheticTransaction[] = [];

  const add = (month: Month, day: number, amount: number, template: MerchantTemplate) => {
    if (day > month.lastDay) return;
    const factor = 10 ** decimals;
    rows.push({
      partnerTransactionId: `${externalRef}-${String(rows.length + 1).padStart(5, '0')}`,
      bookedOn: `${month.year}-${String(month.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      amount: Math.round(amount * factor) / factor,
      currency,
      description: template.description,
      counterparty: template.counterparty,
      channel: template.channel,
      partnerCategory: template.partnerCategory ?? null,
      mcc: template.mcc ?? null,
    });
  };
  const day = (month: Month) => 1 + Math.floor(random() * month.lastDay);

  for (const month of months) {
    addIncome(random, add, month, { archetype, income, employer, currency });
    add(month, 1 + Math.floor(random() * 3), -income * profile.rentShare, {
      description: `RENT ${MONTH_NAMES[month.month - 1]} ${currency === 'KES' ? 'KAMAU PROPERTIES' : 'LETTINGS LTD'}`,
      counterparty: currency === 'KES' ? 'Kamau Properties' : 'City Lettings Ltd',
      channel: 'transfer',
    });
    const shifted = options.shifter && month.shifted;
    for (const [key, min, max, low, high] of profile.budget) {
      let count = min + Math.floor(random() * (max - min + 1));
      // A shifter keeps a fifth of its grocery runs and bets instead.
      if (shifted && key === 'groceries') count = Math.max(1, Math.floor(count / 5));
      for (let n = 0; n < count; n++)
        add(month, day(month), -income * between(random, low, high), pick(random, catalogue[key]));
    }
    if (shifted) {
      const bets = 15 + Math.floor(random() * 10);
      for (let n = 0; n < bets; n++)
        add(month, day(month), -income * between(random, 0.01, 0.025), pick(random, catalogue.gambling));
    }
  }
  return rows;
}

type Add = (month: Month, day: number, amount: number, template: MerchantTemplate) => void;

function addIncome(
  random: () => number,
  add: Add,
  month: Month,
  options: { archetype: Archetype; income: number; employer: string; currency: Currency },
) {
  const { archetype, income, employer, currency } = options;
  const monthName = MONTH_NAMES[month.month - 1];
  if (archetype === 'gig_worker') {
    const payouts = 8 + Math.floor(random() * 7);
    const platforms = ['UBER BV PAYOUT', 'BOLT DRIVER PAYOUT', 'GLOVO COURIER PAYOUT'];
    for (let n = 0; n < payouts; n++) {
      const description = pick(random, platforms);
      add(month, 1 + Math.floor(random() * month.lastDay), (income / payouts) * between(random, 0.4, 1.6), {
        description,
        counterparty: null,
        channel: 'transfer',
      });
    }
    return;
  }
  if (archetype === 'retiree') {
    const description = currency === 'KES' ? `NSSF PENSION ${monthName}` : `STATE PENSION ${monthName}`;
    add(month, 5, income, {
      description,
      counterparty: currency === 'KES' ? 'NSSF' : 'DWP',
      channel: 'transfer',
    });
    return;
  }
  if (archetype === 'student') {
    // Family support arrives as transfers, with a little part-time pay.
    add(month, 2, income * 0.7, {
      description: 'M-PESA Received from MARY ATIENO',
      counterparty: 'MARY ATIENO',
      channel: 'mobile',
    });
    add(month, 28, income * 0.3, {
      description: `CAMPUS CAFE WAGES ${monthName}`,
      counterparty: 'Campus Cafe',
      channel: 'transfer',
    });
    return;
  }
  add(month, 25, income * between(random, 0.99, 1.01), {
    description: `${employer} SALARY ${monthName}`,
    counterparty: employer,
    channel: 'transfer',
  });
}
