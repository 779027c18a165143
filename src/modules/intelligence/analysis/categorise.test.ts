import { describe, expect, it } from 'vitest';
import { CATEGORIES, categorise } from './index.js';
import type { RawTransaction } from './types.js';

function tx(overrides: Partial<RawTransaction>): RawTransaction {
  return {
    bookedOn: '2025-03-14',
    amount: -25,
    currency: 'KES',
    description: '',
    counterparty: null,
    channel: null,
    partnerCategory: null,
    mcc: null,
    ...overrides,
  };
}

describe('taxonomy', () => {
  it('lists every required category once, each with a kind', () => {
    const keys = CATEGORIES.map((category) => category.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of [
      'salary',
      'benefits',
      'other_income',
      'rent',
      'utilities',
      'groceries',
      'dining',
      'transport',
      'fuel',
      'shopping',
      'entertainment',
      'subscriptions',
      'travel',
      'gambling',
      'savings',
      'investments',
      'remittances',
      'cash',
      'fees',
      'insurance',
      'health',
      'education',
      'charity',
      'transfers',
      'other',
    ]) {
      expect(keys).toContain(key);
    }
    expect(CATEGORIES.find((category) => category.key === 'salary')?.kind).toBe('income');
    expect(CATEGORIES.find((category) => category.key === 'savings')?.kind).toBe('savings');
    expect(CATEGORIES.find((category) => category.key === 'transfers')?.kind).toBe('transfer');
  });
});

describe('categorise', () => {
  it('lets the MCC beat a keyword in the description', () => {
    // "SHELL" alone would be fuel; the card network says it is a grocery store.
    const result = categorise(tx({ description: 'SHELL SELECT SHOP', mcc: '5411' }));
    expect(result).toEqual({ category: 'groceries', confidence: 0.95, source: 'mcc' });
  });

  it('maps airline and hotel MCC ranges to travel', () => {
    expect(categorise(tx({ description: 'X', mcc: '3005' })).category).toBe('travel');
    expect(categorise(tx({ description: 'X', mcc: '3640' })).category).toBe('travel');
  });

  it("maps the partner's category onto the taxonomy", () => {
    const result = categorise(tx({ description: 'POS 88213 NAIROBI', partnerCategory: 'Food & Drink' }));
    expect(result).toEqual({ category: 'dining', confidence: 0.85, source: 'partner' });
    expect(categorise(tx({ description: 'X', partnerCategory: 'GAS_STATIONS' })).category).toBe('fuel');
    expect(categorise(tx({ description: 'X', partnerCategory: 'groceries' })).category).toBe('groceries');
  });

  it('lets a specific description beat a generic partner category', () => {
    const result = categorise(
      tx({ description: 'M-PESA Paybill 290290 SportPesa', partnerCategory: 'transfer_out' }),
    );
    expect(result.category).toBe('gambling');
    expect(result.source).toBe('keyword');
  });

  it('ignores an unknown partner category and reads the description', () => {
    const result = categorise(tx({ description: 'NAIVAS WESTLANDS', partnerCategory: 'misc-bucket-7' }));
    expect(result.category).toBe('groceries');
    expect(result.source).toBe('keyword');
  });

  it('applies description rules by direction', () => {
    expect(categorise(tx({ amount: 85000, description: 'ACME LTD SALARY MAR' }))).toMatchObject({
      category: 'salary',
      source: 'rule',
    });
    expect(categorise(tx({ amount: -30000, description: 'RENT MARCH FLAT 4B' })).category).toBe('rent');
    // Rent received is income, not rent paid.
    expect(categorise(tx({ amount: 30000, description: 'RENT MARCH FLAT 4B' })).category).toBe(
      'other_income',
    );
    expect(categorise(tx({ description: 'ATM WITHDRAWAL KENYATTA AVE' })).category).toBe('cash');
    expect(categorise(tx({ description: 'STANDING ORDER TO SAVINGS ACCOUNT' })).category).toBe('savings');
    expect(categorise(tx({ description: 'WORLDREMIT LTD' })).category).toBe('remittances');
    expect(categorise(tx({ description: 'Western Union 7781' })).category).toBe('remittances');
    expect(categorise(tx({ description: 'School fees term 2' })).category).toBe('education');
  });

  it('recognises merchants, with two-token names beating their parts', () => {
    expect(categorise(tx({ description: "SAINSBURY'S S/MKT LONDON" })).category).toBe('groceries');
    expect(categorise(tx({ description: 'UBER *TRIP HELP.UBER.COM' })).category).toBe('transport');
    expect(categorise(tx({ description: 'UBER EATS ORDER' })).category).toBe('dining');
    expect(categorise(tx({ description: 'Netflix.com' })).category).toBe('subscriptions');
    expect(categorise(tx({ description: 'KPLC PREPAID TOKENS' })).category).toBe('utilities');
    expect(categorise(tx({ description: 'BET365 DEPOSIT' })).category).toBe('gambling');
    expect(categorise(tx({ description: 'Paybill', counterparty: 'Betway Kenya' })).category).toBe(
      'gambling',
    );
  });

  it('reads the counterparty as evidence and raises the confidence when it agrees', () => {
    const alone = categorise(tx({ description: 'CARD PURCHASE TESCO 2231' }));
    const agreed = categorise(
      tx({ description: 'CARD PURCHASE TESCO 2231', counterparty: 'Tesco Stores Ltd' }),
    );
    expect(agreed.category).toBe('groceries');
    expect(agreed.confidence).toBeGreaterThan(alone.confidence);
  });

  it('uses the ATM channel as a rule', () => {
    expect(categorise(tx({ description: 'KCB 00231 MOI AVE', channel: 'atm' }))).toMatchObject({
      category: 'cash',
      source: 'rule',
    });
  });

  it('treats money back from a shop as a weaker sign of its category', () => {
    const refund = categorise(tx({ amount: 12, description: 'TESCO STORES REFUND' }));
    const purchase = categorise(tx({ amount: -12, description: 'TESCO STORES' }));
    expect(refund.category).toBe('groceries');
    expect(refund.confidence).toBeLessThan(purchase.confidence);
  });

  it('falls back to other with low confidence for an unknown outflow', () => {
    const result = categorise(tx({ description: 'ZQX 8812 KLM' }));
    expect(result).toEqual({ category: 'other', confidence: 0.2, source: 'fallback' });
    expect(categorise(tx({ amount: 500, description: 'ZQX 8812 KLM' }))).toMatchObject({
      category: 'other_income',
      source: 'fallback',
    });
  });

  it('never gives an income category to money going out', () => {
    const result = categorise(tx({ amount: -100, description: 'PAYROLL RUN', partnerCategory: 'salary' }));
    expect(result.category).not.toBe('salary');
  });
});
