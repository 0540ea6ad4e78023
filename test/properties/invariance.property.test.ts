/**
 * Row order never changes any output, and the same inputs always give the same outputs
 * (deep equal and byte-identical JSON), through the core API and the sheet functions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BRIDGE, COHORT, NDRBANDS } from '../../src/functions/index.js';
import {
  arrOn,
  bridge,
  buildModel,
  cohorts,
  parseContracts,
  parsePolicy,
  parseRates,
  retention,
} from '../../src/index.js';
import { ok } from '../methodology/book.js';
import { bookAndPeriodArb, policy, policyArb, ratesArb, toTable, type GenLine } from './gen.js';

/** Every figure the core reports for one book and period. */
function outputs(
  table: unknown[][],
  kv: Record<string, string | number>,
  rateTable: unknown[][],
  from: number,
  to: number,
) {
  const pol = ok(parsePolicy(policy(kv)));
  const book = ok(parseContracts(table, pol));
  const model = ok(buildModel(book, pol, ok(parseRates(rateTable, pol.reportingCurrency))));
  return {
    arrFrom: ok(arrOn(model, from)),
    arrTo: ok(arrOn(model, to)),
    byCustomer: ok(arrOn(model, to, 'customer')),
    byProduct: ok(arrOn(model, to, 'product')),
    byContract: ok(arrOn(model, from, 'contract')),
    byCurrency: ok(arrOn(model, from, 'currency')),
    bridge: ok(bridge(model, from, to)),
    retention: ok(retention(model, from, to)),
    cohortsMonthNet: ok(cohorts(model, from, to, 'month', 'net')),
    cohortsQuarterGross: ok(cohorts(model, from, to, 'quarter', 'gross')),
  };
}

const shuffled = bookAndPeriodArb.chain(([lines, period]) =>
  fc.tuple(
    fc.constant(lines),
    fc.constant(period),
    fc.shuffledSubarray(
      lines.map((_, i) => i),
      { minLength: lines.length, maxLength: lines.length },
    ),
  ),
);

describe('row order', () => {
  it('shuffling the rows never changes any output (1,000 random books)', () => {
    fc.assert(
      fc.property(shuffled, policyArb(), ratesArb, ([lines, [from, to], order], kv, rateTable) => {
        const reordered: GenLine[] = order.map((i) => lines[i]);
        const a = outputs(toTable(lines), kv, rateTable, from, to);
        const b = outputs(toTable(reordered), kv, rateTable, from, to);
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('determinism', () => {
  it('the same inputs give identical results (1,000 random books)', () => {
    fc.assert(
      fc.property(bookAndPeriodArb, policyArb(), ratesArb, ([lines, [from, to]], kv, rateTable) => {
        // two independent copies of every input
        const a = outputs(toTable(lines), kv, structuredClone(rateTable), from, to);
        const b = outputs(toTable(structuredClone(lines)), { ...kv }, structuredClone(rateTable), from, to);
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        // and through the sheet functions
        const sheet = () => {
          const t = toTable(lines);
          const p = policy(kv);
          return JSON.stringify([
            BRIDGE(t, from + 25569, to + 25569, p, rateTable, true),
            NDRBANDS(t, from + 25569, to + 25569, p, rateTable),
            COHORT(t, from + 25569, to + 25569, p, rateTable, 'month', 'gross'),
          ]);
        };
        expect(sheet()).toBe(sheet());
      }),
      { numRuns: 1000 },
    );
  });
});
