/**
 * WorkbookIO over SpreadsheetApp: the Google Sheets host of the task-pane actions, synchronous (the
 * actions run with runSync on the Apps Script server).
 *
 * Decisions (the Sheets equivalents of the Excel rules in addin/shared/workbook.ts):
 * - A sheet RunRate writes carries developer metadata `runrate.kind` (report, snapshot, policy);
 *   only such sheets are ever cleared, rewritten or deleted. A sheet without it is the user's.
 *   A RunRate sheet is rewritten in place (cleared, not deleted), so formulas in the user's sheets
 *   that point at it keep working.
 * - Text is written as text: every text cell gets the plain-text number format `@` before its value
 *   is set, so `=SUM(A1)`, `+44 20`, `-5`, `@home`, `00123` or `2025-01-01` typed as data stay the
 *   characters they are. Only `formula` cells of the model become formulas, through setFormulas.
 * - Dates are written as date serials (days since 1899-12-30) with the `yyyy-mm-dd` format: a
 *   number, so no time zone is involved in writing; Sheets shows the calendar date. Reading turns
 *   the Date objects Sheets returns back into `yyyy-MM-dd` in the spreadsheet's own time zone.
 * - Money is written as cents / 100 with the money format.
 * - Writes are batched by blocks of rows: one setNumberFormats, one setValues and one call per
 *   style property used in the block (weights, italics, colours, sizes, backgrounds); formulas go
 *   in one setFormulas per run of adjacent formula cells in a row.
 * - Snapshots are protected with `protect().setWarningOnly(true)`: Sheets warns anyone editing the
 *   sheet. The menu and sidebar run as the user, who may not remove other editors; the snapshot's
 *   seal (a hash in the sheet) is what detects an edit, the protection only discourages one.
 */
import { UserSheetExists } from '../../addin/shared/workbook.js';
import type {
  RangeSource,
  RangeValues,
  SheetKind,
  SheetSummary,
  WorkbookIO,
  WriteOptions,
  WriteStats,
} from '../../addin/shared/workbook.js';
import { cellsIn, numberKind, parseRange } from '../../cli/pack/cells.js';
import { NUMBER_FORMATS, REPORT_MARKER } from '../../src/reports/model.js';
import type { CellStyle, ReportCell, ReportSheet } from '../../src/reports/model.js';
import type { GasRange, GasServices, GasSheet, GasSpreadsheet } from './gas-api.js';
import { gasServices } from './gas-api.js';

/** Developer-metadata key that marks a sheet RunRate wrote, with its kind as the value. */
export const KIND_KEY = 'runrate.kind';
/** Number format of a plain-text cell: what is written is kept as text. */
export const TEXT_FORMAT = '@';
/**
 * Number format of cells with no format of their own (blanks, formulas giving text): the pattern
 * Sheets itself reports for its Automatic format, a plain number pattern every host accepts.
 */
export const GENERAL_FORMAT = '0.###############';
/** Cells per write block: far below Apps Script's payload limits, few enough calls for 100k lines. */
export const BLOCK_CELLS = 50_000;
/** Sheets' default font size (points), for the cells of a block that has sized text. */
const DEFAULT_FONT_SIZE = 10;
/** Sheets' serial of 1970-01-01 (serials count days from 1899-12-30). */
const SERIAL_OF_DAY_ZERO = 25569;
/** Default pixel sizes of a Sheets column and row, for chart sizes. */
const ROW_PIXELS = 21;
const columnPixels = (width: number) => Math.round(width * 7 + 5);

const KINDS: readonly SheetKind[] = ['report', 'snapshot', 'policy'];

interface Look {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  background?: string;
}

/** The same looks as the xlsx pack (cli/pack/write-xlsx.ts), in what Sheets can set per cell. */
export const STYLE_LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 16, color: '#1f3864' },
  subtitle: { italic: true, size: 10, color: '#595959' },
  header: { bold: true, color: '#ffffff', background: '#1f4e79' },
  label: {},
  total: { bold: true },
  note: { italic: true, size: 9, color: '#595959' },
  check: { italic: true, color: '#375623', background: '#e2efda' },
};
const UNDEFINED_RATIO_LOOK: Look = { color: '#808080' };
/** Heat-map colours: light for the low end, blue for the high end (as the xlsx pack). */
export const HEAT_LOW = '#f7fbff';
export const HEAT_HIGH = '#4f8fcc';

export interface SheetsWorkbookOptions {
  /** Cells per write block (tests use small blocks to exercise the batching). */
  blockCells?: number;
}

export class SheetsWorkbook implements WorkbookIO {
  readonly host = 'sheets' as const;
  private readonly gas: GasServices;
  private readonly blockCells: number;

