/**
 * The revenue core beyond the figures: billing frequencies and instalments, cancel dates,
 * one-time lines, amount bases, FX, grouping and errors. Every figure is worked by hand beside it.
 */
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/cells/index.js';
import { compileRevenue, parseContracts, parsePolicy, revenueSchedule } from '../../src/index.js';
import { day, ok, policy } from '../methodology/book.js';
import { compiled, groupedOf, recognised, scheduleOf, table } from './book.js';

/** Billed cents per month (months with no invoice left out). */
function billed(lines: ReturnType<typeof compiled>, from: string, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [m, r] of Object.entries(scheduleOf(lines, from, to))) if (r[1] !== 0) out[m] = r[1];
  return out;
}

describe('billings in advance', () => {
  it('annual is the default: one invoice of the total on the start date for a one-year term', () => {
    const l = compiled([{ Customer: 'A', Start: '2025-01-01', End: '2025-12-31', Amount: 1000 }]);
    expect(billed(l, '2025-01-01', '2025-12-31')).toEqual({ '2025-01': 100000 });
  });

  it('quarterly: four equal invoices of 250.00 on the first day of each quarter of the term', () => {
    const l = compiled([
      { Customer: 'A', Start: '2025-01-01', End: '2025-12-31', Amount: 1000, Billing: 'quarterly' },
    ]);
    expect(billed(l, '2025-01-01', '2025-12-31')).toEqual({
      '2025-01': 25000,
      '2025-04': 25000,
      '2025-07': 25000,
      '2025-10': 25000,
    });
  });

  it('monthly: equal instalments, the leftover cents to the earliest (100,000 / 12 = 8,333 r 4)', () => {
    const l = compiled([
      { Customer: 'A', Start: '2025-01-01', End: '2025-12-31', Amount: 1000, Billing: 'monthly' },
    ]);
    const b = billed(l, '2025-01-01', '2025-12-31');
    expect(Object.values(b)).toEqual([
      8334, 8334, 8334, 8334, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333,
    ]);
  });

  it('equal monthly instalments leave a small unbilled (negative) balance after a 31-day month', () => {
    // $1,200 over 2025 billed 100.00 on the 1st of each month. Jan: earned 1,200 x 31 / 365 =
    // 101.918 -> 101.92, deferred 100.00 - 101.92 = -1.92. Feb: 1,200 x 59 / 365 = 193.973 -> 193.97,
    // deferred 200.00 - 193.97 = 6.03. Dec: all billed and earned, 0.
    const l = compiled([
      { Customer: 'A', Start: '2025-01-01', End: '2025-12-31', Amount: 1200, Billing: 'monthly' },
    ]);
    const s = scheduleOf(l, '2025-01-01', '2025-12-31');
    expect(s['2025-01']).toEqual([10192, 10000, -192]);
    expect(s['2025-02']).toEqual([19397 - 10192, 10000, 603]);
    expect(s['2025-12'][2]).toBe(0);
  });

  it('a final partial period is prorated by days (quarterly over 7 months: 427.91, 427.91, 144.18)', () => {
    // Quarters from 01-01, 04-01, 07-01; the third would run to 09-30 (92 days) but the term ends
    // 07-31 (31 days). Weights 92, 92, 31 of 215: 100,000 x 92 / 215 = 42,790.70 (floor 42,790,
    // remainder 150 / 215), 100,000 x 31 / 215 = 14,418.60 (floor 14,418, remainder 130 / 215);
    // 100,000 - 2 x 42,790 - 14,418 = 2 cents left, to the two largest remainders (the full quarters).
    const l = compiled([
      { Customer: 'A', Start: '2025-01-01', End: '2025-07-31', Amount: 1000, Billing: 'quarterly' },
    ]);
    expect(billed(l, '2025-01-01', '2025-12-31')).toEqual({
      '2025-01': 42791,
      '2025-04': 42791,
      '2025-07': 14418,
    });
  });

  it('equal remainders: the earlier invoice takes the cent', () => {
    // $0.20 monthly 2025-04-01..2025-05-09: April whole, then 9 of May's 31 days. Weights 31 and 9
    // of 40: 20 x 31 / 40 = 15.5, 20 x 9 / 40 = 4.5; floors 15 + 4, one cent left, equal remainders
    // (.5 each): the April invoice takes it, 0.16 and 0.04.
    const l = compiled([
      { Customer: 'A', Start: '2025-04-01', End: '2025-05-09', Amount: 0.2, Billing: 'monthly' },
    ]);
    expect(billed(l, '2025-04-01', '2025-05-31')).toEqual({ '2025-04': 16, '2025-05': 4 });
  });

  it('annual over 2.5 years: 12,019.76, 12,019.76 and 5,960.48 for the half year', () => {
    // Periods 2024-01-01, 2025-01-01, 2026-01-01; the last would have 365 days and has 181
    // (to 2026-06-30). W = 2 x 365 + 181 = 911. 3,000,000 x 365 / 911 = 1,201,975 r 775;
    // 3,000,000 x 181 / 911 = 596,048 r 272; 3,000,000 - 2 x 1,201,975 - 596,048 = 2 left, to the
    // full years (775 > 272).
    const l = compiled([{ Customer: 'A', Start: '2024-01-01', End: '2026-06-30', Amount: 30000 }]);
    expect(billed(l, '2024-01-01', '2026-12-31')).toEqual({
      '2024-01': 1201976,
      '2025-01': 1201976,
      '2026-01': 596048,
    });
  });

  it('amounts past 2^53 / 365 cents are split exactly (bigint path); a larger partial remainder goes first', () => {
    // $1,000,000,000,000 = 10^14 cents over 2024-01-01..2026-06-30, W = 911 as above:
    // 10^14 x 365 = 36,500,000,000,000,000 = 911 x 40,065,861,690,450 + 50;
    // 10^14 x 181 = 18,100,000,000,000,000 = 911 x 19,868,276,619,099 + 811;
    // 10^14 - 2 x 40,065,861,690,450 - 19,868,276,619,099 = 1 cent, to the partial year (811 > 50).
    const l = compiled([{ Customer: 'A', Start: '2024-01-01', End: '2026-06-30', Amount: 1e12 }]);
    expect(billed(l, '2024-01-01', '2026-12-31')).toEqual({
      '2024-01': 40065861690450,
      '2025-01': 40065861690450,
      '2026-01': 19868276619100,
    });
  });

  it('periods anchored on the start day, clamped in short months (start Jan 31: Feb 28, Mar 31)', () => {
    // 2025-01-31..2025-04-29 is three whole months (the next period would start on Apr 30).
    const l = compiled([
      { Customer: 'A', Start: '2025-01-31', End: '2025-04-29', Amount: 300, Billing: 'monthly' },
    ]);
    const s = ok(revenueSchedule(l, day('2025-01-01'), day('2025-04-30')));
    expect(Array.from(s.total.billedCents)).toEqual([10000, 10000, 10000, 0]);
  });

  it('upfront: the whole total on the start date, whatever the term', () => {
    const l = compiled([
      { Customer: 'A', Start: '2025-03-15', End: '2027-03-14', Amount: 3000, Billing: 'upfront' },
    ]);
    expect(billed(l, '2025-01-01', '2027-12-31')).toEqual({ '2025-03': 300000 });
  });

  it('a negative amount (a credit) bills and recognises as the mirror of the positive one', () => {
    const pos = compiled([
      { Customer: 'A', Start: '2025-01-01', End: '2025-07-31', Amount: 1000, Billing: 'quarterly' },
    ]);
    const neg = compiled([
      { Customer: 'A', Start: '2025-01-01', End: '2025-07-31', Amount: -1000, Billing: 'quarterly' },
    ]);
    const p = scheduleOf(pos, '2025-01-01', '2025-12-31');
    const n = scheduleOf(neg, '2025-01-01', '2025-12-31');
    for (const m of Object.keys(p)) {
      expect(n[m].map((x) => 0 - x)).toEqual(p[m]);
      expect(n[m].some((x) => Object.is(x, -0))).toBe(false);
    }
  });
});

