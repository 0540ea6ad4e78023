/**
 * Cohort table (methodology section 4): customers grouped by the month or quarter of their first
 * ARR; each cell is the cohort's ARR k periods later over its ARR in its first period.
 *
 * Decisions:
 * - A period's ARR is measured on its last day (or on `to`, if `to` falls inside it).
 * - Cohorts are the periods from the one holding `from` to the one holding `to`; a customer whose
 *   first ARR day is before `from`'s period is in no cohort.
 * - Money is in constant currency at the rates of `to` (spot), so a cell moves only with contracts.
 * - net: sum of ARR / first-period ARR; gross: sum over customers of min(ARR, first-period ARR) /
 *   first-period ARR. A cohort with no first-period ARR shows null.
 */
import {
  addMonths,
  endOfMonth,
  endOfQuarter,
  formatMonth,
  formatQuarter,
  startOfMonth,
  startOfQuarter,
  type Day,
} from '../cells/days.js';
import { CellError } from '../cells/error.js';
import type { ArrModel } from '../arr/model.js';
import { sumOn, withRates } from '../arr/evaluate.js';

export type CohortPeriod = 'month' | 'quarter';
export type CohortBasis = 'net' | 'gross';

export interface CohortRow {
  /** `YYYY-MM` or `YYYY-Qn`. */
  cohort: string;
  customers: number;
  startArrCents: number;
  /** values[k]: the ratio k periods after the first; up to the period holding `to`. */
  values: (number | null)[];
}

export interface CohortResult {
  period: CohortPeriod;
  basis: CohortBasis;
  currency: string;
  rows: CohortRow[];
}

export function cohorts(
  model: ArrModel,
  from: Day,
  to: Day,
  period: CohortPeriod,
  basis: CohortBasis,
): CohortResult | CellError {
  if (to < from) return new CellError('#VALUE!', 'to: the end date must not be before the start date');
  return withRates(() => {
    const step = period === 'month' ? 1 : 3;
    const first = period === 'month' ? startOfMonth(from) : startOfQuarter(from);
    const periodEnd = (s: Day) => (period === 'month' ? endOfMonth(s) : endOfQuarter(s));
    const label = period === 'month' ? formatMonth : formatQuarter;
    const starts: Day[] = [];
    for (let s = first; s <= to; s = addMonths(s, step)) starts.push(s);
    const P = starts.length;
    const C = model.customers.length;
    // ARR per customer at each period's measuring day, at `to` rates.
    const arrAt: Float64Array[] = starts.map((s) =>
      sumOn(model, Math.min(periodEnd(s), to), to, model.customer, new Float64Array(C)),
    );
    const cohortOf = new Int32Array(C).fill(-1);
    for (let c = 0; c < C; c++) {
      const f = model.firstDay[c];
      if (f < first || f > to) continue;
      let p = 0;
      while (p + 1 < P && starts[p + 1] <= f) p++;
      cohortOf[c] = p;
    }
    const rows: CohortRow[] = [];
    for (let p = 0; p < P; p++) {
      const members: number[] = [];
      for (let c = 0; c < C; c++) if (cohortOf[c] === p) members.push(c);
      if (members.length === 0) continue;
      let base = 0;
      for (const c of members) base += arrAt[p][c];
      const values: (number | null)[] = [];
      for (let q = p; q < P; q++) {
        let sum = 0;
        for (const c of members) {
          const v = arrAt[q][c];
          sum += basis === 'net' ? v : Math.min(v, arrAt[p][c]);
        }
        values.push(base === 0 ? null : sum / base);
      }
      rows.push({ cohort: label(starts[p]), customers: members.length, startArrCents: base, values });
    }
    return { period, basis, currency: model.currency, rows };
  });
}
