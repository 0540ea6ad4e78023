/**
 * REVENUE and SCHEDULE as sheet functions: argument positions, tables, grouping, rates, errors.
 * Figures (see cli.test.ts for the arithmetic): Beta's $1,200 line 2025-07-20..2026-07-19 billed
 * monthly (100.00 on the 20th) and a $500 one-time setup on 2025-07-20 billed upfront:
 *   Jul-2025 recognised 539.45, billed 600.00, deferred 60.55; Aug 101.92, 100.00, 58.63.
 */
import { describe, expect, it } from 'vitest';
import { CellError, excelSerialFromDay } from '../../src/cells/index.js';
import { getFunction, REVENUE, SCHEDULE } from '../../src/functions/index.js';
import { day, num, policy, rates } from '../methodology/book.js';
import { table as tableOf } from '../methodology/book.js';
import { table } from './book.js';

const BETA = table([
  { Customer: 'Beta', Start: '2025-07-20', End: '2026-07-19', Amount: 1200, Billing: 'monthly' },
  {
    Customer: 'Beta',
    'Line Type': 'one_time',
    Start: '2025-07-20',
    End: '2025-07-20',
    Amount: 500,
    Billing: 'upfront',
  },
  { Customer: 'Acme', Start: '2025-08-01', End: '2026-07-31', Amount: 365, Billing: 'annual' },
]);

describe('descriptors', () => {
  it('keep the issue positions; rates is appended at the end', () => {
    const names = (f: string) => getFunction(f)?.args.map((a) => (a.optional ? `[${a.name}]` : a.name));
    expect(names('REVENUE')).toEqual(['contracts', 'from', 'to', '[policy]', '[rates]']);
    expect(names('SCHEDULE')).toEqual(['contracts', 'from', 'to', '[policy]', '[by]', '[rates]']);
  });
  it('every date argument says it must be a cell, not TODAY()', () => {
    for (const f of ['REVENUE', 'SCHEDULE']) {
      for (const a of getFunction(f)?.args ?? []) {
        if (a.type === 'date') expect(a.help).toContain('not TODAY()');
      }
    }
  });
});

describe('SCHEDULE', () => {
  it('a header row, then one row per month', () => {
    // Acme: 365 over 365 days = 1.00 a day from Aug 1: Aug 31.00; billed 365.00 on Aug 1.
    expect(tableOf(SCHEDULE(BETA, '2025-07-01', '2025-08-31'))).toEqual([
      ['Month', 'Recognized', 'Billed', 'Deferred'],
      ['2025-07', 539.45, 600, 60.55],
      ['2025-08', 132.92, 465, 392.63], // 101.92 + 31.00; 100 + 365; 58.63 + 334.00
    ]);
  });

  it('by customer: a Customer column first, one block per customer, sorted', () => {
    expect(tableOf(SCHEDULE(BETA, '2025-07-01', '2025-08-31', null, 'customer'))).toEqual([
      ['Customer', 'Month', 'Recognized', 'Billed', 'Deferred'],
      ['Acme', '2025-07', 0, 0, 0],
      ['Acme', '2025-08', 31, 365, 334],
      ['Beta', '2025-07', 539.45, 600, 60.55],
      ['Beta', '2025-08', 101.92, 100, 58.63],
    ]);
  });

  it('by line: the sheet row as a number', () => {
    const t = tableOf(SCHEDULE(BETA, '2025-07-01', '2025-07-31', undefined, 'line'));
    expect(t).toEqual([
      ['Row', 'Month', 'Recognized', 'Billed', 'Deferred'],
      [2, '2025-07', 39.45, 100, 60.55],
      [3, '2025-07', 500, 500, 0],
    ]);
  });

  it('takes Excel serial dates and a policy range', () => {
    const from = excelSerialFromDay(day('2026-02-01'));
    const to = excelSerialFromDay(day('2026-02-28'));
    const plug = policy({ revenueRounding: 'plug_last' });
    // Beta's line in Feb-2026 under plug_last: 28 days alone, 92.05; Acme 28.00; 120.05.
    expect(tableOf(SCHEDULE(BETA, from, to, plug))[1].slice(0, 2)).toEqual(['2026-02', 120.05]);
  });

  it('converts with the rates range given last (fx: spot, the rate on the start date)', () => {
    const eur = table([
      { Customer: 'F', Start: '2025-07-01', End: '2026-06-30', Amount: 365, Currency: 'EUR' },
    ]);
    const fx = rates([['EUR', '2025-06-30', 2]]);
    // 365 EUR x 2 = 730.00 USD over 365 days: 2.00 a day, July 62.00; billed 730.00 on Jul 1.
    expect(tableOf(SCHEDULE(eur, '2025-07-01', '2025-07-31', policy({ fx: 'spot' }), '', fx))).toEqual([
      ['Month', 'Recognized', 'Billed', 'Deferred'],
      ['2025-07', 62, 730, 668],
    ]);
  });

  it('errors come back as values naming what is wrong', () => {
    const bad = SCHEDULE(BETA, '2025-07-01', '2025-08-31', null, 'colour') as CellError;
    expect(bad).toBeInstanceOf(CellError);
    expect(bad.message).toMatch(/^by: "colour" is not a dimension; use one of customer, .*, line$/);
    const noTo = SCHEDULE(BETA, '2025-07-01', '') as CellError;
    expect(noTo.message).toMatch(/^to: a date is required/);
    const reversed = SCHEDULE(BETA, '2025-08-01', '2025-07-01') as CellError;
    expect(reversed.message).toBe('from 2025-08-01 is after to 2025-07-01');
    const empty = SCHEDULE(null, '2025-07-01', '2025-08-31') as CellError;
    expect(empty.message).toMatch(/^contracts: the contracts range is empty/);
    const cell = SCHEDULE(
      table([{ Customer: 'X', Start: '2025-13-01', End: '2025-12-31', Amount: 1 }]),
      '2025-01-01',
      '2025-01-31',
    ) as CellError;
    expect(cell.row).toBe(2);
    expect(cell.message).toMatch(/^row 2, Start: "2025-13-01"/);
  });
});

describe('REVENUE', () => {
  it('whole months: the sum of the schedule', () => {
    // Jul + Aug = 539.45 + 101.92 + 31.00 = 672.37.
    expect(num(REVENUE(BETA, '2025-07-01', '2025-08-31'))).toBe(672.37);
  });
  it('any two days, both included', () => {
    // Beta's line: through 2025-08-10 (22 days) 72.33, through 2025-07-25 (6 days) 19.73: 52.60.
    // Acme: Aug 1..10 = 10.00. The setup was recognised on 2025-07-20, before the period.
    expect(num(REVENUE(BETA, '2025-07-26', '2025-08-10'))).toBe(62.6);
  });
  it('a bad date is an error value', () => {
    expect(REVENUE(BETA, 'soon', '2025-08-10')).toBeInstanceOf(CellError);
  });
});
