/**
 * SheetsWorkbook (the Google Sheets WorkbookIO) against the in-memory SpreadsheetApp: text stays
 * text, formulas only where the model has one, money and dates as Sheets holds them, batched
 * writes, only RunRate's sheets replaced, protection, names, charts and heat maps.
 */
import { describe, expect, it } from 'vitest';
import { UserSheetExists } from '../../addin/shared/workbook.js';
import { dayFromYmd } from '../../src/cells/days.js';
import type { ReportCell, ReportSheet } from '../../src/reports/model.js';
import { KIND_KEY, SheetsWorkbook } from '../../gas/server/sheets-workbook.js';
import { createFakeServices, type FakeSheet } from './support/fake-spreadsheet-app.js';

const text = (t: string, style?: 'header' | 'title' | 'note'): ReportCell => ({
  kind: 'text',
  text: t,
  style,
});

function sheetModel(name: string, rows: ReportCell[][], extra: Partial<ReportSheet> = {}): ReportSheet {
  return {
    name,
    title: name,
    columns: [{ width: 20 }, { width: 12 }, { width: 12 }],
    rows,
    freezeRows: 0,
    charts: [],
    heatMaps: [],
    ...extra,
  };
}

function setup(timeZone = 'UTC') {
  const gas = createFakeServices({ timeZone, user: 'finance@example.com' });
  const wb = new SheetsWorkbook(gas);
  const book = gas.SpreadsheetApp.book;
  return { gas, wb, book };
}

describe('SheetsWorkbook: cells', () => {
  it('keeps text as text, even text a spreadsheet would read as a formula, number or date', () => {
    const { wb, book } = setup();
    const risky = ['=SUM(A1:A3)', '+44 20 7946 0000', '-5', '@home', '00123', '2025-01-01', "'quoted"];
    wb.writeSheet(
      sheetModel(
        'Texts',
        risky.map((t) => [text(t)]),
      ),
      { kind: 'report' },
    );
    const sheet = book.getSheetByName('Texts') as FakeSheet;
    const values = sheet
      .getRange(1, 1, risky.length, 1)
      .getValues()
      .map((r) => r[0]);
    expect(values).toEqual(risky);
    expect(sheet.getRange(1, 1, risky.length, 1).getFormulas().flat()).toEqual(risky.map(() => ''));
  });

  it('the fake would have turned the same strings into a formula and numbers without the text format', () => {
    // The control for the test above: Sheets' parsing is modelled, so the text rule is tested for real.
    const { book } = setup();
    const sheet = book.addUserSheet('Typed', [['=SUM(A1:A3)'], ['-5'], ['00123'], ["'=kept"]]);
    expect(sheet.getRange('A1').getFormulas()).toEqual([['=SUM(A1:A3)']]);
    expect(sheet.getRange('A2:A3').getValues()).toEqual([[-5], [123]]);
    expect(sheet.getRange('A4').getValues()).toEqual([['=kept']]);
  });

  it('writes money as units, dates as the calendar day, formulas through setFormulas only', () => {
    const { wb, book } = setup('Pacific/Auckland');
    const day = dayFromYmd(2025, 1, 1);
    wb.writeSheet(
      sheetModel('Cells', [
        [
          { kind: 'money', cents: 123456789 },
          { kind: 'money', cents: -5 },
        ],
        [
          { kind: 'date', day },
          { kind: 'count', value: 42 },
        ],
        [
          { kind: 'percent', value: 0.125 },
          { kind: 'ratio', value: null },
        ],
        [
          { kind: 'formula', formula: 'A1*2', format: 'money', expect: 246913578 },
          { kind: 'formula', formula: '=B2+1', format: 'count', expect: 43 },
        ],
      ]),
      { kind: 'report' },
    );
    const sheet = book.getSheetByName('Cells') as FakeSheet;
    const values = sheet.getRange('A1:B3').getValues();
    expect(values[0]).toEqual([1234567.89, -0.05]);
    expect(values[1][0]).toBeInstanceOf(Date);
    expect(values[1][1]).toBe(42);
    expect(values[2]).toEqual([0.125, 'n/a']);
    expect(sheet.getRange('A4:B4').getFormulas()).toEqual([['=A1*2', '=B2+1']]);
    expect(sheet.getRange('A1:A4').getNumberFormats().flat()).toEqual([
      '#,##0.00;(#,##0.00);0.00',
      'yyyy-mm-dd',
      '0.0%',
      '#,##0.00;(#,##0.00);0.00',
    ]);
    // Read back: the date the sheet shows, in the spreadsheet's zone, whatever the process's zone.
    expect(wb.readSheet('Cells')?.[1][0]).toBe('2025-01-01');
    // 2025-01-01 is serial 45658 (days since 1899-12-30).
    expect(sheet.cell(2, 1).value).toBe(45658);
  });

  it('styles headers and titles in one call per property per block', () => {
    const { wb, book, gas } = setup();
    const before = gas.SpreadsheetApp.counts.writes;
    wb.writeSheet(
      sheetModel('Styled', [[text('Title', 'title')], [text('Customer', 'header'), text('ARR', 'header')]]),
      {
        kind: 'report',
      },
    );
    const sheet = book.getSheetByName('Styled') as FakeSheet;
    expect(sheet.getRange('A1:B2').getFontWeights()).toEqual([
      ['bold', 'normal'],
      ['bold', 'bold'],
    ]);
    expect(sheet.getRange('A2').getBackgrounds()).toEqual([['#1f4e79']]);
    // formats, values, weights, colours, sizes, backgrounds (no italics), the A1 note.
    expect(gas.SpreadsheetApp.counts.writes - before).toBe(7);
    expect(sheet.getRange('A1').getNote()).toContain('Generated by RunRate');
  });

  it('writes a long sheet in blocks, each one batch, and reports progress', () => {
    const gas = createFakeServices();
    const wb = new SheetsWorkbook(gas, { blockCells: 300 });
    const rows: ReportCell[][] = Array.from({ length: 2500 }, (_, i) => [
      text(`C-${i}`),
      { kind: 'money', cents: i * 100 },
      { kind: 'count', value: i },
    ]);
    const progress: number[] = [];
    const stats = wb.writeSheet(sheetModel('Long', rows), {
      kind: 'report',
      onProgress: (n) => progress.push(n),
    });
    expect(stats.rows).toBe(2500);
    expect(progress).toEqual(Array.from({ length: 25 }, (_, i) => Math.min((i + 1) * 100, 2500)));
    const sheet = gas.SpreadsheetApp.book.getSheetByName('Long') as FakeSheet;
    expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(2500);
    expect(sheet.getRange('A2500:C2500').getValues()).toEqual([['C-2499', 2499, 2499]]);
    // 25 blocks x (setNumberFormats + setValues), no styles.
    expect(gas.SpreadsheetApp.counts.writes).toBe(25 * 2 + 1 /* A1 note */);
  });
});

