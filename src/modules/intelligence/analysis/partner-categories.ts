import { isCategory } from './taxonomy.js';

/**
 * Partners send their own category names (their core banking's, Plaid's, a PFM's). They are
 * normalised (lower case, `&` as `and`, runs of other characters as `_`) and looked up here; a name that is
 * already a taxonomy key maps to itself. An unknown name maps to nothing and the categoriser
 * reads the description instead.
 */
const SYNONYMS: Record<string, string[]> = {
  salary: ['wages', 'payroll', 'income_wages', 'salary_and_wages', 'pay'],
  benefits: [
    'benefit',
    'government_benefits',
    'pension',
    'pensions',
    'social_security',
    'income_retirement_pension',
  ],
  other_income: [
    'income',
    'other_income',
    'income_other_income',
    'interest_income',
    'dividends',
    'income_dividends',
    'income_interest_earned',
    'freelance',
  ],
  rent: ['rent', 'rent_and_utilities_rent', 'mortgage', 'housing', 'loan_payments_mortgage_payment'],
  utilities: [
    'rent_and_utilities',
    'utility',
    'bills',
    'bills_and_utilities',
    'telecom',
    'telecoms',
    'phone',
    'internet',
    'electricity',
    'water',
    'airtime',
  ],
  groceries: ['grocery', 'supermarket', 'supermarkets', 'food', 'food_and_drink_groceries'],
  dining: [
    'restaurants',
    'restaurant',
    'eating_out',
    'food_and_drink',
    'food_and_drink_restaurant',
    'takeaway',
    'coffee',
  ],
  transport: [
    'transportation',
    'transit',
    'taxi',
    'rideshare',
    'public_transport',
    'transportation_taxis_and_ride_shares',
  ],
  fuel: ['gas', 'gas_stations', 'petrol', 'transportation_gas'],
  shopping: ['general_merchandise', 'retail', 'clothing', 'electronics', 'home_improvement', 'personal_care'],
  entertainment: ['leisure', 'recreation', 'games', 'gaming'],
  subscriptions: ['subscription', 'streaming', 'entertainment_tv_and_movies', 'digital_services'],
  travel: ['flights', 'hotels', 'holiday', 'holidays', 'travel_flights', 'travel_lodging'],
  gambling: ['betting', 'bets', 'casino', 'lottery', 'entertainment_casinos_and_gambling'],
  savings: ['saving', 'savings_transfer', 'transfer_out_savings'],
  investments: ['investment', 'investing', 'brokerage', 'transfer_out_investment_and_retirement_funds'],
  remittances: ['remittance', 'money_transfer', 'international_transfer'],
  cash: ['atm', 'cash_withdrawal', 'withdrawal', 'transfer_out_withdrawal'],
  fees: [
    'bank_fees',
    'fee',
    'charges',
    'bank_charges',
    'taxes',
    'tax',
    'government_and_non_profit_tax_payment',
  ],
  insurance: ['insurance_premium'],
  health: ['medical', 'healthcare', 'pharmacy', 'fitness', 'gym'],
  education: ['school', 'tuition', 'school_fees'],
  charity: ['donations', 'donation', 'giving', 'government_and_non_profit_donations'],
  transfers: ['transfer', 'transfer_in', 'transfer_out', 'p2p', 'internal_transfer', 'mobile_money'],
};

const BY_NAME = new Map<string, string>();
for (const [category, names] of Object.entries(SYNONYMS))
  for (const name of names) BY_NAME.set(name, category);

export function normalisePartnerCategory(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The taxonomy category for a partner's category name, or null when it maps to none. */
export function categoryForPartner(name: string): string | null {
  const normalised = normalisePartnerCategory(name);
  if (isCategory(normalised)) return normalised;
  return BY_NAME.get(normalised) ?? null;
}
