/**
 * fast-check generators for small random books: 1-12 lines, dates within 2023-2026, a handful of
 * customers, products and contracts, every line type, EUR and USD, cancels, notices, free months,
 * and random policies. Books are sheet ranges (2-D arrays), as a user would paste them.
 */
import fc from 'fast-check';
import { dayFromYmd, formatDay } from '../../src/cells/index.js';
import { HEADER, contracts, policy, rates, type Line } from '../methodology/book.js';

export const FIRST = dayFromYmd(2023, 1, 1);
export const LAST = dayFromYmd(2026, 12, 31);

export interface GenLine {
  customer: string;
  parent: string;
  product: string;
  contract: string;
  lineType: string;
  start: number;
  end: number;
  /** At least $100, so that every counted line has ARR > 0. */
  amountCents: number;
  listCents: number | null;
  currency: string;
  fxRate: string;
  signed: number | null;
  cancel: number | null;
  notice: number | null;
  freeMonths: number;
}

/** `arb` in `percent` of the cases, else null. */
function sometimes<T>(percent: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(null) },
    { weight: percent, arbitrary: arb },
  );
}

/** A uniform fraction in [0, 1) (no bias towards the ends). */
export const fraction = fc.noBias(fc.integer({ min: 0, max: 9999 })).map((n) => n / 10000);

export const lineArb: fc.Arbitrary<GenLine> = fc
  .record({
    customer: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
    parent: fc.constantFrom('', '', 'P', 'Q'),
    product: fc.constantFrom('P1', 'P2', 'P3'),
    contractNo: fc.integer({ min: 1, max: 3 }),
    lineType: fc.constantFrom(
      'recurring',
      'recurring',
      'recurring',
      'recurring',
      'one_time',
      'usage_commit',
      'usage_overage',
    ),
    start: fc.integer({ min: FIRST, max: LAST }),
    length: fc.oneof(fc.integer({ min: 1, max: 1100 }), fc.constantFrom(365, 366, 730)),
    amountCents: fc.integer({ min: 10_000, max: 50_000_000 }),
    listExtraCents: sometimes(30, fc.integer({ min: 0, max: 5_000_000 })),
    currency: fc.constantFrom('USD', 'USD', 'EUR'),
    fxRate: fc.integer({ min: 8000, max: 14000 }),
    signedBefore: sometimes(50, fc.integer({ min: 0, max: 90 })),
    cancelAt: sometimes(15, fraction),
    noticeAt: sometimes(20, fraction),
    freeMonths: fc.constantFrom(0, 0, 0, 1, 2),
  })
  .map((r) => {
    const end = Math.min(r.start + r.length - 1, LAST);
    const within = (x: number | null) => (x === null ? null : r.start + Math.floor(x * (end - r.start)));
    return {
      customer: r.customer,
      parent: r.parent,
      product: r.product,
      contract: `${r.customer}-${r.contractNo}`,
      lineType: r.lineType,
      start: r.start,
      end,
      amountCents: r.amountCents,
      listCents: r.listExtraCents === null ? null : r.amountCents + r.listExtraCents,
      currency: r.currency,
      fxRate: (r.fxRate / 10000).toFixed(4),
      signed: r.signedBefore === null ? null : Math.max(FIRST, r.start - r.signedBefore),
      cancel: within(r.cancelAt),
      notice: within(r.noticeAt),
      // free months only on lines of at least six months, so the paid months stay positive
      freeMonths: end - r.start >= 182 ? r.freeMonths : 0,
    };
  });

export const bookArb = fc.array(lineArb, { minLength: 1, maxLength: 12 });

const money = (cents: number) => (cents / 100).toFixed(2);
const date = (d: number | null) => (d === null ? '' : formatDay(d));

