/**
 * The ARR policy: every key, its allowed values (default first) and what it does, in one table.
 * The policy document, the task pane form, the README's policy reference and validation all read
 * this table. Definitions: methodology sections 1-4.
 */

export interface EnumKey<V extends string = string> {
  kind: 'enum';
  values: readonly V[];
}
export interface NumberKey {
  kind: 'number';
  min: number;
  integer: boolean;
}
export interface TextKey {
  kind: 'currency' | 'text' | 'bands';
}
export type KeySpec = (EnumKey | NumberKey | TextKey) & {
  key: keyof PolicyValues;
  default: string;
  /** One line for a finance user: what the key does. */
  help: string;
};

export interface PolicyValues {
  /** Free text naming the policy's revision, shown beside its hash on every report. */
  version: string;
  reportingCurrency: string;
  basis: 'live' | 'contracted';
  annualization: 'daily365' | 'monthly12';
  amountBasis: 'term' | 'annual' | 'monthly';
  multiYear: 'ramp' | 'average';
  includeUsageCommit: 'yes' | 'no';
  includeUsageOverage: 'no' | 'yes';
  discounts: 'net' | 'gross';
  freeMonths: 'spread' | 'exclude';
  renewalGraceDays: number;
  churnDate: 'end' | 'grace_end' | 'notice';
  fx: 'contract' | 'fixed' | 'spot';
  grain: 'customer' | 'customer_product';
  reactivation: 'separate' | 'as_new';
  rollupToParent: 'no' | 'yes';
  rounding: 'half_up' | 'half_even';
  /** Ascending ARR band edges in currency units, e.g. [25000, 100000]. */
  bands: number[];
  missingEnd: 'error' | 'assume_12_months';
  endDateInclusive: 'yes' | 'no';
  bridgeMethod: 'single' | 'monthly';
  oneTime: 'point_in_time' | 'ratable';
  revenueRounding: 'cumulative' | 'plug_last';
  reconTolerancePct: number;
  anomalyThreshold: number;
  netsuiteDateFormat: 'M/D/YYYY' | 'D/M/YYYY' | 'D-Mon-YYYY' | 'D.M.YYYY';
  /** Account-number patterns of NetSuite revenue accounts, e.g. `4*` or `40000-49999,4900`. */
  glRevenueAccounts: string;
}

export interface Policy extends PolicyValues {
  /** Keys the user's table set explicitly (a column named `ARR` implies amountBasis unless set). */
  readonly explicitKeys: readonly string[];
}

