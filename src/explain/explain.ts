/**
 * Drill-down: the contributors behind one customer's ARR on a date, each with the engine's own
 * figures (the ArrModel's exact num / den, its conversion and its once-per-contributor rounding),
 * so the contributions add up to the customer's ARR as `arrOn(model, day, 'customer')` gives it,
 * to the cent.
 *
 * Decisions (docs/explain.md):
 * - The customer is the model's customer key: the parent under `rollupToParent: yes` (a child's
 *   name is refused with a pointer to its parent). Names are matched exactly; an unknown name is a
 *   CellError listing close matches. A known customer with nothing counting on the date has ARR 0
 *   and no contributors.
 * - One entry per contributor counting on the date: a line, or under `multiYear: average` a pooled
 *   contract, whose lines are listed in `lines` with its ARR given once. A pool's amount is its
 *   total contract value (the sum of its amounts for amounts given for the term), its dates and term
 *   the pooled ones.
 * - Local ARR, the exact reporting-currency ARR and the rounding adjustment (ARR - exact) are in
 *   currency units rounded to 4 decimals (1/100 of a cent), for reading; the contribution is the
 *   engine's integer cents.
 * - `rate` is the FX rate used (1 in the reporting currency): the line's own under `fx: contract`,
 *   the board rate under `fixed`, the spot rate on or before the as-of date under `spot`.
 * - `stop` is the last day the contributor counts when that differs from its end, with the reason:
 *   `cancel`, `notice`, `renewal_gap` (carried through an uncovered gap to a renewal within the
 *   grace), `grace` (churnDate: grace_end) or `renewed` (contracted basis: replaced by a signed
 *   renewal).
 */
