/**
 * The six deal fields (methodology section 6), per deal, walking each customer's deals in date
 * order (ties in sheet order) from a contract ARR of 0:
 *
 * | type        | contract ARR after         | Recurring Amount |
 * |-------------|----------------------------|------------------|
 * | new         | before + amount            | amount           |
 * | expansion   | before + amount            | amount           |
 * | contraction | before - abs(amount)       | -abs(amount)     |
 * | renewal     | amount (the renewed value) | amount           |
 * | churn       | 0                          | 0                |
 *
 * Net ARR = after - before; Net New ARR = max(Net ARR, 0); TCV = Recurring Amount x term years +
 * services; ACV = TCV / term years, term years = term months / 12.
 *
 * Decisions where the methodology is silent (docs/deals.md):
 * - A contraction's amount is its size: 40,000 and -40,000 both lower contract ARR by 40,000.
 *   An expansion's amount is taken with its sign (a negative one lowers ARR, and is flagged).
 * - A churn's amount is not used (its Recurring Amount is 0); blank, 0 or the ARR it ends (either
 *   sign) are all consistent, anything else is flagged `churn_amount_mismatch`.
 * - Contract ARR never goes below 0: a deal that would take it there leaves it at 0 (`arr_below_zero`).
 * - No term (blank or 0 months): TCV = services, ACV blank (null); flagged `no_term` when the deal
 *   has a recurring amount.
 * - Rounding: one per figure, from exact cents with the policy's rounding: TCV = round((R x m + 12 x
 *   S) / 12), ACV = round((R x m + 12 x S) / m) (R, S cents, m months), so ACV is not TCV's rounding
 *   divided again. The other fields are sums of whole cents.
 */
import type { Day } from '../cells/days.js';
import { roundRatio, type RoundingMode } from '../money/round.js';
import type { DealBook, DealType } from './parse.js';
import type { DealFlag } from './flags.js';

export interface DealFields {
  row: number;
  customer: string;
  date: Day;
  type: DealType;
  recurringCents: number;
  netNewArrCents: number;
  netArrCents: number;
  contractArrBeforeCents: number;
  contractArrAfterCents: number;
  /** null when the deal has no term. */
  acvCents: number | null;
  tcvCents: number;
  flags: DealFlag[];
}

/** TCV and ACV in cents of a deal (recurring and services in cents, term in whole months). */
export function dealContractValues(
  recurringCents: number,
  servicesCents: number,
  termMonths: number,
  mode: RoundingMode,
): { tcvCents: number; acvCents: number | null } {
  if (termMonths <= 0) return { tcvCents: servicesCents, acvCents: null };
  const total = BigInt(recurringCents) * BigInt(termMonths) + 12n * BigInt(servicesCents);
  return {
    tcvCents: Number(roundRatio(total, 12n, mode)) + 0,
    acvCents: Number(roundRatio(total, BigInt(termMonths), mode)) + 0,
  };
}

/** The six fields of every deal, in the order of the range. */
export function dealFields(book: DealBook, mode: RoundingMode = 'half_up'): DealFields[] {
  const order = Array.from({ length: book.n }, (_, i) => i).sort(
    (a, b) =>
      (book.customer[a] < book.customer[b] ? -1 : book.customer[a] > book.customer[b] ? 1 : 0) ||
      book.date[a] - book.date[b] ||
      book.row[a] - book.row[b],
  );
  const out: DealFields[] = new Array(book.n);
  let arr = 0;
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    if (p === 0 || book.customer[i] !== book.customer[order[p - 1]]) arr = 0;
    const before = arr;
    const amount = book.recurringCents[i];
    const type = book.type[i];
    const flags: DealFlag[] = [];
    let after: number;
    let recurring: number;
    switch (type) {
      case 'new':
        if (before !== 0) flags.push('new_with_arr');
        if (amount <= 0) flags.push('new_without_increase');
        recurring = amount;
        after = before + amount;
        break;
      case 'expansion':
        if (amount <= 0) flags.push('expansion_without_increase');
        if (before === 0) flags.push('expansion_without_arr');
        recurring = amount;
        after = before + amount;
        break;
      case 'contraction':
        if (amount === 0) flags.push('contraction_without_decrease');
        if (before === 0) flags.push('contraction_without_arr');
        recurring = -Math.abs(amount);
        after = before + recurring;
        break;
      case 'renewal':
        if (before === 0) flags.push('renewal_without_arr');
        else if (amount > before) flags.push('expansion_renewal');
        else if (amount === 0) flags.push('renewal_to_zero');
        else if (amount < before) flags.push('contraction_renewal');
        recurring = amount;
        after = amount;
        break;
      case 'churn':
        if (before === 0) flags.push('churn_without_arr');
        if (amount !== 0 && Math.abs(amount) !== before) flags.push('churn_amount_mismatch');
        recurring = 0;
        after = 0;
        break;
    }
    if (after < 0) {
      flags.push('arr_below_zero');
      after = 0;
    }
    const term = book.termMonths[i];
    if (term <= 0 && recurring !== 0) flags.push('no_term');
    const { tcvCents, acvCents } = dealContractValues(recurring, book.servicesCents[i], term, mode);
    const netArr = after - before;
    out[i] = {
      row: book.row[i],
      customer: book.customer[i],
      date: book.date[i],
      type,
      recurringCents: recurring + 0,
      netNewArrCents: Math.max(netArr, 0),
      netArrCents: netArr + 0,
      contractArrBeforeCents: before,
      contractArrAfterCents: after,
      acvCents,
      tcvCents,
      flags,
    };
    arr = after;
  }
  return out;
}
