/**
 * An Excel workbook for the Office.js writer's tests, built on office-addin-mock: every proxy the
 * code gets (`context`, worksheets, ranges, custom properties, charts ...) is an `OfficeMockObject`
 * seeded with the scalar properties the code may load, so reading one that was not loaded and
 * synced gives the mock's "not loaded" error as real Office.js would. The mock keeps no workbook,
 * so this file adds one: a list of sheets with their cells, marks, protection, charts and
 * conditional formats.
 *
 * As in Excel, writes and method calls are queued on the request context and applied at
 * `context.sync()`, in order; a command that fails (writing to a protected sheet, a waterfall chart
 * where `waterfall` is off) fails that sync and drops the commands after it. `syncs` counts every
 * sync, `batches` how many commands each carried.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { parseRange, columnIndex } from '../../../cli/pack/cells.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the mock hands out untyped proxies */

export interface FakeCell {
  /** What Excel holds: text, a number, or a formula (its text, with the leading `=`). */
  kind: 'text' | 'number' | 'formula' | 'boolean';
  value: string | number | boolean;
  /** A string Excel would have parsed itself (written without the quote prefix, not a formula). */
  parsed?: boolean;
  numberFormat?: string;
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  fill?: string;
  borders?: Record<string, { style?: string; color?: string }>;
}

export interface FakeChart {
  type: string;
  name?: string;
  source: string;
  title?: string;
  series: { name?: string; values: string; categories?: string }[];
  legend?: boolean;
  position?: { start: string; end?: string };
}

export class FakeSheet {
  visibility = 'Visible';
  props = new Map<string, string>();
  protected = false;
  protectOptions: unknown = null;
  cells = new Map<string, FakeCell>();
  charts: FakeChart[] = [];
  colorScales: { range: string; criteria: any }[] = [];
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  pageBreaks: string[] = [];
  activated = 0;
  selected: string | null = null;

  constructor(public name: string) {}

  cell(a1: string): FakeCell | undefined {
    const r = parseRange(a1);
    return this.cells.get(`${r.row0 - 1},${r.col0}`);
  }

  /** Sets cells from a 2-D array from the top-left cell (values a user typed: numbers, text). */
  fill(values: unknown[][], top = 0, left = 0): this {
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '' || v === undefined) return;
        const kind = typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text';
        this.cells.set(`${top + r},${left + c}`, { kind, value: v as never });
      }),
    );
    return this;
  }

  /** Bounding box of the non-empty cells, 0-based, or null. */
  used(): { row0: number; col0: number; row1: number; col1: number } | null {
    let b: { row0: number; col0: number; row1: number; col1: number } | null = null;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(',').map(Number);
      if (!b) b = { row0: r, col0: c, row1: r, col1: c };
      else {
        b.row0 = Math.min(b.row0, r);
        b.col0 = Math.min(b.col0, c);
        b.row1 = Math.max(b.row1, r);
        b.col1 = Math.max(b.col1, c);
      }
    }
    return b;
  }

  /** The value Excel reports for a cell (formulas are not calculated here: their text). */
  valueAt(r: number, c: number): unknown {
    const cell = this.cells.get(`${r},${c}`);
    return cell === undefined ? '' : cell.value;
  }
}

export interface FakeTable {
  name: string;
  sheet: string;
  /** A1 range including the header. */
  range: string;
}

