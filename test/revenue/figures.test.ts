/**
 * The figures of issue 3, section 1 (methodology section 5), worked by hand.
 *
 * $12,000 over 2021-01-16..2022-01-15 (365 days), cumulative rounding, T x k / 365 after k days:
 *   Jan-2021: k = 16 (16th..31st)      12,000 x 16 / 365 =    526.027 ->    526.03
 *   Feb-2021: k = 16 + 28 = 44         12,000 x 44 / 365 =  1,446.575 ->  1,446.58; - 526.03   =   920.55
 *   Mar-2021: k = 44 + 31 = 75         12,000 x 75 / 365 =  2,465.753 ->  2,465.75; - 1,446.58 = 1,019.17
 *   Dec-2021: k = 365 - 15 = 350       12,000 x 350 / 365 = 11,506.849 -> 11,506.85
 *   Jan-2022: k = 365                  12,000.00 - 11,506.85 = 493.15
 *
 * $1,200 over 2025-07-20..2026-07-19 (365 days), 1,200 x k / 365:
 *   month    k    cumulative           month
 *   2025-07  12     39.452 ->   39.45    39.45
 *   2025-08  43    141.370 ->  141.37   101.92
 *   2025-09  73    240.000 ->  240.00    98.63
 *   2025-10 104    341.918 ->  341.92   101.92
 *   2025-11 134    440.548 ->  440.55    98.63
 *   2025-12 165    542.466 ->  542.47   101.92
 *   2026-01 196    644.384 ->  644.38   101.91
 *   2026-02 224    736.438 ->  736.44    92.06
 *   2026-03 255    838.356 ->  838.36   101.92
 *   2026-04 285    936.986 ->  936.99    98.63
 *   2026-05 316  1,038.904 -> 1,038.90  101.91
 *   2026-06 346  1,137.534 -> 1,137.53   98.63
 *   2026-07 365  1,200.000              62.47      sum 1,200.00
 * plug_last, each month alone: 31 days 1,200 x 31 / 365 = 101.918 -> 101.92; 30 days 98.630 -> 98.63;
 *   28 days 92.055 -> 92.05; July 2025 (12 days) 39.45. Jul-2025..Jun-2026 =
 *   39.45 + 6 x 101.92 (Aug Oct Dec Jan Mar May) + 4 x 98.63 (Sep Nov Apr Jun) + 92.05 = 1,137.54,
 *   so Jul-2026 = 1,200.00 - 1,137.54 = 62.46.
 */
import { describe, expect, it } from 'vitest';
import { REVENUE, SCHEDULE } from '../../src/functions/index.js';
import { revenueBetween } from '../../src/index.js';
import { day, num, ok, policy } from '../methodology/book.js';
import { compiled, recognised, scheduleOf, table } from './book.js';

const TWELVE = [{ Customer: 'Acme', Start: '2021-01-16', End: '2022-01-15', Amount: 12000 }];
const TWELVE_HUNDRED = [{ Customer: 'Beta', Start: '2025-07-20', End: '2026-07-19', Amount: 1200 }];

describe('the issue figures (cumulative rounding)', () => {
  it('$12,000 recurring 2021-01-16..2022-01-15', () => {
    const r = recognised(compiled(TWELVE), '2021-01-01', '2022-01-31');
    expect(r['2021-01']).toBe(52603);
    expect(r['2021-02']).toBe(92055);
    expect(r['2021-03']).toBe(101917);
    expect(r['2022-01']).toBe(49315);
    expect(Object.values(r).reduce((a, b) => a + b, 0)).toBe(1200000);
  });

  it('$1,200 2025-07-20..2026-07-19, every month, summing to 1,200.00', () => {
    const r = recognised(compiled(TWELVE_HUNDRED), '2025-07-01', '2026-07-31');
    expect(r).toEqual({
      '2025-07': 3945,
      '2025-08': 10192,
      '2025-09': 9863,
      '2025-10': 10192,
      '2025-11': 9863,
      '2025-12': 10192,
      '2026-01': 10191,
      '2026-02': 9206,
      '2026-03': 10192,
      '2026-04': 9863,
      '2026-05': 10191,
      '2026-06': 9863,
      '2026-07': 6247,
    });
    expect(Object.values(r).reduce((a, b) => a + b, 0)).toBe(120000);
  });

  it('plug_last: Feb-2026 92.05 and Jul-2026 62.46, still summing to 1,200.00', () => {
    const r = recognised(
      compiled(TWELVE_HUNDRED, { revenueRounding: 'plug_last' }),
      '2025-07-01',
      '2026-07-31',
    );
    expect(r['2025-07']).toBe(3945);
    expect(r['2025-08']).toBe(10192);
    expect(r['2025-09']).toBe(9863);
    expect(r['2026-01']).toBe(10192);
    expect(r['2026-02']).toBe(9205);
    expect(r['2026-07']).toBe(6246);
    expect(Object.values(r).reduce((a, b) => a + b, 0)).toBe(120000);
  });

  it('the sheet functions give the same figures', () => {
    const t = table(TWELVE_HUNDRED);
    expect(num(REVENUE(t, '2026-02-01', '2026-02-28'))).toBe(92.06);
    expect(num(REVENUE(t, '2026-07-01', '2026-07-31'))).toBe(62.47);
    expect(num(REVENUE(t, '2025-07-01', '2026-07-31'))).toBe(1200);
    const plug = policy({ revenueRounding: 'plug_last' });
    expect(num(REVENUE(t, '2026-02-01', '2026-02-28', plug))).toBe(92.05);
    expect(num(REVENUE(t, '2026-07-01', '2026-07-31', plug))).toBe(62.46);
    const s = SCHEDULE(table(TWELVE), '2021-01-01', '2021-03-31') as unknown[][];
    expect(s.map((r) => r.slice(0, 2))).toEqual([
      ['Month', 'Recognized'],
      ['2021-01', 526.03],
      ['2021-02', 920.55],
      ['2021-03', 1019.17],
    ]);
  });
});