export const POLICY_KEYS: readonly KeySpec[] = [
  {
    key: 'version',
    kind: 'text',
    default: '1',
    help: 'Name of this revision of the policy, shown with its hash on every report.',
  },
  {
    key: 'reportingCurrency',
    kind: 'currency',
    default: 'USD',
    help: 'Currency of every reported figure (ISO code).',
  },
  {
    key: 'basis',
    kind: 'enum',
    values: ['live', 'contracted'],
    default: 'live',
    help: 'live counts a line from its start date; contracted (CARR) from its signed date, pending starts included.',
  },
  {
    key: 'annualization',
    kind: 'enum',
    values: ['daily365', 'monthly12'],
    default: 'daily365',
    help: 'daily365: amount x 365 / days in the term; monthly12: amount x 12 / months in the term.',
  },
  {
    key: 'amountBasis',
    kind: 'enum',
    values: ['term', 'annual', 'monthly'],
    default: 'term',
    help: 'What the amount column holds: the total for the term, an annual amount, or a monthly amount.',
  },
  {
    key: 'multiYear',
    kind: 'enum',
    values: ['ramp', 'average'],
    default: 'ramp',
    help: "ramp: each line at its own rate; average: a contract's lines of one product pooled, total / term.",
  },
  {
    key: 'includeUsageCommit',
    kind: 'enum',
    values: ['yes', 'no'],
    default: 'yes',
    help: 'Contracted usage minimums count as ARR.',
  },
  {
    key: 'includeUsageOverage',
    kind: 'enum',
    values: ['no', 'yes'],
    default: 'no',
    help: 'Usage above the minimum counts as ARR.',
  },
  {
    key: 'discounts',
    kind: 'enum',
    values: ['net', 'gross'],
    default: 'net',
    help: 'net: the amount charged; gross: the list amount where a line gives one.',
  },
  {
    key: 'freeMonths',
    kind: 'enum',
    values: ['spread', 'exclude'],
    default: 'spread',
    help: 'spread: rate over the whole term; exclude: rate over the paid months (free months are the first of the term).',
  },
  {
    key: 'renewalGraceDays',
    kind: 'number',
    min: 0,
    integer: true,
    default: '0',
    help: 'A renewal starting at most this many uncovered days after an end carries the old rate through the gap: no churn, no new.',
  },
  {
    key: 'churnDate',
    kind: 'enum',
    values: ['end', 'grace_end', 'notice'],
    default: 'end',
    help: 'When an unrenewed line stops counting: after its end, after end + grace, or after the notice date (else its end).',
  },
  {
    key: 'fx',
    kind: 'enum',
    values: ['contract', 'fixed', 'spot'],
    default: 'contract',
    help: "contract: the line's own fx rate; fixed: one board rate per currency; spot: the table's rate on or before the date.",
  },
  {
    key: 'grain',
    kind: 'enum',
    values: ['customer', 'customer_product'],
    default: 'customer',
    help: 'Grain of expansion and contraction; new and churn are always per customer.',
  },
  {
    key: 'reactivation',
    kind: 'enum',
    values: ['separate', 'as_new'],
    default: 'separate',
    help: 'A returning customer gets its own bridge lane, or counts as new.',
  },
  {
    key: 'rollupToParent',
    kind: 'enum',
    values: ['no', 'yes'],
    default: 'no',
    help: 'Use the parent column as the customer key.',
  },
  {
    key: 'rounding',
    kind: 'enum',
    values: ['half_up', 'half_even'],
    default: 'half_up',
    help: "Rounding to cents, once per line (or pooled contract) per date; half_up is Excel's ROUND.",
  },
  {
    key: 'bands',
    kind: 'bands',
    default: '25000,100000',
    help: 'ARR band edges for net dollar retention by band (ascending, comma separated).',
  },
  {
    key: 'missingEnd',
    kind: 'enum',
    values: ['error', 'assume_12_months'],
    default: 'error',
    help: 'A line without an end date is an error, or runs 12 months from its start (with a warning).',
  },
  {
    key: 'endDateInclusive',
    kind: 'enum',
    values: ['yes', 'no'],
    default: 'yes',
    help: 'no reads end dates as exclusive (the first day not served), as many billing exports give them.',
  },
  {
    key: 'bridgeMethod',
    kind: 'enum',
    values: ['single', 'monthly'],
    default: 'single',
    help: 'One diff between the two dates, or the sum of the month-end diffs between them.',
  },
  {
    key: 'oneTime',
    kind: 'enum',
    values: ['point_in_time', 'ratable'],
    default: 'point_in_time',
    help: 'Revenue timing of one-time lines (never ARR): on their start date, or ratably over their term.',
  },
  {
    key: 'revenueRounding',
    kind: 'enum',
    values: ['cumulative', 'plug_last'],
    default: 'cumulative',
    help: 'Monthly revenue rounding: each month the rounded cumulative minus the previous one, or each month rounded on its own with the residue in the last month.',
  },
  {
    key: 'reconTolerancePct',
    kind: 'number',
    min: 0,
    integer: false,
    default: '2',
    help: 'Reconciliation variance (percent) above which a row is flagged.',
  },
  {
    key: 'anomalyThreshold',
    kind: 'number',
    min: 0,
    integer: false,
    default: '50000',
    help: "A single customer's ARR move larger than this is flagged by the data checks.",
  },
  {
    key: 'netsuiteDateFormat',
    kind: 'enum',
    values: ['M/D/YYYY', 'D/M/YYYY', 'D-Mon-YYYY', 'D.M.YYYY'],
    default: 'M/D/YYYY',
    help: "Date order of NetSuite exports (the exporting user's date preference); a date that does not fit it is an error, never a guess.",
  },
  {
    key: 'glRevenueAccounts',
    kind: 'text',
    default: '4*',
    help: 'NetSuite accounts counted as GL revenue: number patterns (4* the 4xxxx range, 40000-49999, 4100), comma separated; with 4*, accounts of type Income count too.',
  },
];
