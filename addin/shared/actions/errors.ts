/** Errors of the task-pane actions: a core CellError becomes a thrown Error with the core's message. */
import { columnLetter } from '../../../src/cells/address.js';
import { CellError } from '../../../src/cells/error.js';
import type { RangeValues } from '../workbook.js';

/** An action's failure; the message names the row and column where the core did. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/** The value, or throws the CellError as an ActionError with its message (`where` first). */
export function must<T>(x: T | CellError, where?: string): T {
  if (x instanceof CellError) {
    throw new ActionError(where ? `${where}: ${x.message}` : x.message, x.row, x.column);
  }
  return x;
}

/** Text of a header or label cell: trimmed text, numbers as written, blanks (and Excel's 0) as ''. */
export function headerText(v: unknown): string {
  if (v === null || v === undefined || v === 0) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/**
 * Like `must`, for an error about a cell of one of the given ranges: the core counts rows from the
 * range's header (row 1), so the sheet cell is added, e.g. `row 2, Start: "soon" is not a date
 * (cell Data!C4)` for a table starting at B3. The range is the one whose header row has the
 * error's column.
 */
export function mustIn<T>(x: T | CellError, ranges: readonly (RangeValues | null)[]): T {
  if (x instanceof CellError && x.row !== undefined && x.column !== undefined) {
    for (const r of ranges) {
      const cell = r ? sheetCell(r, x.row, x.column) : null;
      if (cell) throw new ActionError(`${x.message} (cell ${cell})`, x.row, x.column);
    }
  }
  return must(x);
}

function sheetCell(r: RangeValues, row: number, column: string): string | null {
  const c = (r.values[0] ?? []).findIndex((h) => headerText(h) === column);
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(r.topLeft);
  if (c < 0 || !m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const sheet = /^[A-Za-z0-9_]+$/.test(r.sheet) ? r.sheet : `'${r.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetter(col - 1 + c)}${Number(m[2]) + row - 1}`;
}
