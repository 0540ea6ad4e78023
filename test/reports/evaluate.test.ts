/** The test-only evaluator itself: what it computes, and that it catches a wrong expect. */
import { describe, expect, it } from 'vitest';
import { dayFromYmd, excelSerialFromDay } from '../../src/cells/days.js';
import type { ReportBook } from '../../src/reports/model.js';
import { Workbook, excelRound, proveFormulas } from './evaluate.js';
import { exampleInput, pack } from './helpers.js';

const book: ReportBook = {
  title: {
    company: '',
    asOf: dayFromYmd(2025, 12, 31),
    policyVersion: '1',
    policyHash: 'x',
    dataHash: 'y',
    generatedAt: 'z',
    currency: 'USD',
  },
  sheets: [
    {
      name: 'Data sheet',
      title: 't',
      columns: [],
      freezeRows: 0,
      charts: [],
      heatMaps: [],
      rows: [
        [
          { kind: 'text', text: 'New' },
          { kind: 'money', cents: 1050 },
        ],
        [
          { kind: 'text', text: 'Churn' },
          { kind: 'money', cents: -205 },
        ],
        [
          { kind: 'text', text: 'new' },
          { kind: 'money', cents: 1 },
        ],
        [
          { kind: 'text', text: '=1+1' },
          { kind: 'percent', value: null },
        ],
        [
          { kind: 'date', day: dayFromYmd(2025, 12, 31) },
          { kind: 'count', value: 3 },
        ],
        [{ kind: 'formula', formula: 'SUM(B1:B3)', format: 'money', expect: 846 }],
      ],
    },
  ],
};

describe('the evaluator', () => {
  const wb = new Workbook(book);
  const ev = (f: string) => wb.evaluate(f, 'Data sheet');

  it('reads cells as a spreadsheet holds them', () => {
    expect(ev('B1')).toBe(10.5);
    expect(ev('A4')).toBe('=1+1'); // text, never evaluated
    expect(ev('B4')).toBe('n/a');
    expect(ev('A5')).toBe(excelSerialFromDay(dayFromYmd(2025, 12, 31)));
    expect(ev('A6')).toBeCloseTo(8.46, 12);
    expect(ev('C9')).toBeNull();
  });

  it('computes arithmetic, comparisons and the functions the pack uses', () => {
    expect(ev('1+2*3-4/2')).toBe(5);
    expect(ev('-(B1+B2)')).toBeCloseTo(-8.45, 12);
    expect(ev('SUM(B1:B3)')).toBeCloseTo(8.46, 12);
    expect(ev("SUMIFS('Data sheet'!B1:B3,'Data sheet'!A1:A3,\"New\")")).toBeCloseTo(10.51, 12); // case-insensitive
    expect(ev('SUMIFS(B1:B3,A1:A3,A2)')).toBe(-2.05);
    expect(ev('COUNTIF(A1:A5,"new")')).toBe(2);
    expect(ev('IF(ROUND(B1+B2-8.45,2)=0,"OK","CHECK")')).toBe('OK');
    expect(ev('IF(B5>2,1,2)')).toBe(1);
    expect(ev('ABS(B2)')).toBe(2.05);
    expect(ev('IF(1E-9<0.000001,"a","b")')).toBe('a');
    expect(ev('"a"&"b"')).toBe('ab');
  });

  it("rounds as Excel's ROUND does: halves away from zero, after 15 significant digits", () => {
    expect(excelRound(2.675, 2)).toBe(2.68); // 2.675 is 2.67499999... as a double
    expect(excelRound(-2.675, 2)).toBe(-2.68);
    expect(excelRound(1.005, 2)).toBe(1.01);
    expect(excelRound(0.125, 2)).toBe(0.13);
    expect(excelRound(1e-10, 2)).toBe(0);
  });

  it('gives error values for what a spreadsheet cannot compute, and refuses functions the pack must not use', () => {
    expect(ev('1/0')).toEqual({ error: '#DIV/0!' });
    expect(ev('B4+1')).toEqual({ error: '#VALUE!' });
    expect(() => ev('VLOOKUP(1,A1:B2,2)')).toThrow(/not one the pack may use/);
    expect(() => ev('B1 B2')).toThrow();
  });

  it('catches a formula whose expect is off by a cent', () => {
    expect(proveFormulas(book).problems).toEqual([]);
    const wrong = structuredClone(book);
    const cell = wrong.sheets[0].rows[5][0];
    if (cell?.kind !== 'formula') throw new Error('fixture');
    cell.expect = 847;
    expect(proveFormulas(wrong).problems).toEqual([
      { where: 'Data sheet!A6', formula: 'SUM(B1:B3)', got: expect.closeTo(8.46, 12), expect: 847 },
    ]);
  });

  it('catches a check that would say CHECK in the example pack when a figure is tampered with', () => {
    const p = pack(exampleInput());
    const bridge = p.sheets.find((s) => s.name === 'Bridge')!;
    const end = bridge.rows.findIndex((r) => r[0]?.kind === 'text' && r[0].text === 'End ARR');
    const cell = bridge.rows[end][2];
    if (cell?.kind !== 'money') throw new Error('the year end is a money cell');
    cell.cents += 1;
    const where = proveFormulas(p).problems.map((x) => `${x.where} ${String(x.got)}`);
    // The bridge's own check and the Summary's tie to the bridge end both fail.
    expect(where).toEqual([`Summary!C6 CHECK`, `Bridge!C${end + 2} CHECK`]);
  });
});
