/**
 * Property tests (1,000 runs each) of the reconciliation core:
 * - every row of every table: the causes plus unexplained equal the variance, to the cent, and the
 *   total row is the sum of the rows; the walk foots (leg 1 to contract revenue, leg 2 to GL revenue)
 *   and ends at the revenue table's NetSuite total;
 * - a book reconciled against an export generated from the same book (written in NetSuite's layouts
 *   and read back by the importer) has zero variance everywhere.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseContracts, parsePolicy } from '../../src/index.js';
import { buildContractSide, type ContractSide } from '../../src/reconcile/contract.js';
import { NetSuiteSideBuilder } from '../../src/reconcile/netsuite-side.js';
import { reconcileSides } from '../../src/reconcile/reconcile.js';
import { reconcile } from '../../src/reconcile/index.js';
import { CAUSE_KEYS, type Reconciliation } from '../../src/reconcile/types.js';
import { ok, policy } from '../methodology/book.js';
import {
  addRecords,
  bookArb,
  exportFromBook,
  incomeStatementCells,
  periodArb,
  savedSearchCells,
  toTable,
  type NsRecord,
} from './generate.js';

function sideOf(table: unknown[][], kv: Record<string, string>): ContractSide {
  const pol = ok(parsePolicy(policy(kv)));
  return ok(buildContractSide(ok(parseContracts(table, pol)), pol));
}

function matchByName(side: ContractSide, entities: string[]) {
  return {
    entityCustomer: Int32Array.from(entities, (e) => side.keys.indexOf(e)),
    unmatched: { contracts: [], netsuite: [] },
  };
}

function checkFooting(r: Reconciliation): void {
  for (const t of [r.revenue, r.arr, r.deferred]) {
    const sums = { contract: 0, netsuite: 0, unexplained: 0 } as Record<string, number>;
    for (const row of [...t.rows, t.total]) {
      const causes = CAUSE_KEYS.reduce((s, k) => s + row.causes[k], 0);
      expect(causes + row.unexplainedCents).toBe(row.varianceCents);
      expect(row.varianceCents).toBe(row.netsuiteCents - row.contractCents);
      for (const v of [row.contractCents, row.netsuiteCents, row.unexplainedCents, causes]) {
        expect(Number.isSafeInteger(v)).toBe(true);
      }
    }
    for (const row of t.rows) {
      sums.contract += row.contractCents;
      sums.netsuite += row.netsuiteCents;
      sums.unexplained += row.unexplainedCents;
    }
    expect(t.total.contractCents).toBe(sums.contract);
    expect(t.total.netsuiteCents).toBe(sums.netsuite);
    expect(t.total.unexplainedCents).toBe(sums.unexplained);
  }
  // The walk: leg 1 foots to contract revenue, leg 2 to GL revenue.
  let run = 0;
  for (const s of r.walk) {
    if (s.kind === 'start') run = s.cents;
    else if (s.kind === 'subtotal' || s.kind === 'end') expect(s.cents).toBe(run);
    else run += s.cents;
  }
  expect(r.walk.find((s) => s.kind === 'subtotal')!.cents).toBe(r.revenue.total.contractCents);
  expect(r.walk.at(-1)!.cents).toBe(r.revenue.total.netsuiteCents);
}

const ANY = { cancels: true, lists: true, billing: ['annual', 'quarterly', 'monthly', 'upfront', ''] };
const policyArb = fc.record({
  basis: fc.constantFrom('live', 'contracted'),
  annualization: fc.constantFrom('daily365', 'monthly12'),
  discounts: fc.constantFrom('net', 'gross'),
  rounding: fc.constantFrom('half_up', 'half_even'),
  churnDate: fc.constantFrom('end', 'grace_end'),
  renewalGraceDays: fc.constantFrom('0', '30'),
  includeUsageOverage: fc.constantFrom('no', 'yes'),
  reconTolerancePct: fc.constantFrom('2', '10'),
});

/** Perturbations of an export: shifted service dates, scaled amounts, dropped and extra lines, renamed entities. */
const perturbArb = fc.record({
  shift: fc.integer({ min: -60, max: 60 }),
  shiftEvery: fc.integer({ min: 1, max: 4 }),
  scalePct: fc.integer({ min: 80, max: 125 }),
  scaleEvery: fc.integer({ min: 1, max: 5 }),
  dropEvery: fc.integer({ min: 0, max: 6 }),
  extraCents: fc.integer({ min: 0, max: 5_000_000 }),
  rename: fc.boolean(),
  gross: fc.boolean(),
});

