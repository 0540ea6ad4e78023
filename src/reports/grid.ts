/**
 * A small helper for report builders: appends rows to a sheet's grid and hands back A1 addresses,
 * so formulas can refer to the cells the builder just wrote.
 */
import { columnLetter } from '../cells/address.js';
import type { ReportCell } from './model.js';

/** Column letter of a 0-based column index (0 -> A, 26 -> AA). */
export const columnName = columnLetter;

/** A1 address of a 1-based row and 0-based column. */
export const address = (row: number, col: number): string => `${columnName(col)}${row}`;

export class Grid {
  readonly rows: ReportCell[][] = [];

  /** The 1-based row number the next `add` writes. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Appends a row and returns its 1-based row number. */
  add(cells: ReportCell[] = []): number {
    this.rows.push(cells);
    return this.rows.length;
  }

  /** Replaces one cell (1-based row, 0-based column), growing the row as needed. */
  set(row: number, col: number, cell: ReportCell): void {
    const r = this.rows[row - 1];
    while (r.length <= col) r.push(null);
    r[col] = cell;
  }
}
