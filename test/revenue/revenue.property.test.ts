/**
 * Properties of the revenue schedules over random lines and policies (1,000 runs each):
 * - every line's monthly recognised amounts sum to its amount exactly, under both rounding modes;
 *   each month is within a cent of its exact share (cumulative), or half a cent (plug_last, but
 *   the last month);
 * - its invoices sum to its amount, full periods within a cent of each other, and deferred revenue
 *   is zero from the end of its term (billed in full);
 * - REVENUE over whole months equals the schedule's sum;
 * - a schedule starting later carries the history in: its months equal the longer schedule's;
 * - the groups sum to the total.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, dayFromYmd, formatDay, type Day } from '../../src/cells/index.js';
import {
  compileRevenue,
  parseContracts,
  parsePolicy,
  revenueBetween,
  revenueSchedule,
  type RevenueLines,
} from '../../src/index.js';
import { ok, policy } from '../methodology/book.js';
import { table } from './book.js';

const FIRST = dayFromYmd(2019, 1, 1);
const LAST = dayFromYmd(2028, 12, 31);
const RUNS = { numRuns: 1000 };

interface GenLine {
  customer: string;
  lineType: string;
  start: Day;
  end: Day;
  amountCents: number;
  billing: string;
  cancel: Day | null;
}

const lineArb = (withCancel: boolean): fc.Arbitrary<GenLine> =>
  fc
    .record({
      customer: fc.constantFrom('A', 'B', 'C'),
      lineType: fc.constantFrom('recurring', 'recurring', 'usage_commit', 'usage_overage', 'one_time'),
      start: fc.integer({ min: FIRST, max: LAST }),
      length: fc.oneof(fc.integer({ min: 1, max: 1500 }), fc.constantFrom(28, 31, 90, 365, 366, 730, 1095)),
      amountCents: fc.oneof(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
      ),
      billing: fc.constantFrom('', 'annual', 'quarterly', 'monthly', 'upfront'),
      cancelAt: withCancel ? fc.option(fc.integer({ min: 0, max: 1500 })) : fc.constant(null),
    })
    .map((r) => {
      const end = r.start + r.length - 1;
      return {
        customer: r.customer,
        lineType: r.lineType,
        start: r.start,
        end,
        amountCents: r.amountCents,
        billing: r.billing,
        cancel: r.cancelAt === null || r.cancelAt >= r.length ? null : r.start + r.cancelAt,
      };
    });

const policyArb = fc.record({
  rounding: fc.constantFrom('half_up', 'half_even'),
  revenueRounding: fc.constantFrom('cumulative', 'plug_last'),
  oneTime: fc.constantFrom('point_in_time', 'ratable'),
});

const money = (cents: number): string => (cents < 0 ? '-' : '') + (Math.abs(cents) / 100).toFixed(2);

function compile(lines: GenLine[], kv: Record<string, string>): RevenueLines {
  const pol = ok(parsePolicy(policy(kv)));
  const rows = lines.map((l) => ({
    Customer: l.customer,
    'Line Type': l.lineType,
    Start: formatDay(l.start),
    End: formatDay(l.end),
    Cancel: l.cancel === null ? '' : formatDay(l.cancel),
    Amount: money(l.amountCents),
    Billing: l.billing,
  }));
  return ok(compileRevenue(ok(parseContracts(table(rows), pol)), pol, null));
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

describe('each line on its own', () => {
  it('recognised months sum to the amount; invoices too; deferred is 0 after the term', () => {
    fc.assert(
      fc.property(fc.array(lineArb(false), { minLength: 1, maxLength: 4 }), policyArb, (gen, kv) => {
        const lines = compile(gen, kv);
        const from = Math.min(...gen.map((l) => l.start));
        const to = addMonths(Math.max(...gen.map((l) => l.end)), 1);
        const s = ok(revenueSchedule(lines, from, to, 'line'));
        const byRow = new Map((s.groups ?? []).map((g) => [g.key, g.figures]));
        gen.forEach((l, j) => {
          const f = byRow.get(String(j + 2));
          if (l.amountCents === 0) {
            expect(f).toBeUndefined();
            return;
          }
          if (!f) return expect.fail(`row ${j + 2} has no block`);
          expect(sum(f.recognizedCents)).toBe(l.amountCents);
          expect(sum(f.billedCents)).toBe(l.amountCents);
          expect(f.openingDeferredCents).toBe(0);
          expect(f.deferredCents[f.deferredCents.length - 1]).toBe(0);
          // From the month after the term on, nothing moves and deferred stays 0.
          const last = s.months.indexOf(formatDay(l.end).slice(0, 7));
          for (let x = last; x < s.months.length; x++) expect(f.deferredCents[x]).toBe(0);
        });
      }),
      RUNS,
    );
  });

  it('each month is within a cent of its exact share (half a cent under plug_last, but the last)', () => {
    fc.assert(
      fc.property(lineArb(false), policyArb, (l, kv) => {
        fc.pre(l.lineType !== 'one_time' || kv.oneTime === 'ratable');
        const lines = compile([l], kv);
        const s = ok(revenueSchedule(lines, l.start, l.end));
        const N = l.end - l.start + 1;
        const M = s.months.length;
        for (let x = 0; x < M; x++) {
          const first = Math.max(s.monthStart[x], l.start);
          const lastDay = Math.min(s.monthStart[x + 1] - 1, l.end);
          const exact = (l.amountCents * (lastDay - first + 1)) / N;
          const got = s.total.recognizedCents[x];
          if (kv.revenueRounding === 'cumulative') expect(Math.abs(got - exact)).toBeLessThan(1 + 1e-6);
          else if (x < M - 1) expect(Math.abs(got - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
          else expect(Math.abs(got - exact)).toBeLessThanOrEqual(0.5 * M + 1e-6);
        }
      }),
      RUNS,
    );
  });

  it('invoices of whole periods are within a cent of each other', () => {
    fc.assert(
      fc.property(lineArb(false), (l) => {
        fc.pre(l.billing === 'monthly' || l.billing === 'quarterly');
        const lines = compile([l], {});
        const s = ok(revenueSchedule(lines, l.start, l.end));
        const invoices = Array.from(s.total.billedCents).filter((v) => v !== 0);
        // The last invoice may be a partial period; compare the others.
        const full = invoices.slice(0, -1);
        if (full.length > 1) expect(Math.max(...full) - Math.min(...full)).toBeLessThanOrEqual(1);
        expect(sum(invoices)).toBe(l.amountCents);
      }),
      RUNS,
    );
  });
});

describe('schedules of several lines', () => {
  const rangeArb = fc
    .tuple(fc.integer({ min: FIRST - 400, max: LAST + 400 }), fc.integer({ min: 0, max: 60 }))
    .map(([d, months]) => [d, addMonths(d, months)] as const);

  it('REVENUE over whole months equals the sum of the schedule months', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb(true), { minLength: 1, maxLength: 6 }),
        policyArb,
        rangeArb,
        (gen, kv, [d0, d1]) => {
          const lines = compile(gen, kv);
          const s = ok(revenueSchedule(lines, d0, d1));
          const whole = ok(revenueBetween(lines, s.monthStart[0], s.monthStart[s.months.length] - 1));
          expect(whole).toBe(sum(s.total.recognizedCents));
        },
      ),
      RUNS,
    );
  });

  it('a later start carries the history in; groups sum to the total; deferred = billed - recognised', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb(true), { minLength: 1, maxLength: 6 }),
        policyArb,
        rangeArb,
        fc.integer({ min: 0, max: 60 }),
        (gen, kv, [d0, d1], skip) => {
          const lines = compile(gen, kv);
          const long = ok(revenueSchedule(lines, d0, d1, 'customer'));
          const later = addMonths(d0, Math.min(skip, long.months.length - 1));
          const short = ok(revenueSchedule(lines, later, d1));
          const k = long.months.indexOf(short.months[0]);
          expect(k).toBeGreaterThanOrEqual(0);
          for (let x = 0; x < short.months.length; x++) {
            expect(short.total.recognizedCents[x]).toBe(long.total.recognizedCents[k + x]);
            expect(short.total.billedCents[x]).toBe(long.total.billedCents[k + x]);
            expect(short.total.deferredCents[x]).toBe(long.total.deferredCents[k + x]);
          }
          // Groups sum to the total.
          for (let x = 0; x < long.months.length; x++) {
            let r = 0;
            let d = 0;
            for (const g of long.groups ?? []) {
              r += g.figures.recognizedCents[x];
              d += g.figures.deferredCents[x];
            }
            expect(r).toBe(long.total.recognizedCents[x]);
            expect(d).toBe(long.total.deferredCents[x]);
          }
          // Deferred at a month end = all billed - all recognised since the first line began.
          const first = Math.min(...gen.map((l) => l.start));
          if (first <= d1) {
            const hist = ok(revenueSchedule(lines, first, d1));
            const m = hist.months.length - 1;
            expect(hist.total.openingDeferredCents).toBe(0);
            expect(hist.total.deferredCents[m]).toBe(
              sum(hist.total.billedCents) - sum(hist.total.recognizedCents),
            );
            expect(hist.total.deferredCents[m]).toBe(long.total.deferredCents[long.months.length - 1]);
          }
        },
      ),
      RUNS,
    );
  });
});
