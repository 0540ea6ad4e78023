/**
 * The length of a service period in the unit of an annualisation (methodology section 2).
 * - daily365: days, inclusive of both ends; 365 to the year.
 * - monthly12: whole anniversary months from the start to the day after the end, plus the remaining
 *   days over the length of that last (partial) anniversary month; 12 to the year. An anniversary
 *   falling on a day the month lacks is that month's last day (start 2023-01-31: 2023-02-28, then
 *   2023-03-31), as contract terms are usually read.
 *
 * Lengths are exact fractions `num / den` of small integers (den = 1 for days).
 */
import { addMonths, type Day } from '../cells/days.js';

export type Annualization = 'daily365' | 'monthly12';

export const UNITS_PER_YEAR: Record<Annualization, number> = { daily365: 365, monthly12: 12 };

export interface Units {
  num: number;
  den: number;
}

export function termDays(start: Day, end: Day): number {
  return end - start + 1;
}

/** Months from `start` to `end + 1`, exactly: (whole x monthLength + rest) / monthLength. */
export function termMonths(start: Day, end: Day): Units {
  const stop = end + 1;
  let w = Math.max(0, Math.floor((stop - start) / 31));
  while (addMonths(start, w + 1) <= stop) w++;
  while (w > 0 && addMonths(start, w) > stop) w--;
  const anniversary = addMonths(start, w);
  const rest = stop - anniversary;
  if (rest === 0) return { num: w, den: 1 };
  const monthLength = addMonths(start, w + 1) - anniversary;
  return { num: w * monthLength + rest, den: monthLength };
}

export function termUnits(annualization: Annualization, start: Day, end: Day): Units {
  return annualization === 'daily365' ? { num: termDays(start, end), den: 1 } : termMonths(start, end);
}

/**
 * Units taken by the first `months` free months of a term starting on `start`, for
 * `freeMonths: exclude`. Under daily365 a whole free month is its calendar length in days and a
 * fractional one its share of the next month, rounded to whole days; under monthly12 free months
 * are read to 1/100 of a month.
 */
export function freeUnits(annualization: Annualization, start: Day, months: number): Units {
  if (annualization === 'monthly12') return { num: Math.round(months * 100), den: 100 };
  const whole = Math.floor(months);
  const wholeEnd = addMonths(start, whole);
  const nextLength = addMonths(start, whole + 1) - wholeEnd;
  return { num: wholeEnd - start + Math.round((months - whole) * nextLength), den: 1 };
}
