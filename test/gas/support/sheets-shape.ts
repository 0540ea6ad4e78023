/**
 * Cells as each host hands them to a custom function, made from the same text tables (the example
 * book's CSV files, or a test's own rows): Sheets (`Date` objects at midnight of the date in the
 * spreadsheet's zone, blanks "", numbers as numbers), Excel (serial dates, blanks null) and the
 * core's own text form (`YYYY-MM-DD`), which is what the figures are compared against.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { repoRoot } from './load-gas.js';

export type TextTable = string[][];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function readCsv(relative: string): TextTable {
  const text = readFileSync(path.join(repoRoot(), relative), 'utf8');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/** The example book (examples/*.csv) as text tables. */
export function exampleBook(): { contracts: TextTable; policy: TextTable; rates: TextTable } {
  return {
    contracts: readCsv('examples/contracts.csv'),
    policy: readCsv('examples/policy.csv'),
    rates: readCsv('examples/fx-rates.csv'),
  };
}

/** True when y-m-d names a real calendar date (Sheets keeps 2025-13-01 as text). */
function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Maps every cell: a `YYYY-MM-DD` text to `date(y, m, d)`, a plain number text to its number, "" to `blank`. */
export function shape(
  t: readonly (readonly unknown[])[],
  date: (y: number, m: number, d: number) => unknown,
  blank: unknown,
): unknown[][] {
  return t.map((row) =>
    row.map((c) => {
      if (typeof c !== 'string') return c;
      if (c === '') return blank;
      const m = ISO.exec(c);
      if (m && isRealDate(+m[1], +m[2], +m[3])) return date(+m[1], +m[2], +m[3]);
      if (NUMBER.test(c) && !/^0\d/.test(c)) return Number(c);
      return c;
    }),
  );
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const isoText = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Excel 1900-system serial of a date (after 1900-03-01). */
export const excelSerial = (y: number, m: number, d: number): number =>
  Date.UTC(y, m - 1, d) / 86_400_000 + 25569;

/** The core's text form: dates as `YYYY-MM-DD`, blanks "". */
export const coreShape = (t: readonly (readonly unknown[])[]): unknown[][] => shape(t, isoText, '');

/** A comparable copy of a sheet result as a sheet shows it: a rectangle, blank cells "". */
export function sheetsView(x: unknown): unknown {
  if (!Array.isArray(x)) return x;
  const rows = x.map((r) => (Array.isArray(r) ? r : [r]));
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
}
