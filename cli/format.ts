/**
 * Human-readable output: a title line (dates, currency, policy version and hash) and aligned
 * tables. Money has thousands separators and 2 decimals, ratios are percentages with 1 decimal
 * (the quick ratio, a multiple, is shown as `1.44x`), a ratio with nothing to divide by is `n/a`.
 * Every figure comes from the core; this file only lays it out.
 */
import {
  type ArrResult,
  type BridgeResult,
  type CohortResult,
  type RetentionResult,
  formatDay,
} from '../src/index.js';

export interface PolicyTag {
  version: string;
  hash: string;
}

const groupDigits = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Integer cents as `-1,234.56`, with integer arithmetic only (no float rounding, no `-0.00`). */
export function money(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`money amount ${cents} is not a whole number of cents`);
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const frac = abs % 100;
  return (cents < 0 ? '-' : '') + groupDigits(String(units)) + '.' + (frac < 10 ? '0' : '') + frac;
}

export function count(n: number): string {
  return Number.isInteger(n) ? (n < 0 ? '-' : '') + groupDigits(String(Math.abs(n))) : String(n);
}

/** A band edge in currency units: `25,000` (2 decimals only when it has a fraction). */
export function units(n: number): string {
  if (Number.isInteger(n)) return count(n);
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

export function percent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'n/a';
  const s = (ratio * 100).toFixed(1);
  return (s === '-0.0' ? '0.0' : s) + '%';
}

export function multiple(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'n/a';
  return ratio.toFixed(2) + 'x';
}

type Align = 'left' | 'right';

/** Columns padded to their widest cell, two spaces apart, no trailing blanks. */
export function table(header: string[] | null, rows: string[][], align: Align[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths = align.map((_, c) => Math.max(0, ...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string =>
    align
      .map((a, c) => {
        const cell = r[c] ?? '';
        return a === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c]);
      })
      .join('  ')
      .trimEnd();
  const out = all.map(line);
  if (header) out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return out.join('\n') + '\n';
}

const tag = (currency: string, p: PolicyTag): string => `${currency}, policy ${p.version} (${p.hash})`;
const span = (from: number, to: number): string => `${formatDay(from)} to ${formatDay(to)}`;

const BY_TITLE: Record<string, string> = {
  customer: 'Customer',
  parent: 'Parent',
  product: 'Product',
  segment: 'Segment',
  region: 'Region',
  rep: 'Rep',
  entity: 'Entity',
  currency: 'Currency',
  contract: 'Contract',
};

export function formatArr(r: ArrResult, p: PolicyTag, by?: string): string {
  let out = `ARR as of ${formatDay(r.asOf)}, ${tag(r.currency, p)}\n\n`;
  out += table(
    null,
    [
      ['ARR', money(r.arrCents)],
      ['MRR', money(r.mrrCents)],
      ['Customers', count(r.customers)],
    ],
    ['left', 'right'],
  );
  if (by && r.by) {
    out +=
      '\n' +
      table(
        [BY_TITLE[by] ?? by, 'ARR', 'Customers'],
        r.by.map((g) => [g.key === '' ? '(blank)' : g.key, money(g.arrCents), count(g.customers)]),
        ['left', 'right', 'right'],
      );
  }
  return out;
}

const LANE_TITLE: Record<string, string> = {
  new: 'New',
  reactivation: 'Reactivation',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churn',
  fx: 'FX',
};

export function formatBridge(r: BridgeResult, p: PolicyTag, detail: boolean): string {
  let out = `ARR bridge ${span(r.from, r.to)}, ${tag(r.currency, p)}\n\n`;
  out += table(
    null,
    [
      ['Start', money(r.startCents)],
      ['New', money(r.newCents)],
      ['Reactivation', money(r.reactivationCents)],
      ['Expansion', money(r.expansionCents)],
      ['Contraction', money(r.contractionCents)],
      ['Churn', money(r.churnCents)],
      ['FX', money(r.fxCents)],
      ['End', money(r.endCents)],
    ],
    ['left', 'right'],
  );
  if (detail) {
    out += '\n';
    out +=
      r.detail.length === 0
        ? 'No movements.\n'
        : table(
            ['Customer', 'Product', 'Lane', 'Start ARR', 'End ARR', 'Amount', 'Contracts'],
            r.detail.map((d) => [
              d.customer,
              d.product,
              LANE_TITLE[d.lane] ?? d.lane,
              money(d.startArrCents),
              money(d.endArrCents),
              money(d.amountCents),
              d.contracts.join(' '),
            ]),
            ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
          );
  }
  return out;
}

export function formatRetention(r: RetentionResult, p: PolicyTag): string {
  let out = `Retention ${span(r.from, r.to)}, ${tag(r.currency, p)}\n\n`;
  out += table(
    null,
    [
      ['Start ARR', money(r.startArrCents)],
      ['Cohort customers', count(r.cohortCustomers)],
      ['GRR', percent(r.grr)],
      ['NRR', percent(r.nrr)],
      ['Logo retention', percent(r.logoRetention)],
      ['Quick ratio', multiple(r.quickRatio)],
    ],
    ['left', 'right'],
  );
  if (r.bands.length > 0) {
    out +=
      '\n' +
      table(
        ['Start ARR band', 'Customers', 'Start ARR', 'NRR'],
        r.bands.map((b) => [
          b.to === null ? `${units(b.from)} and up` : `${units(b.from)} to ${units(b.to)}`,
          count(b.customers),
          money(b.startArrCents),
          percent(b.nrr),
        ]),
        ['left', 'right', 'right', 'right'],
      );
  }
  return out;
}

export function formatCohorts(r: CohortResult, from: number, to: number, p: PolicyTag): string {
  let out = `Cohorts by ${r.period} (${r.basis} retention) ${span(from, to)}, ${tag(r.currency, p)}\n\n`;
  if (r.rows.length === 0) return out + 'No cohorts in this period.\n';
  const n = Math.max(0, ...r.rows.map((row) => row.values.length));
  const offsets = Array.from({ length: n }, (_, k) => `+${k}`);
  out += table(
    ['Cohort', 'Customers', 'Start ARR', ...offsets],
    r.rows.map((row) => [
      row.cohort,
      count(row.customers),
      money(row.startArrCents),
      ...offsets.map((_, k) =>
        k < row.values.length && row.values[k] !== null ? percent(row.values[k]) : '',
      ),
    ]),
    ['left', 'right', 'right', ...offsets.map((): Align => 'right')],
  );
  return out;
}

/** The effective policy beside the defaults. */
export function formatPolicy(effective: string[][], defaults: string[][], p: PolicyTag): string {
  const defaultOf = new Map(defaults.slice(1).map((r) => [r[0], r[1]]));
  const rows = effective.slice(1).map((r) => {
    const d = defaultOf.get(r[0]) ?? '';
    return [r[0], r[1], r[1] === d ? '' : d];
  });
  return (
    `Policy ${p.version} (${p.hash})\n\n` +
    table(['Key', 'Value', 'Default (where different)'], rows, ['left', 'left', 'left'])
  );
}
