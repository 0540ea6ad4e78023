/**
 * A contract book compiled for revenue (methodology section 5): per line, its total in the
 * reporting currency in cents, the days it is recognised over, how (ratably or at a point in time)
 * and how it is billed. Column by column, typed arrays, so a schedule is one pass over the lines.
 *
 * Decisions (docs/revenue.md):
 * - Every line type is revenue: recurring and usage_commit ratably by day over start..end,
 *   usage_overage ratably over its own start..end (the period the overage was measured in),
 *   one_time on its start date (`oneTime: point_in_time`) or ratably (`ratable`). The ARR-only keys
 *   (includeUsageCommit, includeUsageOverage, basis, multiYear, freeMonths, discounts, grace, churnDate)
 *   do not apply: revenue is the amount charged, spread over the service period.
 * - The line's total: under amountBasis `term` the amount; under `annual` the amount x the term in
 *   years, under `monthly` the amount x 12 x the term in years, the term measured in the
 *   annualization's unit (daily365: days / 365; monthly12: anniversary months / 12), the exact
 *   product rounded once. A one_time amount is always the fee itself, whatever amountBasis says.
 * - FX: each line's total is converted once, at one rate for the whole line, so its months still sum
 *   to it exactly: its own fx rate (`fx: contract`), the board rate (`fixed`), or the rates table's rate
 *   on or before the line's start date (`spot`).
 * - Cancel: recognition stops after the cancel day (see `last`); invoices dated after it are not
 *   issued. What was billed but not recognised stays in deferred revenue (a credit owed to the
 *   customer, or revenue to release if the contract says so): the schedule shows it rather than guess.
 */
import { ymdFromDay } from '../cells/days.js';
import { CellError, cellError } from '../cells/error.js';
import type { ContractBook } from '../contracts/book.js';
import { LT_ONE_TIME } from '../contracts/book.js';
import type { Policy } from '../policy/keys.js';
import { boardRate, exactRate, spotRate, type ExactRate, type FxRates } from '../money/rates.js';
import { roundMulDiv, type RoundingMode } from '../money/round.js';
import { UNITS_PER_YEAR, termUnits } from '../arr/term.js';
import { absMonth } from './months.js';

export type BillingFrequency = 'annual' | 'quarterly' | 'monthly' | 'upfront';

/** Months in a billing period; 0 for upfront (one invoice for the whole term). */
export const BILLING_MONTHS: Readonly<Record<BillingFrequency, number>> = {
  annual: 12,
  quarterly: 3,
  monthly: 1,
  upfront: 0,
};

export interface RevenueLines {
  readonly n: number;
  readonly book: ContractBook;
  readonly policy: Policy;
  /** The reporting currency. */
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly revenueRounding: Policy['revenueRounding'];
  /** The line's total in reporting-currency cents (an integer). */
  readonly totalCents: Float64Array;
  readonly start: Int32Array;
  /** Last day of the term (inclusive). */
  readonly end: Int32Array;
  /** Last day recognised and last day an invoice can be dated: the cancel date when earlier than end. */
  readonly last: Int32Array;
  /** Absolute months (year x 12 + month - 1) of start and last. */
  readonly startMonth: Int32Array;
  readonly lastMonth: Int32Array;
  /** Day of month of the start: billing periods are anchored on it. */
  readonly startDom: Uint8Array;
  /** 1 when the whole total is recognised on the start date (one_time under point_in_time). */
  readonly pointInTime: Uint8Array;
  /** Months per billing period (12, 3, 1), 0 for upfront. */
  readonly billingMonths: Uint8Array;
  /** The rate the line's total was converted at (1 in the reporting currency). */
  readonly rate: Float64Array;
}

/** The billing frequency of a book line ('' in the book, i.e. no billing cell, is annual). */
export function billingOf(book: ContractBook, j: number): BillingFrequency {
  const b = book.billing[j];
  return b === 'quarterly' || b === 'monthly' || b === 'upfront' ? b : 'annual';
}