import { NO_DAY, formatDay, type Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { LINE_TYPES, type LineType } from '../contracts/book.js';
import { SpotRates, contributorCents, withRates } from '../arr/evaluate.js';
import type { ArrModel } from '../arr/model.js';
import { UNITS_PER_YEAR, freeUnits, termMonths, termUnits } from '../arr/term.js';
import { RATE_ONE, boardRate, exactRate, type ExactRate } from '../money/rates.js';
import { roundRatio, type RoundingMode } from '../money/round.js';
import { closeMatches } from './match.js';

export type ExplainStopReason = 'cancel' | 'notice' | 'renewal_gap' | 'grace' | 'renewed';
export type ExplainAnnualization = 'daily365' | 'monthly12' | 'annual' | 'monthly';
export type ExplainRateSource = 'reporting' | 'contract' | 'fixed' | 'spot';

/** One contract line of a contributor. */
export interface ExplainLine {
  row: number;
  customer: string;
  contract: string;
  product: string;
  lineType: LineType;
  /** The amount the engine uses (the list amount under `discounts: gross` when given), in cents. */
  amountCents: number;
  currency: string;
  start: Day;
  end: Day;
  termDays: number;
  /** Under monthly12: months start..end, 4 decimals; else null. */
  termMonths: number | null;
}

export interface ExplainContributor {
  /** Sheet row of its first line. */
  row: number;
  customer: string;
  contract: string;
  product: string;
  lineType: LineType;
  currency: string;
  /** The line's amount, or a pool's total contract value, in cents. */
  amountCents: number;
  start: Day;
  end: Day;
  /** First day it counts (its start, or its signed date under basis: contracted). */
  from: Day;
  /** Last day it counts. */
  stop: Day;
  stopReason: ExplainStopReason | null;
  annualization: ExplainAnnualization;
  termDays: number;
  termMonths: number | null;
  /** Free months taken out of the term (freeMonths: exclude), else 0. */
  freeMonths: number;
  /** ARR in the line's currency, currency units, 4 decimals. */
  localArr: number;
  rate: number;
  rateSource: ExplainRateSource;
  /** local ARR x rate, reporting currency units, 4 decimals. */
  exactArr: number;
  /** arr - exact, currency units, 4 decimals. */
  rounding: number;
  /** The contribution in reporting-currency cents (the engine's rounded figure). */
  arrCents: number;
  pooled: boolean;
  /** Its lines in sheet order (one unless pooled). */
  lines: ExplainLine[];
  /** The calculation in words, e.g. `50,000.00 x 365 / 181 days = 100,828.7293; rounded half_up`. */
  formula: string;
}

export interface ExplainResult {
  customer: string;
  asOf: Day;
  currency: string;
  rounding: RoundingMode;
  /** Sum of the contributions: the customer's ARR on the date. */
  arrCents: number;
  contributors: ExplainContributor[];
}

const groupDigits = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A number with thousands separators and at least 2, at most 4 decimals (as given). */
export function showUnits(x: number, decimals = 2): string {
  const neg = x < 0;
  const [whole, frac = ''] = Math.abs(x).toFixed(4).split('.');
  let f = frac.replace(/0+$/, '');
  if (f.length < decimals) f = f.padEnd(decimals, '0');
  return (neg && /[1-9]/.test(whole + f) ? '-' : '') + groupDigits(whole) + (f ? '.' + f : '');
}

/** num / den cents as currency units rounded (half up) to 4 decimals. */
function units4(num: bigint, den: bigint): number {
  return Number(roundRatio(num * 100n, den, 'half_up')) / 10000;
}

function stopReason(
  policy: ArrModel['policy'],
  end: Day,
  cancel: Day,
  notice: Day,
  stop: Day,
): ExplainStopReason | null {
  if (stop === end) return null;
  if (cancel !== NO_DAY && stop === cancel) return 'cancel';
  if (stop > end)
    return policy.churnDate === 'grace_end' && stop === end + policy.renewalGraceDays
      ? 'grace'
      : 'renewal_gap';
  if (policy.churnDate === 'notice' && notice !== NO_DAY && stop === notice) return 'notice';
  return 'renewed';
}

/** The names a user may type for a customer, for close matches. */
function knownNames(model: ArrModel): Set<string> {
  const names = new Set(model.customers);
  for (const c of model.book.customer) names.add(c);
  if (model.policy.rollupToParent === 'yes') for (const p of model.book.parent) if (p !== '') names.add(p);
  return names;
}

/** The customer key, or the CellError for an unknown name. */
function findCustomer(model: ArrModel, text: string): number | null | CellError {
  const key = text.trim();
  const k = model.customers.indexOf(key);
  if (k >= 0) return k;
  const { book } = model;
  const rollup = model.policy.rollupToParent === 'yes';
  for (let j = 0; j < book.n; j++) {
    if (book.customer[j] !== key && !(rollup && book.parent[j] === key)) continue;
    if (rollup && book.customer[j] === key && book.parent[j] !== '' && book.parent[j] !== key) {
      return new CellError(
        '#VALUE!',
        `customer: ${JSON.stringify(key)} is rolled up into its parent ${JSON.stringify(book.parent[j])} ` +
          `(policy rollupToParent: yes); explain ${JSON.stringify(book.parent[j])}`,
      );
    }
    return null; // known, but no ARR line at all (one-time lines only, or usage not counted)
  }
  const near = closeMatches(key, knownNames(model));
  return new CellError(
    '#VALUE!',
    `customer: ${JSON.stringify(key)} is not a customer of the contracts range` +
      (near.length > 0
        ? `; close matches: ${near.map((n) => JSON.stringify(n)).join(', ')}`
        : '; no close match'),
  );
}

/** The lines behind `customer`'s ARR on `day` (rates of `day`). */
export function explain(model: ArrModel, customer: string, day: Day): ExplainResult | CellError {
  const k = findCustomer(model, customer);
  if (k instanceof CellError) return k;
  return withRates(() => {
    const contributors: ExplainContributor[] = [];
    if (k !== null) {
      const spot = model.hasSpot ? new SpotRates(model, day) : null;
      for (let i = 0; i < model.n; i++) {
        if (model.customer[i] !== k || model.from[i] > day || day > model.stop[i]) continue;
        contributors.push(contributor(model, i, spot));
      }
    }
    contributors.sort((a, b) => a.row - b.row);
    let arrCents = 0;
    for (const c of contributors) arrCents += c.arrCents;
    return {
      customer: k === null ? customer.trim() : model.customers[k],
      asOf: day,
      currency: model.currency,
      rounding: model.rounding,
      arrCents,
      contributors,
    };
  });
}

function amountUsed(model: ArrModel, j: number): number {
  const { book } = model;
  if (model.policy.discounts === 'gross' && !Number.isNaN(book.listAmountCents[j]))
    return book.listAmountCents[j];
  return book.amountCents[j];
}

/** Months start..end (monthly12), 4 decimals. */
function monthsOf(start: Day, end: Day): number {
  const t = termMonths(start, end);
  return Number(roundRatio(BigInt(t.num) * 10000n, BigInt(t.den), 'half_up')) / 10000;
}

function contributor(model: ArrModel, i: number, spot: SpotRates | null): ExplainContributor {
  const { book, policy } = model;
  const monthly12 = policy.annualization === 'monthly12';
  const members: number[] = [];
  for (let m = model.lineStart[i]; m < model.lineStart[i + 1]; m++) members.push(model.lineIdx[m]);
  members.sort((a, b) => book.row[a] - book.row[b]);
  const lines: ExplainLine[] = members.map((j) => ({
    row: book.row[j],
    customer: book.customer[j],
    contract: book.contract[j],
    product: book.product[j],
    lineType: LINE_TYPES[book.lineType[j]],
    amountCents: amountUsed(model, j),
    currency: book.currency[j],
    start: book.start[j],
    end: book.end[j],
    termDays: book.end[j] - book.start[j] + 1,
    termMonths: monthly12 ? monthsOf(book.start[j], book.end[j]) : null,
  }));
  const j0 = members[0];
  // Pooled dates as the model pools them.
  let start = book.start[j0];
  let end = book.end[j0];
  let cancel = book.cancel[j0];
  let notice = book.notice[j0];
  for (const j of members) {
    if (book.start[j] < start) start = book.start[j];
    if (book.end[j] > end) end = book.end[j];
    if (book.cancel[j] !== NO_DAY && (cancel === NO_DAY || book.cancel[j] < cancel)) cancel = book.cancel[j];
    if (book.notice[j] !== NO_DAY && (notice === NO_DAY || book.notice[j] < notice)) notice = book.notice[j];
  }
  const pooled = members.length > 1;
  const basis = book.amountBasis;
  const U = UNITS_PER_YEAR[policy.annualization];
  const num = BigInt(model.num[i]);
  const den = BigInt(model.den[i]);

  // Amount: the line's, or the pool's total contract value (term basis: the sum of the amounts).
  let amountCents = 0;
  if (!pooled || basis === 'term') for (const l of lines) amountCents += l.amountCents;
  else {
    // TCV = ARR x pooled term / U, the value the engine pooled (rounded to a cent for display).
    const t = termUnits(policy.annualization, start, end);
    amountCents = Number(roundRatio(num * BigInt(t.num), den * BigInt(t.den) * BigInt(U), 'half_up'));
  }

  // Rate used.
  const cur = book.currency[j0];
  let rate: ExactRate = RATE_ONE;
  let rateSource: ExplainRateSource = 'reporting';
  if (cur !== model.currency) {
    if (policy.fx === 'contract') {
      rate = exactRate(book.fxRate[j0]) ?? RATE_ONE;
      rateSource = 'contract';
    } else if (policy.fx === 'fixed') {
      const r = model.rates ? boardRate(model.rates, cur) : null;
      if (r && !(r instanceof CellError)) rate = r;
      rateSource = 'fixed';
    } else {
      rate = (spot as SpotRates).get(model.currencyIdx[i]);
      rateSource = 'spot';
    }
  }
  // The engine's own contribution (throws SpotRateMissing, turned into its CellError by withRates).
  const arrCents = contributorCents(model, i, spot as SpotRates);
  const scale = 10n ** BigInt(rate.scale);
  const exactNum = num * rate.num;
  const exactDen = den * scale;
  const localArr = units4(num, den);
  const exactArr = units4(exactNum, exactDen);
  const rounding = units4(BigInt(arrCents) * exactDen - exactNum, exactDen);

  const free = policy.freeMonths === 'exclude' && basis === 'term' && !pooled ? book.freeMonths[j0] : 0;
  const annualization: ExplainAnnualization = basis === 'term' ? policy.annualization : basis;
  const termDays = end - start + 1;
  const tm = monthly12 ? monthsOf(start, end) : null;

  // The calculation in words.
  const amountText = pooled
    ? basis === 'term' && lines.length <= 4
      ? `(${lines.map((l) => showUnits(l.amountCents / 100)).join(' + ')})`
      : `TCV ${showUnits(amountCents / 100)}`
    : showUnits(amountCents / 100);
  let formula: string;
  if (annualization === 'annual' && !pooled) formula = `annual amount ${amountText}`;
  else if (annualization === 'monthly' && !pooled) formula = `12 x ${amountText}`;
  else {
    const unit = monthly12 ? 'months' : 'days';
    const term = monthly12 ? showUnits(tm as number, 0) : String(termDays);
    let over = `${term} ${unit}`;
    if (free > 0) {
      const f = freeUnits(policy.annualization, start, free);
      const freeText = monthly12 ? showUnits(f.num / f.den, 0) : String(f.num / f.den);
      over = `(${term} - ${freeText} free) ${unit}`;
    }
    formula = `${amountText} x ${U} / ${over}`;
    if (pooled) formula += ` (${lines.length} lines pooled, multiYear: average)`;
  }
  formula += ` = ${showUnits(localArr, 2)} ${cur}`;
  if (cur !== model.currency) {
    formula += ` x ${rate.value} (${rateSource}) = ${showUnits(exactArr, 2)} ${model.currency}`;
  }
  formula += `; rounded ${model.rounding} to ${showUnits(arrCents / 100)}`;
  if (model.from[i] !== start) formula += `; counts from ${formatDay(model.from[i])} (signed)`;
  const reason = stopReason(policy, end, cancel, notice, model.stop[i]);
  if (reason) formula += `; counts through ${formatDay(model.stop[i])} (${reason.replace('_', ' ')})`;

  return {
    row: lines[0].row,
    customer: lines[0].customer,
    contract: lines[0].contract,
    product: lines[0].product,
    lineType: lines[0].lineType,
    currency: cur,
    amountCents,
    start,
    end,
    from: model.from[i],
    stop: model.stop[i],
    stopReason: reason,
    annualization,
    termDays,
    termMonths: tm,
    freeMonths: free,
    localArr,
    rate: rate.value,
    rateSource,
    exactArr,
    rounding,
    arrCents,
    pooled,
    lines,
    formula,
  };
}
