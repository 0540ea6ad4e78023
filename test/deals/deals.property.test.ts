/**
 * For random deals tables: each deal starts from the ARR the customer's previous deal (by date,
 * then row) left; Net ARR adds up to the last contract ARR; Net New ARR = max(Net ARR, 0); contract
 * ARR is never negative; TCV and ACV agree to rounding; row order does not change any deal's fields.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromYmd, formatDay } from '../../src/cells/index.js';
import { dealFields, parseDeals, type DealFields } from '../../src/index.js';
import { ok } from '../methodology/book.js';

const HEADER = ['Customer', 'Deal Date', 'Type', 'ARR', 'Services', 'Term'];
const dealArb = fc.record({
  customer: fc.constantFrom('A', 'B', 'C'),
  date: fc.integer({ min: dayFromYmd(2023, 1, 1), max: dayFromYmd(2023, 3, 31) }),
  type: fc.constantFrom('new', 'expansion', 'renewal', 'contraction', 'churn'),
  cents: fc.integer({ min: -5_000_000, max: 20_000_000 }),
  services: fc.integer({ min: 0, max: 1_000_000 }),
  term: fc.constantFrom(0, 1, 6, 12, 13, 24, 36),
});
type GenDeal = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;
const toTable = (deals: GenDeal[]): unknown[][] => [
  HEADER,
  ...deals.map((d) => [d.customer, formatDay(d.date), d.type, d.cents / 100, d.services / 100, d.term || '']),
];

describe('deal fields: invariants', () => {
  it('walk, sums, signs and TCV/ACV', () => {
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('half_up', 'half_even' as const),
        (deals, mode) => {
          const rows = dealFields(ok(parseDeals(toTable(deals))), mode);
          const byCustomer = new Map<string, DealFields[]>();
          for (const d of rows) byCustomer.set(d.customer, [...(byCustomer.get(d.customer) ?? []), d]);
          for (const list of byCustomer.values()) {
            list.sort((a, b) => a.date - b.date || a.row - b.row);
            let arr = 0;
            let net = 0;
            for (const d of list) {
              expect(d.contractArrBeforeCents).toBe(arr);
              expect(d.contractArrAfterCents).toBeGreaterThanOrEqual(0);
              expect(d.netArrCents).toBe(d.contractArrAfterCents - d.contractArrBeforeCents);
              expect(d.netNewArrCents).toBe(Math.max(d.netArrCents, 0));
              net += d.netArrCents;
              arr = d.contractArrAfterCents;
            }
            expect(net).toBe(arr);
          }
          deals.forEach((g, i) => {
            const d = rows[i];
            if (g.term === 0) expect(d.acvCents).toBeNull();
            else {
              // TCV = R x m / 12 + S and ACV = TCV x 12 / m, each rounded once: ACV x m / 12 is within
              // half a cent x m / 12 of the exact TCV, itself within half a cent of TCV.
              const exactTcv = (d.recurringCents * g.term) / 12 + g.services;
              expect(Math.abs(d.tcvCents - exactTcv)).toBeLessThanOrEqual(0.5);
              expect(Math.abs(((d.acvCents as number) * g.term) / 12 - exactTcv)).toBeLessThanOrEqual(
                (0.5 * g.term) / 12 + 1e-9,
              );
            }
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('row order does not change any deal', () => {
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 10 }).chain((deals) =>
          fc.tuple(
            fc.constant(deals),
            fc.shuffledSubarray(
              deals.map((_, i) => i),
              { minLength: deals.length, maxLength: deals.length },
            ),
          ),
        ),
        ([deals, order]) => {
          const a = dealFields(ok(parseDeals(toTable(deals))));
          const b = dealFields(ok(parseDeals(toTable(order.map((i) => deals[i])))));
          // Same-day deals of one customer are walked in row order, so only compare when no two deals
          // of a customer share a date.
          const key = (d: GenDeal) => `${d.customer}|${d.date}`;
          fc.pre(new Set(deals.map(key)).size === deals.length);
          order.forEach((i, p) => {
            const { row: _r, ...x } = b[p];
            const { row: _s, ...y } = a[i];
            expect(x).toEqual(y);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