/** Compiles a parsed book for the revenue schedules. Errors name the row and column. */
export function compileRevenue(
  book: ContractBook,
  policy: Policy,
  rates?: FxRates | null,
): RevenueLines | CellError {
  const n = book.n;
  const mode = policy.rounding;
  const basis = book.amountBasis;
  const U = UNITS_PER_YEAR[policy.annualization];
  const reporting = policy.reportingCurrency;
  const totalCents = new Float64Array(n);
  const last = new Int32Array(n);
  const startMonth = new Int32Array(n);
  const lastMonth = new Int32Array(n);
  const startDom = new Uint8Array(n);
  const pointInTime = new Uint8Array(n);
  const billingMonths = new Uint8Array(n);
  const rateOf = new Float64Array(n);
  const fixed = new Map<string, ExactRate | CellError>();
  const ratableOneTime = policy.oneTime === 'ratable';

  for (let j = 0; j < n; j++) {
    const s = book.start[j];
    const e = book.end[j];
    const c = book.cancel[j];
    const l = c >= s && c < e ? c : e; // NO_DAY is below every start
    last[j] = l;
    const ys = ymdFromDay(s);
    const yl = ymdFromDay(l);
    startMonth[j] = absMonth(ys.year, ys.month);
    lastMonth[j] = absMonth(yl.year, yl.month);
    startDom[j] = ys.day;
    const oneTime = book.lineType[j] === LT_ONE_TIME;
    pointInTime[j] = oneTime && !ratableOneTime ? 1 : 0;
    billingMonths[j] = BILLING_MONTHS[billingOf(book, j)];

    // The rate, one for the whole line.
    const cur = book.currency[j];
    let rate: ExactRate | null = null;
    if (cur !== reporting) {
      const r = lineRate(book, j, policy, rates, fixed);
      if (r instanceof CellError) return r;
      rate = r;
    }
    rateOf[j] = rate === null ? 1 : rate.value;

    // The total: the exact amount for the term, converted and rounded once.
    const amount = book.amountCents[j];
    let t: number;
    if (oneTime || basis === 'term') {
      t = roundMulDiv(amount, 1, 1, mode, rate);
    } else {
      const u = termUnits(policy.annualization, s, e);
      t = roundMulDiv(amount, (basis === 'monthly' ? 12 : 1) * u.num, U * u.den, mode, rate);
    }
    if (!Number.isSafeInteger(t)) {
      return cellError(book.row[j], book.columns.amount ?? 'amount', amount / 100, 'is too large');
    }
    totalCents[j] = t;
  }

  return {
    n,
    book,
    policy,
    currency: reporting,
    rounding: mode,
    revenueRounding: policy.revenueRounding,
    totalCents,
    start: book.start,
    end: book.end,
    last,
    startMonth,
    lastMonth,
    startDom,
    pointInTime,
    billingMonths,
    rate: rateOf,
  };
}

function lineRate(
  book: ContractBook,
  j: number,
  policy: Policy,
  rates: FxRates | null | undefined,
  fixed: Map<string, ExactRate | CellError>,
): ExactRate | CellError {
  const cur = book.currency[j];
  const row = book.row[j];
  const curColumn = book.columns.currency ?? 'currency';
  if (policy.fx === 'contract') {
    const x = book.fxRate[j];
    const r = Number.isNaN(x) ? null : exactRate(x);
    if (r === null) {
      return cellError(
        row,
        book.columns.fxRate ?? 'fx rate',
        null,
        `is not allowed on a ${cur} line under fx: contract, which converts each line at its own rate (or set fx to spot or fixed and give a rates table)`,
      );
    }
    return r;
  }
  if (!rates) {
    return cellError(
      row,
      curColumn,
      cur,
      `needs a rates table: fx: ${policy.fx} converts each line's revenue with the table's ${
        policy.fx === 'fixed' ? 'undated (board) rate' : 'rate on or before its start date'
      }`,
    );
  }
  let r: ExactRate | CellError;
  if (policy.fx === 'fixed') {
    const known = fixed.get(cur);
    r = known ?? boardRate(rates, cur);
    fixed.set(cur, r);
  } else {
    r = spotRate(rates, cur, book.start[j]);
  }
  if (r instanceof CellError) {
    const why =
      policy.fx === 'spot' ? " (fx: spot converts a line's revenue at the rate of its start date)" : '';
    return new CellError(r.code, `row ${row}, ${curColumn}: ${r.message}${why}`, row, curColumn);
  }
  return r;
}

/** Shared by the recognisers: the line's total recognised through its last day. */
export function servedTotal(lines: RevenueLines, i: number): number {
  const T = lines.totalCents[i];
  const s = lines.start[i];
  const served = lines.last[i] - s + 1;
  const N = lines.end[i] - s + 1;
  if (served >= N || lines.pointInTime[i] === 1) return T;
  return roundMulDiv(T, served, N, lines.rounding);
}
