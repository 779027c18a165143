import { PAIR_STARTS, TERMS } from './dictionary.js';
import { categoryForMcc } from './mcc.js';
import { categoryForPartner } from './partner-categories.js';
import { categoryKind } from './taxonomy.js';
import type { Categorised, CategorySource, RawTransaction } from './types.js';

/**
 * Categorises one transaction. Precedence, strongest first:
 *   1. the MCC (card network's code for the merchant),
 *   2. the partner's own category mapped onto the taxonomy — unless it is generic (`transfers`,
 *      `other`) and the description names something specific,
 *   3. description rules (salary, rent, ATM, savings, remittance services, fees…),
 *   4. the merchant keyword dictionary,
 *   5. a fallback: `other_income` for unknown money in, `transfers` for an unknown transfer,
 *      `other` otherwise, all with low confidence.
 * The counterparty is read like the description (slightly weaker) and a second field agreeing
 * raises the confidence; the channel adds a rule (`atm`) or small consistency bonuses.
 * Cost: one pass over the characters and a few map look-ups per token.
 */

const MCC_CONFIDENCE = 0.95;
const PARTNER_CONFIDENCE = 0.85;
/** Money back on a spend category (a refund) is weaker evidence of that category. */
const REFUND_CONFIDENCE = 0.75;
/** A generic partner category (transfer, other) yields to any description match stronger than this. */
const GENERIC_PARTNER_CONFIDENCE = 0.55;
const COUNTERPARTY_DISCOUNT = 0.03;
const AGREEMENT_BONUS = 0.04;
const CHANNEL_BONUS = 0.02;
const MAX_CONFIDENCE = 0.99;

const DIRECT_DEBIT_CATEGORIES = new Set([
  'utilities',
  'insurance',
  'subscriptions',
  'rent',
  'savings',
  'investments',
  'education',
  'charity',
]);

interface Match {
  category: string;
  strength: number;
  source: 'rule' | 'keyword';
  /** Which fields named this category: bit 1 the description, bit 2 the counterparty. */
  fields: number;
}

export function categorise(tx: RawTransaction): Categorised {
  const isInflow = tx.amount > 0;

  if (tx.mcc !== null && tx.mcc !== '') {
    const category = categoryForMcc(tx.mcc.trim());
    if (category !== null && !(categoryKind(category) === 'income' && !isInflow)) {
      return result(
        category,
        isInflow && categoryKind(category) === 'spend' ? REFUND_CONFIDENCE : MCC_CONFIDENCE,
        'mcc',
      );
    }
  }

  const match = matchText(tx, isInflow);

  if (tx.partnerCategory !== null && tx.partnerCategory !== '') {
    const category = categoryForPartner(tx.partnerCategory);
    if (category !== null && directionFits(category, isInflow)) {
      const generic = category === 'transfers' || category === 'other';
      if (!generic || match === null || match.strength <= GENERIC_PARTNER_CONFIDENCE) {
        const base = generic
          ? GENERIC_PARTNER_CONFIDENCE
          : isInflow && categoryKind(category) === 'spend'
            ? REFUND_CONFIDENCE
            : PARTNER_CONFIDENCE;
        const agrees = match !== null && match.category === category ? AGREEMENT_BONUS : 0;
        return result(category, base + agrees, 'partner');
      }
    }
  }

  if (match !== null) {
    let confidence = match.strength;
    if (match.fields === 3) confidence += AGREEMENT_BONUS;
    confidence += channelBonus(tx.channel, match.category);
    return result(match.category, confidence, match.source);
  }

  return fallback(tx, isInflow);
}

function result(category: string, confidence: number, source: CategorySource): Categorised {
  return { category, confidence: Math.round(Math.min(MAX_CONFIDENCE, confidence) * 100) / 100, source };
}

/** Income categories only describe money coming in. */
function directionFits(category: string, isInflow: boolean): boolean {
  return isInflow || categoryKind(category) !== 'income';
}

function channelBonus(channel: string | null, category: string): number {
  if (channel === null) return 0;
  const normalised = channel.toLowerCase();
  if (normalised === 'card' && categoryKind(category) === 'spend') return CHANNEL_BONUS;
  if (normalised === 'direct_debit' && DIRECT_DEBIT_CATEGORIES.has(category)) return CHANNEL_BONUS;
  return 0;
}

function fallback(tx: RawTransaction, isInflow: boolean): Categorised {
  if (isInflow) return result('other_income', 0.25, 'fallback');
  const channel = tx.channel?.toLowerCase() ?? '';
  if (channel === 'transfer' || channel === 'mobile') return result('transfers', 0.35, 'fallback');
  return result('other', 0.2, 'fallback');
}

/** The strongest dictionary meaning in the description, counterparty and channel. */
function matchText(tx: RawTransaction, isInflow: boolean): Match | null {
  const state: { best: Match | null } = { best: null };
  scan(tx.description, isInflow, 0, 1, state);
  if (tx.counterparty !== null) scan(tx.counterparty, isInflow, COUNTERPARTY_DISCOUNT, 2, state);
  if (tx.channel !== null && tx.channel.toLowerCase() === 'atm') consider('ATM', isInflow, 0, 1, state);
  return state.best;
}

function consider(
  term: string,
  isInflow: boolean,
  discount: number,
  field: number,
  state: { best: Match | null },
) {
  const entry = TERMS.get(term);
  if (entry === undefined) return;
  const category = isInflow ? entry.inflow : entry.outflow;
  if (category === null) return;
  const strength = (isInflow ? entry.inflowStrength : entry.outflowStrength) - discount;
  const best = state.best;
  if (best !== null && best.category === category) {
    best.fields |= field;
    if (strength > best.strength) {
      best.strength = strength;
      best.source = entry.source;
    }
    return;
  }
  if (best === null || strength > best.strength) {
    state.best = { category, strength, source: entry.source, fields: field };
  }
}

/**
 * Tokenises by hand (runs of ASCII letters and digits of the upper-cased text, apostrophes
 * dropped first) and looks each token up, and a pair of adjacent tokens only when the first one
 * starts a two-token term (`M-PESA` → `M PESA`): no regular expression, no list scanned.
 */
function scan(
  text: string,
  isInflow: boolean,
  discount: number,
  field: number,
  state: { best: Match | null },
) {
  let upper = text.toUpperCase();
  if (upper.includes("'") || upper.includes('\u2019')) upper = upper.replace(APOSTROPHES, '');
  let previous = '';
  let start = -1;
  const length = upper.length;
  for (let index = 0; index <= length; index++) {
    const code = index < length ? upper.charCodeAt(index) : 32;
    const isWordChar = (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    if (isWordChar) {
      if (start < 0) start = index;
      continue;
    }
    if (start < 0) continue;
    const token = upper.slice(start, index);
    start = -1;
    consider(token, isInflow, discount, field, state);
    if (previous !== '' && PAIR_STARTS.has(previous)) {
      consider(`${previous} ${token}`, isInflow, discount, field, state);
    }
    previous = token;
  }
}

const APOSTROPHES = /['\u2019]/g;
