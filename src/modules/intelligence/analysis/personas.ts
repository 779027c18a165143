import { type Features, incomeBand, money, percent, round } from './features.js';
import type { PersonaReason } from './types.js';

/**
 * The persona catalogue and its scoring rules. Each persona has a few rules; a rule that holds
 * adds its weight to the persona's score and becomes one of its reasons. The persona with the
 * highest score wins if it reaches `MIN_SCORE`; ties go to the one listed first (the risk
 * personas are listed first on purpose). A history too thin to read is `thin_file` outright, and
 * nothing reaching `MIN_SCORE` is `everyday_spender`. The table in docs/modules/intelligence.md
 * mirrors these rules — change both together, and bump ENGINE_VERSION.
 */

export interface PersonaDefinition {
  key: string;
  label: string;
  description: string;
}

interface Rule {
  code: string;
  weight: number;
  holds(f: Features): boolean;
  text(f: Features): string;
}

interface ScoredPersona extends PersonaDefinition {
  rules: Rule[];
}

export const MIN_SCORE = 0.5;
/** Below either figure the history is a thin file (whole history: months; a timeline month: transactions). */
export const THIN_MONTHS = 2;
export const THIN_TRANSACTIONS = 20;
export const THIN_MONTH_TRANSACTIONS = 8;

const share = (f: Features, ...categories: string[]) =>
  categories.reduce((sum, category) => sum + f.spendShare(category), 0);
const ofIncome = (f: Features, category: string) =>
  f.income > 0 ? f.spendPerMonth(category) / f.monthlyIncome : 0;

