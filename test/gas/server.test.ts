/**
 * The server behind the RunRate menu and sidebar, loaded from the BUILT dist/gas/*.js into a vm
 * context as Apps Script loads them (top-level functions only), over the in-memory SpreadsheetApp
 * holding the example book as a user pastes it into Sheets (dates become date cells, amounts
 * numbers). The ARR figure is examples/README.md's: 17,938,426.95 USD on 2025-12-31.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/cells/days.js';
import { readDate } from '../../src/cells/read.js';
import { CellError } from '../../src/cells/error.js';
import { parsePolicy, policyHash } from '../../src/policy/parse.js';
import { POLICY_KEYS } from '../../src/policy/keys.js';
import { BOARD_PACK_SHEETS, buildBoardPack } from '../../src/reports/pack.js';
import type { ReportCell } from '../../src/reports/model.js';
import { KIND_KEY, SheetsWorkbook } from '../../gas/server/sheets-workbook.js';
import { MENU_ITEMS, START_TAB_META } from '../../gas/server/index.js';
import { ensureGasBuilt, gasScripts, repoRoot } from './support/load-gas.js';
import { createFakeServices, type FakeServices, type FakeSheet } from './support/fake-spreadsheet-app.js';

const EXAMPLE_ARR_CENTS = 1_793_842_695; // examples/README.md: 17,938,426.95 on 2025-12-31
const AS_OF = '2025-12-31';
const ZONE = 'Pacific/Auckland'; // differs from the process zone under every TZ the suite runs in but this one

const csv = (name: string): string[][] =>
  Papa.parse<string[]>(readFileSync(path.join(repoRoot(), 'examples', name), 'utf8'), {
    skipEmptyLines: true,
  }).data;

function examplePolicy(): Record<string, string> {
  return Object.fromEntries(
    csv('policy.csv')
      .slice(1)
      .map(([k, v]) => [k, v]),
  );
}

interface Server {
  gas: FakeServices;
  /** Calls a top-level function of the built project. */
  call(name: string, ...args: unknown[]): unknown;
  /** google.script.run's view: runrateAction with JSON in and out. */
  action<T>(name: string, ...args: unknown[]): T;
  fn(name: string): unknown;
}

function loadServer(gas: FakeServices): Server {
  const context = vm.createContext({
    SpreadsheetApp: gas.SpreadsheetApp,
    HtmlService: gas.HtmlService,
    Session: gas.Session,
    Utilities: gas.Utilities,
    Charts: gas.Charts,
    Logger: { log: () => undefined },
  });
  for (const s of gasScripts()) vm.runInContext(s.code, context, { filename: s.name });
  const VmDate = vm.runInContext('Date', context) as DateConstructor;
  gas.SpreadsheetApp.makeDate = (ms) => new VmDate(ms);
  const fn = (name: string) => (context as Record<string, unknown>)[name];
  const call = (name: string, ...args: unknown[]) => {
    const f = fn(name);
    if (typeof f !== 'function') throw new Error(`no top-level function ${name}`);
    try {
      return (f as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      throw new Error(String((e as { message?: unknown }).message ?? e));
    }
  };
  return {
    gas,
    call,
    fn,
    action: <T>(name: string, ...args: unknown[]) =>
      JSON.parse(call('runrateAction', name, JSON.stringify(args)) as string) as T,
  };
}

/** A spreadsheet with the example contracts and rates pasted in (as a user would), in ZONE. */
function exampleSpreadsheet(edit?: (rows: string[][]) => void): FakeServices {
  const gas = createFakeServices({
    timeZone: ZONE,
    user: 'finance@example.com',
    files: { sidebar: `<!doctype html><html><head>${START_TAB_META}</head><body></body></html>` },
  });
  const contracts = csv('contracts.csv');
  edit?.(contracts);
  const book = gas.SpreadsheetApp.book;
  // Text columns typed as plain text, as a careful user (or an import) would keep ids and names.
  book.addUserSheet('Data', contracts, { textColumns: [0, 1, 2] });
  book.addUserSheet('Rates', csv('fx-rates.csv'));
  return gas;
}

function setUp(server: Server): void {
  server.action('savePolicy', examplePolicy());
  const data = { kind: 'sheet', name: 'Data' };
  const info = server.action<{ mapping: unknown[]; missing: string[] }>('describeSource', data);
  expect(info.missing).toEqual([]);
  server.action('useContracts', data, info.mapping, { kind: 'sheet', name: 'Rates' });
}

/** What readSheet gives for a model cell (formulas: '' — the fake does not compute; checked with getFormulas). */
function shown(cell: ReportCell | undefined): unknown {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'money':
      return cell.cents / 100;
    case 'date':
      return formatDay(cell.day);
    case 'formula':
      return '';
    default:
      return cell.value === null ? 'n/a' : cell.value;
  }
}

beforeAll(() => {
  ensureGasBuilt();
});