/** A 0-based rectangle. */
interface Rect {
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function rectOf(a1: string | undefined): Rect {
  if (a1 === undefined) return { row0: 0, col0: 0, rows: MAX_ROWS, cols: MAX_COLS };
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(a1);
  if (cols) {
    const c0 = columnIndex(cols[1]);
    return { row0: 0, col0: c0, rows: MAX_ROWS, cols: columnIndex(cols[2]) - c0 + 1 };
  }
  const r = parseRange(a1);
  return { row0: r.row0 - 1, col0: r.col0, rows: r.row1 - r.row0 + 1, cols: r.col1 - r.col0 + 1 };
}

const letters = (c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const a1Of = (r: Rect): string =>
  `${letters(r.col0)}${r.row0 + 1}:${letters(r.col0 + r.cols - 1)}${r.row0 + r.rows}`;
const quoteSheet = (name: string): string =>
  /^[A-Za-z0-9_.]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names = new Map<string, { sheet: string; range: string }>();
  selection: { sheet: string; range: string } | null = null;
  /**
   * Off: Excel without the waterfall chart type. `waterfallFails` says where: at `charts.add`, or
   * (the chart made) at its axis values.
   */
  waterfall = true;
  waterfallFails: 'add' | 'axis' = 'add';
  syncs = 0;
  /** Commands applied by each sync, in order. */
  batches: number[] = [];
  calculationSuspensions = 0;

  /** The global `Excel` the code under test sees: a mock whose `run` opens a request context. */
  readonly global: any;

  constructor() {
    this.global = new OfficeMockObject({
      run: async (batch: (context: any) => Promise<unknown>) => batch(new Batch(this).context),
    } as never);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, marks?: Record<string, string>): FakeSheet {
    const s = new FakeSheet(name);
    for (const [k, v] of Object.entries(marks ?? {})) s.props.set(k, v);
    this.sheets.push(s);
    return s;
  }

  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw fail('ItemNotFound', `no sheet ${name}`);
    return s;
  }
}

