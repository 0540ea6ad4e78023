/**
 * Test generators for the reconciliation: random small contract books (every line type, list
 * amounts, cancels, billing frequencies) and whole-month periods, as fast-check arbitraries; and,
 * re-exported from bench/netsuite-export.ts, the NetSuite export written from a book (invoices and
 * GL revenue journals) in NetSuite's layouts. Nothing here computes an expected figure.
 */
import fc from 'fast-check';
import { dayFromYmd, formatDay, type Day } from '../../src/cells/days.js';

export const RECON_HEADER = [
  'Customer',
  'Contract',
  'Line Type',
  'Start',
  'End',
  'Signed',
  'Cancel',
  'Amount',
  'List Amount',
  'Billing',
] as const;

export interface ReconLine {
  customer: string;
  lineType: string;
  start: Day;
  end: Day;
  amountCents: number;
  listCents: number | null;
  signed: Day | null;
  cancel: Day | null;
  billing: string;
}

const FIRST = dayFromYmd(2023, 1, 1);
const LAST = dayFromYmd(2026, 12, 31);

function maybe<T>(percent: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(null) },
    { weight: percent, arbitrary: arb },
  );
}

export interface LineOptions {
  /** Allow cancel dates (a generated export cannot mirror a cancel exactly). */
  cancels: boolean;
  /** Allow list amounts. */
  lists: boolean;
  /** Billing frequencies to draw from. */
  billing: readonly string[];
}

export function lineArb(o: LineOptions): fc.Arbitrary<ReconLine> {
  return fc
    .record({
      customer: fc.constantFrom('Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'),
      lineType: fc.constantFrom(
        'recurring',
        'recurring',
        'recurring',
        'one_time',
        'usage_commit',
        'usage_overage',
      ),
      start: fc.integer({ min: FIRST, max: LAST }),
      length: fc.oneof(fc.integer({ min: 1, max: 800 }), fc.constantFrom(28, 31, 90, 365, 366, 730)),
      amountCents: fc.integer({ min: 1_000, max: 30_000_000 }),
      listExtra: o.lists ? maybe(30, fc.integer({ min: 0, max: 5_000_000 })) : fc.constant(null),
      signedBefore: maybe(30, fc.integer({ min: 1, max: 120 })),
      cancelAt: o.cancels ? maybe(20, fc.double({ min: 0, max: 1, noNaN: true })) : fc.constant(null),
      billing: fc.constantFrom(...o.billing),
    })
    .map((r) => {
      const end = Math.min(r.start + r.length - 1, LAST);
      return {
        customer: r.customer,
        lineType: r.lineType,
        start: r.start,
        end,
        amountCents: r.amountCents,
        listCents: r.listExtra === null ? null : r.amountCents + r.listExtra,
        signed: r.signedBefore === null ? null : r.start - r.signedBefore,
        cancel: r.cancelAt === null ? null : r.start + Math.floor(r.cancelAt * (end - r.start)),
        billing: r.billing,
      };
    });
}

export const bookArb = (o: LineOptions) => fc.array(lineArb(o), { minLength: 1, maxLength: 10 });

/** A run of whole months (1, 3 or 12 of them, or any 1-15) starting in 2023-2026. */
export const periodArb: fc.Arbitrary<[Day, Day]> = fc
  .record({
    year: fc.integer({ min: 2023, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    months: fc.oneof(fc.constantFrom(1, 3, 12), fc.integer({ min: 1, max: 15 })),
  })
  .map(({ year, month, months }) => {
    const from = dayFromYmd(year, month, 1);
    const endMonth = month - 1 + months; // months after January of `year`
    const next = dayFromYmd(year + Math.floor(endMonth / 12), (endMonth % 12) + 1, 1);
    return [from, next - 1];
  });

const money = (cents: number) => (cents / 100).toFixed(2);

export function toTable(lines: ReconLine[]): unknown[][] {
  return [
    [...RECON_HEADER],
    ...lines.map((l, i) => [
      l.customer,
      `${l.customer}-${i + 1}`,
      l.lineType,
      formatDay(l.start),
      formatDay(l.end),
      l.signed === null ? '' : formatDay(l.signed),
      l.cancel === null ? '' : formatDay(l.cancel),
      money(l.amountCents),
      l.listCents === null ? '' : money(l.listCents),
      l.billing,
    ]),
  ];
}

export {
  ACCOUNTS,
  ITEMS,
  addRecords,
  exportFromBook,
  incomeStatementCells,
  postingPeriod,
  savedSearchCells,
  usDate,
  type NsRecord,
} from '../../bench/netsuite-export.js';
