/// <reference types="office-js" />
/**
 * Reading ranges in blocks, and A1 address helpers for the Excel writer.
 */
import { parseRange } from '../../cli/pack/cells.js';
import { columnLetter } from '../../src/cells/address.js';

/** Cells per read block: at most a few MB of values, under Excel's 5 MB request limit. */
export const READ_CELLS = 100_000;

/**
 * `Sheet1!B3:D9` or `'Q1 ''25'!A1` -> the sheet name (quotes undone) and the top-left cell.
 */
export function splitAddress(address: string): { sheet: string; topLeft: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) throw new Error(`Excel address without a sheet: ${JSON.stringify(address)}`);
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const topLeft = address
    .slice(bang + 1)
    .split(':')[0]
    .replace(/\$/g, '');
  return { sheet, topLeft };
}

/** A one-column or one-row range without its last cell (`C8:C15` -> `C8:C14`). */
export function waterfallPoints(a1: string): string {
  const r = parseRange(a1);
  if (r.col0 === r.col1 && r.row1 > r.row0)
    return `${columnLetter(r.col0)}${r.row0}:${columnLetter(r.col1)}${r.row1 - 1}`;
  if (r.row0 === r.row1 && r.col1 > r.col0)
    return `${columnLetter(r.col0)}${r.row0}:${columnLetter(r.col1 - 1)}${r.row1}`;
  return a1;
}

/** Row blocks [start, end) of a range `rows` x `cols` read `cells` at a time. */
export function readBlockRows(
  rows: number,
  cols: number,
  cells = READ_CELLS,
): { start: number; end: number }[] {
  const size = Math.max(1, Math.floor(cells / Math.max(1, cols)));
  const out: { start: number; end: number }[] = [];
  for (let start = 0; start < rows; start += size) out.push({ start, end: Math.min(rows, start + size) });
  return out;
}

/**
 * The values of `range` (rowIndex, columnIndex, rowCount and columnCount loaded), read in row
 * blocks of the sheet `ws`, one `context.sync()` a block.
 */
export async function readBlocks(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  range: Excel.Range,
  cells = READ_CELLS,
): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const b of readBlockRows(range.rowCount, range.columnCount, cells)) {
    const part = ws.getRangeByIndexes(
      range.rowIndex + b.start,
      range.columnIndex,
      b.end - b.start,
      range.columnCount,
    );
    part.load('values');
    await context.sync();
    for (const row of part.values) out.push(row);
    part.untrack();
  }
  return out;
}
