/** The in-memory workbook keeps the rules every host keeps, so the actions' tests are real. */
import { describe, expect, it } from 'vitest';
import { dayFromYmd, excelSerialFromDay } from '../../../src/cells/days.js';
import type { ReportSheet } from '../../../src/reports/model.js';
import { MemoryWorkbook } from '../../../addin/shared/memory-workbook.js';
import { UserSheetExists } from '../../../addin/shared/workbook.js';

function model(name: string, rows: ReportSheet['rows']): ReportSheet {
  return { name, title: name, columns: [{ width: 10 }], rows, freezeRows: 1, charts: [], heatMaps: [] };
}

describe('MemoryWorkbook', () => {
  it('refuses to replace or delete a user sheet, and replaces its own sheets', () => {
    const wb = new MemoryWorkbook();
    wb.setSheet('Bridge', [['mine']]);
    expect(() => wb.writeSheet(model('Bridge', []), { kind: 'report' })).toThrow(UserSheetExists);
    expect(() => wb.deleteSheet('bridge')).toThrow(UserSheetExists);
    expect(wb.readSheet('Bridge')).toEqual([['mine']]);
    wb.writeSheet(model('Trend', [[{ kind: 'count', value: 1 }]]), { kind: 'report' });
    wb.writeSheet(model('Trend', [[{ kind: 'count', value: 2 }]]), { kind: 'report' });
    expect(wb.sheetNames()).toEqual(['Bridge', 'Trend']);
    expect(wb.readSheet('Trend')).toEqual([[2]]);
    wb.deleteSheet('Trend');
    expect(wb.sheetNames()).toEqual(['Bridge']);
  });

  it('keeps text as text, writes formulas only from formula cells, with formats and styles', () => {
    const wb = new MemoryWorkbook();
    wb.writeSheet(
      model('S', [
        [
          { kind: 'text', text: '=HYPERLINK("x")', style: 'label' },
          { kind: 'money', cents: 123456 },
          { kind: 'formula', formula: 'B1*2', format: 'money', expect: 246912 },
          { kind: 'date', day: dayFromYmd(2025, 12, 31) },
          { kind: 'percent', value: null },
        ],
      ]),
      { kind: 'report' },
    );
    expect(wb.cell('S', 'A1')).toEqual({ value: '=HYPERLINK("x")', kind: 'text', style: 'label' });
    expect(wb.cell('S', 'B1')).toEqual({
      value: 1234.56,
      kind: 'number',
      format: '#,##0.00;(#,##0.00);0.00',
    });
    expect(wb.cell('S', 'C1')).toMatchObject({ kind: 'formula', formula: '=B1*2', value: 2469.12 });
    expect(wb.cell('S', 'D1')).toMatchObject({ value: excelSerialFromDay(dayFromYmd(2025, 12, 31)) });
    const iso = new MemoryWorkbook({ dates: 'iso' });
    iso.writeSheet(model('S', [[{ kind: 'date', day: dayFromYmd(2025, 12, 31) }]]), { kind: 'report' });
    expect(iso.readSheet('S')).toEqual([['2025-12-31']]);
  });

  it('counts one sync per block of rows and reports progress per block', () => {
    const wb = new MemoryWorkbook({ blockRows: 100 });
    const rows = Array.from({ length: 250 }, (_, i) => [{ kind: 'count' as const, value: i }]);
    const seen: number[] = [];
    const stats = wb.writeSheet(model('Big', rows), { kind: 'report', onProgress: (n) => seen.push(n) });
    expect(stats).toEqual({ rows: 250, syncs: 3 });
    expect(seen).toEqual([100, 200, 250]);
    expect(wb.syncs).toBe(3);
  });

  it('reads tables, names, sheets and the selection with their top-left cell', () => {
    const wb = new MemoryWorkbook();
    wb.addTable(
      'T',
      'Data',
      [
        ['Customer', 'Amount'],
        ['A', 1],
        ['B', 2],
      ],
      'C4',
    );
    expect(wb.readSource({ kind: 'table', name: 'T' })).toMatchObject({
      sheet: 'Data',
      topLeft: 'C4',
      values: [
        ['Customer', 'Amount'],
        ['A', 1],
        ['B', 2],
      ],
    });
    expect(wb.readSource({ kind: 'sheet', name: 'Data' }).topLeft).toBe('C4');
    wb.setName('N', 'Data', 'C5:D6');
    expect(wb.readSource({ kind: 'name', name: 'N' }).values).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    wb.select('Data', 'D6');
    expect(wb.readSource({ kind: 'selection', name: '' }).values).toEqual([[2]]);
    expect(wb.listSources()).toEqual([
      { kind: 'table', name: 'T' },
      { kind: 'name', name: 'N' },
      { kind: 'sheet', name: 'Data' },
    ]);
    expect(wb.readSheet('Data')![3]).toEqual(['', '', 'Customer', 'Amount']);
    expect(wb.readSheet('Nope')).toBeNull();
    expect(JSON.parse(JSON.stringify(wb.snapshotJSON()))).toMatchObject({
      tables: { T: { address: 'C4:D6' } },
    });
  });
});
