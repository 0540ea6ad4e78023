/**
 * An in-memory workbook behind `WorkbookIO` (host 'memory'): synchronous, browser-safe (no Node
 * APIs), and strict about the rules every host keeps, so tests of the actions are real:
 * - a sheet RunRate did not create (kind 'user') is never replaced or deleted (`UserSheetExists`);
 * - a `text` cell of a report model is stored as text even when it starts with `=`; only a
 *   `formula` cell becomes a formula (its value is the model's `expect`, as a spreadsheet would
 *   compute it);
 * - a protected sheet refuses edits (`setCell`) until it is unprotected;
 * - writes are counted in blocks of `blockRows` rows (`syncs`), as Excel's writer syncs per block.
 *
 * Each cell records its value, kind (text / number / boolean / formula), number format and style.
 * Dates of report cells are stored as Excel serials with the date format (`dates: 'serial'`, the
 * default, as Excel holds them) or as ISO text (`dates: 'iso'`, as the Sheets host hands them out).
 *
 * Used by the actions' tests, the headless-Chromium task-pane test (bundled into a page) and the
 * Apps Script comparisons.
 */
import { excelSerialFromDay, formatDay } from '../../src/cells/days.js';
import { columnLetter } from '../../src/cells/address.js';
import {
  NUMBER_FORMATS,
  type CellStyle,
  type ChartSpec,
  type HeatMap,
  type ReportCell,
  type ReportSheet,
} from '../../src/reports/model.js';
import {
  UserSheetExists,
  type RangeSource,
  type RangeValues,
  type SheetKind,
  type SheetSummary,
  type WorkbookIO,
  type WriteOptions,
  type WriteStats,
} from './workbook.js';

export type CellValue = string | number | boolean | null;

export interface MemoryCell {
  /** What a read returns: the text, the number, the boolean, or a formula's computed value. */
  value: CellValue;
  kind: 'text' | 'number' | 'boolean' | 'formula';
  /** The formula with its leading `=`, for a formula cell. */
  formula?: string;
  /** Number format code (Excel's), when one was set. */
  format?: string;
  style?: CellStyle;
}

export interface MemorySheet {
  name: string;
  kind: SheetKind;
  protected: boolean;
  hidden: boolean;
  /** rows[r][c], 0-based; holes are blank cells. */
  rows: (MemoryCell | undefined)[][];
  freezeRows: number;
  /** Column widths in characters, by 0-based column (from the report model). */
  columnWidths: number[];
  charts: ChartSpec[];
  heatMaps: HeatMap[];
  /** The model's title, for RunRate sheets. */
  title: string;
}

