/**
 * How a report sheet is laid out on screen and on paper, decided from the model alone (pure, no
 * exceljs): each cell's alignment, the final column widths, which cells wrap and how tall their rows
 * get, which notes are merged across the empty cells beside them, and where a page break keeps a
 * chart whole. The rules come from looking at the printed pack:
 * - numbers are right-aligned, check results (`OK`) centred, other text left-aligned; a header takes
 *   the alignment of the column under it; left-aligned text right after a right-aligned number is
 *   indented one step, so `15,850.00 C-10735` does not read as one word;
 * - a column is widened for any number it holds (never `####`) and for table text up to
 *   TEXT_WIDTH_CAP characters; longer text wraps within the column, its row made tall enough;
 * - titles, subtitles and notes run on into the empty cells to their right, but never under a chart
 *   and never past the sheet's last column (both would be cut or would shrink the printed page):
 *   such a note is merged across the free cells and wrapped;
 * - a chart that would straddle a page break (estimated for landscape A4 fitted to the width) starts
 *   a new page, and so does every row the model lists in `pageBreaks`.
 */
import type { CellStyle, ReportCell, ReportSheet } from '../../src/reports/model.js';
import { formulaNumber, numberKind, parseRange } from './cells.js';
import { ROW_PIXELS } from './charts.js';

export type Align = 'left' | 'right' | 'center';

/** Text in a table cell widens its column up to this many characters; beyond, it wraps. */
export const TEXT_WIDTH_CAP = 40;
/** Styles whose text may run on into the empty cells to its right. */
export const OVERFLOWS = new Set<CellStyle | undefined>(['title', 'subtitle', 'note']);

/** Default row height, points. */
const ROW_POINTS = 15;
/** Landscape A4 inside the margins (0.5 in left and right, 0.75 in top and bottom), points. */
const PAGE_WIDTH_POINTS = (11.69 - 1) * 72;
/** Page height inside the top and bottom margins, less a tenth for hosts that measure differently. */
const PAGE_HEIGHT_POINTS = (8.27 - 1.5) * 72 * 0.9;

export interface SheetLayout {
  widths: number[];
  /** `row,col` (1-based row, 0-based column) -> alignment, for every non-blank cell. */
  align: Map<string, Align>;
  indent: Set<string>;
  wrap: Set<string>;
  /** 1-based row -> height in points, for rows that need more than the default. */
  rowHeights: Map<number, number>;
  /** Cells merged across a row (1-based row, 0-based columns, inclusive). */
  merges: { row: number; col0: number; col1: number }[];
  /** Page breaks after these 1-based rows. */
  pageBreaks: number[];
}

export const key = (row: number, col: number) => `${row},${col}`;

/**
 * How wide a character of text is in a style, in column-width units (the width of a digit at 11 pt):
 * proportional text runs a little narrower than digits; bold wider; 9 and 10 pt italics narrower.
 */
function fontFactor(style: CellStyle | undefined): number {
  switch (style) {
    case 'title':
      return 1.5;
    case 'subtitle':
      return 0.85;
    case 'note':
      return 0.75;
    case 'header':
    case 'total':
      return 1.05;
    default:
      return 0.95;
  }
}

/** Line height in points of a style. */
const lineHeight = (style: CellStyle | undefined) =>
  style === 'title' ? 21 : style === 'note' ? 12 : style === 'subtitle' ? 13.5 : ROW_POINTS;

const isTextCell = (cell: ReportCell) =>
  cell !== null && numberKind(cell) === null && !isUndefinedRatio(cell);
const isUndefinedRatio = (cell: ReportCell) => cell !== null && 'value' in cell && cell.value === null;

/** Roughly what a cell shows; its length is what the layout needs. */
export function shownText(cell: Exclude<ReportCell, null>): string {
  if (cell.kind === 'text') return cell.text;
  if (isUndefinedRatio(cell)) return 'n/a';
  const k = numberKind(cell);
  if (cell.kind === 'formula' && (k === null || typeof cell.expect !== 'number')) return String(cell.expect);
  const n =
    cell.kind === 'formula'
      ? formulaNumber(cell.format, cell.expect as number)
      : cell.kind === 'money'
        ? cell.cents / 100
        : cell.kind === 'date'
          ? 0
          : (cell as { value: number }).value;
  const grouped = (x: number, decimals: number) =>
    Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  switch (k) {
    case 'money':
      return n < 0 ? `(${grouped(n, 2)})` : grouped(n, 2);
    case 'percent':
      return `${(n * 100).toFixed(1)}%`;
    case 'count':
      return (n < 0 ? '-' : '') + grouped(n, 0);
    case 'multiple':
      return `${n.toFixed(2)}x`;
    case 'ratio':
      return n.toFixed(3);
    default:
      return '0000-00-00';
  }
}

/** Check results (`OK`, `CHECK`) are centred; a check's label reads from the left like any text. */
function ownAlign(cell: Exclude<ReportCell, null>): Align {
  if (!isTextCell(cell)) return 'right';
  return cell.style === 'check' && shownText(cell).length <= 8 ? 'center' : 'left';
}