  constructor(services?: GasServices, options: SheetsWorkbookOptions = {}) {
    this.gas = services ?? gasServices();
    this.blockCells = options.blockCells ?? BLOCK_CELLS;
  }

  private get book(): GasSpreadsheet {
    return this.gas.SpreadsheetApp.getActiveSpreadsheet();
  }

  timeZone(): string {
    return this.book.getSpreadsheetTimeZone();
  }

  userName(): string {
    try {
      return this.gas.Session.getActiveUser().getEmail() ?? '';
    } catch {
      return '';
    }
  }

  listSheets(): SheetSummary[] {
    const sheetType = this.gas.SpreadsheetApp.ProtectionType.SHEET;
    return this.book.getSheets().map((s) => ({
      name: s.getName(),
      kind: kindOf(s),
      visible: !s.isSheetHidden(),
      protected: s.getProtections(sheetType).length > 0,
    }));
  }

  listSources(): RangeSource[] {
    const book = this.book;
    const sources: RangeSource[] = book.getNamedRanges().map((n) => ({ kind: 'name', name: n.getName() }));
    for (const s of book.getSheets()) {
      if (kindOf(s) === 'user' && s.getLastRow() > 0) sources.push({ kind: 'sheet', name: s.getName() });
    }
    return sources;
  }

  readSource(source: RangeSource): RangeValues {
    const book = this.book;
    let range: GasRange | null;
    switch (source.kind) {
      case 'name':
        range = book.getRangeByName(source.name);
        if (!range) throw new Error(`No named range "${source.name}" in this spreadsheet`);
        break;
      case 'sheet': {
        const sheet = book.getSheetByName(source.name);
        if (!sheet) throw new Error(`No sheet "${source.name}" in this spreadsheet`);
        range = sheet.getDataRange();
        break;
      }
      case 'selection':
        range = book.getActiveRange();
        if (!range) throw new Error('Nothing is selected');
        break;
      case 'table':
        throw new Error(`Google Sheets has no table "${source.name}": use a named range or a sheet`);
    }
    return {
      source,
      sheet: range.getSheet().getName(),
      topLeft: a1Cell(range.getRow(), range.getColumn()),
      values: this.plainValues(range.getValues()),
    };
  }

  readSheet(name: string): unknown[][] | null {
    const sheet = this.book.getSheetByName(name);
    if (!sheet) return null;
    if (sheet.getLastRow() === 0) return [];
    return this.plainValues(sheet.getDataRange().getValues());
  }

  /**
   * Date cells become `yyyy-MM-dd` in the spreadsheet's time zone (the date the sheet shows). One
   * Utilities.formatDate call per distinct instant: a 100k-line book repeats a few thousand dates.
   */
  private plainValues(values: unknown[][]): unknown[][] {
    const zone = this.timeZone();
    const utilities = this.gas.Utilities;
    const seen = new Map<number, string>();
    const iso = (d: Date) => {
      const t = d.getTime();
      let s = seen.get(t);
      if (s === undefined) seen.set(t, (s = utilities.formatDate(d, zone, 'yyyy-MM-dd')));
      return s;
    };
    return values.map((row) => row.map((v) => (isDate(v) ? iso(v) : v)));
  }

