/**
 * Shared by the report-model tests: the example book (examples/*.csv) read as the CLI reads it,
 * its board pack as of 2025-12-31, the core's own model of it, and ways to read a ReportSheet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../cli/read-table.js';
import { CellError } from '../../src/cells/error.js';
import { dayFromYmd } from '../../src/cells/days.js';
import { buildModel, type ArrModel } from '../../src/arr/model.js';
import { parseContracts } from '../../src/contracts/parse.js';
import type { ContractBook } from '../../src/contracts/book.js';
import { parseRates, type FxRates } from '../../src/money/rates.js';
import { parsePolicy } from '../../src/policy/parse.js';
import type { Policy } from '../../src/policy/keys.js';
import { buildBoardPack, type BoardPackInput } from '../../src/reports/pack.js';
import type { ReportBook, ReportCell, ReportSheet } from '../../src/reports/model.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const AS_OF = dayFromYmd(2025, 12, 31);
export const GENERATED_AT = '2026-01-05T09:30:00.000Z';

export function exampleTable(name: string): unknown[][] {
  return parseCsv(readFileSync(path.join(ROOT, 'examples', name)), name);
}

export function exampleInput(extra: Partial<BoardPackInput> = {}): BoardPackInput {
  return {
    contracts: exampleTable('contracts.csv'),
    policy: exampleTable('policy.csv'),
    rates: exampleTable('fx-rates.csv'),
    asOf: AS_OF,
    company: 'RunRate Demo',
    generatedAt: GENERATED_AT,
    ...extra,
  };
}

export function ok<T>(x: T | CellError): T {
  if (x instanceof CellError) throw new Error(x.message);
  return x;
}

export function pack(input: BoardPackInput): ReportBook {
  return ok(buildBoardPack(input));
}

export interface Core {
  policy: Policy;
  rates: FxRates | null;
  book: ContractBook;
  model: ArrModel;
}

/** The core's own reading of the ranges, without the report code. */
export function core(input: BoardPackInput): Core {
  const policy = ok(parsePolicy(input.policy ?? null, input.overrides));
  const rates = input.rates ? ok(parseRates(input.rates, policy.reportingCurrency)) : null;
  const book = ok(parseContracts(input.contracts, policy));
  const model = ok(buildModel(book, policy, rates));
  return { policy, rates, book, model };
}

export function sheet(book: ReportBook, name: string): ReportSheet {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The cell at an A1 address. */
export function cellAt(s: ReportSheet, a1: string): ReportCell {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return s.rows[Number(m[2]) - 1]?.[col - 1] ?? null;
}

export function textOf(c: ReportCell): string | null {
  return c !== null && c.kind === 'text' ? c.text : null;
}

/**
 * The figure a cell stands for, in the model's units: cents for money (a money formula's expect),
 * the ratio for percent, the count, the day; null for blanks and undefined ratios; text as text.
 */
export function figure(c: ReportCell): number | string | null {
  if (c === null) return null;
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'money':
      return c.cents;
    case 'date':
      return c.day;
    case 'formula':
      return c.expect;
    default:
      return c.value;
  }
}

/** 1-based row whose first cell is the text `label` (the `nth` such row, from 1). */
export function rowOf(s: ReportSheet, label: string, nth = 1): number {
  let seen = 0;
  for (let r = 0; r < s.rows.length; r++) {
    if (textOf(s.rows[r][0] ?? null) === label && ++seen === nth) return r + 1;
  }
  throw new Error(`${s.name}: no row ${label}`);
}

/** The row `label` as figures (column A left out). */
export function rowFigures(s: ReportSheet, label: string, nth = 1): (number | string | null)[] {
  return s.rows[rowOf(s, label, nth) - 1].slice(1).map(figure);
}

/**
 * The body of the table whose header row starts with `header` (the `nth` such header): the rows
 * below it up to the first empty row, note or total row.
 */
export function tableBody(s: ReportSheet, header: string, nth = 1): { first: number; rows: ReportCell[][] } {
  let seen = 0;
  for (let r = 0; r < s.rows.length; r++) {
    const c = s.rows[r][0] ?? null;
    if (c?.kind === 'text' && c.style === 'header' && c.text === header && ++seen === nth) {
      const rows: ReportCell[][] = [];
      for (let k = r + 1; k < s.rows.length; k++) {
        const row = s.rows[k];
        const lead = row.find((x) => x !== null) ?? null;
        if (row.length === 0 || lead === null) break;
        if (
          lead.style === 'note' ||
          lead.style === 'total' ||
          lead.style === 'check' ||
          lead.style === 'subtitle'
        )
          break;
        rows.push(row);
      }
      return { first: r + 2, rows };
    }
  }
  throw new Error(`${s.name}: no table ${header}`);
}

/** Every cell of every sheet, with where it is. */
export function* allCells(
  book: ReportBook,
): Generator<{ sheet: string; row: number; col: number; cell: ReportCell }> {
  for (const s of book.sheets) {
    for (let r = 0; r < s.rows.length; r++) {
      for (let c = 0; c < s.rows[r].length; c++)
        yield { sheet: s.name, row: r + 1, col: c, cell: s.rows[r][c] };
    }
  }
}
