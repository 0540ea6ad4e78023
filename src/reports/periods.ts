/**
 * The periods of the board pack, all ending on the as-of date:
 * - a quarter is the three months ending on it, a year the twelve; a month end maps to a month end
 *   (2025-12-31 -> 2025-09-30 -> 2024-12-31), any other day to the same day of the month (clamped);
 * - the ARR trend's points are the as-of date and the 24 dates one month apart before it (the first
 *   is the opening point of the first month's bridge);
 * - the retention trend's points are the as-of date and the 7 quarter ends before it.
 */
import { addMonths, endOfMonth, endOfQuarter, formatDay, formatQuarter, type Day } from '../cells/days.js';

/** The same day `months` months earlier; a month end maps to a month end. */
export function monthsBefore(d: Day, months: number): Day {
  const back = addMonths(d, -months);
  return d === endOfMonth(d) ? endOfMonth(back) : back;
}

/** Months in the ARR trend. */
export const TREND_MONTHS = 24;
/** Quarters in the NRR/GRR trend (trailing twelve months at each quarter end). */
export const RETENTION_TREND_QUARTERS = 8;
/** Quarters of the retention table besides the trailing twelve months. */
export const RETENTION_QUARTERS = 4;
/** Cohorts (quarters of first ARR) shown at most. */
export const COHORT_QUARTERS = 12;
/** Months of the revenue schedule. */
export const REVENUE_MONTHS = 12;

export interface PackPeriods {
  asOf: Day;
  /** Start of the quarter bridge (3 months before the as-of date). */
  quarterStart: Day;
  /** Start of the year bridge and of the trailing-twelve-month retention. */
  yearStart: Day;
}

export function packPeriods(asOf: Day): PackPeriods {
  return { asOf, quarterStart: monthsBefore(asOf, 3), yearStart: monthsBefore(asOf, 12) };
}

/** `2025-Q4` when the three months ending on `to` are a calendar quarter, else `3 months to <to>`. */
export function quarterLabel(to: Day): string {
  return to === endOfQuarter(to) ? formatQuarter(to) : `3 months to ${formatDay(to)}`;
}
