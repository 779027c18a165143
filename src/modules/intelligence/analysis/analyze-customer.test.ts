import { describe, expect, it } from 'vitest';
import {
  analyzeCustomer,
  type CategorisedTransaction,
  categorise,
  ENGINE_VERSION,
  jensenShannonDistance,
  PERSONAS,
  populationStabilityIndex,
} from './index.js';

function row(
  bookedOn: string,
  amount: number,
  description: string,
  currency = 'KES',
): CategorisedTransaction {
  const raw = {
    bookedOn,
    amount,
    currency,
    description,
    counterparty: null,
    channel: null,
    partnerCategory: null,
    mcc: null,
  };
  return { ...raw, ...categorise(raw) };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A salaried customer with the same month every month: salary 100,000, rent 30,000, four grocery
 * runs of 5,000, four rides of 500, two utility bills of 2,000, two meals of 1,500 and 15,000
 * into savings. `groceriesAs` sends the grocery money elsewhere in the given months.
 */
function monthOf(year: number, month: number, groceriesAs = 'NAIVAS WESTLANDS'): CategorisedTransaction[] {
  const date = (day: number) => `${year}-${pad(month)}-${pad(day)}`;
  return [
    row(date(25), 100_000, 'ACME LTD SALARY'),
    row(date(1), -30_000, 'RENT KAMAU PROPERTIES'),
    ...[3, 10, 17, 24].map((day) => row(date(day), -5_000, groceriesAs)),
    ...[4, 11, 18, 26].map((day) => row(date(day), -500, 'UBER TRIP')),
    row(date(5), -2_000, 'KPLC PREPAID TOKENS'),
    row(date(6), -2_000, 'SAFARICOM AIRTIME'),
    row(date(12), -1_500, 'JAVA HOUSE'),
    row(date(19), -1_500, 'JAVA HOUSE'),
    row(date(26), -15_000, 'STANDING ORDER TO SAVINGS ACCOUNT'),
  ];
}

const stable = [1, 2, 3, 4].flatMap((month) => monthOf(2025, month));
const shifted = [...[1, 2, 3].flatMap((month) => monthOf(2025, month)), ...monthOf(2025, 4, 'BETWAY KENYA')];

describe('populationStabilityIndex and jensenShannonDistance', () => {
  it('match hand-computed values', () => {
    // PSI = 0.4·ln(0.9/0.5) + (−0.4)·ln(0.1/0.5) = 0.878890
    expect(populationStabilityIndex([0.5, 0.5], [0.9, 0.1], 0)).toBeCloseTo(0.87889, 5);
    // m = (0.7, 0.3); JSD = ½·0.125770 + ½·0.167817 = 0.146793; distance = √JSD = 0.383136
    expect(jensenShannonDistance([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(0.383136, 5);
  });

  it('smooth an empty category with epsilon instead of dividing by zero', () => {
    // ε = 0.01: p = (1.01, 0.01)/1.02, q = (0.51, 0.51)/1.02 → PSI = 2.262314
    expect(populationStabilityIndex([1, 0], [0.5, 0.5], 0.01)).toBeCloseTo(2.262314, 5);
    // No smoothing needed for JS: 0·log 0 = 0.
    expect(jensenShannonDistance([1, 0], [0.5, 0.5])).toBeCloseTo(0.557923, 5);
  });

  it('are zero for identical distributions and JS stays within 0…1', () => {
    expect(populationStabilityIndex([0.2, 0.8], [0.2, 0.8])).toBeCloseTo(0, 10);
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(1, 10);
  });
});

describe('analyzeCustomer: drift', () => {
  it('raises an alert when grocery money moves to gambling', () => {
    const drift = analyzeCustomer(shifted).drift;
    expect(drift?.level).toBe('alert');
    // Six categories, ε = 0.001: groceries and gambling each add (0.339/1.006)·ln(0.340/0.001) ≈ 1.964.
    expect(drift?.psi).toBeCloseTo(3.928, 2);
    expect(drift?.from).toEqual({ start: '2025-03-01', end: '2025-03-31' });
    expect(drift?.to).toEqual({ start: '2025-04-01', end: '2025-04-30' });
    // Groceries were 20,000 of 59,000 spent a month; in April the same 20,000 went to betting.
    expect(drift?.shifts.map((shift) => shift.category).sort()).toEqual(['gambling', 'groceries']);
    expect(drift?.shifts[0]?.fromShare === 0 || drift?.shifts[0]?.toShare === 0).toBe(true);
    const gambling = drift?.shifts.find((shift) => shift.category === 'gambling');
    expect(gambling?.toShare).toBeCloseTo(20_000 / 59_000, 3);
  });

  it('stays at none for a customer whose months look alike', () => {
    const drift = analyzeCustomer(stable).drift;
    expect(drift?.level).toBe('none');
    expect(drift?.psi).toBe(0);
    expect(drift?.jsDistance).toBe(0);
    expect(drift?.shifts).toEqual([]);
  });

  it('compares the last complete month when the history stops mid-month', () => {
    const drift = analyzeCustomer([
      ...shifted,
      ...monthOf(2025, 5).filter((tx) => tx.bookedOn <= '2025-05-10'),
    ]).drift;
    expect(drift?.to).toEqual({ start: '2025-04-01', end: '2025-04-30' });
    expect(drift?.level).toBe('alert');
  });

  it('takes the end of the history from asOf when the last transaction is early', () => {
    const endsEarly = shifted.filter((tx) => tx.bookedOn <= '2025-04-18');
    // Without asOf the history seems to stop on 18 April, so April is incomplete.
    expect(analyzeCustomer(endsEarly).drift?.to.start).toBe('2025-03-01');
    const drift = analyzeCustomer(endsEarly, { asOf: '2025-04-30' }).drift;
    expect(drift?.to).toEqual({ start: '2025-04-01', end: '2025-04-30' });
    expect(drift?.level).toBe('alert');
  });

  it('widens thin months to two-month periods', () => {
    // Seven spending transactions a month is below the minimum of eight per period.
    const thinMonths = [1, 2, 3, 4].flatMap((month) =>
      monthOf(2025, month).filter(
        (tx) => !tx.description.startsWith('UBER') && !tx.description.startsWith('JAVA'),
      ),
    );
    const drift = analyzeCustomer(thinMonths).drift;
    expect(drift?.from).toEqual({ start: '2025-01-01', end: '2025-02-28' });
    expect(drift?.to).toEqual({ start: '2025-03-01', end: '2025-04-30' });
  });

  it('is null with a single month of history', () => {
    expect(analyzeCustomer(monthOf(2025, 4)).drift).toBeNull();
  });

  it('does not depend on the order of the transactions', () => {
    const reversed = [...shifted].reverse();
    expect(analyzeCustomer(reversed)).toEqual(analyzeCustomer(shifted));
  });
});

describe('analyzeCustomer: profile and persona', () => {
  it('computes the profile in the dominant currency', () => {
    const analysis = analyzeCustomer([...stable, row('2025-02-10', -40, 'TESCO STORES', 'GBP')]);
    expect(analysis.engineVersion).toBe(ENGINE_VERSION);
    expect(analysis.transactionCount).toBe(stable.length + 1);
    expect(analysis.periodStart).toBe('2025-01-01');
    expect(analysis.periodEnd).toBe('2025-04-26');
    expect(analysis.profile.currency).toBe('KES');
    expect(analysis.profile.months).toBe(4);
    // 236,000 spent of 400,000 earned.
    expect(analysis.profile.savingsRate).toBe(0.41);
    expect(analysis.profile.incomeRegularity).toBe(1);
    expect(analysis.profile.topCategories[0]).toEqual({ category: 'rent', share: 0.5085, amount: 120_000 });
  });

  it('names a salaried saver with reasons that carry the figures', () => {
    const persona = analyzeCustomer(stable).persona;
    expect(persona.key).toBe('salaried_saver');
    expect(persona.reasons.map((reason) => reason.code)).toEqual([
      'salary_income',
      'high_savings_rate',
      'savings_contributions',
      'regular_income',
    ]);
    expect(persona.reasons[1]?.text).toBe('Keeps 41 % of income unspent (threshold 20 %).');
    expect(persona.reasons[2]?.text).toBe(
      'Moves 15 % of income into savings or investments (threshold 10 %).',
    );
    expect(persona.reasons.reduce((sum, reason) => sum + reason.weight, 0)).toBeCloseTo(1, 10);
  });

  it('names a high-risk gambler when betting takes a material share', () => {
    const gambler = [1, 2, 3].flatMap((month) => monthOf(2025, month, 'SPORTPESA'));
    const persona = analyzeCustomer(gambler).persona;
    expect(persona.key).toBe('high_risk_gambler');
    expect(persona.reasons[0]).toEqual({
      code: 'high_gambling_share',
      text: 'Gambling is 34 % of spending (threshold 10 %).',
      weight: 0.8,
    });
  });

  it('lists every persona it can return in the catalogue', () => {
    const keys = PERSONAS.map((persona) => persona.key);
    for (const history of [stable, shifted, monthOf(2025, 1).slice(0, 3), []]) {
      const analysis = analyzeCustomer(history);
      expect(keys).toContain(analysis.persona.key);
      for (const month of analysis.timeline) expect(keys).toContain(month.persona);
    }
  });
});

describe('analyzeCustomer: thin history', () => {
  it('reads a thin file with low confidence and needs_more_data', () => {
    const analysis = analyzeCustomer(monthOf(2025, 3).slice(0, 6));
    expect(analysis.persona.key).toBe('thin_file');
    expect(analysis.persona.reasons[0]?.code).toBe('thin_history');
    expect(analysis.cravings).toHaveLength(6);
    for (const craving of analysis.cravings) {
      expect(craving.state).toBe('needs_more_data');
      expect(craving.confidence).toBeLessThan(0.35);
      expect(craving.evidence[0]).toMatch(/^Only 6 transactions/);
    }
    expect(analysis.drift).toBeNull();
  });

  it('measures cravings with high confidence on a long history', () => {
    const year = [1, 2, 3, 4, 5, 6].flatMap((month) => monthOf(2025, month));
    const cravings = analyzeCustomer(year).cravings;
    for (const craving of cravings) {
      expect(craving.state).toBe('measured');
      // √(5.8 of 6 months × 90 of 150 transactions) ≈ 0.76.
      expect(craving.confidence).toBeGreaterThan(0.75);
    }
    const savings = cravings.find((craving) => craving.driver === 'savings');
    // 41 % unspent (full at 30 %) and 15 % moved to savings (full at 15 %): both saturate.
    expect(savings?.score).toBe(1);
  });

  it('handles an empty history', () => {
    const analysis = analyzeCustomer([]);
    expect(analysis.transactionCount).toBe(0);
    expect(analysis.periodStart).toBeNull();
    expect(analysis.persona.key).toBe('thin_file');
    expect(analysis.timeline).toEqual([]);
    expect(analysis.drift).toBeNull();
  });
});

describe('analyzeCustomer: timeline', () => {
  it('gives each month its persona, counts, income, spend and category shares', () => {
    const timeline = analyzeCustomer(shifted).timeline;
    expect(timeline.map((month) => month.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(timeline[0]).toMatchObject({
      persona: 'salaried_saver',
      transactionCount: 15,
      income: 100_000,
      spend: 59_000,
    });
    expect(timeline[0]?.categories.groceries).toBeCloseTo(20_000 / 59_000, 4);
    expect(timeline[3]?.persona).toBe('high_risk_gambler');
    expect(timeline[3]?.categories.groceries).toBeUndefined();
  });
});