describe('menu and sidebar', () => {
  it('onOpen adds the RunRate menu; each item is a top-level function that opens its tab', () => {
    const server = loadServer(exampleSpreadsheet());
    server.call('onOpen', { authMode: 'LIMITED' });
    const ui = server.gas.SpreadsheetApp.ui;
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0].caption).toBe('RunRate');
    const items = ui.menus[0].items.filter((i) => i !== 'separator') as { caption: string; fn: string }[];
    expect(items.map((i) => i.caption)).toEqual([
      'Policy',
      'Data checks',
      'Lock snapshot',
      'Generate reports',
      'Reconcile with NetSuite',
      'Help',
    ]);
    expect(items).toEqual(MENU_ITEMS);
    for (const item of items) expect(typeof server.fn(item.fn)).toBe('function');

    server.call('runrateShowReports');
    server.call('runrateShowPolicy');
    expect(ui.sidebars.map((s) => s.title)).toEqual(['RunRate', 'RunRate']);
    expect(ui.sidebars[0].getContent()).toContain('<meta name="runrate-start-tab" content="reports">');
    expect(ui.sidebars[1].getContent()).toContain('<meta name="runrate-start-tab" content="policy">');
    server.call('runrateShowHelp');
    expect(ui.dialogs.map((d) => d.title)).toEqual(['RunRate help']);
    expect(ui.dialogs[0].output.getContent()).toContain('never overwritten');
  });

  it('an unknown action or a failing one reaches the caller with its message', () => {
    const server = loadServer(exampleSpreadsheet());
    expect(() => server.action('formatDisk')).toThrow(/no action "formatDisk"/);
    expect(() => server.action('savePolicy', { rounding: 'up' })).toThrow(/rounding: "up" is not allowed/);
  });
});

describe('policy', () => {
  it('writes RR Policy with RR_POLICY over the key/value block; reads back the same policy', () => {
    const server = loadServer(exampleSpreadsheet());
    const saved = server.action<{ state: { hash: string; fromSheet: boolean } }>(
      'savePolicy',
      examplePolicy(),
    );
    const expected = parsePolicy(csv('policy.csv'));
    if (expected instanceof CellError) throw new Error(expected.message);
    expect(saved.state.hash).toBe(policyHash(expected));

    const book = server.gas.SpreadsheetApp.book;
    const named = book.getRangeByName('RR_POLICY');
    expect(named?.getSheet().getName()).toBe('RR Policy');
    expect(named?.getA1Notation()).toBe(`A4:B${4 + POLICY_KEYS.length}`);
    const sheet = book.getSheetByName('RR Policy') as FakeSheet;
    expect(sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      [KIND_KEY, 'policy'],
    ]);
    // The block as a custom function would receive it parses to the same policy.
    const block = new SheetsWorkbook(server.gas).readSource({ kind: 'name', name: 'RR_POLICY' }).values;
    const read = parsePolicy(block);
    if (read instanceof CellError) throw new Error(read.message);
    expect(policyHash(read)).toBe(saved.state.hash);
    // `bands` is "25000,100000": a list, which Sheets would not turn into a number because it is text.
    expect(block.find((r) => r[0] === 'bands')?.[1]).toBe('25000,100000');

    const loaded = server.action<{ hash: string; fromSheet: boolean }>('loadPolicy');
    expect(loaded).toMatchObject({ hash: saved.state.hash, fromSheet: true });
  });
});

