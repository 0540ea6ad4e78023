/**
 * An in-memory SpreadsheetApp (with the HtmlService, Session, Utilities and Charts the RunRate
 * server uses) for tests: exactly the surface of gas/server/gas-api.ts, with Sheets' own rules
 * where they decide what a test proves:
 * - setValues parses strings as Sheets does for typed input: `=…` becomes a formula, a number or
 *   an ISO date in text becomes a number or a date, `'…` is text without the apostrophe; a cell
 *   whose number format is plain text (`@`) keeps any string as text.
 * - A number in a date-formatted cell reads back (getValues) as a Date: midnight of that day in
 *   the spreadsheet's time zone; a Date written is stored as the day and time it shows there.
 * - Ranges outside the sheet's grid throw, as in Sheets; a new sheet is 1000 x 26.
 * - A formula is not computed: getValues gives its `formulaValue` (a test's hook) or ''.
 * Everything else (charts, conditional formats, protections, metadata, menus, dialogs) is recorded
 * for the tests to look at. Browser-safe: no Node APIs (the sidebar test bundles it for the page).
 */
import type {
  GasConditionalFormatRule,
  GasConditionalFormatRuleBuilder,
  GasDeveloperMetadata,
  GasEmbeddedChart,
  GasEmbeddedChartBuilder,
  GasEnum,
  GasHtmlOutput,
  GasMenu,
  GasNamedRange,
  GasProtection,
  GasRange,
  GasServices,
  GasSheet,
  GasSpreadsheet,
  GasSpreadsheetApp,
  GasUi,
} from '../../../gas/server/gas-api.js';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
const SERIAL_OF_EPOCH = 25569;
const MS_PER_DAY = 86_400_000;

export interface FakeCell {
  value: unknown;
  formula: string;
  format: string;
  weight: string | null;
  fontStyle: string | null;
  color: string | null;
  size: number | null;
  background: string | null;
  note: string;
}

const blankCell = (): FakeCell => ({
  value: '',
  formula: '',
  format: '',
  weight: null,
  fontStyle: null,
  color: null,
  size: null,
  background: null,
  note: '',
});

/** Sheets' Automatic format: unset, or the pattern Sheets reports for it. */
export const AUTOMATIC_FORMAT = '0.###############';
const isAutomatic = (format: string) => format === '' || format === 'General' || format === AUTOMATIC_FORMAT;

/** A format that shows a date: has a year or day part (`m` alone may be minutes). */
export const isDateFormat = (format: string) => /[yd]/i.test(format.replace(/"[^"]*"/g, ''));

// ---- time zones, browser-safe (Intl) ----

const partsCache = new Map<string, Intl.DateTimeFormat>();
function wallClock(ms: number, zone: string) {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** Sheets serial (days since 1899-12-30, fraction = time of day) of an instant as `zone` shows it. */
export function serialOf(date: Date, zone: string): number {
  const w = wallClock(date.getTime(), zone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallMs / MS_PER_DAY + SERIAL_OF_EPOCH;
}

const instantCache = new Map<string, Map<number, number>>();

/** The instant `zone` shows as the serial's day and time (memoised: books repeat their dates). */
export function dateOfSerial(serial: number, zone: string): Date {
  let byZone = instantCache.get(zone);
  if (!byZone) instantCache.set(zone, (byZone = new Map()));
  let t = byZone.get(serial);
  if (t === undefined) byZone.set(serial, (t = instantOfSerial(serial, zone)));
  return new Date(t);
}

function instantOfSerial(serial: number, zone: string): number {
  const wallMs = Math.round((serial - SERIAL_OF_EPOCH) * MS_PER_DAY);
  let t = wallMs;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(t, zone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    t += wallMs - shown;
  }
  return t;
}

/** Utilities.formatDate for the patterns RunRate uses (yyyy, MM, dd, HH, mm, ss). */
export function formatDate(date: Date, zone: string, pattern: string): string {
  const w = wallClock(date.getTime(), zone);
  const pad = (n: number, k = 2) => String(n).padStart(k, '0');
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (t) =>
    t === 'yyyy'
      ? pad(w.year, 4)
      : t === 'MM'
        ? pad(w.month)
        : t === 'dd'
          ? pad(w.day)
          : t === 'HH'
            ? pad(w.hour)
            : t === 'mm'
              ? pad(w.minute)
              : pad(w.second),
  );
}

// ---- A1 ----

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a1.trim());
  if (!m) throw new Error(`Exception: Range not found: ${a1}`);
  const r0 = Number(m[2]);
  const c0 = columnNumber(m[1]);
  const r1 = m[3] ? Number(m[4]) : r0;
  const c1 = m[3] ? columnNumber(m[3]) : c0;
  return {
    row: Math.min(r0, r1),
    col: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    cols: Math.abs(c1 - c0) + 1,
  };
}

