/**
 * Exchange rates to the reporting currency: `reporting amount = local amount x rate`.
 * Rates are kept as exact decimals (numerator / 10^scale) so a tie in rounding is decided exactly.
 */
import type { Day } from '../cells/days.js';

export interface ExactRate {
  /** The rate as a double, for the fast path. */
  value: number;
  /** value = num / 10^scale exactly (num an integer, as a bigint). */
  num: bigint;
  scale: number;
}

export interface FxRates {
  reportingCurrency: string;
  /** Dated rates per currency, sorted by date ascending. */
  dated: Map<string, { day: Day; rate: ExactRate }[]>;
  /** Undated ("board") rates per currency, used by `fx: fixed`. */
  board: Map<string, ExactRate>;
}
