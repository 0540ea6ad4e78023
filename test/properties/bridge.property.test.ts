/**
 * The bridge balances to the cent for any book, at both grains and with both bridge methods:
 * start + new + reactivation + expansion + contraction + churn + fx = end, start = ARR(from),
 * end = ARR(to), every lane is the sum of its detail rows and has its sign.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrOn, bridge, buildModel, parseContracts, parsePolicy, parseRates } from '../../src/index.js';
import { ok } from '../methodology/book.js';
import { bookAndPeriodArb, policy, policyArb, ratesArb, toTable } from './gen.js';

describe.each([
  ['customer', 'single'],
  ['customer', 'monthly'],
  ['customer_product', 'single'],
  ['customer_product', 'monthly'],
])('bridge at %s grain, %s method', (grain, bridgeMethod) => {
  it('balances to the cent and ties to ARR on both dates (1,000 random books)', () => {
    fc.assert(
      fc.property(
        bookAndPeriodArb,
        policyArb({ grain, bridgeMethod }),
        ratesArb,
        ([lines, [from, to]], kv, rateTable) => {
          const pol = ok(parsePolicy(policy(kv)));
          const book = ok(parseContracts(toTable(lines), pol));
          const fx = ok(parseRates(rateTable, pol.reportingCurrency));
          const model = ok(buildModel(book, pol, fx));
          const r = ok(bridge(model, from, to));
          expect(
            r.startCents +
              r.newCents +
              r.reactivationCents +
              r.expansionCents +
              r.contractionCents +
              r.churnCents +
              r.fxCents,
          ).toBe(r.endCents);
          expect(r.startCents).toBe(ok(arrOn(model, from)).arrCents);
          expect(r.endCents).toBe(ok(arrOn(model, to)).arrCents);
          for (const v of [
            r.startCents,
            r.newCents,
            r.reactivationCents,
            r.expansionCents,
            r.contractionCents,
            r.churnCents,
            r.fxCents,
            r.endCents,
          ]) {
            expect(Number.isInteger(v)).toBe(true);
          }
          // lane signs
          expect(r.newCents).toBeGreaterThanOrEqual(0);
          expect(r.reactivationCents).toBeGreaterThanOrEqual(0);
          expect(r.expansionCents).toBeGreaterThanOrEqual(0);
          expect(r.contractionCents).toBeLessThanOrEqual(0);
          expect(r.churnCents).toBeLessThanOrEqual(0);
          if (kv.reactivation === 'as_new') expect(r.reactivationCents).toBe(0);
          if (kv.fx !== 'spot') expect(r.fxCents).toBe(0);
          // every lane is the sum of its detail rows
          const sum = (lane: string) =>
            r.detail.filter((d) => d.lane === lane).reduce((s, d) => s + d.amountCents, 0);
          expect(sum('new')).toBe(r.newCents);
          expect(sum('reactivation')).toBe(r.reactivationCents);
          expect(sum('expansion')).toBe(r.expansionCents);
          expect(sum('contraction')).toBe(r.contractionCents);
          expect(sum('churn')).toBe(r.churnCents);
          expect(sum('fx')).toBe(r.fxCents);
          for (const d of r.detail) expect(d.contracts.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
