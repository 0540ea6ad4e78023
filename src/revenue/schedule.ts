/**
 * The monthly revenue schedule (methodology section 5): for each calendar month of a range, revenue
 * recognised, amounts billed and deferred revenue at the month's end, in total and optionally per
 * customer (or another grouping, or per line).
 *
 * - The range covers whole months: every month from the one holding `from` to the one holding `to`.
 * - Deferred revenue at a month end = cumulative billed - cumulative recognised, both from the
 *   start of each line, not from `from`: a line that began before the range brings its history in
 *   (the opening balance), a line that ended before it contributes only that balance, a line
 *   starting after the range contributes nothing. Negative deferred revenue is unbilled (a
 *   receivable / contract asset).
 * - Every figure is a sum of whole cents per line; a line's months sum to its recognised total
 *   exactly under both rounding modes (see recognize.ts) and its invoices to its total (billing.ts).
 *
 * One pass over the lines, writing into typed arrays (group x month); no allocation per line.
 */
import { formatDay, ymdFromDay, type Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { roundMulDiv } from '../money/round.js';
import { instalment, invoiceDay, invoiceMonth, newPlan, planBilling } from './billing.js';
import { groupLines, type RevenueGrouping } from './grouping.js';
import { servedTotal, type RevenueLines } from './lines.js';
import { absMonth, monthLabels, monthStartDay, monthStarts } from './months.js';
import { recognisedThrough } from './recognize.js';

/** The longest range a schedule covers: 100 years of months. */
export const MAX_MONTHS = 1200;

export interface RevenueMonths {
  /** Per month of the range, in reporting-currency cents. */
  recognizedCents: Float64Array;
  billedCents: Float64Array;
  /** At each month's end. */
  deferredCents: Float64Array;
  /** Deferred revenue at the end of the month before the range. */
  openingDeferredCents: number;
}

export interface RevenueGroup {
  key: string;
  figures: RevenueMonths;
}

export interface RevenueSchedule {
  from: Day;
  to: Day;
  currency: string;
  /** `YYYY-MM` of each month, from the month holding `from` to the month holding `to`. */
  months: string[];
  /** First day of each month, then the first day after the range (length months + 1). */
  monthStart: Int32Array;
  total: RevenueMonths;
  /** Only when grouped: the grouping and one entry per key with any non-zero figure, sorted by key. */
  by?: RevenueGrouping;
  groups?: RevenueGroup[];
}

/** The months of [from, to] as absolute months, or an error for a bad range. */
function monthRange(from: Day, to: Day): [number, number] | CellError {
  if (from > to) {
    return new CellError('#VALUE!', `from ${formatDay(from)} is after to ${formatDay(to)}`);
  }
  const f = ymdFromDay(from);
  const t = ymdFromDay(to);
  const a0 = absMonth(f.year, f.month);
  const a1 = absMonth(t.year, t.month);
  if (a1 - a0 + 1 > MAX_MONTHS) {
    return new CellError(
      '#VALUE!',
      `from ${formatDay(from)} to ${formatDay(to)} is ${a1 - a0 + 1} months; a schedule covers at most ${MAX_MONTHS}`,
    );
  }
  return [a0, a1];
}

export function revenueSchedule(
  lines: RevenueLines,
  from: Day,
  to: Day,
  by?: RevenueGrouping,
): RevenueSchedule | CellError {
  const range = monthRange(from, to);
  if (range instanceof CellError) return range;
  const [a0, a1] = range;
  const M = a1 - a0 + 1;
  const starts = monthStarts(a0, a1);
  const rangeEnd = starts[M] - 1;
  const groups = by ? groupLines(lines.book, lines.policy, by) : null;
  const K = groups ? groups.labels.length : 1;
  const keyOf = groups ? groups.keyOf : null;
  const rec = new Float64Array(K * M);
  const bil = new Float64Array(K * M);
  const open = new Float64Array(K); // billed - recognised before the range

  const { totalCents, start, end, last, startMonth, lastMonth, pointInTime } = lines;
  const mode = lines.rounding;
  const plugLast = lines.revenueRounding === 'plug_last';
  const plan = newPlan();

  for (let i = 0; i < lines.n; i++) {
    const s = start[i];
    if (s > rangeEnd) continue;
    const g = keyOf === null ? 0 : keyOf[i];
    const base = g * M;
    const T = totalCents[i];
    const sM = startMonth[i];
    const lM = lastMonth[i];

    // Recognised.
    if (pointInTime[i] === 1) {
      if (sM < a0) open[g] -= T;
      else rec[base + sM - a0] += T;
    } else if (lM < a0) {
      open[g] -= servedTotal(lines, i);
    } else {
      const N = end[i] - s + 1;
      const served = servedTotal(lines, i);
      const lo = sM > a0 ? sM : a0;
      const hi = lM < a1 ? lM : a1;
      if (!plugLast) {
        let prev = lo > sM ? roundMulDiv(T, starts[lo - a0] - s, N, mode) : 0;
        open[g] -= prev;
        for (let a = lo; a <= hi; a++) {
          const x = a - a0;
          const cum = a === lM ? served : roundMulDiv(T, starts[x + 1] - s, N, mode);
          rec[base + x] += cum - prev;
          prev = cum;
        }
      } else {
        let sum = 0;
        let first = s;
        for (let a = sM; a < lo; a++) {
          const next = monthStartDay(a + 1);
          sum += roundMulDiv(T, next - first, N, mode);
          first = next;
        }
        open[g] -= sum;
        for (let a = lo; a <= hi; a++) {
          const x = a - a0;
          let v: number;
          if (a === lM) v = served - sum;
          else {
            const next = starts[x + 1];
            v = roundMulDiv(T, next - first, N, mode);
            first = next;
          }
          rec[base + x] += v;
          sum += v;
        }
      }
    }

    // Billed.
    if (lM < a0 && last[i] === end[i]) {
      open[g] += T; // ended before the range, every invoice issued
      continue;
    }
    planBilling(lines, i, plan);
    const l = last[i];
    for (let k = 0; k < plan.count; k++) {
      const am = invoiceMonth(plan, k);
      if (am > a1 || invoiceDay(plan, k) > l) break;
      const v = instalment(plan, k);
      if (am < a0) open[g] += v;
      else bil[base + am - a0] += v;
    }
  }

  const months = monthLabels(a0, a1);
  const deferredOf = (r: Float64Array, b: Float64Array, opening: number): Float64Array => {
    const d = new Float64Array(r.length);
    let run = opening;
    for (let x = 0; x < r.length; x++) {
      run += b[x] - r[x];
      d[x] = run;
    }
    return d;
  };

  if (!groups) {
    const total: RevenueMonths = {
      recognizedCents: rec,
      billedCents: bil,
      deferredCents: deferredOf(rec, bil, open[0]),
      openingDeferredCents: open[0],
    };
    return { from, to, currency: lines.currency, months, monthStart: starts, total };
  }

  const tRec = new Float64Array(M);
  const tBil = new Float64Array(M);
  let tOpen = 0;
  const out: RevenueGroup[] = [];
  for (const g of groups.order) {
    const base = g * M;
    const r = rec.subarray(base, base + M);
    const b = bil.subarray(base, base + M);
    const d = deferredOf(r, b, open[g]);
    tOpen += open[g];
    let any = open[g] !== 0;
    for (let x = 0; x < M; x++) {
      tRec[x] += r[x];
      tBil[x] += b[x];
      if (r[x] !== 0 || b[x] !== 0 || d[x] !== 0) any = true;
    }
    if (any) {
      out.push({
        key: groups.labels[g],
        figures: { recognizedCents: r, billedCents: b, deferredCents: d, openingDeferredCents: open[g] },
      });
    }
  }
  return {
    from,
    to,
    currency: lines.currency,
    months,
    monthStart: starts,
    total: {
      recognizedCents: tRec,
      billedCents: tBil,
      deferredCents: deferredOf(tRec, tBil, tOpen),
      openingDeferredCents: tOpen,
    },
    by,
    groups: out,
  };
}

/**
 * Revenue recognised from `from` through `to`, both inclusive, in cents: per line, the revenue
 * through `to` less the revenue through the day before `from` (recognize.ts), summed. For whole
 * months this is the sum of the schedule's months.
 */
export function revenueBetween(lines: RevenueLines, from: Day, to: Day): number | CellError {
  if (from > to) return new CellError('#VALUE!', `from ${formatDay(from)} is after to ${formatDay(to)}`);
  const t = ymdFromDay(to);
  const tM = absMonth(t.year, t.month);
  const tStart = monthStartDay(tM);
  const before = from - 1;
  const b = ymdFromDay(before);
  const bM = absMonth(b.year, b.month);
  const bStart = monthStartDay(bM);
  let sum = 0;
  for (let i = 0; i < lines.n; i++) {
    if (lines.start[i] > to) continue;
    sum += recognisedThrough(lines, i, to, tM, tStart) - recognisedThrough(lines, i, before, bM, bStart);
  }
  return sum;
}
