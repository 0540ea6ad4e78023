/**
 * The pack under other policies and dates, and on small hand-made books: every formula still
 * computes its expect and every check says OK; data that looks like a formula stays text; a book
 * with nothing to divide by shows n/a, not a number.
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd, type Day } from '../../src/cells/days.js';
import type { ReportBook } from '../../src/reports/model.js';
import { OK } from '../../src/reports/cells.js';
import { proveFormulas } from './evaluate.js';
import {
  allCells,
  cellAt,
  exampleInput,
  exampleTable,
  figure,
  pack,
  rowOf,
  sheet,
  tableBody,
  textOf,
} from './helpers.js';

function proved(book: ReportBook): number {
  const { formulas, problems } = proveFormulas(book);
  expect(problems).toEqual([]);
  for (const { cell } of allCells(book)) {
    if (cell?.kind === 'formula' && cell.style === 'check') expect(cell.expect).toBe(OK);
  }
  return formulas;
}

describe('the example book under other policies and dates', () => {
  const cases: [string, Record<string, string>, Day][] = [
    ['product grain', { grain: 'customer_product' }, dayFromYmd(2025, 12, 31)],
    ['monthly bridges', { bridgeMethod: 'monthly' }, dayFromYmd(2025, 12, 31)],
    ['board rates', { fx: 'fixed' }, dayFromYmd(2025, 12, 31)],
    ['contracted ARR', { basis: 'contracted' }, dayFromYmd(2025, 12, 31)],
    [
      'reactivation as new, monthly12, half even',
      { reactivation: 'as_new', annualization: 'monthly12', rounding: 'half_even' },
      dayFromYmd(2025, 12, 31),
    ],
    ['a mid-month as-of date', {}, dayFromYmd(2025, 11, 15)],
    ['an earlier quarter end', {}, dayFromYmd(2024, 6, 30)],
  ];
  for (const [name, overrides, asOf] of cases) {
    it(`proves every formula: ${name}`, () => {
      const book = pack(exampleInput({ overrides, asOf }));
      expect(proved(book)).toBeGreaterThan(50);
    });
  }

  it('shortens the trends where the rates table does not reach back, and says so', () => {
    // A rates table starting on 2022-12-31 (the example's, cut): 24 months before 2024-06-30 there
    // is no spot rate for the EUR and GBP lines already running in 2022.
    const rates = exampleTable('fx-rates.csv').filter(
      (r, i) => i === 0 || r[1] === '' || String(r[1]) >= '2022-12-31',
    );
    const book = pack(exampleInput({ asOf: dayFromYmd(2024, 6, 30), rates }));
    const trend = sheet(book, 'ARR trend');
    const { rows } = tableBody(trend, 'Date');
    expect(figure(rows[0][0])).toBe(dayFromYmd(2022, 12, 31));
    expect(rows).toHaveLength(19);
    expect(trend.title).toBe('ARR trend: month-end ARR for the 18 months to 2024-06-30');
    const notes = trend.rows.map((r) => textOf(r[0] ?? null) ?? '');
    expect(
      notes.some((t) => /^Earlier months are left out: no (EUR|GBP) rate on or before 2022-11-30/.test(t)),
    ).toBe(true);
    const retention = sheet(book, 'Retention');
    // Trailing twelve months at each quarter end back to 2023-12-31 (from 2022-12-31).
    expect(tableBody(retention, 'Quarter end').rows.map((r) => figure(r[0]))).toEqual([
      dayFromYmd(2023, 12, 31),
      dayFromYmd(2024, 3, 31),
      dayFromYmd(2024, 6, 30),
    ]);
  });

  it('at product grain the detail names the product', () => {
    const book = pack(exampleInput({ overrides: { grain: 'customer_product' } }));
    const { rows } = tableBody(sheet(book, 'Bridge'), 'Customer');
    expect(textOf(sheet(book, 'Bridge').rows[rowOf(sheet(book, 'Bridge'), 'Customer') - 1][1])).toBe(
      'Product',
    );
    expect(rows.some((r) => textOf(r[1]) === 'Analytics Add-on')).toBe(true);
  });

  it('leaves out the GRR and NRR ties to the bridge under monthly bridges (they need one diff)', () => {
    const s = sheet(pack(exampleInput({ overrides: { bridgeMethod: 'monthly' } })), 'Summary');
    expect(cellAt(s, `C${rowOf(s, 'GRR, trailing twelve months')}`)).toBeNull();
    expect(cellAt(s, `C${rowOf(s, 'Quick ratio, year')}`)).toMatchObject({ kind: 'formula', expect: OK });
  });

  it('labels periods that are not calendar quarters by their dates', () => {
    const s = sheet(pack(exampleInput({ asOf: dayFromYmd(2025, 11, 15) })), 'Summary');
    expect(rowOf(s, 'Net new ARR, 3 months to 2025-11-15')).toBeGreaterThan(0);
    expect(rowOf(s, 'ARR on 2025-08-15')).toBeGreaterThan(0);
  });
});

/** A small book: header, then rows [customer, contract, product, start, end, amount]. */
function smallBook(rows: (string | number)[][]): unknown[][] {
  return [['Customer', 'Contract', 'Product', 'Start Date', 'End Date', 'Amount'], ...rows];
}