// ---- counters a test can read ----

export interface FakeCallCounts {
  /** Every Range/Sheet call that writes cells or their formats (what a real Sheets pays per call). */
  writes: number;
  reads: number;
}

// ---- the model ----

class FakeMetadata implements GasDeveloperMetadata {
  constructor(
    readonly key: string,
    public value: string,
    readonly visibility: GasEnum,
  ) {}
  getKey() {
    return this.key;
  }
  getValue() {
    return this.value;
  }
  setValue(value: string) {
    this.value = value;
    return this;
  }
}

export class FakeProtection implements GasProtection {
  warningOnly = false;
  description = '';
  removed = false;
  constructor(readonly sheet: FakeSheet) {}
  setWarningOnly(w: boolean) {
    this.warningOnly = w;
    return this;
  }
  setDescription(d: string) {
    this.description = d;
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  remove() {
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
}

export interface RecordedChart {
  type: GasEnum | null;
  ranges: string[];
  position: [number, number, number, number] | null;
  options: Record<string, unknown>;
}

export class FakeChart implements GasEmbeddedChart {
  constructor(
    readonly id: number,
    readonly spec: RecordedChart,
  ) {}
  getChartId() {
    return this.id;
  }
}

class FakeChartBuilder implements GasEmbeddedChartBuilder {
  private spec: RecordedChart = { type: null, ranges: [], position: null, options: {} };
  constructor(private readonly sheet: FakeSheet) {}
  setChartType(type: GasEnum) {
    this.spec.type = type;
    return this;
  }
  addRange(range: GasRange) {
    if (range.getSheet() !== this.sheet) throw new Error('chart range on another sheet');
    this.spec.ranges.push(range.getA1Notation());
    return this;
  }
  setPosition(r: number, c: number, x: number, y: number) {
    this.spec.position = [r, c, x, y];
    return this;
  }
  setOption(option: string, value: unknown) {
    this.spec.options[option] = value;
    return this;
  }
  build() {
    if (this.spec.type === null) throw new Error('Exception: chart type not set');
    if (this.spec.position === null) throw new Error('Exception: chart position not set');
    return new FakeChart(++this.sheet.book.nextId, { ...this.spec, ranges: [...this.spec.ranges] });
  }
}

export interface RecordedGradient {
  min: { color: string; type: GasEnum; value: string } | null;
  max: { color: string; type: GasEnum; value: string } | null;
  ranges: string[];
}

export class FakeConditionalRule implements GasConditionalFormatRule {
  constructor(
    readonly gradient: RecordedGradient,
    private readonly rangeObjects: GasRange[],
  ) {}
  getRanges() {
    return this.rangeObjects;
  }
}

class FakeRuleBuilder implements GasConditionalFormatRuleBuilder {
  private g: RecordedGradient = { min: null, max: null, ranges: [] };
  private rangeObjects: GasRange[] = [];
  setGradientMinpointWithValue(color: string, type: GasEnum, value: string) {
    this.g.min = { color, type, value };
    return this;
  }
  setGradientMaxpointWithValue(color: string, type: GasEnum, value: string) {
    this.g.max = { color, type, value };
    return this;
  }
  setRanges(ranges: GasRange[]) {
    this.rangeObjects = ranges;
    this.g.ranges = ranges.map((r) => r.getA1Notation());
    return this;
  }
  build() {
    if (this.rangeObjects.length === 0) throw new Error('Exception: conditional format rule without ranges');
    return new FakeConditionalRule({ ...this.g }, this.rangeObjects);
  }
}

export class FakeRange implements GasRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    if (row < 1 || col < 1 || rows < 1 || cols < 1) {
      throw new Error('Exception: The coordinates or dimensions of the range are invalid.');
    }
    if (row + rows - 1 > sheet.maxRows || col + cols - 1 > sheet.maxColumns) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  getSheet() {
    return this.sheet;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getA1Notation() {
    const tl = `${columnLetters(this.col)}${this.row}`;
    if (this.rows === 1 && this.cols === 1) return tl;
    return `${tl}:${columnLetters(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }

  private check(grid: unknown[][], what: string): void {
    if (!Array.isArray(grid) || grid.length !== this.rows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.rows}. (${what})`,
      );
    }
    for (const r of grid) {
      if (!Array.isArray(r) || r.length !== this.cols) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(r) ? r.length : 0} but the range has ${this.cols}. (${what})`,
        );
      }
    }
  }

  private each<T>(fn: (cell: FakeCell, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: T[] = new Array(this.cols);
      for (let c = 0; c < this.cols; c++) row[c] = fn(this.sheet.cell(this.row + r, this.col + c), r, c);
      out.push(row);
    }
    return out;
  }

  private write<T>(grid: T[][], what: string, fn: (cell: FakeCell, v: T) => void): this {
    this.check(grid, what);
    this.sheet.book.app.counts.writes++;
    for (let r = 0; r < this.rows; r++) {
      const src = grid[r];
      for (let c = 0; c < this.cols; c++) fn(this.sheet.cellForWrite(this.row + r, this.col + c), src[c]);
    }
    return this;
  }

  getValues(): unknown[][] {
    this.sheet.book.app.counts.reads++;
    const zone = this.sheet.book.timeZone;
    const hook = this.sheet.book.app.formulaValue;
    return this.each((cell) => {
      if (cell.formula) return hook ? hook(this.sheet.name, cell.formula) : '';
      if (typeof cell.value === 'number' && isDateFormat(cell.format))
        return this.sheet.book.app.makeDate(dateOfSerial(cell.value, zone).getTime());
      return cell.value;
    });
  }

  setValues(values: unknown[][]) {
    const zone = this.sheet.book.timeZone;
    return this.write(values, 'setValues', (cell, v) => {
      cell.formula = '';
      if (v === null || v === undefined || v === '') {
        cell.value = '';
      } else if (Object.prototype.toString.call(v) === '[object Date]') {
        cell.value = serialOf(v as Date, zone);
        if (isAutomatic(cell.format)) cell.format = 'yyyy-mm-dd';
      } else if (typeof v === 'string') {
        if (cell.format === '@') cell.value = v;
        else if (v.startsWith("'")) cell.value = v.slice(1);
        else if (v.startsWith('=') && v.length > 1) {
          cell.formula = v;
          cell.value = '';
        } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) cell.value = Number(v);
        else if (/^\d{4}-\d{2}-\d{2}$/.test(v.trim())) {
          const [y, m, d] = v.trim().split('-').map(Number);
          cell.value = Date.UTC(y, m - 1, d) / MS_PER_DAY + SERIAL_OF_EPOCH;
          if (isAutomatic(cell.format)) cell.format = 'yyyy-mm-dd';
        } else cell.value = v;
      } else if (typeof v === 'number' || typeof v === 'boolean') {
        cell.value = v;
      } else {
        throw new Error(`Exception: setValues cannot take a ${typeof v}`);
      }
    });
  }

  getFormulas(): string[][] {
    this.sheet.book.app.counts.reads++;
    return this.each((cell) => cell.formula);
  }

  setFormulas(formulas: string[][]) {
    return this.write(formulas, 'setFormulas', (cell, f) => {
      if (typeof f !== 'string') throw new Error('Exception: setFormulas takes strings');
      if (f.startsWith('=')) {
        cell.formula = f;
        cell.value = '';
      } else {
        cell.formula = '';
        cell.value = f;
      }
    });
  }

  getNumberFormats(): string[][] {
    return this.each((cell) => cell.format || AUTOMATIC_FORMAT);
  }
  setNumberFormats(formats: string[][]) {
    return this.write(formats, 'setNumberFormats', (cell, f) => {
      cell.format = f;
    });
  }
  setFontWeights(w: (string | null)[][]) {
    return this.write(w, 'setFontWeights', (cell, v) => (cell.weight = v));
  }
  setFontStyles(s: (string | null)[][]) {
    return this.write(s, 'setFontStyles', (cell, v) => (cell.fontStyle = v));
  }
  setFontColors(s: (string | null)[][]) {
    return this.write(s, 'setFontColors', (cell, v) => (cell.color = v));
  }
  setFontSizes(s: (number | null)[][]) {
    return this.write(s, 'setFontSizes', (cell, v) => (cell.size = v));
  }
  setBackgrounds(s: (string | null)[][]) {
    return this.write(s, 'setBackgrounds', (cell, v) => (cell.background = v));
  }
  getFontWeights() {
    return this.each((cell) => cell.weight ?? 'normal');
  }
  getFontStyles() {
    return this.each((cell) => cell.fontStyle ?? 'normal');
  }
  getFontColors() {
    return this.each((cell) => cell.color ?? '#000000');
  }
  getBackgrounds() {
    return this.each((cell) => cell.background ?? '#ffffff');
  }
  setNote(note: string | null) {
    this.sheet.book.app.counts.writes++;
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++)
        this.sheet.cellForWrite(this.row + r, this.col + c).note = note ?? '';
    }
    return this;
  }
  getNote() {
    return this.sheet.cell(this.row, this.col).note;
  }
}

export class FakeSheet implements GasSheet {
  cells: ((FakeCell | undefined)[] | undefined)[] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  charts: FakeChart[] = [];
  rules: GasConditionalFormatRule[] = [];
  metadata: FakeMetadata[] = [];
  protections: FakeProtection[] = [];
  hidden = false;
  activeRange: FakeRange | null = null;

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  cell(row: number, col: number): FakeCell {
    return this.cells[row - 1]?.[col - 1] ?? blankCell();
  }
  cellForWrite(row: number, col: number): FakeCell {
    const r = (this.cells[row - 1] ??= []);
    return (r[col - 1] ??= blankCell());
  }

  getName() {
    return this.name;
  }
  getIndex() {
    return this.book.sheets.indexOf(this) + 1;
  }
  getSheetId() {
    return this.id;
  }
  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    if (typeof a1OrRow === 'string') {
      const p = parseA1(a1OrRow);
      return new FakeRange(this, p.row, p.col, p.rows, p.cols);
    }
    return new FakeRange(this, a1OrRow, column as number, numRows, numColumns);
  }
  getDataRange() {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  private filled(cell: FakeCell | undefined) {
    return !!cell && (cell.formula !== '' || cell.value !== '');
  }
  getLastRow() {
    for (let r = this.cells.length; r > 0; r--) if (this.cells[r - 1]?.some((c) => this.filled(c))) return r;
    return 0;
  }
  getLastColumn() {
    let last = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) if (this.filled(row[c - 1])) last = c;
    }
    return last;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  insertRowsAfter(after: number, howMany: number) {
    if (after !== this.maxRows) this.cells.splice(after, 0, ...new Array<undefined>(howMany).fill(undefined));
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after !== this.maxColumns) throw new Error('fake: columns are only added at the end');
    this.maxColumns += howMany;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number) {
    if (howMany >= this.maxRows) throw new Error('Exception: You cannot delete all the rows on the sheet.');
    this.cells.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }
  clear() {
    this.book.app.counts.writes++;
    for (const row of this.cells) {
      if (!row) continue;
      for (const cell of row) {
        if (!cell) continue;
        const note = cell.note;
        Object.assign(cell, blankCell(), { note });
      }
    }
    return this;
  }
  setFrozenRows(rows: number) {
    if (rows > this.maxRows) throw new Error('Exception: frozen rows beyond the sheet');
    this.frozenRows = rows;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setColumnWidths(start: number, num: number, width: number) {
    for (let c = start; c < start + num; c++) this.columnWidths.set(c, width);
    return this;
  }
  newChart() {
    return new FakeChartBuilder(this);
  }
  insertChart(chart: GasEmbeddedChart) {
    this.charts.push(chart as FakeChart);
  }
  getCharts() {
    return [...this.charts];
  }
  removeChart(chart: GasEmbeddedChart) {
    this.charts = this.charts.filter((c) => c !== chart);
  }
  getConditionalFormatRules() {
    return [...this.rules];
  }
  setConditionalFormatRules(rules: GasConditionalFormatRule[]) {
    this.rules = [...rules];
  }
  addDeveloperMetadata(key: string, value: string, visibility: GasEnum) {
    this.metadata.push(new FakeMetadata(key, value, visibility));
    return this;
  }
  getDeveloperMetadata() {
    return [...this.metadata];
  }
  protect() {
    const p = new FakeProtection(this);
    this.protections.push(p);
    return p;
  }
  getProtections(type: GasEnum) {
    if (type !== FAKE_ENUMS.ProtectionType.SHEET) throw new Error('fake: only sheet protections');
    return [...this.protections];
  }
  hideSheet() {
    if (this.book.sheets.filter((s) => !s.hidden).length <= 1) {
      throw new Error("Exception: You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this;
  }
  showSheet() {
    this.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this.hidden;
  }
  activate() {
    this.book.active = this;
    return this;
  }
  setActiveRange(range: GasRange) {
    if (range.getSheet() !== this) throw new Error('Exception: the range is on another sheet');
    this.book.active = this;
    this.activeRange = range as FakeRange;
    return range;
  }

  // ---- for tests ----
  /** Values as getValues gives them, over the data range (empty sheet: []). */
  dump(): unknown[][] {
    return this.getLastRow() === 0 ? [] : this.getDataRange().getValues();
  }
  /** Fills the sheet with `rows` starting at A1, exactly as a user typing (setValues rules). */
  fill(rows: unknown[][], options: { textColumns?: number[] } = {}): void {
    const cols = Math.max(...rows.map((r) => r.length));
    const grid = rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? ''));
    if (this.maxRows < grid.length) this.insertRowsAfter(this.maxRows, grid.length - this.maxRows);
    if (this.maxColumns < cols) this.insertColumnsAfter(this.maxColumns, cols - this.maxColumns);
    const range = this.getRange(1, 1, grid.length, cols);
    if (options.textColumns) {
      const formats = grid.map(() =>
        Array.from({ length: cols }, (_, i) => (options.textColumns!.includes(i) ? '@' : '')),
      );
      range.setNumberFormats(formats);
    }
    range.setValues(grid);
  }
}

class FakeNamedRange implements GasNamedRange {
  constructor(
    readonly book: FakeSpreadsheet,
    readonly name: string,
    public range: FakeRange,
  ) {}
  getName() {
    return this.name;
  }
  getRange() {
    return this.range;
  }
  remove() {
    this.book.named.delete(this.name.toUpperCase());
  }
}

export class FakeSpreadsheet implements GasSpreadsheet {
  sheets: FakeSheet[] = [];
  named = new Map<string, FakeNamedRange>();
  active: FakeSheet;
  nextId = 0;

  constructor(
    readonly app: FakeSpreadsheetApp,
    public timeZone: string,
    readonly name = 'Book',
  ) {
    this.active = this.insertSheet('Sheet1', 0);
  }
  getName() {
    return this.name;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    if (this.getSheetByName(name)) {
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const sheet = new FakeSheet(this, name, ++this.nextId);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet;
    return sheet;
  }
  deleteSheet(sheet: GasSheet) {
    if (this.sheets.length <= 1)
      throw new Error('Exception: You cannot delete all the sheets in a document.');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const [k, n] of this.named) if (n.range.sheet === sheet) this.named.delete(k);
    if (this.active === sheet) this.active = this.sheets[0];
  }
  getNamedRanges() {
    return [...this.named.values()];
  }
  getRangeByName(name: string) {
    return this.named.get(name.toUpperCase())?.range ?? null;
  }
  setNamedRange(name: string, range: GasRange) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new Error(`Exception: invalid range name ${name}`);
    }
    if (this.named.has(name.toUpperCase()))
      throw new Error(`Exception: the named range ${name} already exists`);
    this.named.set(name.toUpperCase(), new FakeNamedRange(this, name, range as FakeRange));
  }
  removeNamedRange(name: string) {
    if (!this.named.delete(name.toUpperCase())) throw new Error(`Exception: no named range ${name}`);
  }
  getActiveRange() {
    return this.active.activeRange;
  }
  getActiveSheet() {
    return this.active;
  }
  /** A sheet for the user's data (as a user would add and fill it). */
  addUserSheet(name: string, rows: unknown[][] = [], options: { textColumns?: number[] } = {}): FakeSheet {
    const sheet = this.insertSheet(name, this.sheets.length);
    if (rows.length > 0) sheet.fill(rows, options);
    return sheet;
  }
}

export const FAKE_ENUMS = {
  DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
  ProtectionType: { SHEET: 'SHEET', RANGE: 'RANGE' },
  InterpolationType: { NUMBER: 'NUMBER', MIN: 'MIN', MAX: 'MAX' },
  ChartType: { COLUMN: 'COLUMN', LINE: 'LINE' },
} as const;

export class FakeHtmlOutput implements GasHtmlOutput {
  title = '';
  width = 0;
  height = 0;
  constructor(public content: string) {}
  getContent() {
    return this.content;
  }
  setContent(content: string) {
    this.content = content;
    return this;
  }
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  setWidth(w: number) {
    this.width = w;
    return this;
  }
  setHeight(h: number) {
    this.height = h;
    return this;
  }
}

export interface RecordedMenu {
  caption: string;
  items: ({ caption: string; fn: string } | 'separator')[];
}

class FakeMenu implements GasMenu {
  readonly items: RecordedMenu['items'] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}
  addItem(caption: string, fn: string) {
    this.items.push({ caption, fn });
    return this;
  }
  addSeparator() {
    this.items.push('separator');
    return this;
  }
  addToUi() {
    this.ui.menus.push({ caption: this.caption, items: [...this.items] });
  }
}

export class FakeUi implements GasUi {
  menus: RecordedMenu[] = [];
  sidebars: FakeHtmlOutput[] = [];
  dialogs: { output: FakeHtmlOutput; title: string }[] = [];
  createMenu(caption: string) {
    return new FakeMenu(this, caption);
  }
  showSidebar(output: GasHtmlOutput) {
    this.sidebars.push(output as FakeHtmlOutput);
  }
  showModalDialog(output: GasHtmlOutput, title: string) {
    this.dialogs.push({ output: output as FakeHtmlOutput, title });
  }
}

export class FakeSpreadsheetApp implements GasSpreadsheetApp {
  readonly counts: FakeCallCounts = { writes: 0, reads: 0 };
  readonly ui = new FakeUi();
  readonly book: FakeSpreadsheet;
  /** What getValues gives for a formula cell; '' when unset (the fake does not compute). */
  formulaValue: ((sheet: string, formula: string) => unknown) | null = null;
  /** Makes the Date objects getValues returns (a test running the server in a vm gives the vm's Date). */
  makeDate: (ms: number) => Date = (ms) => new Date(ms);
  DeveloperMetadataVisibility = FAKE_ENUMS.DeveloperMetadataVisibility;
  ProtectionType = FAKE_ENUMS.ProtectionType;
  InterpolationType = FAKE_ENUMS.InterpolationType;

  constructor(timeZone: string) {
    this.book = new FakeSpreadsheet(this, timeZone);
  }
  getActiveSpreadsheet() {
    return this.book;
  }
  getUi() {
    return this.ui;
  }
  flush() {}
  newConditionalFormatRule() {
    return new FakeRuleBuilder();
  }
}

export interface FakeServicesOptions {
  /** The spreadsheet's time zone (IANA); default UTC. */
  timeZone?: string;
  /** Session.getActiveUser().getEmail(); default '' (what Apps Script gives outside the domain). */
  user?: string;
  /** Project HTML files by name (HtmlService.createHtmlOutputFromFile). */
  files?: Record<string, string>;
}

export interface FakeServices extends GasServices {
  SpreadsheetApp: FakeSpreadsheetApp;
}

export function createFakeServices(options: FakeServicesOptions = {}): FakeServices {
  const files = options.files ?? {};
  return {
    SpreadsheetApp: new FakeSpreadsheetApp(options.timeZone ?? 'UTC'),
    HtmlService: {
      createHtmlOutputFromFile(name: string) {
        const html = files[name];
        if (html === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
        return new FakeHtmlOutput(html);
      },
      createHtmlOutput(html: string) {
        return new FakeHtmlOutput(html);
      },
    },
    Session: { getActiveUser: () => ({ getEmail: () => options.user ?? '' }) },
    Utilities: { formatDate },
    Charts: { ChartType: FAKE_ENUMS.ChartType },
  };
}

/** Puts the services on globalThis, as Apps Script has them; returns a function that takes them off. */
export function installGlobals(services: GasServices): () => void {
  const g = globalThis as Record<string, unknown>;
  const keys = ['SpreadsheetApp', 'HtmlService', 'Session', 'Utilities', 'Charts'] as const;
  const before = keys.map((k) => g[k]);
  for (const k of keys) g[k] = services[k];
  return () => keys.forEach((k, i) => (before[i] === undefined ? delete g[k] : (g[k] = before[i])));
}