describe('reports', () => {
  it('writes the 7 pack sheets with the pack model values, and leaves user sheets alone', () => {
    const gas = exampleSpreadsheet();
    const book = gas.SpreadsheetApp.book;
    const notes = book.addUserSheet('Notes', [['Board meeting notes'], ["'=1+1 stays as typed"]]);
    const server = loadServer(gas);
    setUp(server);
    const run = server.action<{ sheets: { name: string }[]; skipped: string[]; arrCents: number }>(
      'generateReports',
      AS_OF,
    );
    expect(run.sheets.map((s) => s.name)).toEqual([...BOARD_PACK_SHEETS]);
    expect(run.skipped).toEqual([]);
    expect(run.arrCents).toBe(EXAMPLE_ARR_CENTS);

    // The model the core builds from the same ranges, cell by cell on the sheets.
    const wb = new SheetsWorkbook(gas);
    const model = buildBoardPack({
      contracts: wb.readSource({ kind: 'sheet', name: 'Data' }).values,
      policy: wb.readSource({ kind: 'name', name: 'RR_POLICY' }).values,
      rates: wb.readSource({ kind: 'sheet', name: 'Rates' }).values,
      asOf: readDate(AS_OF) as number,
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    if (model instanceof CellError) throw new Error(model.message);
    for (const sheetModel of model.sheets) {
      const sheet = book.getSheetByName(sheetModel.name) as FakeSheet;
      expect(sheet.getDeveloperMetadata()[0].getValue()).toBe('report');
      const got = wb.readSheet(sheetModel.name)!;
      sheetModel.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          const value = got[r]?.[c] ?? '';
          const want = shown(cell);
          if (r === 2 && typeof want === 'string') {
            // The provenance line carries the generation time, the one value that differs per run.
            expect(String(value).replace(/generated \S+/, ''), `${sheetModel.name} row 3`).toBe(
              want.replace(/generated \S+/, ''),
            );
          } else {
            expect(value, `${sheetModel.name} row ${r + 1} column ${c + 1}`).toEqual(want);
          }
          if (cell?.kind === 'formula') {
            expect(sheet.getRange(r + 1, c + 1, 1, 1).getFormulas()[0][0]).toBe(
              '=' + cell.formula.replace(/^=/, ''),
            );
          }
        });
      });
      expect(sheet.getFrozenRows()).toBe(sheetModel.freezeRows);
      expect(sheet.charts).toHaveLength(sheetModel.charts.length);
      expect(sheet.rules).toHaveLength(sheetModel.heatMaps.length);
    }
    const summary = wb.readSheet('Summary')!;
    expect(summary.find((r) => r[0] === 'ARR')?.[1]).toBe(EXAMPLE_ARR_CENTS / 100);
    expect(notes.dump()).toEqual([['Board meeting notes'], ['=1+1 stays as typed']]);
    expect(notes.getRange('A2').getFormulas()).toEqual([['']]);
    expect(notes.getDeveloperMetadata()).toEqual([]);
  });

  it('skips a user sheet named like a report and replaces its own sheets on the next run', () => {
    const gas = exampleSpreadsheet();
    const mine = gas.SpreadsheetApp.book.addUserSheet('Summary', [['My own summary', 42]]);
    const server = loadServer(gas);
    setUp(server);
    const run = server.action<{ sheets: { name: string }[]; skipped: string[] }>('generateReports', AS_OF);
    expect(run.skipped).toEqual(['Summary']);
    expect(run.sheets.map((s) => s.name)).toEqual(BOARD_PACK_SHEETS.filter((n) => n !== 'Summary'));
    expect(mine.dump()).toEqual([['My own summary', 42]]);
    const bridge = gas.SpreadsheetApp.book.getSheetByName('Bridge');
    const again = server.action<{ skipped: string[] }>('generateReports', AS_OF);
    expect(again.skipped).toEqual(['Summary']);
    expect(gas.SpreadsheetApp.book.getSheetByName('Bridge')).toBe(bridge);
    expect(gas.SpreadsheetApp.book.getSheets().filter((s) => s.getName() === 'Bridge')).toHaveLength(1);
    expect(mine.dump()).toEqual([['My own summary', 42]]);
  });

  it('keeps a customer name that starts with "=" as text on every sheet', () => {
    const evil = '=HYPERLINK("http://x.invalid")';
    // Rename a customer with a large contract, so it is listed on the sheets that list customers.
    const gas = exampleSpreadsheet((rows) => {
      const big = rows.slice(1).reduce((a, r) => (Number(r[10]) > Number(a[10]) ? r : a));
      const name = big[0];
      rows.forEach((r, i) => i > 0 && r[0] === name && (r[0] = evil));
    });
    const server = loadServer(gas);
    setUp(server);
    server.action('generateReports', AS_OF);
    server.action('lockSnapshot', AS_OF);
    let seen = 0;
    for (const sheet of gas.SpreadsheetApp.book.sheets) {
      if (sheet.getLastRow() === 0) continue;
      const range = sheet.getDataRange();
      for (const row of range.getFormulas()) for (const f of row) expect(f).not.toContain('HYPERLINK');
      for (const row of range.getValues()) for (const v of row) if (v === evil) seen++;
    }
    expect(seen).toBeGreaterThan(1);
  });
});

describe('snapshots', () => {
  it('locks a warning-only protected snapshot that verifies as intact', () => {
    const gas = exampleSpreadsheet();
    const server = loadServer(gas);
    setUp(server);
    const info = server.action<{ sheet: string; totalCents: number }>('lockSnapshot', AS_OF);
    expect(info).toMatchObject({ sheet: 'RR Snapshot 2025-12-31', totalCents: EXAMPLE_ARR_CENTS });
    const sheet = gas.SpreadsheetApp.book.getSheetByName(info.sheet) as FakeSheet;
    expect(sheet.protections.map((p) => p.isWarningOnly())).toEqual([true]);
    expect(sheet.getDeveloperMetadata()[0].getValue()).toBe('snapshot');
    expect(server.action('verifySnapshot', info.sheet)).toEqual({
      sheet: info.sheet,
      status: 'intact',
      discrepancies: [],
    });
    const listed = server.action<{ name: string; kind: string }[]>('listSheets');
    expect(listed.find((s) => s.name === info.sheet)?.kind).toBe('snapshot');
  });
});
