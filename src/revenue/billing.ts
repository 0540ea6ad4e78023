/**
 * Billings: each line is invoiced in advance, one invoice on the first day of each billing period.
 *
 * - Periods are anchored on the start date: period k starts k x 12 (annual), 3 (quarterly) or
 *   1 (monthly) months after the start, on the start's day of month (or the month's last day when
 *   it is shorter: a start on Jan 31 bills on Feb 28, Mar 31, ...). `upfront` is one invoice for the
 *   whole total on the start date. A term shorter than one period is one invoice.
 * - Amounts: the full periods are equal instalments; a final partial period (the term ends before
 *   the period would) is prorated by days, against the length of that period had it been whole.
 *   The line's total is split over weights D (each full period) and d (the partial one, d of its D
 *   days) by largest remainder: each invoice gets the whole-cent floor of its share and the cents
 *   left go one each to the largest remainders, the earlier invoice on equal remainders. The
 *   invoices sum to the total exactly. $1,000.00 billed quarterly over a year: 4 x 250.00;
 *   $1,000.00 quarterly over 7 months (2 full quarters and 31 of the third quarter's 92 days):
 *   weights 92, 92, 31 of 215 -> 427.91, 427.91, 144.18.
 * - A cancelled line's invoices dated after its cancel day are not issued.
 *
 * Allocation-free: a plan is computed into a reusable object and each invoice read from it.
 */
import type { Day } from '../cells/days.js';
import { anchoredDay } from './months.js';
import type { RevenueLines } from './lines.js';

const TWO53 = 9007199254740992;

export interface BillingPlan {
  /** Invoices the term has (before cancel): periods 0 .. count - 1. */
  count: number;
  /** Full periods (the first `full` invoices); count - full is 0 or 1 (the partial one). */
  full: number;
  /** Whole-cent floor of a full period's share, and of the partial period's share (absolute). */
  qFull: number;
  qPartial: number;
  /** Cents left after the floors, handed out one each by largest remainder. */
  left: number;
  /** The partial period's remainder is larger than a full period's, so it gets its cent first. */
  partialFirst: boolean;
  /** -1 for a negative total (the split is made on its absolute value), else 1. */
  sign: number;
  /** Months per period (0: upfront), anchor month and day of month. */
  months: number;
  startMonth: number;
  dom: number;
}

export function newPlan(): BillingPlan {
  return {
    count: 0,
    full: 0,
    qFull: 0,
    qPartial: 0,
    left: 0,
    partialFirst: false,
    sign: 1,
    months: 0,
    startMonth: 0,
    dom: 1,
  };
}

/** floor(a x b / w) and its remainder, exactly (a x b must be a safe integer). */
let rem = 0;
function floorDiv(a: number, b: number, w: number): number {
  const x = a * b;
  let q = Math.floor(x / w);
  let r = x - q * w;
  if (r < 0) {
    q -= 1;
    r += w;
  } else if (r >= w) {
    q += 1;
    r -= w;
  }
  rem = r;
  return q;
}

function floorDivBig(a: number, b: number, w: number): number {
  const x = BigInt(a) * BigInt(b);
  const W = BigInt(w);
  const q = x / W; // non-negative operands: truncation is the floor
  rem = Number(x - q * W); // below w: a safe integer
  return Number(q);
}

/** Fills `plan` with line i's invoices. */
export function planBilling(lines: RevenueLines, i: number, plan: BillingPlan): BillingPlan {
  const T = lines.totalCents[i];
  const A = Math.abs(T);
  const P = lines.billingMonths[i];
  const sM = lines.startMonth[i];
  const dom = lines.startDom[i];
  const end = lines.end[i];
  plan.sign = T < 0 ? -1 : 1;
  plan.months = P;
  plan.startMonth = sM;
  plan.dom = dom;
  plan.partialFirst = false;
  if (P === 0) {
    plan.count = 1;
    plan.full = 1;
    plan.qFull = A;
    plan.qPartial = 0;
    plan.left = 0;
    return plan;
  }
  let k = 1;
  let next: Day = anchoredDay(sM + P, dom);
  while (next <= end) {
    k++;
    next = anchoredDay(sM + k * P, dom);
  }
  plan.count = k;
  if (next - 1 === end) {
    // Every period is whole: equal instalments, the first `left` one cent more.
    plan.full = k;
    const q = Math.floor(A / k);
    plan.qFull = q;
    plan.qPartial = 0;
    plan.left = A - q * k;
    return plan;
  }
  const lastStart = anchoredDay(sM + (k - 1) * P, dom);
  const D = next - lastStart;
  const d = end - lastStart + 1;
  const F = k - 1;
  const W = F * D + d;
  const div = A * D <= TWO53 ? floorDiv : floorDivBig;
  const qf = div(A, D, W);
  const rf = rem;
  const qp = div(A, d, W);
  const rp = rem;
  plan.full = F;
  plan.qFull = qf;
  plan.qPartial = qp;
  plan.left = A - F * qf - qp;
  plan.partialFirst = rp > rf;
  return plan;
}

/** Cents of invoice k (0-based) of a plan. */
export function instalment(plan: BillingPlan, k: number): number {
  let v: number;
  if (k < plan.full) {
    v = plan.qFull + ((plan.partialFirst ? k + 1 : k) < plan.left ? 1 : 0);
  } else {
    v = plan.qPartial + ((plan.partialFirst ? 0 : plan.full) < plan.left ? 1 : 0);
  }
  return plan.sign < 0 ? 0 - v : v;
}

/** Day of invoice k. */
export function invoiceDay(plan: BillingPlan, k: number): Day {
  return anchoredDay(plan.startMonth + k * plan.months, plan.dom);
}

/** Absolute month of invoice k. */
export function invoiceMonth(plan: BillingPlan, k: number): number {
  return plan.startMonth + k * plan.months;
}