export function toLine(l: GenLine): Line {
  return {
    Customer: l.customer,
    Parent: l.parent,
    Contract: l.contract,
    Product: l.product,
    'Line Type': l.lineType,
    Start: formatDay(l.start),
    End: formatDay(l.end),
    Signed: date(l.signed),
    Cancel: date(l.cancel),
    Notice: date(l.notice),
    Amount: money(l.amountCents),
    'List Amount': l.listCents === null ? '' : money(l.listCents),
    'Free Months': l.freeMonths || '',
    Currency: l.currency,
    'FX Rate': l.currency === 'USD' ? '' : l.fxRate,
  };
}

export function toTable(lines: GenLine[]): unknown[][] {
  return contracts(lines.map(toLine), HEADER);
}

export interface GenPolicy {
  annualization: string;
  amountBasis: string;
  multiYear: string;
  basis: string;
  includeUsageCommit: string;
  includeUsageOverage: string;
  discounts: string;
  freeMonths: string;
  renewalGraceDays: number;
  churnDate: string;
  fx: string;
  grain: string;
  reactivation: string;
  rollupToParent: string;
  rounding: string;
  bridgeMethod: string;
}

export const policyArb = (fixed: Partial<GenPolicy> = {}): fc.Arbitrary<Record<string, string | number>> =>
  fc
    .record({
      annualization: fc.constantFrom('daily365', 'monthly12'),
      amountBasis: fc.constantFrom('term', 'term', 'term', 'annual', 'monthly'),
      multiYear: fc.constantFrom('ramp', 'average'),
      basis: fc.constantFrom('live', 'live', 'live', 'contracted'),
      includeUsageCommit: fc.constantFrom('yes', 'no'),
      includeUsageOverage: fc.constantFrom('no', 'yes'),
      discounts: fc.constantFrom('net', 'gross'),
      freeMonths: fc.constantFrom('spread', 'exclude'),
      renewalGraceDays: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 45 })),
      churnDate: fc.constantFrom('end', 'grace_end', 'notice'),
      fx: fc.constantFrom('contract', 'fixed', 'spot'),
      grain: fc.constantFrom('customer', 'customer_product'),
      reactivation: fc.constantFrom('separate', 'as_new'),
      rollupToParent: fc.constantFrom('no', 'no', 'yes'),
      rounding: fc.constantFrom('half_up', 'half_even'),
      bridgeMethod: fc.constantFrom('single', 'monthly'),
    })
    .map((p) => ({ ...p, ...fixed }) as Record<string, string | number>);

/**
 * EUR rates: a board rate, one dated before every generated date, and one at the start of every
 * quarter of 2023-2026, so a spot rate moves between almost any two dates months apart.
 */
export const ratesArb: fc.Arbitrary<unknown[][]> = fc
  .array(fc.integer({ min: 8000, max: 14000 }), { minLength: 16, maxLength: 16 })
  .map((quarterly) =>
    rates([
      ['EUR', '', '1.0800'],
      ['EUR', '2022-12-01', '1.0500'],
      ...quarterly.map((r, i): [string, string, string] => [
        'EUR',
        formatDay(dayFromYmd(2023 + Math.floor(i / 4), 1 + 3 * (i % 4), 1)),
        (r / 10000).toFixed(4),
      ]),
    ]),
  );

/** from <= to, both within 2023-2026. */
export const periodArb: fc.Arbitrary<[number, number]> = fc
  .tuple(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 800 }))
  .map(([from, len]) => [from, Math.min(from + len, LAST)]);

/**
 * A book with a period that mostly brackets its lines' starts and ends (so that lanes move), and
 * sometimes is anywhere in 2023-2026.
 */
export const bookAndPeriodArb: fc.Arbitrary<[GenLine[], [number, number]]> = bookArb.chain((lines) => {
  const edges = lines.flatMap((l) => [l.start, l.end + 1, ...(l.cancel === null ? [] : [l.cancel + 1])]);
  const clamp = (d: number) => Math.max(FIRST, Math.min(LAST, d));
  const near = fc
    .tuple(fc.constantFrom(...edges), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 400 }))
    .map(([edge, before, after]): [number, number] => [clamp(edge - before), clamp(edge + after)]);
  return fc.tuple(
    fc.constant(lines),
    fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: periodArb }),
  );
});

export { policy };
