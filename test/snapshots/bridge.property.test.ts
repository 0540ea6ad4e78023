/**
 * The bridge and retention from two snapshots equal the live computation on the same data: every
 * lane, every detail row (customer, product, lane, start and end ARR, amount, contracts) and every
 * retention figure, at both grains, for random books, policies and rates (1,000 runs a grain). The
 * snapshots go through their CSV text (lock, write, read back, verify) on the way, as the CLI does.
 * And the sheet functions agree: BRIDGE and NRR over two SNAPSHOT ranges equal them over the contracts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CellError,
  bridge,
  buildModel,
  buildSnapshot,
  parseContracts,
  parsePolicy,
  parseRates,
  readSnapshot,
  retention,
  snapshotBridge,
  snapshotRetention,
  snapshotTable,
} from '../../src/index.js';
import { BRIDGE, GRR, NDRBANDS, NRR, SNAPSHOT } from '../../src/functions/index.js';
import { ok } from '../methodology/book.js';
import { bookAndPeriodArb, policy, policyArb, ratesArb, toTable } from '../properties/gen.js';
import { asCsv } from './helpers.js';

describe.each(['customer', 'customer_product'])('snapshot bridge at %s grain', (grain) => {
  it('equals the live bridge and retention, lanes and detail (1,000 random books)', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        bookAndPeriodArb,
        policyArb({ grain, bridgeMethod: 'single' }),
        ratesArb,
        ([lines, [from, to]], kv, rt) => {
          const pol = ok(parsePolicy(policy(kv)));
          const fx = ok(parseRates(rt, pol.reportingCurrency));
          const book = parseContracts(toTable(lines), pol);
          fc.pre(!(book instanceof CellError));
          const model = buildModel(book, pol, fx);
          fc.pre(!(model instanceof CellError));
          const live = bridge(model, from, to);
          const a = buildSnapshot(model, from);
          const b = buildSnapshot(model, to);
          if (live instanceof CellError || a instanceof CellError || b instanceof CellError) {
            // A missing spot rate: both ways fail.
            expect(live instanceof CellError || a instanceof CellError || b instanceof CellError).toBe(true);
            return;
          }
          const readA = ok(readSnapshot(asCsv(snapshotTable(a))));
          const readB = ok(readSnapshot(asCsv(snapshotTable(b))));
          expect(readA.discrepancies).toEqual([]);
          expect(readB.discrepancies).toEqual([]);
          expect(ok(snapshotBridge(readA.snapshot, readB.snapshot, { rates: fx }))).toEqual(live);
          const r = ok(snapshotRetention(readA.snapshot, readB.snapshot, { rates: fx }));
          const { quickRatioUnavailable, ...figures } = r;
          expect(quickRatioUnavailable).toBeNull();
          expect(figures).toEqual(ok(retention(model, from, to)));
          compared++;
        },
      ),
      { numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(500);
  });
});

describe('the sheet functions over two snapshots', () => {
  it('BRIDGE (with detail), NRR, GRR and NDRBANDS equal them over the contracts (300 random books)', () => {
    fc.assert(
      fc.property(
        bookAndPeriodArb,
        policyArb({ bridgeMethod: 'single' }),
        ratesArb,
        ([lines, [from, to]], kv, rt) => {
          const contracts = toTable(lines);
          const pol = policy(kv);
          const a = SNAPSHOT(contracts, from + 25569, pol, rt); // Excel serials: day 0 is serial 25569
          const b = SNAPSHOT(contracts, to + 25569, pol, rt);
          fc.pre(Array.isArray(a) && Array.isArray(b));
          const liveArgs = [contracts, from + 25569, to + 25569, pol, rt];
          const snapArgs = [a, b, null, null, rt];
          expect(BRIDGE(...snapArgs)).toEqual(BRIDGE(...liveArgs));
          expect(BRIDGE(...snapArgs, true)).toEqual(BRIDGE(...liveArgs, true));
          expect(NRR(...snapArgs)).toEqual(NRR(...liveArgs));
          expect(GRR(...snapArgs)).toEqual(GRR(...liveArgs));
          expect(NDRBANDS(...snapArgs)).toEqual(NDRBANDS(...liveArgs));
        },
      ),
      { numRuns: 300 },
    );
  });
});
