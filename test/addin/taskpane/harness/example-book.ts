/**
 * The example book as Excel would hold it: examples/contracts.csv and examples/fx-rates.csv as
 * grids with ISO dates turned into Excel serials and numeric text into numbers (blank cells ''),
 * and examples/policy.csv as key/value pairs. Node side of the task-pane test; the grids travel to
 * the page as JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { dayFromYmd, excelSerialFromDay } from '../../../../src/cells/days.js';

export const ROOT = path.resolve(import.meta.dirname, '../../../..');

function readCsv(name: string): string[][] {
  const text = readFileSync(path.join(ROOT, 'examples', name), 'utf8');
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0].message}`);
  return parsed.data;
}

/** One cell typed as Excel types it: a date becomes its serial, a number a number, blank ''. */
export function excelValue(text: string): string | number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return excelSerialFromDay(dayFromYmd(Number(date[1]), Number(date[2]), Number(date[3])));
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function excelGrid(rows: string[][]): (string | number)[][] {
  return rows.map((row, i) => (i === 0 ? row : row.map(excelValue)));
}

export interface ExampleBook {
  contracts: (string | number)[][];
  rates: (string | number)[][];
  policy: [string, string][];
}

export function exampleBook(): ExampleBook {
  const policy = readCsv('policy.csv')
    .slice(1)
    .map(([k, v]) => [k, v] as [string, string]);
  return {
    contracts: excelGrid(readCsv('contracts.csv')),
    rates: excelGrid(readCsv('fx-rates.csv')),
    policy,
  };
}
