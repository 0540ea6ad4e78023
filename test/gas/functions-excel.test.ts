/**
 * Same figures as Excel: the example book (examples/contracts.csv, policy.csv, fx-rates.csv) through
 * both hosts' wrappers. Excel-shaped (serial dates, blank cells null, a single-cell range as a 1x1
 * matrix, omitted optional arguments null) through the Excel adapter (addin/functions/
 * excel-adapter.ts, what the generated RR.* functions call); Sheets-shaped (Date cells at midnight
 * in the spreadsheet's zone, blanks "", single cells as scalars, omitted arguments left out)
 * through the built Apps Script project's top-level functions in a vm context. The results agree
 * cell by cell.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runExcel } from '../../addin/functions/excel-adapter.js';
import { ensureGasBuilt, loadGas, type GasRuntime } from './support/load-gas.js';
import { excelSerial, exampleBook, shape, sheetsView, type TextTable } from './support/sheets-shape.js';

const SHEET_ZONE = 'Pacific/Auckland';
const book = exampleBook();

/** How a host passes a range, a single date cell and an omitted optional argument. */
interface Host {
  range(t: TextTable): unknown;
  date(ymd: string): unknown;
  /** A date cell passed where the argument is a range (BRIDGE's and the retention functions' `from`). */
  dateAsRange(ymd: string): unknown;
  omitted: unknown;
}

const ymd = (s: string): [number, number, number] => s.split('-').map(Number) as [number, number, number];

const excel: Host = {
  range: (t) => shape(t, excelSerial, null),
  date: (s) => excelSerial(...ymd(s)),
  dateAsRange: (s) => [[excelSerial(...ymd(s))]],
  omitted: null,
};

let gas: GasRuntime;
const sheets = (): Host => ({
  range: (t) => shape(t, (y, m, d) => gas.sheetDate(y, m, d), ''),
  date: (s) => gas.sheetDate(...ymd(s)),
  dateAsRange: (s) => gas.sheetDate(...ymd(s)),
  omitted: undefined,
});

type Call = [string, string, (h: Host) => unknown[]];
const contractsPR = (h: Host) => [h.range(book.policy), h.range(book.rates)];
const CALLS: Call[] = [];
for (const f of ['ARR', 'MRR', 'CARR']) {
  CALLS.push([f, 'on 2025-12-31', (h) => [h.range(book.contracts), h.date('2025-12-31'), ...contractsPR(h)]]);
  CALLS.push([
    f,
    'by region on 2024-06-30',
    (h) => [h.range(book.contracts), h.date('2024-06-30'), ...contractsPR(h), 'region'],
  ]);
}
for (const f of ['BRIDGE', 'NRR', 'GRR', 'LOGORETENTION', 'QUICKRATIO', 'NDRBANDS']) {
  CALLS.push([
    f,
    'FY2025',
    (h) => [h.range(book.contracts), h.dateAsRange('2024-12-31'), h.date('2025-12-31'), ...contractsPR(h)],
  ]);
}
CALLS.push([
  'BRIDGE',
  'FY2024 with detail',
  (h) => [
    h.range(book.contracts),
    h.dateAsRange('2023-12-31'),
    h.date('2024-12-31'),
    ...contractsPR(h),
    true,
  ],
]);
CALLS.push([
  'COHORT',
  '2022..2025 by quarter, net',
  (h) => [h.range(book.contracts), h.date('2022-01-01'), h.date('2025-12-31'), ...contractsPR(h)],
]);
CALLS.push([
  'COHORT',
  '2025 by month, gross',
  (h) => [
    h.range(book.contracts),
    h.date('2025-01-01'),
    h.date('2025-12-31'),
    ...contractsPR(h),
    'month',
    'gross',
  ],
]);
CALLS.push(['POLICY', 'the example policy', (h) => [h.range(book.policy)]]);
CALLS.push(['POLICY', 'the defaults', (h) => [h.omitted]]);
CALLS.push([
  'REVENUE',
  'FY2025',
  (h) => [h.range(book.contracts), h.date('2025-01-01'), h.date('2025-12-31'), ...contractsPR(h)],
]);
CALLS.push([
  'SCHEDULE',
  'Q1 2025 by product',
  (h) => [
    h.range(book.contracts),
    h.date('2025-01-01'),
    h.date('2025-03-31'),
    h.range(book.policy),
    'product',
    h.range(book.rates),
  ],
]);
CALLS.push([
  'CHECK',
  'as of 2025-12-31',
  (h) => [h.range(book.contracts), h.date('2025-12-31'), ...contractsPR(h)],
]);
CALLS.push([
  'CHECK',
  'without an as-of date',
  (h) => [h.range(book.contracts), h.omitted, ...contractsPR(h)],
]);

beforeAll(() => {
  ensureGasBuilt();
  gas = loadGas({ spreadsheetTimeZone: SHEET_ZONE });
});

describe(`same figures in Excel and in Google Sheets (spreadsheet zone ${SHEET_ZONE}) on the example book`, () => {
  it.each(CALLS)('%s (%s)', (name, _label, args) => {
    const inExcel = runExcel(name, args(excel));
    // Sheets drops omitted trailing arguments rather than passing them.
    const sheetsArgs = args(sheets());
    while (sheetsArgs.length > 0 && sheetsArgs.at(-1) === undefined) sheetsArgs.pop();
    const inSheets = gas.call(name, ...sheetsArgs);
    expect(
      typeof inExcel === 'number' || Array.isArray(inExcel),
      `${name} in Excel: ${String(inExcel)}`,
    ).toBe(true);
    if (typeof inExcel === 'number') {
      expect(inSheets).toBe(inExcel);
      return;
    }
    const a = sheetsView(inSheets) as unknown[][];
    const b = inExcel as unknown[][];
    expect(a.length, 'rows').toBe(b.length);
    for (let i = 0; i < b.length; i++) {
      expect(a[i].length, `row ${i + 1} width`).toBe(b[i].length);
      for (let j = 0; j < b[i].length; j++) expect(a[i][j], `row ${i + 1}, column ${j + 1}`).toBe(b[i][j]);
    }
    expect(b.length).toBeGreaterThan(1);
  });

  it('covers the functions the acceptance names', () => {
    const names = new Set(CALLS.map((c) => c[0]));
    for (const n of 'ARR MRR CARR BRIDGE NRR GRR LOGORETENTION QUICKRATIO COHORT NDRBANDS POLICY REVENUE SCHEDULE CHECK'.split(
      ' ',
    ))
      expect(names.has(n), n).toBe(true);
    expect(gas.network).toEqual([]);
  });
});
