/** Small contract tables for the data-check tests, and a runner returning the findings. */
import {
  type CheckFinding,
  type CheckInput,
  type CheckRuleId,
  checkContracts,
  dayFromYmd,
  isCellError,
} from '../../src/index.js';

export interface Line {
  customer?: unknown;
  contract?: unknown;
  product?: unknown;
  type?: unknown;
  start?: unknown;
  end?: unknown;
  signed?: unknown;
  cancel?: unknown;
  amount?: unknown;
  currency?: unknown;
  fx?: unknown;
  free?: unknown;
  status?: unknown;
}

const COLUMNS: [keyof Line, string][] = [
  ['customer', 'Customer'],
  ['contract', 'Contract'],
  ['product', 'Product'],
  ['type', 'Line Type'],
  ['start', 'Start Date'],
  ['end', 'End Date'],
  ['signed', 'Signed Date'],
  ['cancel', 'Cancel Date'],
  ['amount', 'Amount'],
  ['currency', 'Currency'],
  ['fx', 'FX Rate'],
  ['free', 'Free Months'],
  ['status', 'Status'],
];

/** A line of Acme's Platform for 2025 at 12,000 unless told otherwise. */
export const base: Line = {
  customer: 'Acme',
  contract: 'C-1',
  product: 'Platform',
  type: 'recurring',
  start: '2025-01-01',
  end: '2025-12-31',
  amount: '12000',
};

/** The contract table (header row first) of these lines, each on top of `base`. */
export function table(...lines: Line[]): unknown[][] {
  return [
    COLUMNS.map(([, h]) => h),
    ...lines.map((l) => {
      const full: Line = { ...base, ...l };
      return COLUMNS.map(([k]) => full[k] ?? '');
    }),
  ];
}

export const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y, m, d);
};

/** The findings of CHECK on the input (the contracts given as lines or as a table). */
export function findings(
  contracts: unknown[][],
  opts: Omit<CheckInput, 'contracts' | 'asOf'> & { asOf?: string } = {},
): CheckFinding[] {
  const r = checkContracts({ ...opts, contracts, asOf: opts.asOf ? day(opts.asOf) : null });
  if (isCellError(r)) throw new Error(r.message);
  return r.findings;
}

/** The findings of one rule. */
export function ofRule(list: CheckFinding[], rule: CheckRuleId): CheckFinding[] {
  return list.filter((f) => f.rule === rule);
}

/** A policy range from key/value pairs. */
export function policy(pairs: Record<string, string>): string[][] {
  return [['Key', 'Value'], ...Object.entries(pairs)];
}
