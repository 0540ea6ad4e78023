/**
 * The Excel writer's pure rules: what a report cell becomes, how a sheet is cut into blocks, style
 * runs, widths, chart corners, heat-map units and addresses.
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../../src/cells/days.js';
import { NUMBER_FORMATS, type ReportSheet } from '../../../src/reports/model.js';
import { excelCell } from '../../../addin/excel/cells.js';
import {
  blockAddress,
  blockArrays,
  chartCorners,
  chartType,
  columnPoints,
  heatBounds,
  rowBlocks,
  runAddress,
  sheetWidth,
  styleRuns,
} from '../../../addin/excel/layout.js';
import { readBlockRows, splitAddress, waterfallPoints } from '../../../addin/excel/ranges.js';
import { checkSheetName, kindFromMarks } from '../../../addin/excel/excel-workbook.js';

describe('excelCell', () => {
  it('writes text with the quote prefix, so nothing from the data becomes a formula or a number', () => {
    for (const t of ['=SUM(A1)', '+1', '-1', '@x', '00123', '2025-01-01', 'TRUE', 'Acme']) {
      expect(excelCell({ kind: 'text', text: t })).toEqual({ value: `'${t}`, format: 'General' });
    }
    expect(excelCell({ kind: 'text', text: '' }).value).toBeNull();
  });

  it('writes only formula cells as formulas', () => {
    expect(excelCell({ kind: 'formula', formula: 'SUM(C5:C9)', format: 'money', expect: 100 })).toEqual({
      value: '=SUM(C5:C9)',
      format: NUMBER_FORMATS.money,
    });
    expect(
      excelCell({ kind: 'formula', formula: 'IF(A1=0,"OK","CHECK")', format: 'text', expect: 'OK' }),
    ).toEqual({
      value: '=IF(A1=0,"OK","CHECK")',
      format: 'General',
    });
  });

  it('writes money as currency units, dates as 1900-system serials, ratios and counts as numbers', () => {
    expect(excelCell({ kind: 'money', cents: -123456 })).toEqual({
      value: -1234.56,
      format: NUMBER_FORMATS.money,
    });
    // Platform notes A.3: 1 Jan 2000 is serial 36526; 1 Mar 1900 is 61 (after the fictitious 29 Feb).
    expect(excelCell({ kind: 'date', day: dayFromYmd(2000, 1, 1) })).toEqual({
      value: 36526,
      format: NUMBER_FORMATS.date,
    });
    expect(excelCell({ kind: 'date', day: dayFromYmd(1900, 3, 1) }).value).toBe(61);
    expect(excelCell({ kind: 'percent', value: 0.25 })).toEqual({ value: 0.25, format: '0.0%' });
    expect(excelCell({ kind: 'multiple', value: 3 })).toEqual({ value: 3, format: NUMBER_FORMATS.multiple });
    expect(excelCell({ kind: 'count', value: 7 })).toEqual({ value: 7, format: '#,##0' });
    expect(excelCell({ kind: 'ratio', value: null })).toEqual({ value: "'n/a", format: 'General' });
    expect(excelCell(null)).toEqual({ value: null, format: null });
  });
});

describe('blocks', () => {
  it('cuts rows by the row cap and by the cell budget', () => {
    const b = rowBlocks(10_000, 6);
    expect(b).toHaveLength(5);
    expect(b[0]).toEqual({ start: 0, end: 2000 });
    expect(b[4]).toEqual({ start: 8000, end: 10_000 });
    // 40 columns: 20,000 / 40 = 500 rows a block.
    expect(rowBlocks(1_001, 40).map((x) => x.end - x.start)).toEqual([500, 500, 1]);
    expect(rowBlocks(0, 5)).toEqual([]);
    expect(rowBlocks(3, 100_000)).toHaveLength(3);
  });

  it('builds full-width arrays of one block', () => {
    const sheet: ReportSheet = {
      name: 'S',
      title: 't',
      columns: [{ width: 10 }, { width: 12 }],
      rows: [
        [{ kind: 'text', text: 'a' }],
        [],
        [null, { kind: 'money', cents: 5 }, { kind: 'count', value: 1 }],
      ],
      freezeRows: 0,
      charts: [],
      heatMaps: [],
    };
    expect(sheetWidth(sheet)).toBe(3);
    const arrays = blockArrays(sheet, { start: 0, end: 3 }, 3);
    expect(arrays.formulas).toEqual([
      ["'a", null, null],
      [null, null, null],
      [null, 0.05, 1],
    ]);
    expect(arrays.numberFormat[2]).toEqual(['General', NUMBER_FORMATS.money, NUMBER_FORMATS.count]);
    expect(blockAddress({ start: 2000, end: 4000 }, 3)).toBe('A2001:C4000');
  });

  it('groups neighbouring cells of one style into runs; label and plain cells take none', () => {
    const sheet: ReportSheet = {
      name: 'S',
      title: 't',
      columns: [],
      rows: [
        [
          { kind: 'text', text: 'A', style: 'header' },
          { kind: 'text', text: 'B', style: 'header' },
          { kind: 'text', text: 'C', style: 'label' },
          { kind: 'percent', value: null },
          { kind: 'money', cents: 1, style: 'total' },
        ],
      ],
      freezeRows: 0,
      charts: [],
      heatMaps: [],
    };
    const runs = styleRuns(sheet, { start: 0, end: 1 });
    expect(runs).toEqual([
      { look: 'header', row: 1, col0: 0, col1: 1 },
      { look: 'missing', row: 1, col0: 3, col1: 3 },
      { look: 'total', row: 1, col0: 4, col1: 4 },
    ]);
    expect(runs.map(runAddress)).toEqual(['A1:B1', 'D1', 'E1']);
  });
});

describe('layout helpers', () => {
  it('converts character widths to points (7 px a character + 5 px, 0.75 pt a px)', () => {
    expect(columnPoints(10)).toBe(56.25);
    expect(columnPoints(0)).toBe(3.75);
  });

  it('maps chart kinds, with stacked columns where Excel has no waterfall', () => {
    expect(chartType('waterfall')).toBe('Waterfall');
    expect(chartType('waterfall', false)).toBe('ColumnStacked');
    expect(chartType('stackedColumn')).toBe('ColumnStacked');
    expect(chartType('line')).toBe('Line');
    const chart = {
      kind: 'line' as const,
      title: '',
      categories: 'A1:A2',
      series: [],
      anchor: 'D5',
      width: 6,
      height: 20,
    };
    expect(chartCorners(chart)).toEqual({ start: 'D5', end: 'I24' });
  });

  it('gives heat-map bounds in currency units over money cells, as they are otherwise', () => {
    const sheet: ReportSheet = {
      name: 'S',
      title: 't',
      columns: [],
      rows: [[{ kind: 'money', cents: 100 }], [{ kind: 'percent', value: 1 }]],
      freezeRows: 0,
      charts: [],
      heatMaps: [],
    };
    expect(heatBounds(sheet, 'A1:A1', 100, 25_000)).toEqual({ min: 1, max: 250 });
    expect(heatBounds(sheet, 'A2', 0.9, 1.1)).toEqual({ min: 0.9, max: 1.1 });
  });

  it('reads addresses and drops a waterfall closing total', () => {
    expect(splitAddress('Sheet1!B3:D9')).toEqual({ sheet: 'Sheet1', topLeft: 'B3' });
    expect(splitAddress("'Q1 ''25'!$A$1")).toEqual({ sheet: "Q1 '25", topLeft: 'A1' });
    expect(waterfallPoints('C8:C15')).toBe('C8:C14');
    expect(waterfallPoints('B2:H2')).toBe('B2:G2');
    expect(readBlockRows(250_000, 10).map((b) => b.end - b.start)).toEqual(
      [10_000].concat(new Array(24).fill(10_000)),
    );
  });

  it('says whose a sheet is from its marks', () => {
    expect(kindFromMarks('Bridge', 'report', 'Bridge')).toBe('report');
    expect(kindFromMarks('Bridge (2)', 'report', 'Bridge')).toBe('user');
    expect(kindFromMarks('Bridge', 'other', 'Bridge')).toBe('user');
    expect(kindFromMarks('Bridge', null, null)).toBe('user');
    expect(() => checkSheetName('a/b')).toThrow(/a\/b/);
    expect(() => checkSheetName('x'.repeat(32))).toThrow();
    expect(() => checkSheetName('ARR trend')).not.toThrow();
  });
});
