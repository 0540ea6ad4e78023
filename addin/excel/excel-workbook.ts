/// <reference types="office-js" />
/**
 * `WorkbookIO` over Office.js: every call is one `Excel.run` batch with as few `context.sync()`
 * round trips as the job allows. The rules (what a cell becomes, row blocks, styles) are in the
 * pure modules next to this one; this file only drives Excel.
 *
 * Marking: a sheet RunRate writes carries two worksheet custom properties (ExcelApi 1.12, desktop,
 * Mac and web alike, not shown in Excel's UI): `RunRate_Kind` (report, snapshot or policy) and
 * `RunRate_Sheet` (the name RunRate gave it). A sheet counts as RunRate's only when both are there
 * and `RunRate_Sheet` is still its name: a RunRate sheet the user renamed or copied ("Bridge (2)")
 * is the user's from then on and is never replaced or deleted.
 *
 * Writing a sheet: a RunRate sheet of the same name is cleared and rewritten in place (so formulas
 * on the user's own sheets that point at it keep working); a user sheet of that name is refused
 * with `UserSheetExists`. Values go in row blocks (layout.ts) with one `context.sync()` a block:
 * a 10k-row sheet of 6 columns is 1 check + 5 blocks + 1 finish = 7 syncs (replacing a sheet adds
 * one, to read its marks; a waterfall Excel refuses adds two).
 *
 * Needs ExcelApi 1.12 (worksheet custom properties): Microsoft 365, Excel 2021 and later, Excel on
 * the web. Text cells carry Excel's quote prefix (cells.ts); Excel's API says nothing about who
 * the user is, so `userName()` is ''.
 */
import {
  UserSheetExists,
  type RangeSource,
  type RangeValues,
  type SheetKind,
  type SheetSummary,
  type WorkbookIO,
  type WriteOptions,
  type WriteStats,
} from '../shared/workbook.js';
import type { ChartSpec, ReportSheet } from '../../src/reports/model.js';
import {
  blockAddress,
  blockArrays,
  chartCorners,
  chartType,
  columnPoints,
  heatBounds,
  lookFor,
  rowBlocks,
  runAddress,
  sheetWidth,
  styleRuns,
  type StyleLook,
} from './layout.js';
import { columnLetter } from '../../src/cells/address.js';
import { readBlocks, splitAddress, waterfallPoints } from './ranges.js';

export const MARK_KIND = 'RunRate_Kind';
export const MARK_SHEET = 'RunRate_Sheet';
const KINDS: ReadonlySet<string> = new Set(['report', 'snapshot', 'policy']);

/** Heat map colours: low light, high dark (the same as the xlsx board pack). */
const HEAT_LOW = '#F7FBFF';
const HEAT_HIGH = '#4F8FCC';

export interface ExcelWorkbookLimits {
  /** Rows and cells per written block (defaults: layout.ts). */
  blockRows?: number;
  blockCells?: number;
  /** Cells per read block (default 100,000: a few MB at most, under the 5 MB request limit). */
  readCells?: number;
}

/** The kind a sheet's marks say, or 'user'. */
export function kindFromMarks(sheetName: string, kind: unknown, markedName: unknown): SheetKind {
  return typeof kind === 'string' && KINDS.has(kind) && markedName === sheetName
    ? (kind as SheetKind)
    : 'user';
}

/** A sheet name Excel accepts: 1-31 characters, none of []:*?/\, not starting or ending with '. */
export function checkSheetName(name: string): void {
  if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new Error(
      `Sheet name ${JSON.stringify(name)} is not one Excel accepts (1-31 characters, no []:*?/\\).`,
    );
  }
}

interface Marks {
  kind: Excel.WorksheetCustomProperty;
  sheet: Excel.WorksheetCustomProperty;
}

function loadMarks(ws: Excel.Worksheet): Marks {
  const kind = ws.customProperties.getItemOrNullObject(MARK_KIND);
  const sheet = ws.customProperties.getItemOrNullObject(MARK_SHEET);
  kind.load('value');
  sheet.load('value');
  return { kind, sheet };
}

const markValue = (p: Excel.WorksheetCustomProperty): unknown => (p.isNullObject ? null : p.value);

function applyLook(range: Excel.Range, look: StyleLook): void {
  const font = range.format.font;
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size) font.size = look.size;
  if (look.color) font.color = look.color;
  if (look.fill) range.format.fill.color = look.fill;
  if (look.top) {
    const b = range.format.borders.getItem('EdgeTop');
    b.style = look.top.style;
    b.color = look.top.color;
  }
  if (look.bottom) {
    const b = range.format.borders.getItem('EdgeBottom');
    b.style = look.bottom.style;
    b.color = look.bottom.color;
  }
}

export class ExcelWorkbook implements WorkbookIO {
  readonly host = 'excel' as const;

  constructor(private readonly limits: ExcelWorkbookLimits = {}) {}

  /** Excel dates are serials without a zone. */
  timeZone(): string {
    return 'UTC';
  }