describe('cancel dates', () => {
  // $1,200 2025-07-20..2026-07-19, monthly billing, cancelled 2025-09-15. Served 12 + 31 + 15 = 58
  // days: 1,200 x 58 / 365 = 190.685 -> 190.68 recognised in all. Jul 39.45, Aug 101.92 (as
  // uncancelled), Sep 190.68 - 141.37 = 49.31. Invoices on Jul 20 and Aug 20 (100.00 each); the one
  // due Sep 20 is after the cancel day and is not issued. Deferred from Sep: 200.00 - 190.68 = 9.32,
  // left there (owed back, or to release, as the contract says).
  const line = {
    Customer: 'A',
    Start: '2025-07-20',
    End: '2026-07-19',
    Cancel: '2025-09-15',
    Amount: 1200,
    Billing: 'monthly',
  };

  it('recognition stops after the cancel day; later invoices are not issued; the rest stays deferred', () => {
    const s = scheduleOf(compiled([line]), '2025-07-01', '2025-11-30');
    expect(s).toEqual({
      '2025-07': [3945, 10000, 6055],
      '2025-08': [10192, 10000, 5863],
      '2025-09': [4931, 0, 932],
      '2025-10': [0, 0, 932],
      '2025-11': [0, 0, 932],
    });
  });

  it('plug_last: the cancel month takes the rest of the recognised total', () => {
    // Jul 39.45, Aug 101.92 each alone; Sep = 190.68 - 39.45 - 101.92 = 49.31.
    const r = recognised(compiled([line], { revenueRounding: 'plug_last' }), '2025-07-01', '2025-12-31');
    expect(r).toEqual({
      '2025-07': 3945,
      '2025-08': 10192,
      '2025-09': 4931,
      '2025-10': 0,
      '2025-11': 0,
      '2025-12': 0,
    });
  });

  it('a cancel date on or after the end changes nothing', () => {
    const a = scheduleOf(compiled([{ ...line, Cancel: '2026-07-19' }]), '2025-07-01', '2026-08-31');
    const b = scheduleOf(compiled([{ ...line, Cancel: '' }]), '2025-07-01', '2026-08-31');
    expect(a).toEqual(b);
  });
});