const SCORED: ScoredPersona[] = [
  {
    key: 'high_risk_gambler',
    label: 'High-risk gambler',
    description: 'A material part of spending goes to betting, lotteries or casinos.',
    rules: [
      {
        code: 'high_gambling_share',
        weight: 0.8,
        holds: (f) => f.spendShare('gambling') >= 0.1,
        text: (f) => `Gambling is ${percent(f.spendShare('gambling'))} of spending (threshold 10 %).`,
      },
      {
        code: 'gambling_of_income',
        weight: 0.2,
        holds: (f) => ofIncome(f, 'gambling') >= 0.05,
        text: (f) => `Gambling takes ${percent(ofIncome(f, 'gambling'))} of income (threshold 5 %).`,
      },
    ],
  },
  {
    key: 'remittance_sender',
    label: 'Remittance sender',
    description: 'Regularly sends money to family or others, often abroad, through remittance services.',
    rules: [
      {
        code: 'high_remittance_share',
        weight: 0.7,
        holds: (f) => f.spendShare('remittances') >= 0.15,
        text: (f) => `Remittances are ${percent(f.spendShare('remittances'))} of spending (threshold 15 %).`,
      },
      {
        code: 'remittance_of_income',
        weight: 0.2,
        holds: (f) => ofIncome(f, 'remittances') >= 0.1,
        text: (f) => `Remittances take ${percent(ofIncome(f, 'remittances'))} of income (threshold 10 %).`,
      },
      {
        code: 'monthly_remittances',
        weight: 0.1,
        holds: (f) => f.countPerMonth('remittances') >= 1,
        text: (f) => `${round(f.countPerMonth('remittances'), 1)} remittances a month (threshold 1).`,
      },
    ],
  },
  {
    key: 'salaried_saver',
    label: 'Salaried saver',
    description: 'A regular salary and a steady habit of putting money aside.',
    rules: [
      {
        code: 'salary_income',
        weight: 0.3,
        holds: (f) => f.incomeShare('salary') >= 0.5,
        text: (f) => `Salary is ${percent(f.incomeShare('salary'))} of income (threshold 50 %).`,
      },
      {
        code: 'high_savings_rate',
        weight: 0.3,
        holds: (f) => f.savingsRate !== null && f.savingsRate >= 0.2,
        text: (f) => `Keeps ${percent(f.savingsRate ?? 0)} of income unspent (threshold 20 %).`,
      },
      {
        code: 'savings_contributions',
        weight: 0.3,
        holds: (f) => (f.savingsContribution ?? 0) >= 0.1,
        text: (f) =>
          `Moves ${percent(f.savingsContribution ?? 0)} of income into savings or investments (threshold 10 %).`,
      },
      {
        code: 'regular_income',
        weight: 0.1,
        holds: (f) => f.incomeRegularity >= 0.8,
        text: (f) => `Income regularity ${round(f.incomeRegularity, 2)} (threshold 0.8).`,
      },
    ],
  },
  {
    key: 'paycheck_to_paycheck',
    label: 'Paycheck to paycheck',
    description: 'Spends about everything that comes in, with little or nothing set aside.',
    rules: [
      {
        code: 'low_savings_rate',
        weight: 0.5,
        holds: (f) => f.savingsRate !== null && f.savingsRate < 0.05,
        text: (f) => `Spends ${percent(1 - (f.savingsRate ?? 0))} of income (threshold 95 %).`,
      },
      {
        code: 'no_savings_contributions',
        weight: 0.2,
        holds: (f) => f.savingsContribution !== null && f.savingsContribution < 0.02,
        text: (f) =>
          `Moves ${percent(f.savingsContribution ?? 0)} of income into savings (threshold below 2 %).`,
      },
      {
        code: 'fees_and_charges',
        weight: 0.2,
        holds: (f) => f.spendShare('fees') >= 0.02,
        text: (f) => `Fees and charges are ${percent(f.spendShare('fees'))} of spending (threshold 2 %).`,
      },
      {
        code: 'cash_reliance',
        weight: 0.1,
        holds: (f) => f.spendShare('cash') >= 0.2,
        text: (f) => `Cash withdrawals are ${percent(f.spendShare('cash'))} of spending (threshold 20 %).`,
      },
    ],
  },
  {
    key: 'affluent_experience_seeker',
    label: 'Affluent experience seeker',
    description: 'Spends on travel, entertainment and eating out, typically on a high income.',
    rules: [
      {
        code: 'experience_share',
        weight: 0.4,
        holds: (f) => share(f, 'travel', 'entertainment', 'dining') >= 0.3,
        text: (f) =>
          `Travel, entertainment and dining are ${percent(share(f, 'travel', 'entertainment', 'dining'))} of spending (threshold 30 %).`,
      },
      {
        code: 'travel_share',
        weight: 0.3,
        holds: (f) => f.spendShare('travel') >= 0.1,
        text: (f) => `Travel is ${percent(f.spendShare('travel'))} of spending (threshold 10 %).`,
      },
      {
        code: 'high_income',
        weight: 0.3,
        holds: (f) => {
          const band = incomeBand(f.currency);
          return band !== null && f.monthlyIncome >= band.high;
        },
        text: (f) =>
          `Monthly income ${money(f.monthlyIncome, f.currency)} (high band from ${money(incomeBand(f.currency)?.high ?? 0, f.currency)}).`,
      },
    ],
  },
  {
    key: 'digital_convenience_seeker',
    label: 'Digital convenience seeker',
    description: 'Pays online and on mobile for delivery, rides and subscriptions.',
    rules: [
      {
        code: 'convenience_share',
        weight: 0.4,
        holds: (f) => share(f, 'dining', 'transport', 'subscriptions') >= 0.25,
        text: (f) =>
          `Dining, rides and subscriptions are ${percent(share(f, 'dining', 'transport', 'subscriptions'))} of spending (threshold 25 %).`,
      },
      {
        code: 'digital_payments',
        weight: 0.3,
        holds: (f) => f.digitalShare >= 0.5,
        text: (f) => `${percent(f.digitalShare)} of payments are online or mobile (threshold 50 %).`,
      },
      {
        code: 'subscriptions',
        weight: 0.3,
        holds: (f) => f.countPerMonth('subscriptions') >= 2,
        text: (f) =>
          `${round(f.countPerMonth('subscriptions'), 1)} subscription payments a month (threshold 2).`,
      },
    ],
  },
  {
    key: 'gig_earner',
    label: 'Gig and irregular earner',
    description: 'Earns through many irregular payouts rather than one salary.',
    rules: [
      {
        code: 'non_salary_income',
        weight: 0.4,
        holds: (f) => f.incomeShare('other_income') >= 0.5,
        text: (f) =>
          `Payouts and other income are ${percent(f.incomeShare('other_income'))} of income (threshold 50 %).`,
      },
      {
        code: 'frequent_credits',
        weight: 0.3,
        holds: (f) => f.incomeCreditsPerMonth >= 4,
        text: (f) => `${round(f.incomeCreditsPerMonth, 1)} income credits a month (threshold 4).`,
      },
      {
        code: 'irregular_income',
        weight: 0.3,
        holds: (f) => f.income > 0 && f.incomeRegularity < 0.7,
        text: (f) => `Income regularity ${round(f.incomeRegularity, 2)} (threshold below 0.7).`,
      },
    ],
  },
  {
    key: 'retiree',
    label: 'Pension-funded retiree',
    description: 'Lives mainly on a pension or benefits.',
    rules: [
      {
        code: 'benefit_income',
        weight: 0.6,
        holds: (f) => f.incomeShare('benefits') >= 0.6,
        text: (f) =>
          `Pensions and benefits are ${percent(f.incomeShare('benefits'))} of income (threshold 60 %).`,
      },
      {
        code: 'no_salary',
        weight: 0.2,
        holds: (f) => f.income > 0 && f.incomeShare('salary') === 0,
        text: () => 'No salary credits.',
      },
      {
        code: 'health_spending',
        weight: 0.2,
        holds: (f) => f.spendShare('health') >= 0.05,
        text: (f) => `Health is ${percent(f.spendShare('health'))} of spending (threshold 5 %).`,
      },
    ],
  },
  {
    key: 'budget_starter',
    label: 'Student or budget starter',
    description: 'A small income, often supported by family transfers, with education costs.',
    rules: [
      {
        code: 'low_income',
        weight: 0.4,
        holds: (f) => {
          const band = incomeBand(f.currency);
          return band !== null && f.monthlyIncome < band.low;
        },
        text: (f) =>
          `Monthly income ${money(f.monthlyIncome, f.currency)} (low band below ${money(incomeBand(f.currency)?.low ?? 0, f.currency)}).`,
      },
      {
        code: 'education_spending',
        weight: 0.3,
        holds: (f) => f.spendShare('education') >= 0.05,
        text: (f) => `Education is ${percent(f.spendShare('education'))} of spending (threshold 5 %).`,
      },
      {
        code: 'supported_by_transfers',
        weight: 0.3,
        holds: (f) => f.income + f.transfersIn > 0 && f.transfersIn / (f.income + f.transfersIn) >= 0.3,
        text: (f) =>
          `Transfers received are ${percent(f.transfersIn / (f.income + f.transfersIn))} of money in (threshold 30 %).`,
      },
    ],
  },
];

