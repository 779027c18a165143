import { type Features, incomeBand, percent, round } from './features.js';
import type { Craving, CravingDriver } from './types.js';

/**
 * The craving profile: six engagement drivers, each a weighted sum of saturating signals
 * (`min(1, value / target)`), so a score says how far the behaviour goes towards a clear case.
 * The confidence depends on how much history there is, the same for every driver except that
 * the income-based ones (security, savings) are halved without income to compare against.
 */

/** A history of this many months and transactions gives full confidence. */
const FULL_MONTHS = 6;
const FULL_TRANSACTIONS = 150;
/** Below this confidence a score is reported as `needs_more_data`. */
export const CONFIDENCE_THRESHOLD = 0.35;

interface Signal {
  weight: number;
  value: number;
  target: number;
  text: string;
}

const saturate = (value: number, target: number) => Math.max(0, Math.min(1, value / target));
const share = (f: Features, ...categories: string[]) =>
  categories.reduce((sum, category) => sum + f.spendShare(category), 0);

function signals(driver: CravingDriver, f: Features): Signal[] {
  const ofIncome = (value: number | null) => value ?? 0;
  switch (driver) {
    case 'convenience': {
      const convenience = share(f, 'dining', 'transport', 'subscriptions');
      return [
        {
          weight: 0.6,
          value: convenience,
          target: 0.35,
          text: `Dining, rides and subscriptions are ${percent(convenience)} of spending (full at 35 %).`,
        },
        {
          weight: 0.4,
          value: f.digitalShare,
          target: 0.8,
          text: `${percent(f.digitalShare)} of payments are online or mobile (full at 80 %).`,
        },
      ];
    }
    case 'security':
      return [
        {
          weight: 0.5,
          value: ofIncome(f.savingsContribution),
          target: 0.2,
          text: `Moves ${percent(ofIncome(f.savingsContribution))} of income into savings or investments (full at 20 %).`,
        },
        {
          weight: 0.3,
          value: f.spendShare('insurance'),
          target: 0.05,
          text: `Insurance is ${percent(f.spendShare('insurance'))} of spending (full at 5 %).`,
        },
        {
          weight: 0.2,
          value: f.incomeRegularity,
          target: 1,
          text: `Income regularity ${round(f.incomeRegularity, 2)}.`,
        },
      ];
    case 'status': {
      const band = incomeBand(f.currency);
      const relativeIncome = band === null ? 0 : f.monthlyIncome / band.high;
      return [
        {
          weight: 0.5,
          value: f.spendShare('shopping'),
          target: 0.25,
          text: `Shopping is ${percent(f.spendShare('shopping'))} of spending (full at 25 %).`,
        },
        {
          weight: 0.3,
          value: f.spendShare('travel'),
          target: 0.15,
          text: `Travel is ${percent(f.spendShare('travel'))} of spending (full at 15 %).`,
        },
        {
          weight: 0.2,
          value: relativeIncome,
          target: 1,
          text:
            band === null
              ? `No income band for ${f.currency}.`
              : `Monthly income is ${percent(relativeIncome)} of the high band.`,
        },
      ];
    }
    case 'experience': {
      const experience = share(f, 'travel', 'entertainment', 'dining');
      const outings =
        f.countPerMonth('entertainment') + f.countPerMonth('travel') + f.countPerMonth('dining');
      return [
        {
          weight: 0.7,
          value: experience,
          target: 0.35,
          text: `Travel, entertainment and dining are ${percent(experience)} of spending (full at 35 %).`,
        },
        {
          weight: 0.3,
          value: outings,
          target: 8,
          text: `${round(outings, 1)} outings, trips and meals out a month (full at 8).`,
        },
      ];
    }
    case 'savings':
      return [
        {
          weight: 0.6,
          value: ofIncome(f.savingsRate),
          target: 0.3,
          text: `Keeps ${percent(ofIncome(f.savingsRate))} of income unspent (full at 30 %).`,
        },
        {
          weight: 0.4,
          value: ofIncome(f.savingsContribution),
          target: 0.15,
          text: `Moves ${percent(ofIncome(f.savingsContribution))} of income into savings or investments (full at 15 %).`,
        },
      ];
    case 'social': {
      const giving = share(f, 'remittances', 'charity');
      return [
        {
          weight: 0.4,
          value: f.spendShare('dining'),
          target: 0.15,
          text: `Dining out is ${percent(f.spendShare('dining'))} of spending (full at 15 %).`,
        },
        {
          weight: 0.3,
          value: giving,
          target: 0.15,
          text: `Remittances and giving are ${percent(giving)} of spending (full at 15 %).`,
        },
        {
          weight: 0.3,
          value: f.transfersOutPerMonth,
          target: 6,
          text: `${round(f.transfersOutPerMonth, 1)} transfers to people a month (full at 6).`,
        },
      ];
    }
  }
}

/** What each driver measures, for the catalogue (`GET /partner/analytics/catalogue`). */
export const CRAVING_DRIVER_DESCRIPTIONS: Readonly<Record<CravingDriver, string>> = {
  convenience: 'Pays for time saved: dining, rides and subscriptions, and payments made online or by mobile.',
  security: 'Builds a safety net: money moved into savings or investments, insurance, a regular income.',
  status: 'Spends to be seen: shopping and travel, on a high income for its currency.',
  experience: 'Buys moments rather than things: travel, entertainment and meals out, and how often.',
  savings: 'Keeps money: the share of income left unspent and moved into savings or investments.',
  social: 'Spends with and for others: dining out, remittances and giving, transfers to people.',
};

/** The engine's craving drivers, in the order it reports them. */
export const CRAVING_DRIVERS: readonly CravingDriver[] = [
  'convenience',
  'security',
  'status',
  'experience',
  'savings',
  'social',
];
const INCOME_BASED = new Set<CravingDriver>(['security', 'savings']);

/** 0…1 from the span and the number of transactions: the geometric mean of the two coverages. */
export function historyConfidence(months: number, transactions: number): number {
  return Math.sqrt(Math.min(1, months / FULL_MONTHS) * Math.min(1, transactions / FULL_TRANSACTIONS));
}

export function cravingProfile(f: Features, historyMonths: number): Craving[] {
  const base = historyConfidence(historyMonths, f.transactionCount);
  return CRAVING_DRIVERS.map((driver) => {
    const parts = signals(driver, f);
    const score = parts.reduce((sum, part) => sum + part.weight * saturate(part.value, part.target), 0);
    const confidence = INCOME_BASED.has(driver) && f.income <= 0 ? base / 2 : base;
    const state = confidence < CONFIDENCE_THRESHOLD ? 'needs_more_data' : 'measured';
    const evidence = parts.map((part) => part.text);
    if (state === 'needs_more_data') {
      evidence.unshift(
        `Only ${f.transactionCount} transactions over ${round(historyMonths, 1)} months: confidence ${round(confidence, 2)} is below ${CONFIDENCE_THRESHOLD}.`,
      );
    } else if (INCOME_BASED.has(driver) && f.income <= 0) {
      evidence.unshift('No income seen: the confidence is halved.');
    }
    return { driver, score: round(score), confidence: round(confidence), state, evidence };
  });
}
