/**
 * RESTATEMENT by hand, one cause at a time. The locked book (daily365, amounts for the term), as of
 * 2023-03-31:
 *   row 2  Acme  C1  50,000  2023-01-01..2023-06-30  181 days  50,000 x 365 / 181 = 100,828.73
 *   row 3  Beta  C3  12,000  2023-01-01..2023-12-31  365 days                      =  12,000.00
 *   row 4  Delta C6  18,100  2023-01-01..2023-06-30  181 days  18,100 x 365 / 181 =  36,500.00
 *   locked total 149,328.73.
 * Each test edits today's book (or rates, or policy) and works out the move by hand.
 */
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/index.js';
import { RESTATEMENT, SNAPSHOT } from '../../src/functions/index.js';
import { contracts, policy, rates, table, type Line } from '../methodology/book.js';
import { asCsv, namesRow } from './helpers.js';

const ACME: Line = {
  Customer: 'Acme',
  Contract: 'C1',
  Product: 'Core',
  Start: '2023-01-01',
  End: '2023-06-30',
  Amount: 50000,
};
const BETA: Line = {
  Customer: 'Beta',
  Contract: 'C3',
  Product: 'Core',
  Start: '2023-01-01',
  End: '2023-12-31',
  Amount: 12000,
};
const DELTA: Line = {
  Customer: 'Delta',
  Contract: 'C6',
  Product: 'Core',
  Start: '2023-01-01',
  End: '2023-06-30',
  Amount: 18100,
};
const LOCKED = table(SNAPSHOT(contracts([ACME, BETA, DELTA]), '2023-03-31'));
const HEADER = ['Customer', 'Product', 'Cause', 'Locked ARR', 'Recomputed ARR', 'Amount', 'Rows'];
const total = (locked: number, recomputed: number, amount: number) => [
  'Total',
  '',
  'locked + restatements = recomputed',
  locked,
  recomputed,
  amount,
  '',
];
const restate = (lines: Line[], ...rest: unknown[]) => table(RESTATEMENT(contracts(lines), LOCKED, ...rest));