  writeSheet(model: ReportSheet, options: WriteOptions): WriteStats {
    checkSheetName(model.name);
    const { SpreadsheetApp } = this.gas;
    const book = this.book;
    let syncs = 0;
    let sheet = book.getSheetByName(model.name);
    if (sheet) {
      const kind = kindOf(sheet);
      if (kind === 'user') throw new UserSheetExists(model.name);
      for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) p.remove();
      for (const c of sheet.getCharts()) sheet.removeChart(c);
      sheet.setConditionalFormatRules([]);
      sheet.setFrozenRows(0);
      sheet.clear();
      if (kind !== options.kind) {
        sheet
          .getDeveloperMetadata()
          .filter((m) => m.getKey() === KIND_KEY)
          .forEach((m) => m.setValue(options.kind));
      }
      syncs += 1;
    } else {
      const position = Math.min(options.position ?? book.getSheets().length, book.getSheets().length);
      sheet = book.insertSheet(model.name, position);
      sheet.addDeveloperMetadata(KIND_KEY, options.kind, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
      syncs += 1;
    }

    const nRows = Math.max(model.rows.length, 1);
    const nCols = Math.max(model.columns.length, ...model.rows.map((r) => r.length), 1);
    if (sheet.getMaxRows() < nRows) sheet.insertRowsAfter(sheet.getMaxRows(), nRows - sheet.getMaxRows());
    if (sheet.getMaxColumns() < nCols) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), nCols - sheet.getMaxColumns());
    }

    const blockRows = Math.max(1, Math.floor(this.blockCells / nCols));
    const total = model.rows.length;
    for (let start = 0; start < total; start += blockRows) {
      const rows = model.rows.slice(start, start + blockRows);
      syncs += writeBlock(sheet, start + 1, nCols, rows);
      options.onProgress?.(Math.min(start + blockRows, total), total);
    }

    if (total > 0) {
      sheet
        .getRange(1, 1, 1, 1)
        .setNote(`${REPORT_MARKER}. This sheet is regenerated by RunRate: edits here are replaced.`);
      syncs += 1;
    }
    if (model.freezeRows > 0) sheet.setFrozenRows(Math.min(model.freezeRows, nRows));
    model.columns.forEach((c, i) => sheet.setColumnWidths(i + 1, 1, columnPixels(c.width)));
    syncs += model.columns.length > 0 ? 1 : 0;

    for (const chart of model.charts) {
      const at = parseRange(chart.anchor);
      let width = 0;
      for (let c = at.col0; c < at.col0 + chart.width; c++)
        width += columnPixels(model.columns[c]?.width ?? 12);
      const builder = sheet
        .newChart()
        .setChartType(
          chart.kind === 'line' ? this.gas.Charts.ChartType.LINE : this.gas.Charts.ChartType.COLUMN,
        )
        .addRange(sheet.getRange(chart.categories));
      for (const s of chart.series) builder.addRange(sheet.getRange(s.values));
      builder
        .setPosition(at.row0, at.col0 + 1, 0, 0)
        .setOption('title', chart.title)
        .setOption('width', width)
        .setOption('height', chart.height * ROW_PIXELS)
        .setOption('legend', { position: chart.series.length > 1 ? 'bottom' : 'none' })
        .setOption(
          'series',
          Object.fromEntries(chart.series.map((s, i) => [String(i), { labelInLegend: s.name }])),
        );
      if (chart.kind === 'stackedColumn') builder.setOption('isStacked', true);
      sheet.insertChart(builder.build());
      syncs += 1;
    }

    if (model.heatMaps.length > 0) {
      const rules = model.heatMaps.map((h) => {
        // min and max are in the cells' model units: cents for money cells.
        const money = cellsIn(model, h.range).some((c) => numberKind(c) === 'money');
        const scale = (x: number) => String(money ? x / 100 : x);
        const type = SpreadsheetApp.InterpolationType.NUMBER;
        return SpreadsheetApp.newConditionalFormatRule()
          .setGradientMinpointWithValue(HEAT_LOW, type, scale(h.min))
          .setGradientMaxpointWithValue(HEAT_HIGH, type, scale(h.max))
          .setRanges([sheet.getRange(h.range)])
          .build();
      });
      sheet.setConditionalFormatRules(rules);
      syncs += 1;
    }

    if (options.protect) {
      sheet
        .protect()
        .setDescription(`RunRate ${options.kind}: regenerated or sealed by RunRate; edits are detected`)
        .setWarningOnly(true);
      syncs += 1;
    }
    if (options.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
    if (!options.hidden && sheet.isSheetHidden()) sheet.showSheet();
    return { rows: total, syncs };
  }

  deleteSheet(name: string): void {
    const sheet = this.book.getSheetByName(name);
    if (!sheet) return;
    if (kindOf(sheet) === 'user') throw new UserSheetExists(name);
    this.book.deleteSheet(sheet);
  }

  setName(name: string, sheetName: string, address: string): void {
    const book = this.book;
    const sheet = book.getSheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet "${sheetName}" for the name ${name}`);
    if (book.getRangeByName(name)) book.removeNamedRange(name);
    book.setNamedRange(name, sheet.getRange(address));
  }

  select(sheetName: string, address: string): void {
    const sheet = this.book.getSheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet "${sheetName}" in this spreadsheet`);
    sheet.activate();
    sheet.setActiveRange(sheet.getRange(address));
  }
}

/** A Date, whatever realm made it (Apps Script hands the script its own; a test's vm another). */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The kind a sheet's `runrate.kind` metadata gives, `user` for a sheet without it. */
export function kindOf(sheet: GasSheet): SheetKind {
  for (const m of sheet.getDeveloperMetadata()) {
    if (m.getKey() !== KIND_KEY) continue;
    const v = m.getValue() as SheetKind;
    if (KINDS.includes(v)) return v;
  }
  return 'user';
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 100 || /[[\]:*?/\\]/.test(name)) {
    throw new Error(`"${name}" is not a sheet name RunRate can write`);
  }
}

export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const a1Cell = (row: number, col: number) => `${columnName(col)}${row}`;

