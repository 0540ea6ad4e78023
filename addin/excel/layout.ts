/**
 * Pure layout helpers for the Excel writer: how a report sheet is cut into row blocks (one
 * `context.sync()` each), the arrays one block writes, the runs of cells that share a style, what
 * each style looks like, column widths in points and where charts go. No Office.js here.
 */
import { numberKind, parseRange } from '../../cli/pack/cells.js';
import { columnLetter } from '../../src/cells/address.js';
import type { CellStyle, ChartSpec, ReportCell, ReportSheet } from '../../src/reports/model.js';
import { excelCell, isMissingValue } from './cells.js';

/** At most this many rows per block... */
export const BLOCK_ROWS = 2_000;
/** ...and at most this many cells (values and formats of 20k cells are well under 1 MB). */
export const BLOCK_CELLS = 20_000;

export interface RowBlock {
  /** 0-based first row and the row after the last. */
  start: number;
  end: number;
}

/** The row blocks of a sheet of `rows` rows and `width` columns. */
export function rowBlocks(
  rows: number,
  width: number,
  limits: { rows?: number; cells?: number } = {},
): RowBlock[] {
  const maxRows = limits.rows ?? BLOCK_ROWS;
  const cells = limits.cells ?? BLOCK_CELLS;
  const size = Math.max(1, Math.min(maxRows, Math.floor(cells / Math.max(1, width))));
  const out: RowBlock[] = [];
  for (let start = 0; start < rows; start += size) out.push({ start, end: Math.min(rows, start + size) });
  return out;
}

/** Columns the sheet uses: the declared columns or the longest row, whichever is wider (at least 1). */
export function sheetWidth(sheet: ReportSheet): number {
  let w = Math.max(1, sheet.columns.length);
  for (const r of sheet.rows) if (r.length > w) w = r.length;
  return w;
}

/** A1 address of the rectangle rows [start, end) x columns [0, width) (1-based rows on the sheet). */
export const blockAddress = (block: RowBlock, width: number): string =>
  `A${block.start + 1}:${columnLetter(width - 1)}${block.end}`;

export interface BlockArrays {
  formulas: (string | number | null)[][];
  numberFormat: string[][];
}

/** The `formulas` and `numberFormat` arrays of one block, every row `width` long. */
export function blockArrays(sheet: ReportSheet, block: RowBlock, width: number): BlockArrays {
  const formulas: (string | number | null)[][] = [];
  const numberFormat: string[][] = [];
  for (let r = block.start; r < block.end; r++) {
    const cells = sheet.rows[r] ?? [];
    const f: (string | number | null)[] = new Array(width);
    const n: string[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const x = excelCell(cells[c] ?? null);
      f[c] = x.value;
      n[c] = x.format ?? 'General';
    }
    formulas.push(f);
    numberFormat.push(n);
  }
  return { formulas, numberFormat };
}

/** What a style looks like in Excel (the same look as the xlsx board pack). */
export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Font colour, #RRGGBB. */
  color?: string;
  fill?: string;
  /** Borders: colour and line style. */
  top?: { color: string; style: 'Continuous' | 'Double' };
  bottom?: { color: string; style: 'Continuous' | 'Double' };
}

export const STYLE_LOOKS: Record<CellStyle, StyleLook> = {
  title: { bold: true, size: 16, color: '#1F3864' },
  subtitle: { italic: true, size: 10, color: '#595959' },
  header: {
    bold: true,
    color: '#FFFFFF',
    fill: '#1F4E79',
    bottom: { color: '#1F3864', style: 'Continuous' },
  },
  label: {},
  total: {
    bold: true,
    top: { color: '#404040', style: 'Continuous' },
    bottom: { color: '#404040', style: 'Double' },
  },
  note: { italic: true, size: 9, color: '#595959' },
  check: {
    italic: true,
    color: '#375623',
    fill: '#E2EFDA',
    bottom: { color: '#BFBFBF', style: 'Continuous' },
  },
};

/** Grey for an absent figure (`n/a`). */
export const MISSING_LOOK: StyleLook = { color: '#808080' };

export type LookKey = CellStyle | 'missing';

/** Cells of one row, next to each other, that take the same look. */
export interface StyleRun {
  look: LookKey;
  /** 1-based row, 0-based first and last column. */
  row: number;
  col0: number;
  col1: number;
}

/** The look of a cell, or null for none (a plain or `label` cell). */
function lookOf(cell: ReportCell): LookKey | null {
  if (cell === null) return null;
  if (cell.style && cell.style !== 'label') return cell.style;
  return isMissingValue(cell) ? 'missing' : null;
}

/** The style runs of rows [start, end): contiguous cells of a row with the same look. */
export function styleRuns(sheet: ReportSheet, block: RowBlock): StyleRun[] {
  const out: StyleRun[] = [];
  for (let r = block.start; r < block.end; r++) {
    const cells = sheet.rows[r] ?? [];
    let run: StyleRun | null = null;
    for (let c = 0; c < cells.length; c++) {
      const look = lookOf(cells[c]);
      if (run && look === run.look && c === run.col1 + 1) {
        run.col1 = c;
        continue;
      }
      if (run) out.push(run);
      run = look === null ? null : { look, row: r + 1, col0: c, col1: c };
    }
    if (run) out.push(run);
  }
  return out;
}

/** A missing figure inside a styled cell keeps its style's look and turns grey. */
export function lookFor(key: LookKey): StyleLook {
  return key === 'missing' ? MISSING_LOOK : STYLE_LOOKS[key];
}

export const runAddress = (run: StyleRun): string =>
  run.col0 === run.col1
    ? `${columnLetter(run.col0)}${run.row}`
    : `${columnLetter(run.col0)}${run.row}:${columnLetter(run.col1)}${run.row}`;

/** Excel's `format.columnWidth` is in points: a character of Calibri 11 is 7 px, plus 5 px padding; 96 px = 72 pt. */
export const columnPoints = (characters: number): number =>
  Math.round((characters * 7 + 5) * 0.75 * 100) / 100;

/** Excel's chart type for a model chart; a waterfall falls back to stacked columns where Excel has no waterfall. */
export function chartType(kind: ChartSpec['kind'], waterfall = true): 'Waterfall' | 'ColumnStacked' | 'Line' {
  if (kind === 'line') return 'Line';
  if (kind === 'waterfall' && waterfall) return 'Waterfall';
  return 'ColumnStacked';
}

/** The cells a chart covers: its anchor and the cell `width` columns right and `height` rows down, less one. */
export function chartCorners(chart: ChartSpec): { start: string; end: string } {
  const at = parseRange(chart.anchor);
  return {
    start: `${columnLetter(at.col0)}${at.row0}`,
    end: `${columnLetter(at.col0 + Math.max(1, chart.width) - 1)}${at.row0 + Math.max(1, chart.height) - 1}`,
  };
}

/**
 * A heat map's bounds in the units the cells hold: the model gives cents for money ranges, Excel
 * holds currency units.
 */
export function heatBounds(
  sheet: ReportSheet,
  range: string,
  min: number,
  max: number,
): { min: number; max: number } {
  const r = parseRange(range);
  let money = false;
  for (let row = r.row0; row <= r.row1 && !money; row++) {
    for (let col = r.col0; col <= r.col1; col++) {
      if (numberKind(sheet.rows[row - 1]?.[col] ?? null) === 'money') {
        money = true;
        break;
      }
    }
  }
  return money ? { min: min / 100, max: max / 100 } : { min, max };
}
