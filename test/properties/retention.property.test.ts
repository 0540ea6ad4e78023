/**
 * Retention bounds for any book: 0 <= GRR <= 1, NRR >= GRR, 0 <= logo retention <= 1, no ratio
 * without a cohort, and the cohort is ARR(from).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrOn, buildModel, parseContracts, parsePolicy, parseRates, retention } from '../../src/index.js';
import { ok } from '../methodology/book.js';
import { bookAndPeriodArb, policy, policyArb, ratesArb, toTable } from './gen.js';

describe('retention bounds', () => {
  it('0 <= GRR <= 1, NRR >= GRR, 0 <= logo retention <= 1 (1,000 random books)', () => {
    fc.assert(
      fc.property(bookAndPeriodArb, policyArb(), ratesArb, ([lines, [from, to]], kv, rateTable) => {
        const pol = ok(parsePolicy(policy(kv)));
        const book = ok(parseContracts(toTable(lines), pol));
        const model = ok(buildModel(book, pol, ok(parseRates(rateTable, pol.reportingCurrency))));
        const r = ok(retention(model, from, to));
        const start = ok(arrOn(model, from));
        expect(r.startArrCents).toBe(start.arrCents);
        expect(r.cohortCustomers).toBe(start.customers);
        if (r.cohortCustomers === 0) {
          expect(r.grr).toBeNull();
          expect(r.nrr).toBeNull();
          expect(r.logoRetention).toBeNull();
          return;
        }
        const { grr, nrr, logoRetention } = r;
        if (grr === null || nrr === null || logoRetention === null) expect.fail('a cohort without ratios');
        expect(grr).toBeGreaterThanOrEqual(0);
        expect(grr).toBeLessThanOrEqual(1);
        expect(nrr).toBeGreaterThanOrEqual(grr);
        expect(logoRetention).toBeGreaterThanOrEqual(0);
        expect(logoRetention).toBeLessThanOrEqual(1);
        if (r.quickRatio !== null) expect(r.quickRatio).toBeGreaterThanOrEqual(0);
        // the bands split the cohort
        expect(r.bands.reduce((s, b) => s + b.customers, 0)).toBe(r.cohortCustomers);
        expect(r.bands.reduce((s, b) => s + b.startArrCents, 0)).toBe(r.startArrCents);
      }),
      { numRuns: 1000 },
    );
  });
});