describe('billings and deferred revenue of the $1,200 line (annual billing, the default)', () => {
  it('one invoice of 1,200.00 on 2025-07-20; deferred = billed - recognised, 0 at the end', () => {
    const s = scheduleOf(compiled(TWELVE_HUNDRED), '2025-07-01', '2026-08-31');
    // Jul-2025: billed 1,200.00, recognised 39.45: deferred 1,160.55.
    expect(s['2025-07']).toEqual([3945, 120000, 116055]);
    // Aug-2025: 1,200.00 - 141.37 = 1,058.63.
    expect(s['2025-08']).toEqual([10192, 0, 105863]);
    // Jun-2026: 1,200.00 - 1,137.53 = 62.47, recognised in July.
    expect(s['2026-06']).toEqual([9863, 0, 6247]);
    expect(s['2026-07']).toEqual([6247, 0, 0]);
    expect(s['2026-08']).toEqual([0, 0, 0]);
  });

  it('a range starting mid-term carries the history in: deferred at Feb-2026 end = 1,200.00 - 736.44', () => {
    const s = scheduleOf(compiled(TWELVE_HUNDRED), '2026-02-01', '2026-02-28');
    expect(s).toEqual({ '2026-02': [9206, 0, 120000 - 73644] });
  });
});

describe('REVENUE between two days', () => {
  const lines = compiled(TWELVE_HUNDRED);
  it('within a month: revenue through to less revenue through from - 1 (cumulative)', () => {
    // Through 2025-07-25: k = 6, 1,200 x 6 / 365 = 19.726 -> 19.73; through 2025-07-19: 0.
    expect(ok(revenueBetween(lines, day('2025-07-01'), day('2025-07-25')))).toBe(1973);
    // 2025-07-26..2025-08-10: through 08-10 k = 12 + 10 = 22: 72.329 -> 72.33; less 19.73 = 52.60.
    expect(ok(revenueBetween(lines, day('2025-07-26'), day('2025-08-10')))).toBe(5260);
  });

  it('plug_last: whole months before the day each rounded alone, then the days so far', () => {
    const plug = compiled(TWELVE_HUNDRED, { revenueRounding: 'plug_last' });
    // Through 2025-08-10: July 39.45 + (10 days) 1,200 x 10 / 365 = 32.877 -> 32.88 = 72.33; from
    // 2025-07-26: through 07-25 = 19.73 (6 days), so 72.33 - 19.73 = 52.60.
    expect(ok(revenueBetween(plug, day('2025-07-26'), day('2025-08-10')))).toBe(5260);
    // Through 2026-07-10 (before the last day): Jul-2025..Jun-2026 = 1,137.54 plus 10 days 32.88.
    expect(ok(revenueBetween(plug, day('2025-01-01'), day('2026-07-10')))).toBe(113754 + 3288);
  });

  it('from after to is an error', () => {
    expect(revenueBetween(lines, day('2026-01-02'), day('2026-01-01'))).toMatchObject({
      code: '#VALUE!',
      message: 'from 2026-01-02 is after to 2026-01-01',
    });
  });
});
