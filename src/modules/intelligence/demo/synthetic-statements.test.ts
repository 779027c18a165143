import { describe, expect, it } from 'vitest';
import { analyzeCustomer, categorise } from '../analysis/index.js';
import { generateCustomers } from './synthetic-statements.js';

const options = { seed: 7, customers: 120, months: 6, endDate: '2025-06-30', shifters: 10 };
const customers = generateCustomers(options);
const analyses = customers.map((customer) =>
  analyzeCustomer(
    customer.transactions.map((tx) => ({ ...tx, ...categorise(tx) })),
    { asOf: options.endDate },
  ),
);

describe('generateCustomers', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCustomers(options)).toEqual(customers);
    const other = generateCustomers({ ...options, seed: 8 });
    expect(other.map((customer) => customer.transactions.length)).not.toEqual(
      customers.map((customer) => customer.transactions.length),
    );
  });

  it('produces customers with demographics, unique ids and rows inside the history', () => {
    expect(customers).toHaveLength(120);
    expect(new Set(customers.map((customer) => customer.externalRef)).size).toBe(120);
    const ids = customers.flatMap((customer) => customer.transactions.map((tx) => tx.partnerTransactionId));
    expect(new Set(ids).size).toBe(ids.length);
    const birthYears = customers.map((customer) => customer.birthYear);
    expect(Math.min(...birthYears)).toBeGreaterThanOrEqual(1945);
    expect(Math.max(...birthYears)).toBeLessThanOrEqual(2006);
    expect(customers.every((customer) => customer.region.length > 0)).toBe(true);
    expect(Math.min(...customers.map((customer) => customer.transactions.length))).toBeGreaterThan(100);
    const rows = customers.flatMap((customer) => customer.transactions);
    expect(rows.filter((tx) => tx.bookedOn < '2025-01-01' || tx.bookedOn > '2025-06-30')).toEqual([]);
    expect(new Set(rows.map((tx) => tx.currency))).toEqual(new Set(['KES', 'GBP', 'USD']));
    expect(new Set(customers.map((customer) => customer.archetype)).size).toBe(8);
    expect(customers.filter((customer) => customer.shifter)).toHaveLength(10);
  });

  it('writes rows the categoriser recognises', () => {
    const rows = customers.flatMap((customer) => customer.transactions);
    const fallback = rows.filter((tx) => categorise(tx).source === 'fallback');
    expect(fallback.length / rows.length).toBeLessThan(0.01);
  });

  it('gives every shifter an alert-level drift and most stable customers none', () => {
    customers.forEach((customer, index) => {
      if (customer.shifter) expect(analyses[index]?.drift?.level).toBe('alert');
    });
    const stableLevels = customers
      .map((customer, index) => (customer.shifter ? null : analyses[index]?.drift?.level))
      .filter((level) => level !== null);
    expect(stableLevels).toHaveLength(110);
    expect(stableLevels.filter((level) => level === 'alert').length).toBeLessThanOrEqual(5);
    expect(stableLevels.filter((level) => level === 'none').length).toBeGreaterThan(110 * 0.7);
  });

  it('lets the archetypes come out as their personas', () => {
    const matches = {
      gambler: 'high_risk_gambler',
      remitter: 'remittance_sender',
      gig_worker: 'gig_earner',
    } as const;
    for (const [archetype, persona] of Object.entries(matches)) {
      const group = customers.flatMap((customer, index) =>
        customer.archetype === archetype && !customer.shifter ? [analyses[index]?.persona.key] : [],
      );
      expect(group.length).toBeGreaterThan(0);
      expect(group.filter((key) => key === persona).length / group.length).toBeGreaterThan(0.8);
    }
  });
});