function fail(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** One `Excel.run`: the proxies it handed out and the commands queued since the last sync. */
class Batch {
  readonly context: any;
  private mocks: OfficeMockObject[] = [];
  private queue: (() => void)[] = [];
  /** True while the mock fills in loaded properties (its own writes are not commands). */
  private syncing = false;

  constructor(private readonly book: FakeExcel) {
    this.context = this.mock({
      sync: async () => this.sync(),
    });
    this.context.application = this.mock({
      suspendApiCalculationUntilNextSync: () => this.enqueue(() => book.calculationSuspensions++),
    });
    this.context.workbook = this.workbook();
  }

  private async sync(): Promise<void> {
    this.book.syncs++;
    const queue = this.queue;
    this.queue = [];
    let applied = 0;
    try {
      for (const command of queue) {
        command();
        applied++;
      }
    } finally {
      this.book.batches.push(applied);
    }
    this.syncing = true;
    try {
      for (const m of this.mocks) if (m !== this.context) await OfficeMockObject.prototype.sync.call(m);
    } finally {
      this.syncing = false;
    }
  }

  private enqueue(command: () => void): void {
    this.queue.push(command);
  }

  /** A mock seeded with `seed` (scalars to be loaded, methods) plus plain fields (navigation, items). */
  private mock(seed: Record<string, unknown>, plain: Record<string, unknown> = {}): any {
    const m = new OfficeMockObject(seed as never) as any;
    Object.assign(m, plain);
    this.mocks.push(m);
    return m;
  }

  /** A queued property: setting it queues `apply(value)`; reading it gives what was set. */
  private setter(target: any, prop: string, apply: (value: any) => void): void {
    let current: unknown = target[prop];
    Object.defineProperty(target, prop, {
      configurable: true,
      get: () => current,
      set: (v) => {
        current = v;
        // The mock's own bookkeeping: its "not loaded" markers, and loaded values at sync.
        if (this.syncing || (typeof v === 'string' && v.startsWith('Error, '))) return;
        this.enqueue(() => apply(v));
      },
    });
  }

  private workbook(): any {
    const book = this.book;
    const wb = this.mock({
      getSelectedRange: () => {
        if (!book.selection) throw fail('ItemNotFound', 'no selection');
        return this.range(book.selection.sheet, book.selection.range);
      },
    });
    wb.worksheets = this.mock({
      getItemOrNullObject: (name: string) => this.worksheet(name, true),
      getItem: (name: string) => this.worksheet(name, false),
      add: (name: string) => {
        // The proxy exists now; the sheet once the sync adds it.
        const proxy = this.worksheetProxy(name, () => book.mustSheet(name), false);
        this.enqueue(() => {
          if (book.sheet(name)) throw fail('ItemAlreadyExists', `sheet ${name} exists`);
          book.addSheet(name);
        });
        return proxy;
      },
      items: book.sheets.map((s) => this.worksheetProxy(s.name, () => s, true)),
    });
    wb.tables = this.mock({
      getItem: (name: string) => {
        const t = book.tables.find((x) => x.name === name);
        if (!t) return this.missing(`no table ${name}`);
        return this.mock({}, { getRange: () => this.range(t.sheet, t.range) });
      },
      items: book.tables.map((t) => this.mock({}, { name: t.name })),
    });
    wb.names = this.mock({
      getItem: (name: string) => {
        const n = book.names.get(name);
        if (!n) return this.missing(`no name ${name}`);
        return this.mock({}, { getRange: () => this.range(n.sheet, n.range) });
      },
      getItemOrNullObject: (name: string) => {
        const n = book.names.get(name);
        return this.mock(
          { name: n ? name : undefined },
          { isNullObject: !n, delete: () => this.enqueue(() => book.names.delete(name)) },
        );
      },
      add: (name: string, range: any) =>
        this.enqueue(() => book.names.set(name, { sheet: range._sheet, range: range._a1 })),
      items: [...book.names.keys()].map((name) => this.mock({}, { name, type: 'Range', visible: true })),
    });
    return wb;
  }

  /** A table or name that is not there: the next sync fails with ItemNotFound. */
  private missing(message: string): any {
    this.enqueue(() => {
      throw fail('ItemNotFound', message);
    });
    return this.mock({}, { getRange: () => this.range('', 'A1') });
  }

  private worksheet(name: string, orNull: boolean): any {
    const s = this.book.sheet(name);
    // As in Excel, a missing item fails the sync, not the call.
    if (!s && !orNull) this.enqueue(() => this.book.mustSheet(name));
    return this.worksheetProxy(name, () => this.book.mustSheet(name), false, !s);
  }

  /**
   * A worksheet proxy. `loaded`: an item of a loaded collection (its scalars are plain fields);
   * otherwise its scalars must be loaded and synced.
   */
  private worksheetProxy(name: string, sheet: () => FakeSheet, loaded: boolean, isNull = false): any {
    const s = this.book.sheet(name);
    // office-addin-mock cannot seed null (it takes it for an object): absent is undefined.
    const scalars = { name: s?.name, visibility: s?.visibility };
    const ws = loaded ? this.mock({}, scalars) : this.mock(scalars);
    ws.isNullObject = isNull;
    this.setter(ws, 'visibility', (v) => (sheet().visibility = v));
    this.setter(ws, 'position', (p) => {
      const me = sheet();
      const list = this.book.sheets.filter((x) => x !== me);
      list.splice(Math.min(p, list.length), 0, me);
      this.book.sheets = list;
    });
    ws.customProperties = this.mock({
      getItemOrNullObject: (key: string) => {
        const v = s?.props.get(key);
        return this.mock({ key, value: v }, { isNullObject: v === undefined });
      },
      add: (key: string, value: string) => this.enqueue(() => sheet().props.set(key, value)),
    });
    ws.protection = this.mock(
      { protected: s?.protected },
      {
        protect: (options: unknown) =>
          this.enqueue(() => {
            sheet().protected = true;
            sheet().protectOptions = options ?? null;
          }),
        unprotect: () => this.enqueue(() => (sheet().protected = false)),
      },
    );
    ws.charts = this.mock(
      {
        items: (s?.charts ?? []).map((c) =>
          this.mock(
            {},
            { name: c.title ?? '', delete: () => this.enqueue(() => this.removeChart(sheet(), c)) },
          ),
        ),
      },
      {
        add: (type: string, source: any, seriesBy: string) => this.chart(sheet, type, source, seriesBy),
        getItemOrNullObject: (chartName: string) => {
          // Looked up at sync time: the chart may have been made earlier in this run.
          const found = (): FakeChart | undefined => sheet().charts.find((c) => c.name === chartName);
          const proxy = this.mock({ name: chartName });
          Object.defineProperty(proxy, 'isNullObject', { get: () => found() === undefined });
          proxy.delete = () =>
            this.enqueue(() => {
              const c = found();
              if (!c) throw fail('ItemNotFound', `no chart ${chartName}`);
              this.removeChart(sheet(), c);
            });
          return proxy;
        },
      },
    );
    ws.freezePanes = this.mock({
      unfreeze: () => this.enqueue(() => (sheet().frozenRows = 0)),
      freezeRows: (n: number) => this.enqueue(() => (sheet().frozenRows = n)),
    });
    ws.horizontalPageBreaks = this.mock({
      add: (a1: string) => this.enqueue(() => sheet().pageBreaks.push(a1)),
    });
    ws.getRange = (a1?: string) => this.range(name, a1);
    ws.getRangeByIndexes = (r: number, c: number, rows: number, cols: number) =>
      this.range(name, a1Of({ row0: r, col0: c, rows, cols }));
    ws.getUsedRangeOrNullObject = () => {
      const u = s?.used() ?? null;
      if (!u)
        return this.mock(
          {
            address: undefined,
            rowIndex: undefined,
            columnIndex: undefined,
            rowCount: undefined,
            columnCount: undefined,
          },
          { isNullObject: true },
        );
      return this.range(
        name,
        a1Of({ row0: u.row0, col0: u.col0, rows: u.row1 - u.row0 + 1, cols: u.col1 - u.col0 + 1 }),
      );
    };
    ws.activate = () => this.enqueue(() => sheet().activated++);
    ws.delete = () =>
      this.enqueue(() => {
        this.book.sheets = this.book.sheets.filter((x) => x !== sheet());
      });
    return ws;
  }

  private removeChart(sheet: FakeSheet, chart: FakeChart): void {
    sheet.charts = sheet.charts.filter((c) => c !== chart);
  }

  /** A range proxy over `a1` (undefined: the whole sheet) of the sheet called `sheetName`. */
  private range(sheetName: string, a1?: string): any {
    const book = this.book;
    const rect = rectOf(a1);
    const s = book.sheet(sheetName);
    const sheet = (): FakeSheet => book.mustSheet(sheetName);
    // Values of bounded ranges only (whole columns and the whole sheet are written, never read here).
    const readable = s !== undefined && rect.rows < MAX_ROWS && rect.rows * rect.cols <= 500_000;
    const values = readable
      ? Array.from({ length: rect.rows }, (_, r) =>
          Array.from({ length: rect.cols }, (_, c) => s.valueAt(rect.row0 + r, rect.col0 + c)),
        )
      : undefined;
    const range = this.mock(
      {
        address: `${quoteSheet(sheetName)}!${a1Of(rect)}`,
        rowIndex: rect.row0,
        columnIndex: rect.col0,
        rowCount: rect.rows,
        columnCount: rect.cols,
        values,
      },
      { _sheet: sheetName, _a1: a1 ?? '', isNullObject: false },
    );
    let ws: any = null;
    Object.defineProperty(range, 'worksheet', {
      get: () => (ws ??= this.worksheetProxy(sheetName, sheet, false)),
    });
    const each = (f: (cell: FakeCell, r: number, c: number) => void): void => {
      const sh = sheet();
      if (sh.protected) throw fail('AccessDenied', `sheet ${sheetName} is protected`);
      if (rect.rows * rect.cols > 5_000_000) throw new Error(`fake: formatting ${a1 ?? 'the whole sheet'}`);
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.cols; c++) {
          const key = `${rect.row0 + r},${rect.col0 + c}`;
          let cell = sh.cells.get(key);
          if (!cell) {
            cell = { kind: 'text', value: '' };
            sh.cells.set(key, cell);
          }
          f(cell, r, c);
        }
      }
    };
    const grid = (v: any, what: string): any[][] => {
      if (!Array.isArray(v) || v.length !== rect.rows || v.some((row: any) => row.length !== rect.cols)) {
        throw fail('InvalidArgument', `${what}: ${rect.rows}x${rect.cols} array expected for ${a1}`);
      }
      return v;
    };
    this.setter(range, 'formulas', (v) => {
      const g = grid(v, 'formulas');
      const sh = sheet();
      if (sh.protected) throw fail('AccessDenied', `sheet ${sheetName} is protected`);
      g.forEach((row, r) =>
        row.forEach((x, c) => {
          if (x === null) return;
          const key = `${rect.row0 + r},${rect.col0 + c}`;
          const old = sh.cells.get(key) ?? {};
          sh.cells.set(key, { ...old, ...excelInput(x) } as FakeCell);
        }),
      );
    });
    this.setter(range, 'numberFormat', (v) => {
      const g = grid(v, 'numberFormat');
      each((cell, r, c) => (cell.numberFormat = g[r][c]));
    });
    const font = this.mock({});
    for (const p of ['bold', 'italic', 'size', 'color'] as const) {
      this.setter(font, p, (v) => each((cell) => (cell.font = { ...cell.font, [p]: v })));
    }
    const fill = this.mock({});
    this.setter(fill, 'color', (v) => each((cell) => (cell.fill = v)));
    const borders = this.mock({
      getItem: (edge: string) => {
        const b = this.mock({});
        for (const p of ['style', 'color'] as const) {
          this.setter(b, p, (v) =>
            each((cell) => {
              cell.borders = { ...cell.borders, [edge]: { ...cell.borders?.[edge], [p]: v } };
            }),
          );
        }
        return b;
      },
    });
    range.format = this.mock({}, { font, fill, borders });
    this.setter(range.format, 'columnWidth', (w) => {
      for (let c = 0; c < Math.min(rect.cols, 1000); c++) sheet().columnWidths.set(rect.col0 + c, w);
    });
    this.setter(range.format, 'useStandardWidth', (on) => {
      if (on && !a1) sheet().columnWidths.clear();
    });
    range.conditionalFormats = this.mock({
      clearAll: () => this.enqueue(() => (sheet().colorScales = [])),
      add: (type: string) => {
        const cf = this.mock({});
        cf.colorScale = this.mock({});
        this.setter(cf.colorScale, 'criteria', (criteria) => {
          if (type !== 'ColorScale') throw fail('InvalidArgument', type);
          sheet().colorScales.push({ range: a1 ?? '', criteria });
        });
        return cf;
      },
    });
    range.clear = (applyTo?: string) =>
      this.enqueue(() => {
        const sh = sheet();
        if (sh.protected) throw fail('AccessDenied', `sheet ${sheetName} is protected`);
        if (a1 !== undefined || (applyTo ?? 'All') !== 'All')
          throw new Error('fake: only a whole-sheet clear');
        sh.cells.clear();
      });
    range.untrack = () => range;
    range.select = () =>
      this.enqueue(() => {
        sheet().selected = a1 ?? '';
        book.selection = { sheet: sheetName, range: a1 ?? '' };
      });
    return range;
  }

  private chart(sheet: () => FakeSheet, type: string, source: any, seriesBy: string): any {
    const record: FakeChart = { type, source: source._a1, series: [{ values: source._a1 }] };
    this.enqueue(() => {
      if (type === 'Waterfall' && !this.book.waterfall && this.book.waterfallFails === 'add') {
        throw fail('InvalidArgument', 'no waterfall chart');
      }
      if (seriesBy !== 'Columns') throw new Error(`fake: seriesBy ${seriesBy}`);
      sheet().charts.push(record);
    });
    const seriesProxy = (i: number): any => {
      const x = this.mock({});
      this.setter(x, 'name', (n) => (record.series[i].name = n));
      x.setXAxisValues = (r: any) =>
        this.enqueue(() => {
          if (type === 'Waterfall' && !this.book.waterfall) throw fail('InvalidArgument', 'waterfall axis');
          record.series[i].categories = r._a1;
        });
      x.setValues = (r: any) => this.enqueue(() => (record.series[i].values = r._a1));
      return x;
    };
    const c = this.mock({}, { delete: () => this.enqueue(() => this.removeChart(sheet(), record)) });
    this.setter(c, 'name', (n) => (record.name = n));
    c.title = this.mock({});
    this.setter(c.title, 'text', (t) => (record.title = t));
    c.legend = this.mock({});
    this.setter(c.legend, 'visible', (v) => (record.legend = v));
    c.series = this.mock({
      getItemAt: (i: number) => seriesProxy(i),
      add: (name: string) => {
        const i = record.series.length;
        this.enqueue(() => record.series.push({ name, values: '' }));
        return seriesProxy(i);
      },
    });
    c.setPosition = (start: string, end?: string) => this.enqueue(() => (record.position = { start, end }));
    return c;
  }
}

/** What Excel makes of a value written through `Range.formulas`. */
function excelInput(x: unknown): Pick<FakeCell, 'kind' | 'value' | 'parsed'> {
  if (typeof x === 'number') return { kind: 'number', value: x };
  if (typeof x === 'boolean') return { kind: 'boolean', value: x };
  const s = String(x);
  if (s.startsWith("'")) return { kind: 'text', value: s.slice(1) };
  if (s.startsWith('=')) return { kind: 'formula', value: s };
  // Excel would parse this itself: a number, a date, TRUE... or text, depending on the string.
  return { kind: 'text', value: s, parsed: true };
}
