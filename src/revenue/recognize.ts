/**
 * Recognised revenue of one line, month by month and through a day (methodology section 5).
 *
 * A ratable line of total T over start..end (N days) has earned T x k / N after its first k days.
 * - `revenueRounding: cumulative` (default): the revenue through day d is that figure rounded to
 *   cents (policy `rounding`), and a month's revenue is the revenue through its last day less the
 *   revenue through the previous month's last day. The months telescope to the total.
 * - `plug_last`: each month is rounded on its own, round(T x days of the month in the term / N), and
 *   the line's last month takes the rest (the total less the other months), a common ERP convention.
 *   Through a day inside a month, that month counts its days so far, rounded on their own.
 * A cancelled line stops after its cancel day: its last month is the cancel month and its
 * recognised total is the revenue through the cancel day, round(T x served days / N).
 * A point-in-time line (one_time under `oneTime: point_in_time`) earns T on its start date.
 */
import type { Day } from '../cells/days.js';
import { roundMulDiv } from '../money/round.js';
import { servedTotal, type RevenueLines } from './lines.js';
import { monthStartDay } from './months.js';

/**
 * Cents of line i recognised from its start through `day` (inclusive). `dayMonth` is the absolute
 * month of `day` and `dayMonthStart` its first day (the caller computes them once per date).
 */
export function recognisedThrough(
  lines: RevenueLines,
  i: number,
  day: Day,
  dayMonth: number,
  dayMonthStart: Day,
): number {
  const s = lines.start[i];
  if (day < s) return 0;
  const T = lines.totalCents[i];
  if (lines.pointInTime[i] === 1) return T;
  if (day >= lines.last[i]) return servedTotal(lines, i);
  const N = lines.end[i] - s + 1;
  const mode = lines.rounding;
  if (lines.revenueRounding === 'cumulative') return roundMulDiv(T, day - s + 1, N, mode);
  // plug_last: the months before day's month, each rounded alone (none is the line's last month,
  // which holds its last day, after `day`), then the days of day's month through `day`.
  let sum = 0;
  let from = s;
  for (let a = lines.startMonth[i]; a < dayMonth; a++) {
    const next = monthStartDay(a + 1);
    sum += roundMulDiv(T, next - from, N, mode);
    from = next;
  }
  const first = dayMonthStart > s ? dayMonthStart : s;
  return sum + roundMulDiv(T, day - first + 1, N, mode);
}