export interface MemoryWorkbookOptions {
  /** How report date cells are stored and read back. Default 'serial' (Excel). */
  dates?: 'serial' | 'iso';
  /** Rows per write block (one sync each). Default 2000. */
  blockRows?: number;
  userName?: string;
  timeZone?: string;
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** `B3` -> { row: 2, col: 1 } (0-based); `$B$3` too. */
export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${JSON.stringify(a1)}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `A1:C5` (or one cell) -> a 0-based rectangle. */
export function parseRange(address: string): Rect {
  const [a, b] = address.split(':');
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  const row = Math.min(p.row, q.row);
  const col = Math.min(p.col, q.col);
  return { row, col, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

export const a1Of = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;
const rangeOf = (r: Rect): string => `${a1Of(r.row, r.col)}:${a1Of(r.row + r.rows - 1, r.col + r.cols - 1)}`;

function userCell(v: unknown): MemoryCell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return { value: v, kind: 'number' };
  if (typeof v === 'boolean') return { value: v, kind: 'boolean' };
  return { value: String(v), kind: 'text' };
}

export class MemoryWorkbook implements WorkbookIO {
  readonly host = 'memory' as const;
  /** Round trips so far: one per written block of `blockRows` rows. */
  syncs = 0;
  readonly blockRows: number;
  readonly dates: 'serial' | 'iso';
  user: string;
  zone: string;
  private readonly sheets: MemorySheet[] = [];
  private readonly names = new Map<string, { sheet: string; address: string }>();
  private readonly tables = new Map<string, { sheet: string; address: string }>();
  /** The selected range (sheet and address), as the user or `select` left it. */
  selection: { sheet: string; address: string } | null = null;

  constructor(options: MemoryWorkbookOptions = {}) {
    this.blockRows = Math.max(1, options.blockRows ?? 2000);
    this.dates = options.dates ?? 'serial';
    this.user = options.userName ?? '';
    this.zone = options.timeZone ?? 'UTC';
  }

  // ---- test helpers ---------------------------------------------------------------------------

  /** Creates (or fills) a user sheet with values from A1; a RunRate sheet of that name is refused. */
  setSheet(name: string, values: unknown[][]): MemorySheet {
    let s = this.find(name);
    if (s && s.kind !== 'user') throw new Error(`"${name}" is a RunRate sheet, not a user sheet`);
    if (!s) {
      s = this.newSheet(name, 'user');
      this.sheets.push(s);
    }
    s.rows = values.map((row) => row.map(userCell));
    return s;
  }

  /** A table named `name` over `values` (header row first) on user sheet `sheet`, from `topLeft`. */
  addTable(name: string, sheet: string, values: unknown[][], topLeft = 'A1'): void {
    let s = this.find(sheet);
    if (!s) {
      s = this.newSheet(sheet, 'user');
      this.sheets.push(s);
    } else if (s.kind !== 'user') throw new Error(`"${sheet}" is a RunRate sheet, not a user sheet`);
    const at = parseA1(topLeft);
    const cols = Math.max(1, ...values.map((r) => r.length));
    values.forEach((row, i) => {
      for (let c = 0; c < cols; c++) this.put(s, at.row + i, at.col + c, userCell(row[c]));
    });
    this.tables.set(name, {
      sheet,
      address: rangeOf({ row: at.row, col: at.col, rows: Math.max(1, values.length), cols }),
    });
  }

  /** A user's edit of one cell; refused on a protected sheet. */
  setCell(sheet: string, a1: string, value: unknown): void {
    const s = this.mustFind(sheet);
    if (s.protected) throw new Error(`the sheet "${sheet}" is protected`);
    const p = parseA1(a1);
    this.put(s, p.row, p.col, userCell(value));
  }

  /** What a user does before editing a protected sheet (there is no password). */
  unprotect(sheet: string): void {
    this.mustFind(sheet).protected = false;
  }

  cell(sheet: string, a1: string): MemoryCell | undefined {
    const s = this.find(sheet);
    if (!s) return undefined;
    const p = parseA1(a1);
    return s.rows[p.row]?.[p.col];
  }

  sheet(name: string): MemorySheet | undefined {
    return this.find(name);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  nameAddress(name: string): { sheet: string; address: string } | undefined {
    return this.names.get(name);
  }

  tableAddress(name: string): { sheet: string; address: string } | undefined {
    return this.tables.get(name);
  }

  /** Values of a range, as `readSource` would give them (blanks ''). */
  rangeValues(sheet: string, address: string): CellValue[][] {
    return this.valuesOf(this.mustFind(sheet), parseRange(address));
  }

  /** The whole workbook as plain JSON (comparisons across hosts, debugging). */
  snapshotJSON(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        kind: s.kind,
        protected: s.protected,
        hidden: s.hidden,
        freezeRows: s.freezeRows,
        columnWidths: s.columnWidths.slice(),
        charts: s.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
        heatMaps: s.heatMaps.map((h) => ({ ...h })),
        cells: s.rows.map((row) => row.map((c) => (c ? { ...c } : null))),
      })),
      names: Object.fromEntries(this.names),
      tables: Object.fromEntries(this.tables),
      selection: this.selection,
    };
  }

  // ---- WorkbookIO -----------------------------------------------------------------------------

  timeZone(): string {
    return this.zone;
  }

  userName(): string {
    return this.user;
  }

  listSheets(): SheetSummary[] {
    return this.sheets.map((s) => ({
      name: s.name,
      kind: s.kind,
      visible: !s.hidden,
      protected: s.protected,
    }));
  }

  listSources(): RangeSource[] {
    const out: RangeSource[] = [];
    for (const name of this.tables.keys()) out.push({ kind: 'table', name });
    for (const name of this.names.keys()) out.push({ kind: 'name', name });
    for (const s of this.sheets) {
      if (s.kind === 'user' && this.usedRect(s)) out.push({ kind: 'sheet', name: s.name });
    }
    return out;
  }

  readSource(source: RangeSource): RangeValues {
    let sheet: MemorySheet;
    let rect: Rect;
    if (source.kind === 'table' || source.kind === 'name') {
      const where = (source.kind === 'table' ? this.tables : this.names).get(source.name);
      if (!where) throw new Error(`no ${source.kind === 'table' ? 'table' : 'range'} named "${source.name}"`);
      sheet = this.mustFind(where.sheet);
      rect = parseRange(where.address);
    } else if (source.kind === 'sheet') {
      sheet = this.mustFind(source.name);
      rect = this.usedRect(sheet) ?? { row: 0, col: 0, rows: 1, cols: 1 };
    } else {
      if (!this.selection) throw new Error('nothing is selected');
      sheet = this.mustFind(this.selection.sheet);
      rect = parseRange(this.selection.address);
    }
    return {
      source,
      sheet: sheet.name,
      topLeft: a1Of(rect.row, rect.col),
      values: this.valuesOf(sheet, rect),
    };
  }

  readSheet(name: string): CellValue[][] | null {
    const s = this.find(name);
    if (!s) return null;
    const used = this.usedRect(s);
    if (!used) return [];
    return this.valuesOf(s, { row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols });
  }

  writeSheet(model: ReportSheet, options: WriteOptions): WriteStats {
    const existing = this.find(model.name);
    if (existing && existing.kind === 'user') throw new UserSheetExists(model.name);
    const s = this.newSheet(model.name, options.kind);
    s.title = model.title;
    s.protected = options.protect === true;
    s.hidden = options.hidden === true;
    s.freezeRows = model.freezeRows;
    s.columnWidths = model.columns.map((c) => c.width);
    s.charts = model.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) }));
    s.heatMaps = model.heatMaps.map((h) => ({ ...h }));
    const total = model.rows.length;
    const syncs = Math.max(1, Math.ceil(total / this.blockRows));
    for (let b = 0; b < syncs; b++) {
      const end = Math.min(total, (b + 1) * this.blockRows);
      for (let r = b * this.blockRows; r < end; r++) s.rows[r] = model.rows[r].map((c) => this.reportCell(c));
      options.onProgress?.(end, total);
    }
    this.syncs += syncs;
    if (existing) {
      const i = this.sheets.indexOf(existing);
      this.sheets.splice(i, 1);
      for (const [n, where] of this.names) if (where.sheet === existing.name) this.names.delete(n);
      const at = options.position ?? i;
      this.sheets.splice(Math.min(at, this.sheets.length), 0, s);
    } else {
      const at = options.position ?? this.sheets.length;
      this.sheets.splice(Math.min(at, this.sheets.length), 0, s);
    }
    return { rows: total, syncs };
  }

  deleteSheet(name: string): void {
    const s = this.find(name);
    if (!s) return;
    if (s.kind === 'user') throw new UserSheetExists(name);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    for (const [n, where] of this.names) if (where.sheet === name) this.names.delete(n);
    if (this.selection?.sheet === name) this.selection = null;
  }

  setName(name: string, sheet: string, address: string): void {
    this.mustFind(sheet);
    parseRange(address);
    this.names.set(name, { sheet, address });
  }

  select(sheet: string, address: string): void {
    this.mustFind(sheet);
    parseRange(address);
    this.selection = { sheet, address };
  }

  // ---- internals ------------------------------------------------------------------------------

  private find(name: string): MemorySheet | undefined {
    const want = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === want);
  }

  private mustFind(name: string): MemorySheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet named "${name}"`);
    return s;
  }

  private newSheet(name: string, kind: SheetKind): MemorySheet {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new Error(`"${name}" is not a valid sheet name`);
    }
    return {
      name,
      kind,
      protected: false,
      hidden: false,
      rows: [],
      freezeRows: 0,
      columnWidths: [],
      charts: [],
      heatMaps: [],
      title: '',
    };
  }

  private put(s: MemorySheet, row: number, col: number, cell: MemoryCell | undefined): void {
    while (s.rows.length <= row) s.rows.push([]);
    const r = s.rows[row];
    while (r.length <= col) r.push(undefined);
    r[col] = cell;
  }

  private reportCell(c: ReportCell): MemoryCell | undefined {
    if (c === null) return undefined;
    const style = c.style ? { style: c.style } : {};
    switch (c.kind) {
      case 'text':
        return { value: c.text, kind: 'text', ...style };
      case 'money':
        return { value: c.cents / 100, kind: 'number', format: NUMBER_FORMATS.money, ...style };
      case 'percent':
      case 'ratio':
      case 'multiple':
        return {
          value: c.value === null ? '' : c.value,
          kind: c.value === null ? 'text' : 'number',
          format: NUMBER_FORMATS[c.kind],
          ...style,
        };
      case 'count':
        return { value: c.value, kind: 'number', format: NUMBER_FORMATS.count, ...style };
      case 'date':
        return this.dates === 'serial'
          ? { value: excelSerialFromDay(c.day), kind: 'number', format: NUMBER_FORMATS.date, ...style }
          : { value: formatDay(c.day), kind: 'text', format: NUMBER_FORMATS.date, ...style };
      case 'formula': {
        let value: CellValue;
        if (c.format === 'money' && typeof c.expect === 'number') value = c.expect / 100;
        else if (c.format === 'date' && typeof c.expect === 'number') {
          value = this.dates === 'serial' ? excelSerialFromDay(c.expect) : formatDay(c.expect);
        } else value = c.expect;
        return {
          value,
          kind: 'formula',
          formula: `=${c.formula}`,
          ...(c.format === 'text' ? {} : { format: NUMBER_FORMATS[c.format] }),
          ...style,
        };
      }
    }
  }

  /** Bounding box of the non-blank cells, or null for an empty sheet. */
  private usedRect(s: MemorySheet): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    s.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell || cell.value === '' || cell.value === null) return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    if (top < 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  private valuesOf(s: MemorySheet, rect: Rect): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row = s.rows[rect.row + r];
      const line: CellValue[] = new Array<CellValue>(rect.cols);
      for (let c = 0; c < rect.cols; c++) {
        const cell = row?.[rect.col + c];
        line[c] = cell ? cell.value : '';
      }
      out.push(line);
    }
    return out;
  }
}
