/**
 * Locked + restatements = recomputed, to the cent, in total and for every key, for random books
 * locked on a random date and then edited (lines dropped, amounts, starts and ends moved, lines
 * added), with the rates revised and sometimes the policy changed (1,000 runs). The locked total is
 * ARR of the old book on the date, the recomputed one ARR of the new book under today's policy;
 * with nothing changed there is nothing to restate.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CellError,
  arrOn,
  buildModel,
  buildSnapshot,
  parseContracts,
  parsePolicy,
  parseRates,
  readSnapshot,
  restateContracts,
  snapshotTable,
  type Policy,
} from '../../src/index.js';
import { ok } from '../methodology/book.js';
import {
  FIRST,
  LAST,
  bookArb,
  lineArb,
  policy,
  policyArb,
  ratesArb,
  toTable,
  type GenLine,
} from '../properties/gen.js';
import { asCsv } from './helpers.js';

const editArb = fc.tuple(
  fc.nat(20),
  fc.constantFrom('drop', 'amount', 'end', 'start'),
  fc.integer({ min: -200, max: 200 }),
);

function edit(lines: GenLine[], edits: [number, string, number][], added: GenLine[]): GenLine[] {
  const out = lines.map((l) => ({ ...l }));
  for (const [i, kind, d] of edits) {
    if (out.length === 0) break;
    const k = i % out.length;
    const l = out[k];
    if (kind === 'drop') out.splice(k, 1);
    else if (kind === 'amount') l.amountCents = Math.max(10_000, l.amountCents + d * 1000);
    else if (kind === 'end') l.end = Math.max(l.start, Math.min(LAST, l.end + d));
    else l.start = Math.min(l.end, Math.max(FIRST, l.start + d));
  }
  return [...out, ...added];
}

function modelOf(lines: GenLine[], p: Policy, rt: unknown[][]) {
  const book = parseContracts(toTable(lines), p);
  if (book instanceof CellError) return book;
  return buildModel(book, p, ok(parseRates(rt, p.reportingCurrency)));
}

describe('restatement', () => {
  it('ties: locked + restatements = recomputed, in total and per key (1,000 random edits)', () => {
    let tied = 0;
    fc.assert(
      fc.property(
        bookArb,
        fc.array(editArb, { maxLength: 4 }),
        fc.array(lineArb, { maxLength: 3 }),
        policyArb(),
        fc.option(policyArb(), { nil: null }),
        ratesArb,
        ratesArb,
        fc.integer({ min: FIRST, max: LAST }),
        (lines, edits, added, kv0, kv1, rt0, rt1, asOf) => {
          const today = edit(lines, edits, added);
          fc.pre(today.length > 0);
          const p0 = ok(parsePolicy(policy(kv0)));
          const p1 = kv1 ? ok(parsePolicy(policy(kv1))) : p0;
          const m0 = modelOf(lines, p0, rt0);
          fc.pre(!(m0 instanceof CellError));
          const snap = buildSnapshot(m0, asOf);
          fc.pre(!(snap instanceof CellError));
          const read = ok(readSnapshot(asCsv(snapshotTable(snap))));
          expect(read.discrepancies).toEqual([]);
          const m1 = modelOf(today, p1, rt1);
          const r = restateContracts(read.snapshot, toTable(today), p1, ok(parseRates(rt1, 'USD')));
          const live =
            m1 instanceof CellError ? m1 : arrOn(m1, asOf, p1.grain === 'customer' ? 'customer' : undefined);
          if (live instanceof CellError || r instanceof CellError) {
            // Today's book has no ARR on the date under one of the policies (a missing rate, say).
            fc.pre(false);
            return;
          }
          expect(r.lockedCents).toBe(ok(arrOn(m0, asOf)).arrCents);
          expect(r.recomputedCents).toBe(live.arrCents);
          expect(r.lockedCents + r.restatedCents).toBe(r.recomputedCents);
          // Per key: locked + its rows = recomputed.
          const byKey = new Map<string, { locked: number; recomputed: number; sum: number }>();
          for (const row of r.rows) {
            const k = `${row.customer}|${row.product}`;
            const e = byKey.get(k) ?? { locked: row.lockedCents, recomputed: row.recomputedCents, sum: 0 };
            expect(row.lockedCents).toBe(e.locked);
            expect(row.recomputedCents).toBe(e.recomputed);
            e.sum += row.amountCents;
            byKey.set(k, e);
          }
          for (const [k, e] of byKey) expect(e.locked + e.sum, k).toBe(e.recomputed);
          if (p1.grain === 'customer' && live.by) {
            for (const g of live.by) {
              const e = byKey.get(`${g.key}|`);
              if (e) expect(e.recomputed).toBe(g.arrCents);
            }
          }
          tied++;
        },
      ),
      { numRuns: 1000 },
    );
    expect(tied).toBeGreaterThan(500);
  });

  it('finds nothing to restate when nothing changed (300 random books)', () => {
    fc.assert(
      fc.property(
        bookArb,
        policyArb(),
        ratesArb,
        fc.integer({ min: FIRST, max: LAST }),
        (lines, kv, rt, asOf) => {
          const p = ok(parsePolicy(policy(kv)));
          const m = modelOf(lines, p, rt);
          fc.pre(!(m instanceof CellError));
          const snap = buildSnapshot(m, asOf);
          fc.pre(!(snap instanceof CellError));
          const r = ok(restateContracts(snap, toTable(lines), p, ok(parseRates(rt, 'USD'))));
          expect(r.rows).toEqual([]);
          expect(r.dataHash).toBe(r.lockedDataHash);
          expect(r.recomputedCents).toBe(r.lockedCents);
        },
      ),
      { numRuns: 300 },
    );
  });
});
