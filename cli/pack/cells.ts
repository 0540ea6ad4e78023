/**
 * Reading a report model's grid the way a spreadsheet would: A1 ranges, and the number a cell shows
 * (money in currency units, not cents). Used by the chart renderer (its data comes from the cells a
 * chart names) and by the tests that compare a recalculated workbook with the model.
 */
import { excelSerialFromDay, formatDay } from '../../src/cells/days.js';
import type { NumberKind, ReportCell, ReportSheet } from '../../src/reports/model.js';

/** A rectangular A1 range, 1-based rows, 0-based columns, corners inclusive. */
export interface Range {
  row0: number;
  col0: number;
  row1: number;
  col1: number;
}

/** 0-based index of a column name (A -> 0, Z -> 25, AA -> 26). */
export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `C5:C16`, `$B$2:$D$9` or one cell `B7` (no sheet name: ranges are on the chart's own sheet). */
export function parseRange(a1: string): Range {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a1.trim());
  if (!m) throw new Error(`not an A1 range: ${JSON.stringify(a1)}`);
  const a = { col: columnIndex(m[1]), row: Number(m[2]) };
  const b = m[3] ? { col: columnIndex(m[3]), row: Number(m[4]) } : a;
  return {
    row0: Math.min(a.row, b.row),
    row1: Math.max(a.row, b.row),
    col0: Math.min(a.col, b.col),
    col1: Math.max(a.col, b.col),
  };
}

/** The cells of a range, row by row (a single row or column reads in order). */
export function cellsIn(sheet: ReportSheet, a1: string): ReportCell[] {
  const r = parseRange(a1);
  const out: ReportCell[] = [];
  for (let row = r.row0; row <= r.row1; row++) {
    for (let col = r.col0; col <= r.col1; col++) out.push(sheet.rows[row - 1]?.[col] ?? null);
  }
  return out;
}

/** How a cell's number is shown (the formula's format for a formula), or null for text and blanks. */
export function numberKind(cell: ReportCell): NumberKind | null {
  if (cell === null || cell.kind === 'text') return null;
  if (cell.kind === 'formula') return cell.format === 'text' ? null : cell.format;
  return cell.kind;
}

/**
 * The number a spreadsheet holds for a cell: money in currency units (cents / 100), a date as its
 * Excel serial, a formula as its `expect` in the same units; null for text, blanks and undefined
 * ratios.
 */
export function sheetNumber(cell: ReportCell): number | null {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      return null;
    case 'money':
      return cell.cents / 100;
    case 'percent':
    case 'ratio':
    case 'multiple':
      return cell.value;
    case 'count':
      return cell.value;
    case 'date':
      return excelSerialFromDay(cell.day);
    case 'formula':
      return typeof cell.expect === 'number' ? formulaNumber(cell.format, cell.expect) : null;
  }
}

/** A formula's `expect` as the spreadsheet's number: cents -> units for money, a Day -> serial for dates. */
export function formulaNumber(format: NumberKind | 'text', expect: number): number {
  if (format === 'money') return expect / 100;
  if (format === 'date') return excelSerialFromDay(expect);
  return expect;
}

/** A cell as a label (chart categories): text as is, a date as YYYY-MM-DD, a number as digits. */
export function cellLabel(cell: ReportCell): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'date':
      return formatDay(cell.day);
    case 'formula':
      if (typeof cell.expect === 'string') return cell.expect;
      return cell.format === 'date' ? formatDay(cell.expect) : String(cell.expect);
    default: {
      const n = sheetNumber(cell);
      return n === null ? '' : String(n);
    }
  }
}
