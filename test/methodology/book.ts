/**
 * Small builders for the methodology and property tests: contract tables, policy tables and rate
 * tables as the 2-D arrays a sheet hands the functions, and unwrapping of results.
 *
 * Nothing here computes a figure: every expected number in the tests is worked out by hand.
 */
import { expect } from 'vitest';
import { CellError, type Day, dayFromYmd } from '../../src/cells/index.js';
import { buildModel, parseContracts, parsePolicy, parseRates } from '../../src/index.js';

/** The column headers a finance user would type, in the order the brief lists them. */
export const HEADER = [
  'Customer',
  'Parent',
  'Contract',
  'Product',
  'Line Type',
  'Start',
  'End',
  'Signed',
  'Cancel',
  'Notice',
  'Amount',
  'List Amount',
  'Free Months',
  'Currency',
  'FX Rate',
  'Segment',
] as const;

export type Column = (typeof HEADER)[number];
/** One contract line by column header; other headers (e.g. `ARR`) are allowed for custom tables. */
export type Line = Partial<Record<Column, unknown>> & Record<string, unknown>;

/** A contract range: header row, then one row per line; absent cells are blank (''). */
export function contracts(lines: Line[], header: readonly string[] = HEADER): unknown[][] {
  return [[...header], ...lines.map((l) => header.map((h) => l[h] ?? ''))];
}

/** A policy range `[['Key','Value'], [key, value], ...]`. */
export function policy(kv: Record<string, string | number> = {}): unknown[][] {
  return [['Key', 'Value'], ...Object.entries(kv).map(([k, v]) => [k, String(v)])];
}

/** A rates range `[['Currency','Date','Rate'], ...]`; a blank date is the board rate (fx: fixed). */
export function rates(rows: [string, string, string | number][]): unknown[][] {
  return [['Currency', 'Date', 'Rate'], ...rows];
}

/** The value, or a failed assertion that shows the CellError's message. */
export function ok<T>(x: T | CellError): T {
  if (x instanceof CellError) expect.fail(`unexpected CellError: ${x.code} ${x.message}`);
  return x as T;
}

/** A number from a sheet function (fails the test with the message on a CellError or a table). */
export function num(x: unknown): number {
  if (x instanceof CellError) expect.fail(`unexpected CellError: ${x.code} ${x.message}`);
  if (typeof x !== 'number') expect.fail(`expected a number, got ${JSON.stringify(x)}`);
  return x;
}

/** A 2-D table from a sheet function. */
export function table(x: unknown): unknown[][] {
  if (x instanceof CellError) expect.fail(`unexpected CellError: ${x.code} ${x.message}`);
  if (!Array.isArray(x) || !x.every((r) => Array.isArray(r)))
    expect.fail(`expected a table, got ${String(x)}`);
  return x as unknown[][];
}

export type LaneName =
  'Start' | 'New' | 'Reactivation' | 'Expansion' | 'Contraction' | 'Churn' | 'FX' | 'End';
export const LANE_ROWS: readonly LaneName[] = [
  'Start',
  'New',
  'Reactivation',
  'Expansion',
  'Contraction',
  'Churn',
  'FX',
  'End',
];

/** BRIDGE's summary table as `{ Start, New, ..., End }`, after checking its shape. */
export function lanes(x: unknown): Record<LaneName, number> {
  const t = table(x);
  expect(t[0]).toEqual(['Lane', 'Amount']);
  expect(t.slice(1).map((r) => r[0])).toEqual([...LANE_ROWS]);
  const out = {} as Record<LaneName, number>;
  for (const r of t.slice(1)) out[r[0] as LaneName] = num(r[1]);
  return out;
}

/** Start + every lane = End, to the cent (amounts are cents / 100, so compare in cents). */
export function expectBalanced(l: Record<LaneName, number>): void {
  const c = (v: number) => Math.round(v * 100);
  expect(
    c(l.Start) + c(l.New) + c(l.Reactivation) + c(l.Expansion) + c(l.Contraction) + c(l.Churn) + c(l.FX),
  ).toBe(c(l.End));
}

/**
 * A by-dimension table `[by, 'ARR', 'Customers']` as a map key -> [amount, customers]. A total row,
 * if the function adds one, is left out.
 */
export function byKey(x: unknown): Map<string, [number, number]> {
  const t = table(x);
  expect(t[0].slice(1)).toEqual([expect.stringMatching(/^[AM]RR$/), 'Customers']);
  const m = new Map<string, [number, number]>();
  for (const r of t.slice(1)) {
    if (String(r[0]).toLowerCase() === 'total') continue;
    m.set(String(r[0]), [num(r[1]), num(r[2])]);
  }
  return m;
}

/** The calendar day of a `YYYY-MM-DD` text, for the core API. */
export function day(ymd: string): Day {
  const [y, m, d] = ymd.split('-').map(Number);
  return dayFromYmd(y, m, d);
}

/** Parses the three ranges and builds the model through the core API, failing on any CellError. */
export function coreModel(contractTable: unknown[][], policyTable?: unknown[][], ratesTable?: unknown[][]) {
  const pol = ok(parsePolicy(policyTable ?? null));
  const book = ok(parseContracts(contractTable, pol));
  const fx = ratesTable ? ok(parseRates(ratesTable, pol.reportingCurrency)) : null;
  const model = ok(buildModel(book, pol, fx));
  return { policy: pol, book, rates: fx, model };
}