const FORMULA_LOOKING = ['=1+1', '+SUM(A1)', '@cmd', '-2+3'];

describe('data that looks like a formula', () => {
  // Each name is a customer, a product and a contract; each moves in 2025.
  const contracts = smallBook([
    ['=1+1', '=1+1', '+SUM(A1)', '2024-01-01', '2024-12-31', '10000.00'],
    ['=1+1', '=1+1', '+SUM(A1)', '2025-01-01', '2025-12-31', '12000.00'],
    ['+SUM(A1)', '@cmd', '@cmd', '2024-07-01', '2025-06-30', '20000.00'],
    ['@cmd', '-2+3', '-2+3', '2025-03-01', '2026-02-28', '15000.00'],
    ['-2+3', '+SUM(A1)', '=1+1', '2024-01-01', '2025-12-31', '40000.00'],
    ['-2+3', '+SUM(A1)', '-2+3', '2025-10-01', '2025-12-31', '1000.00'],
  ]);
  const book = pack({
    contracts,
    overrides: { grain: 'customer_product' },
    asOf: dayFromYmd(2025, 12, 31),
    generatedAt: '2026-01-01T00:00:00.000Z',
  });

  it('is written as text cells, never in a formula', () => {
    const seen = new Set<string>();
    for (const { cell, sheet: name, row, col } of allCells(book)) {
      if (cell === null) continue;
      if (cell.kind === 'formula') {
        for (const n of FORMULA_LOOKING)
          expect(cell.formula.includes(n), `${name} ${row}:${col}`).toBe(false);
        continue;
      }
      if (cell.kind === 'text') {
        for (const n of FORMULA_LOOKING) if (cell.text === n || cell.text.startsWith(`${n},`)) seen.add(n);
      }
    }
    expect([...seen].sort()).toEqual([...FORMULA_LOOKING].sort());
    // In the bridge detail: customer, product and contract columns.
    const { rows } = tableBody(sheet(book, 'Bridge'), 'Customer', 2);
    const texts = rows.flatMap((r) => [r[0], r[1], r[7]]);
    for (const n of FORMULA_LOOKING) {
      expect(texts.some((c) => c?.kind === 'text' && (c.text === n || c.text.split(', ').includes(n)))).toBe(
        true,
      );
    }
  });

  it('does not disturb the formulas', () => {
    expect(proved(book)).toBeGreaterThan(60);
  });
});

describe('a book with nothing to divide by', () => {
  // Every customer is new in 2025: no ARR a quarter or a year before, no losses.
  const book = pack({
    contracts: smallBook([
      ['A', 'K1', 'P', '2025-11-01', '2026-10-31', '12000.00'],
      ['B', 'K2', 'P', '2025-12-01', '2026-11-30', '6000.00'],
    ]),
    asOf: dayFromYmd(2025, 12, 31),
    generatedAt: '2026-01-01T00:00:00.000Z',
  });
  const s = sheet(book, 'Summary');
  const value = (label: string) => figure(cellAt(s, `B${rowOf(s, label)}`));

  it('shows n/a for growth and the undefined ratios, and still proves every formula', () => {
    expect(value('ARR on 2025-09-30')).toBe(0);
    expect(value('Growth vs prior quarter')).toBe('n/a');
    expect(value('Growth vs prior year')).toBe('n/a');
    expect(value('GRR, trailing twelve months')).toBeNull();
    expect(value('NRR, trailing twelve months')).toBeNull();
    expect(value('Quick ratio, year')).toBeNull();
    expect(cellAt(s, `C${rowOf(s, 'GRR, trailing twelve months')}`)).toBeNull();
    proved(book);
  });

  it('keeps the empty lanes as formulas that sum to zero', () => {
    const b = sheet(book, 'Bridge');
    expect(figure(cellAt(b, `B${rowOf(b, 'Churn')}`))).toBe(0);
    expect(cellAt(b, `B${rowOf(b, 'Churn')}`)?.kind).toBe('formula');
  });

  it('an empty cohort table and no findings say so', () => {
    const checks = sheet(book, 'Checks');
    expect(rowOf(checks, 'All findings')).toBeGreaterThan(0);
    proved(book);
  });
});