const THIN_FILE: PersonaDefinition = {
  key: 'thin_file',
  label: 'Thin file / new customer',
  description: 'Too little history to read a pattern yet: fewer than 2 months or 20 transactions.',
};

const EVERYDAY: PersonaDefinition = {
  key: 'everyday_spender',
  label: 'Everyday spender',
  description: 'Spending spread over everyday needs, with no stronger pattern.',
};

export const PERSONAS: readonly PersonaDefinition[] = [
  ...SCORED.map(({ key, label, description }) => ({ key, label, description })),
  EVERYDAY,
  THIN_FILE,
];

export interface PersonaChoice {
  key: string;
  label: string;
  reasons: PersonaReason[];
}

/** Thin-file check first; otherwise the best-scoring persona, or `everyday_spender`. */
export function choosePersona(
  f: Features,
  thin: { months: number; minMonths: number; minTransactions: number },
): PersonaChoice {
  if (thin.months < thin.minMonths || f.transactionCount < thin.minTransactions) {
    return {
      key: THIN_FILE.key,
      label: THIN_FILE.label,
      reasons: [
        {
          code: 'thin_history',
          text: `${f.transactionCount} transactions over ${round(thin.months, 1)} months (needs ${thin.minTransactions} over ${thin.minMonths}).`,
          weight: 1,
        },
      ],
    };
  }
  let best: { persona: ScoredPersona; score: number; reasons: PersonaReason[] } | null = null;
  for (const persona of SCORED) {
    const reasons: PersonaReason[] = [];
    let score = 0;
    for (const rule of persona.rules) {
      if (!rule.holds(f)) continue;
      score += rule.weight;
      reasons.push({ code: rule.code, text: rule.text(f), weight: rule.weight });
    }
    score = round(score, 6);
    if (best === null || score > best.score) best = { persona, score, reasons };
  }
  if (best !== null && best.score >= MIN_SCORE) {
    return { key: best.persona.key, label: best.persona.label, reasons: best.reasons };
  }
  const essentials = ['groceries', 'rent', 'utilities', 'transport', 'fuel'].reduce(
    (sum, category) => sum + f.spendShare(category),
    0,
  );
  return {
    key: EVERYDAY.key,
    label: EVERYDAY.label,
    reasons: [
      {
        code: 'no_strong_pattern',
        text: `No persona reached a score of ${MIN_SCORE} (best ${best?.persona.label ?? 'none'} at ${round(best?.score ?? 0, 2)}); groceries, housing, utilities and transport are ${percent(essentials)} of spending.`,
        weight: 1,
      },
    ],
  };
}