describe('RESTATEMENT: each cause', () => {
  it('nothing changed: nothing to restate, the totals tie', () => {
    expect(restate([ACME, BETA, DELTA])).toEqual([HEADER, total(149328.73, 149328.73, 0)]);
  });

  it('line added: a new line counting on the date', () => {
    // Zeta, row 5: 12,000 for 2023-03-01..2024-02-29 (366 days) = 12,000 x 365 / 366 = 11,967.21.
    const zeta: Line = {
      Customer: 'Zeta',
      Contract: 'C9',
      Product: 'Core',
      Start: '2023-03-01',
      End: '2024-02-29',
      Amount: 12000,
    };
    expect(restate([ACME, BETA, DELTA, zeta])).toEqual([
      HEADER,
      ['Zeta', '', 'line added', 0, 11967.21, 11967.21, '5'],
      total(149328.73, 161295.94, 11967.21),
    ]);
  });

  it('line removed: a locked line gone from the book (its locked row named)', () => {
    expect(restate([ACME, BETA])).toEqual([
      HEADER,
      ['Delta', '', 'line removed', 36500, 0, -36500, 'locked 4'],
      total(149328.73, 112828.73, -36500),
    ]);
  });

  it('amount changed', () => {
    // 60,000 x 365 / 181 = 120,994.475... -> 120,994.48; 120,994.48 - 100,828.73 = 20,165.75;
    // recomputed 149,328.73 + 20,165.75 = 169,494.48.
    expect(restate([{ ...ACME, Amount: 60000 }, BETA, DELTA])).toEqual([
      HEADER,
      ['Acme', '', 'amount changed', 100828.73, 120994.48, 20165.75, '2'],
      total(149328.73, 169494.48, 20165.75),
    ]);
  });

  it('dates changed: a longer term', () => {
    // End 2023-07-30: 211 days; 50,000 x 365 / 211 = 86,492.890... -> 86,492.89; -14,335.84.
    expect(restate([{ ...ACME, End: '2023-07-30' }, BETA, DELTA])).toEqual([
      HEADER,
      ['Acme', '', 'dates changed', 100828.73, 86492.89, -14335.84, '2'],
      total(149328.73, 134992.89, -14335.84),
    ]);
  });

  it('dates changed: a cancel date that stops the line before the date', () => {
    expect(restate([ACME, { ...BETA, Cancel: '2023-03-15' }, DELTA])).toEqual([
      HEADER,
      ['Beta', '', 'dates changed', 12000, 0, -12000, '3'],
      total(149328.73, 137328.73, -12000),
    ]);
  });

  it('dates changed: an edited start date is matched by its sheet row, not taken as removed and added', () => {
    // Start 2023-01-02: 180 days; 50,000 x 365 / 180 = 101,388.888... -> 101,388.89; +560.16.
    expect(restate([{ ...ACME, Start: '2023-01-02' }, BETA, DELTA])).toEqual([
      HEADER,
      ['Acme', '', 'dates changed', 100828.73, 101388.89, 560.16, '2'],
      total(149328.73, 149888.89, 560.16),
    ]);
  });

  it('amount and dates changed', () => {
    // 60,000 x 365 / 211 = 103,791.469... -> 103,791.47; 103,791.47 - 100,828.73 = 2,962.74.
    expect(restate([{ ...ACME, Amount: 60000, End: '2023-07-30' }, BETA, DELTA])).toEqual([
      HEADER,
      ['Acme', '', 'amount and dates changed', 100828.73, 103791.47, 2962.74, '2'],
      total(149328.73, 152291.47, 2962.74),
    ]);
  });

  it('line changed: neither the amount nor the term moved (free months under freeMonths: exclude)', () => {
    // monthly12, exclude. Locked: Acme 50,000 x 12 / 6 = 100,000; Beta 12,000; Delta 18,100 x 12 / 6
    // = 36,200; total 148,200. Today Delta has 1 free month: 18,100 x 12 / 5 = 43,440; +7,240.
    const pol = policy({ annualization: 'monthly12', freeMonths: 'exclude' });
    const locked = SNAPSHOT(contracts([ACME, BETA, DELTA]), '2023-03-31', pol);
    expect(table(RESTATEMENT(contracts([ACME, BETA, { ...DELTA, 'Free Months': 1 }]), locked, pol))).toEqual([
      HEADER,
      ['Delta', '', 'line changed', 36200, 43440, 7240, '4'],
      total(148200, 155440, 7240),
    ]);
  });

  it('line added to a pooled contract (multiYear: average)', () => {
    // monthly12, average. Locked on 2024-06-30: R1's 2024 ($100K) and 2025 ($125K) lines pooled:
    // 225,000 over 24 months x 12 = 112,500. Today its 2026 line ($150K) is in: 375,000 / 36 x 12
    // = 125,000; +12,500.
    const pol = policy({ annualization: 'monthly12', multiYear: 'average' });
    const y = (year: number, amount: number): Line => ({
      Customer: 'Ramp',
      Contract: 'R1',
      Product: 'P',
      Start: `${year}-01-01`,
      End: `${year}-12-31`,
      Amount: amount,
    });
    const locked = SNAPSHOT(contracts([y(2024, 100000), y(2025, 125000)]), '2024-06-30', pol);
    expect(
      table(RESTATEMENT(contracts([y(2024, 100000), y(2025, 125000), y(2026, 150000)]), locked, pol)),
    ).toEqual([
      HEADER,
      ['Ramp', '', 'line added', 112500, 125000, 12500, '2+3+4'],
      total(112500, 125000, 12500),
    ]);
  });

  describe('rates', () => {
    // Foxtrot: EUR 10,000 for 2023 (365 days) = EUR 10,000 a year; fx: spot.
    const fox: Line = {
      Customer: 'Foxtrot',
      Contract: 'F1',
      Product: 'Core',
      Start: '2023-01-01',
      End: '2023-12-31',
      Amount: 10000,
      Currency: 'EUR',
    };
    const pol = policy({ fx: 'spot' });
    const lockedRates = rates([['EUR', '2023-01-01', '1.05']]);
    const revised = rates([
      ['EUR', '2023-01-01', '1.05'],
      ['EUR', '2023-03-01', '1.10'],
    ]);
    const locked = SNAPSHOT(contracts([fox]), '2023-03-31', pol, lockedRates); // 10,000 x 1.05 = 10,500

    it('rate changed: the rate of the date was revised', () => {
      // 10,000 x 1.10 = 11,000; +500.
      expect(table(RESTATEMENT(contracts([fox]), locked, pol, revised))).toEqual([
        HEADER,
        ['Foxtrot', '', 'rate changed', 10500, 11000, 500, '2'],
        total(10500, 11000, 500),
      ]);
    });

    it('amount changed and rate changed: the amount at the locked rate, the rest to the rate', () => {
      // 12,000 at the locked 1.05 = 12,600: +2,100; at 1.10 = 13,200: +600.
      expect(table(RESTATEMENT(contracts([{ ...fox, Amount: 12000 }]), locked, pol, revised))).toEqual([
        HEADER,
        ['Foxtrot', '', 'amount changed', 10500, 13200, 2100, '2'],
        ['Foxtrot', '', 'rate changed', 10500, 13200, 600, '2'],
        total(10500, 13200, 2700),
      ]);
    });
  });

  it("policy changed: today's policy is not the locked one", () => {
    // monthly12: Acme 50,000 x 12 / 6 = 100,000 (-828.73); Beta 12,000 (no move);
    // Delta 18,100 x 12 / 6 = 36,200 (-300). Recomputed 148,200.
    expect(restate([ACME, BETA, DELTA], policy({ annualization: 'monthly12' }))).toEqual([
      HEADER,
      ['Acme', '', 'policy changed', 100828.73, 100000, -828.73, ''],
      ['Delta', '', 'policy changed', 36500, 36200, -300, ''],
      total(149328.73, 148200, -1128.73),
    ]);
  });

  it('data and policy: the data under the locked policy first, then the policy', () => {
    // Acme 60,000: +20,165.75 under daily365 (amount changed); under monthly12 60,000 x 12 / 6 =
    // 120,000, so the policy moves it 120,000 - 120,994.48 = -994.48.
    expect(
      restate([{ ...ACME, Amount: 60000 }, BETA, DELTA], policy({ annualization: 'monthly12' })),
    ).toEqual([
      HEADER,
      ['Acme', '', 'amount changed', 100828.73, 120000, 20165.75, '2'],
      ['Acme', '', 'policy changed', 100828.73, 120000, -994.48, ''],
      ['Delta', '', 'policy changed', 36500, 36200, -300, ''],
      total(149328.73, 168200, 18871.27),
    ]);
  });

  it("by customer and product when today's policy measures at the product grain", () => {
    const pol = policy({ grain: 'customer_product' });
    const locked = SNAPSHOT(contracts([ACME, BETA, DELTA]), '2023-03-31', pol);
    expect(table(RESTATEMENT(contracts([ACME, BETA]), locked, pol))).toEqual([
      HEADER,
      ['Delta', 'Core', 'line removed', 36500, 0, -36500, 'locked 4'],
      total(149328.73, 112828.73, -36500),
    ]);
  });
});

describe('RESTATEMENT: what is refused', () => {
  it('a tampered snapshot', () => {
    const t = asCsv(LOCKED);
    t[namesRow(t)][8] = '1';
    const r = RESTATEMENT(contracts([ACME, BETA, DELTA]), t);
    expect(r).toBeInstanceOf(CellError);
    expect((r as CellError).message).toMatch(
      /^snapshot: the snapshot was altered after it was locked: row \d+, ARR Local: "1"/,
    );
  });

  it('a policy in another reporting currency', () => {
    const r = RESTATEMENT(contracts([ACME, BETA, DELTA]), LOCKED, policy({ reportingCurrency: 'EUR' }));
    expect((r as CellError).message).toBe(
      "policy: the reporting currency is EUR, the snapshot's is USD; restate under a policy reporting in USD",
    );
  });

  it('a range that is not a snapshot', () => {
    const r = RESTATEMENT(contracts([ACME]), contracts([ACME]));
    expect((r as CellError).message).toMatch(/^snapshot: snapshot: not a RunRate snapshot/);
  });
});
