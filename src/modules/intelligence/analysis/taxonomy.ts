/**
 * The open taxonomy every transaction is categorised into. "Open" because a category is just a
 * key: adding one here (with its kind) is all the engine needs — the categoriser's dictionaries,
 * the profile and the drift index read the kind, never a fixed list.
 *
 * The kind decides how the analysis counts money: `income` inflows are income, `spend` outflows
 * are spending (their inflows are refunds), `savings` outflows are money put aside, and
 * `transfer` moves money between people or accounts without being income or spending.
 */

export type CategoryKind = 'income' | 'spend' | 'transfer' | 'savings';

export interface CategoryDefinition {
  key: string;
  label: string;
  kind: CategoryKind;
}

export const CATEGORIES: readonly CategoryDefinition[] = [
  { key: 'salary', label: 'Salary', kind: 'income' },
  { key: 'benefits', label: 'Benefits and pensions', kind: 'income' },
  { key: 'other_income', label: 'Other income', kind: 'income' },
  { key: 'rent', label: 'Rent and mortgage', kind: 'spend' },
  { key: 'utilities', label: 'Utilities and telecoms', kind: 'spend' },
  { key: 'groceries', label: 'Groceries', kind: 'spend' },
  { key: 'dining', label: 'Dining and takeaway', kind: 'spend' },
  { key: 'transport', label: 'Transport', kind: 'spend' },
  { key: 'fuel', label: 'Fuel', kind: 'spend' },
  { key: 'shopping', label: 'Shopping', kind: 'spend' },
  { key: 'entertainment', label: 'Entertainment', kind: 'spend' },
  { key: 'subscriptions', label: 'Subscriptions', kind: 'spend' },
  { key: 'travel', label: 'Travel', kind: 'spend' },
  { key: 'gambling', label: 'Gambling', kind: 'spend' },
  { key: 'savings', label: 'Savings', kind: 'savings' },
  { key: 'investments', label: 'Investments', kind: 'savings' },
  { key: 'remittances', label: 'Remittances', kind: 'spend' },
  { key: 'cash', label: 'Cash withdrawals', kind: 'spend' },
  { key: 'fees', label: 'Bank fees and charges', kind: 'spend' },
  { key: 'insurance', label: 'Insurance', kind: 'spend' },
  { key: 'health', label: 'Health and fitness', kind: 'spend' },
  { key: 'education', label: 'Education', kind: 'spend' },
  { key: 'charity', label: 'Charity and giving', kind: 'spend' },
  { key: 'transfers', label: 'Transfers', kind: 'transfer' },
  { key: 'other', label: 'Other', kind: 'spend' },
];

const BY_KEY = new Map(CATEGORIES.map((category) => [category.key, category]));

/** The kind of a category key; an unknown key (from an older or newer taxonomy) counts as spending. */
export function categoryKind(key: string): CategoryKind {
  return BY_KEY.get(key)?.kind ?? 'spend';
}

export function isCategory(key: string): boolean {
  return BY_KEY.has(key);
}