  /**
   * Excel's JavaScript API does not say who the user is (only single sign-on would, and RunRate
   * asks for no identity), so change logs record '' for who.
   */
  userName(): string {
    return '';
  }

  async listSheets(): Promise<SheetSummary[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items');
      await context.sync();
      const rows = sheets.items.map((ws) => {
        const marks = loadMarks(ws);
        ws.protection.load('protected');
        return { ws, marks };
      });
      await context.sync();
      return rows.map(({ ws, marks }) => ({
        name: ws.name,
        kind: kindFromMarks(ws.name, markValue(marks.kind), markValue(marks.sheet)),
        visible: ws.visibility === 'Visible',
        protected: ws.protection.protected,
      }));
    });
  }

  async listSources(): Promise<RangeSource[]> {
    return Excel.run(async (context) => {
      const wb = context.workbook;
      wb.tables.load('items');
      wb.names.load('items');
      wb.worksheets.load('items');
      await context.sync();
      const sheets = wb.worksheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address');
        return { ws, used, marks: loadMarks(ws) };
      });
      await context.sync();
      const out: RangeSource[] = [];
      for (const t of wb.tables.items) out.push({ kind: 'table', name: t.name });
      for (const n of wb.names.items) {
        if (n.type === 'Range' && n.visible) out.push({ kind: 'name', name: n.name });
      }
      for (const { ws, used, marks } of sheets) {
        const kind = kindFromMarks(ws.name, markValue(marks.kind), markValue(marks.sheet));
        if (!used.isNullObject && kind === 'user') out.push({ kind: 'sheet', name: ws.name });
      }
      return out;
    });
  }

  async readSource(source: RangeSource): Promise<RangeValues> {
    return Excel.run(async (context) => {
      const wb = context.workbook;
      let range: Excel.Range;
      switch (source.kind) {
        case 'table':
          range = wb.tables.getItem(source.name).getRange();
          break;
        case 'name':
          range = wb.names.getItem(source.name).getRange();
          break;
        case 'sheet':
          range = wb.worksheets.getItem(source.name).getUsedRangeOrNullObject(true);
          break;
        case 'selection':
          range = wb.getSelectedRange();
          break;
      }
      range.load('address,rowIndex,columnIndex,rowCount,columnCount');
      try {
        await context.sync();
      } catch (e) {
        const what = { table: 'table', name: 'named range', sheet: 'sheet', selection: 'selection' }[
          source.kind
        ];
        const detail = e instanceof Error ? ` (${e.message})` : '';
        throw new Error(
          source.kind === 'selection'
            ? `The selection could not be read${detail}.`
            : `No ${what} "${source.name}" could be read in this workbook${detail}.`,
        );
      }
      if (range.isNullObject) {
        return { source, sheet: source.name, topLeft: 'A1', values: [] };
      }
      const { sheet, topLeft } = splitAddress(range.address);
      const values = await readBlocks(context, range.worksheet, range, this.limits.readCells);
      return { source, sheet, topLeft, values };
    });
  }

  async readSheet(name: string): Promise<unknown[][] | null> {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) return null;
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return [];
      const values = await readBlocks(context, ws, used, this.limits.readCells);
      // From A1: pad the rows and columns above and left of the used range with blanks.
      const width = used.columnIndex + used.columnCount;
      const pad = (row: unknown[]): unknown[] => [...new Array(used.columnIndex).fill(''), ...row];
      const above = Array.from({ length: used.rowIndex }, () => new Array(width).fill(''));
      return [...above, ...values.map(pad)];
    });
  }

  async writeSheet(sheet: ReportSheet, options: WriteOptions): Promise<WriteStats> {
    checkSheetName(sheet.name);
    return Excel.run(async (context) => {
      let syncs = 0;
      // A round trip counts whether or not Excel accepts the batch.
      const sync = async (): Promise<void> => {
        syncs++;
        await context.sync();
      };
      const sheets = context.workbook.worksheets;

      // 1. Is there a sheet of that name, and is it RunRate's?
      const existing = sheets.getItemOrNullObject(sheet.name);
      existing.load('name');
      await sync();
      let ws: Excel.Worksheet;
      if (existing.isNullObject) {
        ws = sheets.add(sheet.name);
      } else {
        const marks = loadMarks(existing);
        existing.protection.load('protected');
        existing.charts.load('items');
        await sync();
        const kind = kindFromMarks(existing.name, markValue(marks.kind), markValue(marks.sheet));
        if (kind === 'user') throw new UserSheetExists(sheet.name);
        ws = existing;
        // Cleared in place, in the same batch as the first block.
        if (existing.protection.protected) ws.protection.unprotect();
        ws.freezePanes.unfreeze();
        for (const chart of existing.charts.items) chart.delete();
        const all = ws.getRange();
        all.conditionalFormats.clearAll();
        all.clear('All');
        all.format.useStandardWidth = true;
        all.untrack();
      }
      // Marked before any value is written: a sheet cut short by an error is still RunRate's to replace.
      ws.customProperties.add(MARK_KIND, options.kind);
      ws.customProperties.add(MARK_SHEET, sheet.name);
      if (options.position !== undefined) ws.position = options.position;

      // 2. The values, one block per sync.
      const width = sheetWidth(sheet);
      const total = sheet.rows.length;
      const blocks = rowBlocks(total, width, { rows: this.limits.blockRows, cells: this.limits.blockCells });
      for (const block of blocks) {
        context.application.suspendApiCalculationUntilNextSync();
        const arrays = blockArrays(sheet, block, width);
        const range = ws.getRange(blockAddress(block, width));
        range.numberFormat = arrays.numberFormat;
        range.formulas = arrays.formulas;
        range.untrack();
        for (const run of styleRuns(sheet, block)) {
          const r = ws.getRange(runAddress(run));
          applyLook(r, lookFor(run.look));
          r.untrack();
        }
        await sync();
        options.onProgress?.(block.end, total);
      }

      // 3. Layout, heat maps, charts, protection, visibility.
      sheet.columns.forEach((col, c) => {
        const letter = columnLetter(c);
        const r = ws.getRange(`${letter}:${letter}`);
        r.format.columnWidth = columnPoints(col.width);
        r.untrack();
      });
      if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
      for (const h of sheet.heatMaps) {
        const { min, max } = heatBounds(sheet, h.range, h.min, h.max);
        const cf = ws.getRange(h.range).conditionalFormats.add('ColorScale');
        cf.colorScale.criteria = {
          minimum: { type: 'Number', formula: String(min), color: HEAT_LOW },
          maximum: { type: 'Number', formula: String(max), color: HEAT_HIGH },
        };
      }
      for (const row of sheet.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${row}`);
      const finish = (): void => {
        if (options.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
        ws.visibility = options.hidden ? 'Hidden' : 'Visible';
      };
      // Charts other than waterfalls first; a waterfall last, since Excel builds without one refuse it.
      const charts = sheet.charts.map((chart, i) => ({ chart, name: chartName(i) }));
      const waterfalls = charts.filter((c) => c.chart.kind === 'waterfall');
      for (const c of charts) if (c.chart.kind !== 'waterfall') addChart(ws, c.chart, c.name, true);
      for (const c of waterfalls) addChart(ws, c.chart, c.name, true);
      finish();
      try {
        await sync();
      } catch (e) {
        if (waterfalls.length === 0) throw e;
        // Everything before the first waterfall is in place. A waterfall Excel created but could
        // not finish is removed; then the waterfalls are drawn as stacked columns.
        const left = waterfalls.map((c) => {
          const old = ws.charts.getItemOrNullObject(c.name);
          old.load('name');
          return old;
        });
        await sync();
        for (const old of left) if (!old.isNullObject) old.delete();
        for (const c of waterfalls) addChart(ws, c.chart, c.name, false);
        finish();
        await sync();
      }
      return { rows: total, syncs };
    });
  }

  async deleteSheet(name: string): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) return;
      const marks = loadMarks(ws);
      await context.sync();
      if (kindFromMarks(ws.name, markValue(marks.kind), markValue(marks.sheet)) === 'user') {
        throw new UserSheetExists(name);
      }
      ws.delete();
      await context.sync();
    });
  }

  async setName(name: string, sheet: string, address: string): Promise<void> {
    await Excel.run(async (context) => {
      const names = context.workbook.names;
      const old = names.getItemOrNullObject(name);
      old.load('name');
      await context.sync();
      if (!old.isNullObject) old.delete();
      names.add(name, context.workbook.worksheets.getItem(sheet).getRange(address));
      await context.sync();
    });
  }

  async select(sheet: string, address: string): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}

/** The name of a sheet's chart (its position in the model), unique on the sheet. */
export const chartName = (index: number): string => `RunRate chart ${index + 1}`;

/**
 * Adds a chart. An Excel waterfall cannot mark a point as a total through the API, so it gets the
 * opening total and the movements (waterfallPoints) and ends at the closing level; the stacked
 * column fallback shows every point.
 */
function addChart(ws: Excel.Worksheet, chart: ChartSpec, name: string, waterfall: boolean): void {
  const type = chartType(chart.kind, waterfall);
  const asWaterfall = type === 'Waterfall';
  const points = (a1: string): string => (asWaterfall ? waterfallPoints(a1) : a1);
  const categories = points(chart.categories);
  const [first, ...rest] = chart.series;
  if (!first) return;
  const c = ws.charts.add(type, ws.getRange(points(first.values)), 'Columns');
  c.name = name;
  c.title.text = chart.title;
  const s0 = c.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(ws.getRange(categories));
  for (const s of rest) {
    const x = c.series.add(s.name);
    x.setValues(ws.getRange(points(s.values)));
    x.setXAxisValues(ws.getRange(categories));
  }
  c.legend.visible = chart.series.length > 1;
  const { start, end } = chartCorners(chart);
  c.setPosition(start, end);
}
