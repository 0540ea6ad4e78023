/**
 * The contract side of a reconciliation: every contract line with its customer key, its category
 * (recurring, one-time, usage), its service period, its total in reporting-currency cents (net, as
 * charged) and its list total (for the discount cause), plus the ARR model for the run-rate figures.
 * Built once from the parsed book; every figure of docs/reconcile.md reads these columns.
 */
import type { Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import type { ContractBook } from '../contracts/book.js';
import { LT_ONE_TIME, LT_USAGE_COMMIT, LT_USAGE_OVERAGE } from '../contracts/book.js';
import type { Policy } from '../policy/keys.js';
import type { FxRates } from '../money/rates.js';
import { roundMulDiv } from '../money/round.js';
import { buildModel, type ArrModel } from '../arr/model.js';
import { UNITS_PER_YEAR, termUnits } from '../arr/term.js';
import { compileRevenue, type RevenueLines } from '../revenue/lines.js';
import { groupLines } from '../revenue/grouping.js';

/** Categories of revenue, on both sides. */
export const CAT_RECURRING = 0;
export const CAT_ONE_TIME = 1;
export const CAT_USAGE = 2;
export type Category = 'recurring' | 'one_time' | 'usage';
export const CATEGORIES: readonly Category[] = ['recurring', 'one_time', 'usage'];

export interface ContractSide {
  readonly policy: Policy;
  readonly book: ContractBook;
  readonly model: ArrModel;
  /** The same book under `discounts: net` (equal to `model` when the policy already says net). */
  readonly netModel: ArrModel;
  readonly lines: RevenueLines;
  /** Customer keys (the ARR customer key: the parent under rollupToParent). */
  readonly keys: string[];
  /** Customer key index of each book line. */
  readonly customer: Int32Array;
  /** CAT_* of each book line. */
  readonly category: Uint8Array;
  /** List total in reporting-currency cents (the net total when the line has no list amount). */
  readonly listTotal: Float64Array;
  /** Annual run-rate of the line's total (net) and of its list total, cents, under the policy's annualization. */
  readonly run: Float64Array;
  readonly runList: Float64Array;
  /** Customer key index of each ARR model customer. */
  readonly modelCustomer: Int32Array;
  /** First service day of each ARR contributor (the earliest start of its lines). */
  readonly contributorStart: Int32Array;
  /** CAT_* of each ARR contributor. */
  readonly contributorCategory: Uint8Array;
}

export function categoryOfLineType(t: number): number {
  if (t === LT_ONE_TIME) return CAT_ONE_TIME;
  if (t === LT_USAGE_COMMIT || t === LT_USAGE_OVERAGE) return CAT_USAGE;
  return CAT_RECURRING;
}

/** Annual run-rate in cents of `total` over start..end, the ARR rule for an amount given for its term. */
export function runRate(total: number, start: Day, end: Day, policy: Policy): number {
  const u = termUnits(policy.annualization, start, end);
  return roundMulDiv(total, UNITS_PER_YEAR[policy.annualization] * u.den, u.num, policy.rounding);
}

export function buildContractSide(
  book: ContractBook,
  policy: Policy,
  rates?: FxRates | null,
): ContractSide | CellError {
  const model = buildModel(book, policy, rates);
  if (model instanceof CellError) return model;
  const netModel =
    policy.discounts === 'net' ? model : buildModel(book, { ...policy, discounts: 'net' }, rates);
  if (netModel instanceof CellError) return netModel;
  const lines = compileRevenue(book, policy, rates);
  if (lines instanceof CellError) return lines;

  const groups = groupLines(book, policy, 'customer');
  const n = book.n;
  const category = new Uint8Array(n);
  const listTotal = new Float64Array(n);
  const run = new Float64Array(n);
  const runList = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    category[j] = categoryOfLineType(book.lineType[j]);
    const T = lines.totalCents[j];
    const A = book.amountCents[j];
    const L = book.listAmountCents[j];
    // The list total: the net total scaled by list / amount, so it is converted and annualised
    // exactly as the net total was.
    listTotal[j] = Number.isNaN(L) || L === A ? T : A === 0 ? L : roundMulDiv(L, T, A, policy.rounding);
    if (category[j] !== CAT_ONE_TIME) {
      run[j] = runRate(T, book.start[j], book.end[j], policy);
      runList[j] = listTotal[j] === T ? run[j] : runRate(listTotal[j], book.start[j], book.end[j], policy);
    }
  }

  const index = new Map<string, number>();
  groups.labels.forEach((k, i) => index.set(k, i));
  const modelCustomer = Int32Array.from(model.customers, (c) => index.get(c) ?? -1);
  const contributorStart = new Int32Array(model.n);
  const contributorCategory = new Uint8Array(model.n);
  for (let i = 0; i < model.n; i++) {
    let s = Infinity;
    for (let m = model.lineStart[i]; m < model.lineStart[i + 1]; m++) {
      const j = model.lineIdx[m];
      if (book.start[j] < s) s = book.start[j];
    }
    contributorStart[i] = s;
    contributorCategory[i] = categoryOfLineType(book.lineType[model.lineIdx[model.lineStart[i]]]);
  }

  return {
    policy,
    book,
    model,
    netModel,
    lines,
    keys: groups.labels,
    customer: groups.keyOf,
    category,
    listTotal,
    run,
    runList,
    modelCustomer,
    contributorStart,
    contributorCategory,
  };
}
