/**
 * For random books, policies, rates and dates: every customer's explained contributions sum to its
 * ARR by customer exactly, each contribution is its exact value rounded once (|rounding| < half a
 * cent), and the lines listed are the customer's own.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrOn, buildModel, explain, parseContracts, parsePolicy, parseRates } from '../../src/index.js';
import { ok } from '../methodology/book.js';
import { FIRST, LAST, bookArb, policy, policyArb, ratesArb, toTable } from '../properties/gen.js';

describe('explain: contributions sum to ARR by customer', () => {
  it('for every customer on any date, under any policy', () => {
    fc.assert(
      fc.property(
        bookArb,
        policyArb(),
        ratesArb,
        fc.integer({ min: FIRST, max: LAST }),
        (lines, kv, fx, day) => {
          const pol = ok(parsePolicy(policy(kv)));
          const book = ok(parseContracts(toTable(lines), pol));
          const model = ok(buildModel(book, pol, ok(parseRates(fx, pol.reportingCurrency))));
          const by = new Map((ok(arrOn(model, day, 'customer')).by ?? []).map((g) => [g.key, g.arrCents]));
          for (const customer of model.customers) {
            const r = ok(explain(model, customer, day));
            expect(r.arrCents).toBe(by.get(customer) ?? 0);
            let sum = 0;
            for (const c of r.contributors) {
              sum += c.arrCents;
              expect(Math.abs(c.rounding)).toBeLessThanOrEqual(0.005);
              expect(c.exactArr).toBeCloseTo(c.localArr * c.rate, 2);
              expect(c.lines.length).toBeGreaterThan(0);
              expect(c.pooled).toBe(c.lines.length > 1);
              for (const l of c.lines) {
                const j = book.row.indexOf(l.row);
                const key =
                  kv.rollupToParent === 'yes' && book.parent[j] !== '' ? book.parent[j] : book.customer[j];
                expect(key).toBe(customer);
              }
            }
            expect(sum).toBe(r.arrCents);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