type Perturb = typeof perturbArb extends fc.Arbitrary<infer T> ? T : never;

function perturb(records: NsRecord[], p: Perturb, gl: boolean): NsRecord[] {
  const out: NsRecord[] = [];
  records.forEach((r, i) => {
    if (p.dropEvery > 0 && i % (p.dropEvery + 2) === 1) return;
    const x = { ...r };
    if (i % p.shiftEvery === 0 && !gl && x.revRecStart !== null && x.revRecEnd !== null) {
      x.revRecStart += p.shift;
      if (x.revRecEnd < x.revRecStart) x.revRecEnd = x.revRecStart;
    }
    if (i % p.scaleEvery === 0) x.amountCents = Math.round((x.amountCents * p.scalePct) / 100);
    if (p.rename && i % 3 === 2) x.entity = `${x.entity} (old)`;
    out.push(x);
  });
  return out;
}

describe('reconciliation properties', () => {
  it('causes + unexplained = variance on every row, totals sum the rows, the walk foots (1,000 runs)', () => {
    fc.assert(
      fc.property(bookArb(ANY), periodArb, policyArb, perturbArb, (lines, [from, to], kv, p) => {
        const side = sideOf(toTable(lines), kv);
        const { transactions, gl } = exportFromBook(side);
        const b = new NetSuiteSideBuilder();
        addRecords(b, perturb(transactions, p, false), perturb(gl, p, true));
        if (p.extraCents > 0) b.revenue('Globex', 0, 1, p.extraCents);
        const ns = b.build();
        const r = ok(reconcileSides(side, ns, matchByName(side, ns.entities), from, to));
        checkFooting(r);
      }),
      { numRuns: 1000 },
    );
  });

  it('a book against an export generated from it: zero variance in every table (1,000 runs)', () => {
    const same = { cancels: false, lists: true, billing: ['upfront'] };
    let busy = 0;
    const samePolicy = fc.record({
      annualization: fc.constantFrom('daily365', 'monthly12'),
      rounding: fc.constantFrom('half_up', 'half_even'),
      includeUsageOverage: fc.constant('yes'),
    });
    fc.assert(
      fc.property(bookArb(same), periodArb, samePolicy, (lines, [from, to], kv) => {
        const pol = ok(parsePolicy(policy(kv)));
        const book = ok(parseContracts(toTable(lines), pol));
        const { transactions, gl } = exportFromBook(ok(buildContractSide(book, pol)));
        // Through the NetSuite layouts and the importer: a saved search of the invoices, an income
        // statement detail report of the journals.
        const netsuite = [
          { label: 'transactions', data: savedSearchCells(transactions) },
          { label: 'income statement', data: incomeStatementCells(gl, from, to) },
        ];
        const r = ok(reconcile({ book, policy: pol, netsuite, from, to }));
        checkFooting(r);
        expect(r.unmatched).toEqual({ contracts: [], netsuite: [] });
        if (r.revenue.total.contractCents !== 0 && r.arr.total.contractCents !== 0) busy++;
        for (const t of [r.revenue, r.arr, r.deferred]) {
          for (const row of [...t.rows, t.total]) {
            expect(row.varianceCents).toBe(0);
            expect(row.unexplainedCents).toBe(0);
            for (const k of CAUSE_KEYS) expect(row.causes[k]).toBe(0);
          }
        }
      }),
      { numRuns: 1000 },
    );
    // Not vacuous: most books have revenue in the period and ARR at its end.
    expect(busy).toBeGreaterThan(200);
  });
});
