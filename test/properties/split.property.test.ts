/**
 * Splitting a daily365 line into two adjacent lines, with the amount split in proportion to the
 * days (in whole cents, the parts summing to the original), moves its ARR by at most a cent on any
 * date it covers.
 *
 * Why at most a cent. A line of A cents over D days has ARR x = A x 365 / D before rounding. Split
 * at k days, the first part gets A1 = round(A x k / D) = A x k / D + e with |e| <= 1/2, so its ARR
 * before rounding is A1 x 365 / k = x + e x 365 / k. When the split is exact (e = 0) the two agree;
 * otherwise |e x 365 / k| <= 182.5 / k, which is below 1 cent only when k >= 183 (the same holds
 * for the second part with D - k days). Two reals less than 1 apart round (half up or half even)
 * to integers at most 1 apart. So the property is tested (a) for any amount when both parts have
 * at least 183 days and (b) for any split when A is a multiple of D (every part is exact).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrOn, buildModel, parseContracts, parsePolicy, parseRates } from '../../src/index.js';
import { formatDay } from '../../src/cells/index.js';
import { contracts, ok, type Line } from '../methodology/book.js';
import { FIRST, LAST, bookArb, fraction, policy, ratesArb, toLine } from './gen.js';

interface Split {
  customer: string;
  start: number;
  days: number;
  amountCents: number;
  k: number;
  at: number;
}

/** (a) both parts >= 183 days, any amount. */
const wideSplit: fc.Arbitrary<Split> = fc
  .record({
    customer: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
    days: fc.integer({ min: 366, max: 1400 }),
    startFrac: fraction,
    amountCents: fc.integer({ min: 100_000, max: 99_999_999 }),
    kFrac: fraction,
    atFrac: fraction,
  })
  .map((r) => {
    const start = FIRST + Math.floor(r.startFrac * (LAST - FIRST - r.days + 1));
    const k = 183 + Math.floor(r.kFrac * (r.days - 366));
    return {
      customer: r.customer,
      start,
      days: r.days,
      amountCents: r.amountCents,
      k,
      at: start + Math.floor(r.atFrac * (r.days - 1)),
    };
  });

/** (b) any split of a line whose amount is a whole number of cents per day. */
const exactSplit: fc.Arbitrary<Split> = fc
  .record({
    customer: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
    days: fc.integer({ min: 2, max: 1400 }),
    startFrac: fraction,
    perDay: fc.integer({ min: 1, max: 50_000 }),
    kFrac: fraction,
    atFrac: fraction,
  })
  .map((r) => {
    const start = FIRST + Math.floor(r.startFrac * (LAST - FIRST - r.days + 1));
    const k = 1 + Math.floor(r.kFrac * (r.days - 2));
    return {
      customer: r.customer,
      start,
      days: r.days,
      amountCents: r.perDay * r.days,
      k,
      at: start + Math.floor(r.atFrac * (r.days - 1)),
    };
  });

const money = (cents: number) => (cents / 100).toFixed(2);

function arrWith(others: Line[], extra: Line[], rateTable: unknown[][], at: number): number {
  const pol = ok(parsePolicy(policy({ annualization: 'daily365' })));
  const book = ok(parseContracts(contracts([...others, ...extra]), pol));
  const model = ok(buildModel(book, pol, ok(parseRates(rateTable, pol.reportingCurrency))));
  return ok(arrOn(model, at)).arrCents;
}

function check(s: Split, others: Line[], rateTable: unknown[][]): void {
  const base = { Customer: s.customer, Contract: 'SPLIT', Product: 'P9' };
  const whole: Line = {
    ...base,
    Start: formatDay(s.start),
    End: formatDay(s.start + s.days - 1),
    Amount: money(s.amountCents),
  };
  const a1 = Math.round((s.amountCents * s.k) / s.days);
  const parts: Line[] = [
    { ...base, Start: formatDay(s.start), End: formatDay(s.start + s.k - 1), Amount: money(a1) },
    {
      ...base,
      Start: formatDay(s.start + s.k),
      End: formatDay(s.start + s.days - 1),
      Amount: money(s.amountCents - a1),
    },
  ];
  const before = arrWith(others, [whole], rateTable, s.at);
  const after = arrWith(others, parts, rateTable, s.at);
  // the line counts (at least 1,000 x 365 / 1,400 or 1 cent a day x 365), so this is no 0 = 0
  expect(before).toBeGreaterThan(0);
  expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
}

describe('splitting a daily365 line', () => {
  it('parts of at least 183 days: ARR moves by at most 1 cent (1,000 random books)', () => {
    fc.assert(
      fc.property(wideSplit, fc.array(bookArb, { maxLength: 1 }), ratesArb, (s, others, rateTable) => {
        check(s, (others[0] ?? []).slice(0, 6).map(toLine), rateTable);
      }),
      { numRuns: 1000 },
    );
  });

  it('an exact split anywhere: ARR moves by at most 1 cent (1,000 random books)', () => {
    fc.assert(
      fc.property(exactSplit, fc.array(bookArb, { maxLength: 1 }), ratesArb, (s, others, rateTable) => {
        check(s, (others[0] ?? []).slice(0, 6).map(toLine), rateTable);
      }),
      { numRuns: 1000 },
    );
  });
});