describe('one-time lines', () => {
  // $600 setup 2025-01-01..2025-06-30 (181 days), billed annually: one invoice of 600.00 on Jan 1.
  const setup = {
    Customer: 'A',
    'Line Type': 'one_time',
    Start: '2025-01-01',
    End: '2025-06-30',
    Amount: 600,
  };

  it('point_in_time (default): all on the start date', () => {
    expect(scheduleOf(compiled([setup]), '2025-01-01', '2025-02-28')).toEqual({
      '2025-01': [60000, 60000, 0],
      '2025-02': [0, 0, 0],
    });
  });

  it('ratable: by day over start..end (Jan: 600 x 31 / 181 = 102.762 -> 102.76)', () => {
    const r = recognised(compiled([setup], { oneTime: 'ratable' }), '2025-01-01', '2025-12-31');
    expect(r['2025-01']).toBe(10276);
    expect(Object.values(r).reduce((a, b) => a + b, 0)).toBe(60000);
    expect(r['2025-07']).toBe(0);
  });

  it('a one-time amount is the fee itself under amountBasis annual', () => {
    const r = recognised(compiled([setup], { amountBasis: 'annual' }), '2025-01-01', '2025-12-31');
    expect(r['2025-01']).toBe(60000);
  });
});

describe('amount bases: a line total = rate x its term in the annualization unit', () => {
  const leap = { Customer: 'A', Start: '2024-01-01', End: '2024-12-31', Amount: 12000 };
  const quarter = { Customer: 'A', Start: '2025-01-01', End: '2025-03-31', Amount: 1000 };
  const total = (l: ReturnType<typeof compiled>) => l.totalCents[0];

  it('annual, daily365: 12,000 x 366 / 365 = 12,032.876 -> 12,032.88', () => {
    expect(total(compiled([leap], { amountBasis: 'annual' }))).toBe(1203288);
  });
  it('annual, monthly12: 12 months = 12,000.00', () => {
    expect(total(compiled([leap], { amountBasis: 'annual', annualization: 'monthly12' }))).toBe(1200000);
  });
  it('monthly, daily365: 1,000 x 12 x 90 / 365 = 2,958.904 -> 2,958.90', () => {
    expect(total(compiled([quarter], { amountBasis: 'monthly' }))).toBe(295890);
  });
  it('monthly, monthly12: 3 months = 3,000.00, and its months sum to it', () => {
    const l = compiled([quarter], { amountBasis: 'monthly', annualization: 'monthly12' });
    expect(total(l)).toBe(300000);
    const r = recognised(l, '2025-01-01', '2025-03-31');
    expect(r['2025-01'] + r['2025-02'] + r['2025-03']).toBe(300000);
  });
});