export function layoutSheet(sheet: ReportSheet): SheetLayout {
  const rows = sheet.rows;
  const lastCol = Math.max(sheet.columns.length, ...rows.map((r) => r.length)) - 1;
  const widths: number[] = [];
  for (let c = 0; c <= lastCol; c++) widths[c] = sheet.columns[c]?.width ?? 9;
  const align = new Map<string, Align>();
  const indent = new Set<string>();
  const wrap = new Set<string>();
  const rowHeights = new Map<number, number>();
  const merges: SheetLayout['merges'] = [];
  const taller = (row: number, points: number) => {
    if (points > (rowHeights.get(row) ?? 0)) rowHeights.set(row, points);
  };

  // Alignment: a header follows the first cell below it that is not a header.
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell === null) return;
      let a = ownAlign(cell);
      if (cell.style === 'header') {
        for (let below = r + 1; below < Math.min(rows.length, r + 8); below++) {
          const b = rows[below]?.[c] ?? null;
          if (b === null || b.style === 'header') continue;
          a = ownAlign(b);
          break;
        }
      }
      align.set(key(r + 1, c), a);
    }),
  );
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell === null || c === 0 || OVERFLOWS.has(cell.style)) return;
      if (align.get(key(r + 1, c)) === 'left' && align.get(key(r + 1, c - 1)) === 'right')
        indent.add(key(r + 1, c));
    }),
  );

  // Widths: every number fits; table text up to the cap.
  rows.forEach((cells) =>
    cells.forEach((cell, c) => {
      if (cell === null || OVERFLOWS.has(cell.style)) return;
      // Digits are a full unit each (bold a tenth more); text by its style.
      const bold = cell.style === 'header' || cell.style === 'total';
      const factor = isTextCell(cell) ? fontFactor(cell.style) : bold ? 1.1 : 1;
      const len = Math.ceil(shownText(cell).length * factor) + 2;
      const need = isTextCell(cell) ? Math.min(len, Math.max(widths[c], TEXT_WIDTH_CAP)) : len;
      if (need > widths[c]) widths[c] = need;
    }),
  );

  // Table text longer than its column wraps.
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell === null || OVERFLOWS.has(cell.style) || !isTextCell(cell)) return;
      const len = shownText(cell).length * fontFactor(cell.style) + (indent.has(key(r + 1, c)) ? 2 : 0);
      if (len + 1 <= widths[c]) return;
      wrap.add(key(r + 1, c));
      taller(r + 1, Math.ceil(len / Math.max(1, widths[c] - 1)) * lineHeight(cell.style));
    }),
  );

  // Running text (titles, notes) stops at the next filled cell, a chart's left edge or the sheet's
  // last column; when it does not fit there it is merged across the free cells and wrapped.
  const chartBoxes = sheet.charts.map((ch) => {
    const a = parseRange(ch.anchor);
    return { col: a.col0, row0: a.row0, row1: a.row0 + ch.height - 1 };
  });
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell === null || !OVERFLOWS.has(cell.style) || !isTextCell(cell)) return;
      let end = lastCol;
      for (let k = c + 1; k <= lastCol; k++) {
        if ((cells[k] ?? null) !== null) {
          end = k - 1;
          break;
        }
      }
      for (const b of chartBoxes) {
        if (r + 1 >= b.row0 && r + 1 <= b.row1 && b.col > c) end = Math.min(end, b.col - 1);
      }
      let room = 0;
      for (let k = c; k <= end; k++) room += widths[k];
      const len = shownText(cell).length * fontFactor(cell.style);
      if (len + 1 <= room) return;
      if (end > c) merges.push({ row: r + 1, col0: c, col1: end });
      wrap.add(key(r + 1, c));
      taller(r + 1, Math.ceil(len / Math.max(1, room - 1)) * lineHeight(cell.style));
    }),
  );

  // Every row gets its height written (the default for the tallest font in it at least): hosts
  // then agree on the row heights, so the pages break where chartBreaks expects.
  rows.forEach((cells, r) => {
    taller(r + 1, ROW_POINTS);
    for (const cell of cells) if (cell !== null) taller(r + 1, lineHeight(cell.style));
  });
  // The model's own breaks (rows that start a page) and the ones that keep charts whole.
  const modelBreaks = (sheet.pageBreaks ?? []).filter((r) => r > 1).map((r) => r - 1);
  const breaks = new Set([...modelBreaks, ...chartBreaks(sheet, widths, rowHeights)]);
  return { widths, align, indent, wrap, rowHeights, merges, pageBreaks: [...breaks].sort((a, b) => a - b) };
}

/**
 * Page breaks that keep each chart whole. Hosts paginate differently (LibreOffice measures columns
 * wider and rows shorter than Excel, so it fits more on a page), so no host's break can be predicted
 * exactly; instead a chart starts a new page unless everything above it and the chart itself fit on
 * the first page even in the host that fits the least (landscape A4 fitted to the width, 7 px a
 * character, the written row heights, a tenth spare). A chart on the first rows never breaks.
 */
function chartBreaks(sheet: ReportSheet, widths: number[], rowHeights: Map<number, number>): number[] {
  const sheetPoints = widths.reduce((s, w) => s + (w * 7 + 5) * 0.75, 0);
  const scale = Math.min(1, PAGE_WIDTH_POINTS / sheetPoints);
  const page = PAGE_HEIGHT_POINTS / scale; // in unscaled points
  const height = (row: number) => rowHeights.get(row) ?? ROW_POINTS;
  const breaks = new Set<number>();
  for (const ch of sheet.charts) {
    const row = parseRange(ch.anchor).row0;
    if (row <= sheet.freezeRows + 1) continue;
    let above = 0;
    for (let r = 1; r < row; r++) above += height(r);
    if (above + ch.height * ROW_PIXELS * 0.75 > page) breaks.add(row - 1);
  }
  return [...breaks].sort((a, b) => a - b);
}