/** One cell as Sheets takes it: its value, its number format, its look, its formula ('' for none). */
function cellParts(cell: ReportCell): { value: unknown; format: string; look: Look | null; formula: string } {
  if (cell === null) return { value: '', format: GENERAL_FORMAT, look: null, formula: '' };
  const look = cell.style ? STYLE_LOOKS[cell.style] : null;
  switch (cell.kind) {
    case 'text':
      return { value: cell.text, format: TEXT_FORMAT, look, formula: '' };
    case 'money':
      return { value: cell.cents / 100, format: NUMBER_FORMATS.money, look, formula: '' };
    case 'percent':
    case 'ratio':
    case 'multiple':
      if (cell.value === null)
        return { value: 'n/a', format: TEXT_FORMAT, look: { ...look, ...UNDEFINED_RATIO_LOOK }, formula: '' };
      return { value: cell.value, format: NUMBER_FORMATS[cell.kind], look, formula: '' };
    case 'count':
      return { value: cell.value, format: NUMBER_FORMATS.count, look, formula: '' };
    case 'date':
      return { value: cell.day + SERIAL_OF_DAY_ZERO, format: NUMBER_FORMATS.date, look, formula: '' };
    case 'formula':
      return {
        value: '',
        format: cell.format === 'text' ? GENERAL_FORMAT : NUMBER_FORMATS[cell.format],
        look,
        formula: '=' + cell.formula.replace(/^=/, ''),
      };
  }
}

/** Writes rows starting at `row0` (1-based) over `nCols` columns; returns the number of calls made. */
function writeBlock(sheet: GasSheet, row0: number, nCols: number, rows: ReportCell[][]): number {
  const n = rows.length;
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const weights: (string | null)[][] = [];
  const italics: (string | null)[][] = [];
  const colors: (string | null)[][] = [];
  const sizes: (number | null)[][] = [];
  const backgrounds: (string | null)[][] = [];
  const formulas: { row: number; col: number; formula: string }[] = [];
  const used = { bold: false, italic: false, color: false, size: false, background: false };
  for (let r = 0; r < n; r++) {
    const src = rows[r];
    const v: unknown[] = new Array(nCols);
    const f: string[] = new Array(nCols);
    const w: (string | null)[] = new Array(nCols);
    const it: (string | null)[] = new Array(nCols);
    const co: (string | null)[] = new Array(nCols);
    const sz: (number | null)[] = new Array(nCols);
    const bg: (string | null)[] = new Array(nCols);
    for (let c = 0; c < nCols; c++) {
      const parts = cellParts(src[c] ?? null);
      v[c] = parts.value;
      f[c] = parts.format;
      const look = parts.look;
      w[c] = look?.bold ? 'bold' : 'normal';
      it[c] = look?.italic ? 'italic' : 'normal';
      co[c] = look?.color ?? null;
      sz[c] = look?.size ?? DEFAULT_FONT_SIZE;
      bg[c] = look?.background ?? null;
      if (look) {
        used.bold ||= !!look.bold;
        used.italic ||= !!look.italic;
        used.color ||= !!look.color;
        used.size ||= !!look.size;
        used.background ||= !!look.background;
      }
      if (parts.formula) formulas.push({ row: row0 + r, col: c + 1, formula: parts.formula });
    }
    values.push(v);
    formats.push(f);
    weights.push(w);
    italics.push(it);
    colors.push(co);
    sizes.push(sz);
    backgrounds.push(bg);
  }
  const range = sheet.getRange(row0, 1, n, nCols);
  // Formats first: a text cell is plain text before its value arrives, so it is never parsed.
  range.setNumberFormats(formats);
  range.setValues(values);
  let calls = 2;
  const styleCalls: [boolean, () => void][] = [
    [used.bold, () => range.setFontWeights(weights)],
    [used.italic, () => range.setFontStyles(italics)],
    [used.color, () => range.setFontColors(colors)],
    [used.size, () => range.setFontSizes(sizes)],
    [used.background, () => range.setBackgrounds(backgrounds)],
  ];
  for (const [needed, call] of styleCalls) {
    if (!needed) continue;
    call();
    calls++;
  }
  // One setFormulas per run of adjacent formula cells in a row.
  for (let i = 0; i < formulas.length;) {
    let j = i + 1;
    while (
      j < formulas.length &&
      formulas[j].row === formulas[i].row &&
      formulas[j].col === formulas[j - 1].col + 1
    )
      j++;
    const run = formulas.slice(i, j);
    sheet.getRange(run[0].row, run[0].col, 1, run.length).setFormulas([run.map((x) => x.formula)]);
    calls++;
    i = j;
  }
  return calls;
}