describe('FX: each line converted once, at one rate', () => {
  const eur = { Customer: 'F', Start: '2025-07-01', End: '2026-06-30', Amount: 1000, Currency: 'EUR' };
  const RATES: [string, string, string | number][] = [
    ['EUR', '', 1.1],
    ['EUR', '2025-01-01', 1.05],
    ['EUR', '2025-06-30', 1.2],
  ];

  it('contract: the line fx rate (1,000 x 1.08 = 1,080.00)', () => {
    expect(compiled([{ ...eur, 'FX Rate': 1.08 }]).totalCents[0]).toBe(108000);
  });
  it('fixed: the board rate (1,000 x 1.1 = 1,100.00)', () => {
    expect(compiled([eur], { fx: 'fixed' }, RATES).totalCents[0]).toBe(110000);
  });
  it('spot: the rate on or before the start date (2025-07-01: 1.2 from 2025-06-30; 1,200.00)', () => {
    const l = compiled([eur], { fx: 'spot' }, RATES);
    expect(l.totalCents[0]).toBe(120000);
    expect(l.rate[0]).toBe(1.2);
  });
  it('spot without a rate on or before the start: an error naming the row and column', () => {
    const pol = ok(parsePolicy(policy({ fx: 'spot' })));
    const book = ok(parseContracts(table([{ ...eur, Start: '2024-12-01' }]), pol));
    const fx = { reportingCurrency: 'USD', dated: new Map(), board: new Map() };
    const e = compileRevenue(book, pol, fx);
    expect(e).toBeInstanceOf(CellError);
    expect((e as CellError).row).toBe(2);
    expect((e as CellError).column).toBe('Currency');
    expect((e as CellError).message).toMatch(/^row 2, Currency: no EUR rate on or before 2024-12-01/);
  });
  it('contract without the line rate: an error naming the fx rate column', () => {
    const pol = ok(parsePolicy(policy()));
    const book = ok(parseContracts(table([eur]), pol));
    const e = compileRevenue(book, pol, null) as CellError;
    expect(e).toBeInstanceOf(CellError);
    expect(e.message).toMatch(/^row 2, FX Rate: blank is not allowed on a EUR line under fx: contract/);
  });
});

describe('grouping', () => {
  const lines = [
    { Customer: 'Zed', Parent: 'Group', Start: '2025-01-01', End: '2025-12-31', Amount: 365, Segment: 'SMB' },
    { Customer: 'Amy', Start: '2025-01-01', End: '2025-12-31', Amount: 730, Segment: 'Ent' },
    { Customer: 'Old', Start: '2020-01-01', End: '2020-12-31', Amount: 100 },
  ];

  it('by customer: sorted by key, customers with nothing in the range left out', () => {
    // 365 over 365 days = 1.00 a day: Jan 31.00; 730: 2.00 a day, Jan 62.00. Billed annually on Jan 1.
    const g = groupedOf(compiled(lines), '2025-01-01', '2025-01-31', 'customer');
    expect(Object.keys(g)).toEqual(['Amy', 'Zed']);
    expect(g.Amy['2025-01']).toEqual([6200, 73000, 73000 - 6200]);
    expect(g.Zed['2025-01']).toEqual([3100, 36500, 36500 - 3100]);
  });

  it('rollupToParent: yes groups a child under its parent', () => {
    const g = groupedOf(compiled(lines, { rollupToParent: 'yes' }), '2025-01-01', '2025-01-31', 'customer');
    expect(Object.keys(g)).toEqual(['Amy', 'Group']);
  });

  it('the groups sum to the total, month by month', () => {
    const l = compiled(lines);
    const s = ok(revenueSchedule(l, day('2024-12-01'), day('2025-03-31'), 'segment'));
    const sum = new Float64Array(s.months.length);
    for (const g of s.groups ?? []) g.figures.deferredCents.forEach((v, x) => (sum[x] += v));
    expect(Array.from(sum)).toEqual(Array.from(s.total.deferredCents));
  });
});

describe('ranges', () => {
  const l = compiled([{ Customer: 'A', Start: '2025-01-01', End: '2025-12-31', Amount: 365 }]);
  it('whole months: a mid-month from and to cover the months holding them', () => {
    expect(Object.keys(scheduleOf(l, '2025-01-20', '2025-03-05'))).toEqual(['2025-01', '2025-02', '2025-03']);
  });
  it('from after to, or more than 1,200 months, is an error', () => {
    expect(revenueSchedule(l, day('2025-02-01'), day('2025-01-31'))).toBeInstanceOf(CellError);
    const e = revenueSchedule(l, day('1900-01-01'), day('2025-01-31')) as CellError;
    expect(e.message).toBe('from 1900-01-01 to 2025-01-31 is 1501 months; a schedule covers at most 1200');
  });
  it('a line starting after the range contributes nothing', () => {
    expect(scheduleOf(l, '2024-11-01', '2024-12-31')).toEqual({
      '2024-11': [0, 0, 0],
      '2024-12': [0, 0, 0],
    });
  });
});
