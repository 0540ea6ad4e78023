/**
 * The data checks' rules: a stable kebab-case id each, its severity and what trips it. The ids are
 * part of RunRate's interface (a sheet may filter on them); docs/checks.md lists the same table and
 * a test keeps the two in step.
 */

export type Severity = 'error' | 'warning' | 'info';

export const RULE_IDS = [
  'bad-policy',
  'bad-rates',
  'bad-range',
  'bad-cell',
  'missing-end',
  'end-before-start',
  'cancel-before-start',
  'amount-basis',
  'duplicate-line',
  'overlap',
  'status-active-ended',
  'cancelled-no-date',
  'currency-without-rate',
  'non-positive-amount',
  'long-one-time',
  'signed-after-start',
  'late-start',
  'renewal-gap',
  'arr-anomaly',
  'arr-not-computable',
  'rule-skipped',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface RuleSpec {
  id: RuleId;
  /** The severity of its findings; `missing-end` is an error or a warning per `missingEnd`. */
  severity: Severity | 'error or warning';
  /** What trips it, in one line. */
  trips: string;
}

export const CHECK_RULES: readonly RuleSpec[] = [
  {
    id: 'bad-policy',
    severity: 'error',
    trips: 'the policy range has a bad key or value; nothing else is checked',
  },
  {
    id: 'bad-rates',
    severity: 'error',
    trips: 'the rates range has a bad cell; the checks that need rates are skipped',
  },
  {
    id: 'bad-range',
    severity: 'error',
    trips:
      'the contracts range as a whole cannot be read: empty, no lines, a duplicate header, a missing required column',
  },
  {
    id: 'bad-cell',
    severity: 'error',
    trips: 'a cell that cannot be read (the line is left out of the other checks)',
  },
  {
    id: 'missing-end',
    severity: 'error or warning',
    trips:
      'a blank end date: an error under missingEnd: error, a warning naming the assumed date under assume_12_months',
  },
  { id: 'end-before-start', severity: 'error', trips: 'an end date before the start date' },
  { id: 'cancel-before-start', severity: 'error', trips: 'a cancel date before the start date' },
  {
    id: 'amount-basis',
    severity: 'warning',
    trips: 'an amount column named ARR or MRR read on another basis because the policy sets amountBasis',
  },
  { id: 'duplicate-line', severity: 'error', trips: 'a line equal to an earlier one in every field' },
  {
    id: 'overlap',
    severity: 'warning',
    trips: 'two ARR lines of one customer and product whose service periods overlap (not a co-termed add-on)',
  },
  {
    id: 'status-active-ended',
    severity: 'warning',
    trips: 'Status says active (live, current, ...) on a line whose service ended before the as-of date',
  },
  {
    id: 'cancelled-no-date',
    severity: 'warning',
    trips: 'Status says cancelled (or terminated) with no cancel date',
  },
  {
    id: 'currency-without-rate',
    severity: 'error',
    trips:
      'a currency with no rate under the fx policy: no line rate (contract), no board rate (fixed), no rate on or before the as-of date (spot)',
  },
  {
    id: 'non-positive-amount',
    severity: 'warning',
    trips: 'a recurring or usage-commit line with an amount of 0 or less',
  },
  { id: 'long-one-time', severity: 'warning', trips: 'a one-time line whose term is longer than 12 months' },
  { id: 'signed-after-start', severity: 'warning', trips: 'a signed date after the start date' },
  {
    id: 'late-start',
    severity: 'warning',
    trips: "a contract's first start more than a year after its signed date (CARR counts it from signing)",
  },
  {
    id: 'renewal-gap',
    severity: 'warning',
    trips:
      'an ARR line of a customer and product starting more than renewalGraceDays uncovered days after the last one ended',
  },
  {
    id: 'arr-anomaly',
    severity: 'warning',
    trips:
      "a customer's ARR moving more than anomalyThreshold from one quarter before the as-of date to the as-of date",
  },
  {
    id: 'arr-not-computable',
    severity: 'error',
    trips: 'the engine cannot compute ARR from the readable lines (its error is given)',
  },
  {
    id: 'rule-skipped',
    severity: 'info',
    trips: 'a rule could not run: no as-of date given, or the ARR it needs could not be computed',
  },
];
