/**
 * Ratable revenue and deferred balances of a single amount over a service period, in whole cents,
 * for the reconciliation's causes (docs/reconcile.md). The rule is the revenue schedule's default
 * (`revenueRounding: cumulative`, methodology section 5): an amount T over start..end (N days,
 * inclusive) has earned round(T x k / N) after its first k days; a line served only through `last`
 * (a cancel) stops there. Revenue over days a..b is the revenue through b less the revenue through
 * a - 1, so adjacent ranges add up to the whole exactly.
 */
import type { Day } from '../cells/days.js';
import { roundMulDiv, type RoundingMode } from '../money/round.js';

/** Cents of `total` over start..end earned through `day` (inclusive), served through `last`. */
export function earnedThrough(
  total: number,
  start: Day,
  end: Day,
  last: Day,
  day: Day,
  mode: RoundingMode,
  pointInTime = false,
): number {
  if (day < start) return 0;
  if (pointInTime) return total;
  const n = end - start + 1;
  const k = (day < last ? day : last) - start + 1;
  if (k >= n) return total;
  return roundMulDiv(total, k, n, mode);
}

/** Cents of `total` earned on days a..b (inclusive); 0 when b < a. */
export function earnedBetween(
  total: number,
  start: Day,
  end: Day,
  last: Day,
  a: Day,
  b: Day,
  mode: RoundingMode,
  pointInTime = false,
): number {
  if (b < a || b < start || a > last) return 0;
  return (
    earnedThrough(total, start, end, last, b, mode, pointInTime) -
    earnedThrough(total, start, end, last, a - 1, mode, pointInTime)
  );
}

/** Number of days of a..b inside lo..hi. */
export function overlapDays(a: Day, b: Day, lo: Day, hi: Day): number {
  const x = a > lo ? a : lo;
  const y = b < hi ? b : hi;
  return y >= x ? y - x + 1 : 0;
}
