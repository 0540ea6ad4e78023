/**
 * Calendar months as integers, for the revenue schedules' hot loops: an *absolute month* is
 * year x 12 + (month - 1), so month arithmetic is integer addition and a month's first day is one
 * call to `dayFromYmd` (no object allocated).
 */
import { dayFromYmd, daysInMonth, formatMonth, type Day } from '../cells/days.js';

/** The absolute month of a year and month (1-12). */
export const absMonth = (year: number, month: number): number => year * 12 + month - 1;

/** First day of an absolute month. */
export function monthStartDay(a: number): Day {
  const y = Math.floor(a / 12);
  return dayFromYmd(y, a - y * 12 + 1, 1);
}

/**
 * The day on which a period anchored on `dom` (the anchor's day of month) starts in absolute month
 * `a`: that day of the month, or the month's last day when the month is shorter (anchor 31 in
 * February: the 28th or 29th), as contract terms are read.
 */
export function anchoredDay(a: number, dom: number): Day {
  const y = Math.floor(a / 12);
  const m = a - y * 12 + 1;
  const dim = daysInMonth(y, m);
  return dayFromYmd(y, m, dom <= dim ? dom : dim);
}

/**
 * The months of a range: first days of months a0 .. a1 and, at the end, the first day of the month
 * after a1 (so month i runs from starts[i] to starts[i + 1] - 1).
 */
export function monthStarts(a0: number, a1: number): Int32Array {
  const out = new Int32Array(a1 - a0 + 2);
  for (let a = a0; a <= a1 + 1; a++) out[a - a0] = monthStartDay(a);
  return out;
}

/** `YYYY-MM` labels of months a0 .. a1. */
export function monthLabels(a0: number, a1: number): string[] {
  const out: string[] = [];
  for (let a = a0; a <= a1; a++) out.push(formatMonth(monthStartDay(a)));
  return out;
}
