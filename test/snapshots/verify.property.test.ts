/**
 * Snapshot -> verify succeeds, and any single-cell edit of the serialised snapshot fails verification
 * and is named, for random small books under random policies (1,000 runs each):
 * - the table as the sheet function returns it (numbers and text) and as a CSV gives it back (text);
 * - an edit changes a cell's value: blanks it, appends a letter, steps a number or a date, puts a
 *   word in its place, or writes into a blank cell. (Writing the same value another way, 1234.5 for
 *   1234.50 or a date as a serial, is not an edit: see verify.test.ts.)
 * - named: a discrepancy on the edited sheet row, with the edited column for a cell of the rows; or
 *   for the marker and format cells, the table is no longer a snapshot (an error naming row 1).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CellError,
  SNAPSHOT_COLUMNS,
  buildModel,
  buildSnapshot,
  dayFromYmd,
  formatDay,
  parseContracts,
  parsePolicy,
  parseRates,
  readSnapshot,
  snapshotTable,
} from '../../src/index.js';
import { ok } from '../methodology/book.js';
import { FIRST, LAST, bookArb, policy, policyArb, ratesArb, toTable } from '../properties/gen.js';
import { asCsv, namesRow } from './helpers.js';

/** A snapshot table of a random book on a random date, or null when the book has no snapshot. */
function snapshotOf(
  lines: Parameters<typeof toTable>[0],
  kv: Record<string, string | number>,
  rt: unknown[][],
  asOf: number,
) {
  const pol = ok(parsePolicy(policy(kv)));
  const book = parseContracts(toTable(lines), pol);
  if (book instanceof CellError) return null;
  const model = buildModel(book, pol, ok(parseRates(rt, pol.reportingCurrency)));
  if (model instanceof CellError) return null;
  const s = buildSnapshot(model, asOf);
  if (s instanceof CellError) return null;
  return snapshotTable(s);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The edited value, always a different value from `v`. */
function edited(v: unknown, kind: number): unknown {
  const blank = v === '' || v === null || v === undefined;
  if (blank) return kind % 2 === 0 ? 'x' : 7;
  switch (kind % 4) {
    case 0:
      return '';
    case 1:
      return `${String(v)}q`;
    case 2: {
      if (typeof v === 'number') return v + 1;
      const s = String(v);
      const m = ISO.exec(s);
      if (m) return formatDay(dayFromYmd(+m[1], +m[2], +m[3]) + 1);
      if (/^-?\d+(\.\d+)?$/.test(s)) return String(Number(s) + 1);
      return `q${s}`;
    }
    default:
      return v === 'Zulu' ? 'Yankee' : 'Zulu';
  }
}

/** A cell: in the rows (when there are any) half the time, else anywhere in the table. */
const cellArb = fc.record({
  r: fc.nat(),
  c: fc.nat(),
  kind: fc.nat(3),
  text: fc.boolean(),
  inRows: fc.boolean(),
});

describe('snapshot verification', () => {
  it('verifies every snapshot intact, as values and as CSV text (1,000 random books)', () => {
    fc.assert(
      fc.property(
        bookArb,
        policyArb(),
        ratesArb,
        fc.integer({ min: FIRST, max: LAST }),
        (lines, kv, rt, asOf) => {
          const table = snapshotOf(lines, kv, rt, asOf);
          fc.pre(table !== null);
          for (const t of [table as unknown[][], asCsv(table as unknown[][])]) {
            const r = ok(readSnapshot(t));
            expect(r.discrepancies).toEqual([]);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds and names any single-cell edit (1,000 random edits)', () => {
    fc.assert(
      fc.property(
        bookArb,
        policyArb(),
        ratesArb,
        fc.integer({ min: FIRST, max: LAST }),
        cellArb,
        (lines, kv, rt, asOf, { r, c, kind, text, inRows }) => {
          const snap = snapshotOf(lines, kv, rt, asOf);
          fc.pre(snap !== null);
          const table: unknown[][] = text
            ? asCsv(snap as unknown[][])
            : (snap as unknown[][]).map((x) => [...x]);
          const first = namesRow(table); // the rows start after it (0-based index `first`)
          const row =
            inRows && table.length > first ? first + (r % (table.length - first)) : r % table.length;
          const col = c % SNAPSHOT_COLUMNS.length;
          const before = table[row][col];
          table[row][col] = edited(before, kind);
          const result = readSnapshot(table);
          const where = `row ${row + 1}, column ${col + 1}: ${JSON.stringify(before)} -> ${JSON.stringify(table[row][col])}`;
          if (result instanceof CellError) {
            // Only the marker and the format version make the table unreadable.
            expect(row === 0 && col <= 1, where).toBe(true);
            expect(result.row).toBe(1);
            return;
          }
          expect(result.discrepancies.length, where).toBeGreaterThan(0);
          const named = result.discrepancies.filter((d) => d.row === row + 1);
          expect(named.length, `${where}: ${JSON.stringify(result.discrepancies)}`).toBeGreaterThan(0);
          if (row + 1 > first) {
            expect(
              named.some((d) => d.column === SNAPSHOT_COLUMNS[col]),
              `${where}: ${JSON.stringify(named)}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