describe('SheetsWorkbook: sheets', () => {
  it('marks its sheets, replaces only them, and refuses a user sheet of the same name', () => {
    const { wb, book } = setup();
    const user = book.addUserSheet('Summary', [['my own notes', 1]]);
    expect(() => wb.writeSheet(sheetModel('Summary', [[text('ARR')]]), { kind: 'report' })).toThrow(
      UserSheetExists,
    );
    expect(user.dump()).toEqual([['my own notes', 1]]);
    expect(() => wb.deleteSheet('Summary')).toThrow(UserSheetExists);

    wb.writeSheet(sheetModel('Bridge', [[text('old')], [text('rows')], [text('three')]]), { kind: 'report' });
    const bridge = book.getSheetByName('Bridge') as FakeSheet;
    expect(bridge.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      [KIND_KEY, 'report'],
    ]);
    wb.writeSheet(sheetModel('Bridge', [[text('new')]]), { kind: 'report' });
    expect(book.getSheetByName('Bridge')).toBe(bridge); // rewritten in place: references to it survive
    expect(bridge.dump()).toEqual([['new']]);
    expect(wb.listSheets().map((s) => [s.name, s.kind])).toEqual([
      ['Sheet1', 'user'],
      ['Summary', 'user'],
      ['Bridge', 'report'],
    ]);
    wb.deleteSheet('Bridge');
    expect(book.getSheetByName('Bridge')).toBeNull();
  });

  it('protects snapshots (warning only), hides sheets on request, names ranges and selects', () => {
    const { wb, book } = setup();
    wb.writeSheet(sheetModel('RR Snapshot 2025-06-30', [[text('sealed')]]), {
      kind: 'snapshot',
      protect: true,
      hidden: true,
    });
    const snap = book.getSheetByName('RR Snapshot 2025-06-30') as FakeSheet;
    expect(snap.protections).toHaveLength(1);
    expect(snap.protections[0].isWarningOnly()).toBe(true);
    expect(wb.listSheets().find((s) => s.name === snap.name)).toMatchObject({
      kind: 'snapshot',
      protected: true,
      visible: false,
    });
    // Rewriting it removes the old protection before protecting again: one protection, not two.
    wb.writeSheet(sheetModel('RR Snapshot 2025-06-30', [[text('again')]]), {
      kind: 'snapshot',
      protect: true,
    });
    expect(snap.protections).toHaveLength(1);
    expect(snap.isSheetHidden()).toBe(false);

    wb.writeSheet(
      sheetModel('RR Policy', [
        [text('key'), text('value')],
        [text('basis'), text('contracted')],
      ]),
      {
        kind: 'policy',
      },
    );
    wb.setName('RR_POLICY', 'RR Policy', 'A1:B2');
    wb.setName('RR_POLICY', 'RR Policy', 'A1:B3'); // redefined, not refused
    expect(book.getRangeByName('RR_POLICY')?.getA1Notation()).toBe('A1:B3');
    expect(wb.listSources()).toEqual([{ kind: 'name', name: 'RR_POLICY' }]);
    expect(wb.readSource({ kind: 'name', name: 'RR_POLICY' })).toMatchObject({
      sheet: 'RR Policy',
      topLeft: 'A1',
      values: [
        ['key', 'value'],
        ['basis', 'contracted'],
        ['', ''],
      ],
    });

    wb.select('RR Policy', 'B2');
    expect(book.getActiveSheet().getName()).toBe('RR Policy');
    expect(book.getActiveRange()?.getA1Notation()).toBe('B2');
    expect(wb.readSource({ kind: 'selection', name: '' }).values).toEqual([['contracted']]);
  });

  it('adds charts with the chart builder (waterfall as columns) and heat maps as gradient rules', () => {
    const { wb, book } = setup();
    const rows: ReportCell[][] = [[text('Month'), text('ARR')]];
    for (let i = 0; i < 6; i++)
      rows.push([text(`2025-0${i + 1}`), { kind: 'money', cents: (i + 1) * 100_00 }]);
    wb.writeSheet(
      sheetModel('Trend', rows, {
        charts: [
          {
            kind: 'line',
            title: 'ARR',
            categories: 'A2:A7',
            series: [{ name: 'ARR', values: 'B2:B7' }],
            anchor: 'D2',
            width: 4,
            height: 12,
          },
          {
            kind: 'waterfall',
            title: 'Bridge',
            categories: 'A2:A7',
            series: [{ name: 'Move', values: 'B2:B7' }],
            anchor: 'D16',
            width: 4,
            height: 12,
          },
        ],
        heatMaps: [{ range: 'B2:B7', min: 100_00, max: 600_00 }],
      }),
      { kind: 'report' },
    );
    const sheet = book.getSheetByName('Trend') as FakeSheet;
    expect(
      sheet.charts.map((c) => [c.spec.type, c.spec.ranges, c.spec.position, c.spec.options.title]),
    ).toEqual([
      ['LINE', ['A2:A7', 'B2:B7'], [2, 4, 0, 0], 'ARR'],
      ['COLUMN', ['A2:A7', 'B2:B7'], [16, 4, 0, 0], 'Bridge'],
    ]);
    // Money heat-map bounds are in cents in the model, in currency units on the sheet.
    const rule = sheet.rules[0] as unknown as {
      gradient: { min: { value: string }; max: { value: string }; ranges: string[] };
    };
    expect([rule.gradient.min.value, rule.gradient.max.value, rule.gradient.ranges]).toEqual([
      '100',
      '600',
      ['B2:B7'],
    ]);
    // Rewriting the sheet removes the old charts and rules first.
    wb.writeSheet(sheetModel('Trend', rows), { kind: 'report' });
    expect(sheet.charts).toHaveLength(0);
    expect(sheet.rules).toHaveLength(0);
  });

  it('reads a user sheet with Date cells as ISO dates in the spreadsheet zone, not the process zone', () => {
    const { wb, book } = setup('Pacific/Auckland');
    const sheet = book.addUserSheet('Contracts', [
      ['customer', 'start'],
      ['Acme', '2025-01-01'],
    ]);
    // Written as a user types it: a date; read back, the same calendar date.
    expect(sheet.getRange('B2').getValues()[0][0]).toBeInstanceOf(Date);
    expect(wb.readSource({ kind: 'sheet', name: 'Contracts' }).values).toEqual([
      ['customer', 'start'],
      ['Acme', '2025-01-01'],
    ]);
    expect(wb.timeZone()).toBe('Pacific/Auckland');
    expect(wb.userName()).toBe('finance@example.com');
  });
});
