/**
 * Methodology section 2 (ARR of a line on a date) and every policy option of section 1 that
 * changes ARR. Every expected figure is worked out by hand in the comment beside it; money is in
 * currency units (cents / 100), rounded half up once per contributor unless the test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { ARR, BRIDGE, CARR, MRR } from '../../src/functions/index.js';
import { arrOn, parseContracts, parsePolicy } from '../../src/index.js';
import { CellError } from '../../src/cells/index.js';
import {
  HEADER,
  byKey,
  contracts,
  coreModel,
  day,
  expectBalanced,
  lanes,
  num,
  ok,
  policy,
  rates,
  type Line,
} from './book.js';

const MONTHLY = policy({ annualization: 'monthly12' });

/** ARR of a book on a date, as a number (fails the test on a CellError). */
const arr = (lines: Line[], asOf: unknown, pol?: unknown[][], fx?: unknown[][]) =>
  num(ARR(contracts(lines), asOf, pol, fx));

describe('section 2: the worked figures', () => {
  // daily365: ARR = amount x 365 / termDays, termDays = end - start + 1.
  // monthly12: ARR = amount x 12 / termMonths (whole anniversary months from start to end + 1 day).
  const worked = [
    {
      // 2023-01-01..2023-06-30: 31+28+31+30+31+30 = 181 days.
      // daily365: 50,000 x 365 / 181 = 18,250,000 / 181 = 100,828.7292... -> 100,828.73
      // monthly12: end + 1 = 2023-07-01 = start + 6 months -> 50,000 x 12 / 6 = 100,000.00
      amount: 50000,
      start: '2023-01-01',
      end: '2023-06-30',
      mid: '2023-04-15',
      daily365: 100828.73,
      monthly12: 100000,
    },
    {
      // 2023-07-01..2023-12-31: 31+31+30+31+30+31 = 184 days.
      // daily365: 50,000 x 365 / 184 = 18,250,000 / 184 = 99,184.7826... -> 99,184.78
      // monthly12: end + 1 = 2024-01-01 = start + 6 months -> 100,000.00
      amount: 50000,
      start: '2023-07-01',
      end: '2023-12-31',
      mid: '2023-10-01',
      daily365: 99184.78,
      monthly12: 100000,
    },
    {
      // 2024 is a leap year: 366 days.
      // daily365: 100,000 x 365 / 366 = 36,500,000 / 366 = 99,726.7759... -> 99,726.78
      // monthly12: 12 months -> 100,000.00
      amount: 100000,
      start: '2024-01-01',
      end: '2024-12-31',
      mid: '2024-02-29',
      daily365: 99726.78,
      monthly12: 100000,
    },
    {
      // 2024-01-01..2026-12-31: 366 + 365 + 365 = 1,096 days.
      // daily365: 375,000 x 365 / 1,096 = 136,875,000 / 1,096 = 124,885.9489... -> 124,885.95
      // monthly12: end + 1 = 2027-01-01 = start + 36 months -> 375,000 x 12 / 36 = 125,000.00
      amount: 375000,
      start: '2024-01-01',
      end: '2026-12-31',
      mid: '2025-07-01',
      daily365: 124885.95,
      monthly12: 125000,
    },
  ];

  for (const w of worked) {
    for (const annualization of ['daily365', 'monthly12'] as const) {
      it(`$${w.amount} ${w.start}..${w.end} ${annualization} = ${w[annualization]}`, () => {
        const lines = [{ Customer: 'Acme', Start: w.start, End: w.end, Amount: w.amount }];
        const pol = policy({ annualization });
        // The line counts from its start through its (inclusive) end, at one rate.
        expect(arr(lines, w.start, pol)).toBe(w[annualization]);
        expect(arr(lines, w.mid, pol)).toBe(w[annualization]);
        expect(arr(lines, w.end, pol)).toBe(w[annualization]);
        // ... and not the day before its start nor the day after its end.
        const before = new Date(
          Date.UTC(+w.start.slice(0, 4), +w.start.slice(5, 7) - 1, +w.start.slice(8) - 1),
        );
        const after = new Date(Date.UTC(+w.end.slice(0, 4), +w.end.slice(5, 7) - 1, +w.end.slice(8) + 1));
        expect(arr(lines, before.toISOString().slice(0, 10), pol)).toBe(0);
        expect(arr(lines, after.toISOString().slice(0, 10), pol)).toBe(0);
      });
    }
  }

  it('daily365 is the default annualization', () => {
    expect(
      arr([{ Customer: 'Acme', Start: '2023-01-01', End: '2023-06-30', Amount: 50000 }], '2023-03-01'),
    ).toBe(100828.73);
  });

  it('reads dates given as Excel serials and as Date objects the same as text', () => {
    // Excel 1900 system: 2023-01-01 is serial 44927, 2023-06-30 is 44927 + 180 = 45107,
    // 2023-03-15 is 44927 + 31 + 28 + 14 = 45000.
    const serial = [{ Customer: 'Acme', Start: 44927, End: 45107, Amount: 50000 }];
    expect(num(ARR(contracts(serial), 45000))).toBe(100828.73);
    const jsDates = [
      { Customer: 'Acme', Start: new Date(2023, 0, 1), End: new Date(2023, 5, 30), Amount: 50000 },
    ];
    expect(num(ARR(contracts(jsDates), new Date(2023, 2, 15)))).toBe(100828.73);
    // Amounts as text, with a currency sign and thousands separators.
    const text = [{ Customer: 'Acme', Start: '2023-01-01', End: '2023-06-30', Amount: '$50,000.00' }];
    expect(num(ARR(contracts(text), '2023-03-15'))).toBe(100828.73);
  });

  it('takes an omitted policy / rates argument in any of the forms hosts pass', () => {
    const t = contracts([{ Customer: 'Acme', Start: '2023-01-01', End: '2023-06-30', Amount: 50000 }]);
    for (const omitted of [undefined, null, '', 0, [[null]]]) {
      expect(num(ARR(t, '2023-03-15', omitted, omitted))).toBe(100828.73);
    }
  });

  it('MRR = ARR / 12', () => {
    const one = [{ Customer: 'Acme', Start: '2023-01-01', End: '2023-06-30', Amount: 50000 }];
    // 10,082,873 cents / 12 = 840,239.4166... -> 8,402.39
    expect(num(MRR(contracts(one), '2023-03-15'))).toBe(8402.39);
    // monthly12: 100,000 / 12 = 8,333.333... -> 8,333.33
    expect(num(MRR(contracts(one), '2023-03-15', MONTHLY))).toBe(8333.33);
    // 2025 has 365 days, so daily365 gives the amounts: 120,000 + 60,000 = 180,000 -> MRR 15,000.
    const two = [
      { Customer: 'Acme', Start: '2025-01-01', End: '2025-12-31', Amount: 120000 },
      { Customer: 'Beta', Start: '2025-01-01', End: '2025-12-31', Amount: 60000 },
    ];
    expect(num(MRR(contracts(two), '2025-06-30'))).toBe(15000);
    // Several contributors that do not divide by 12: within half a cent of ARR / 12 whichever
    // way the division is rounded.
    const three = [...one, { Customer: 'Beta', Start: '2023-01-01', End: '2023-12-31', Amount: 1000.07 }];
    const a = num(ARR(contracts(three), '2023-03-15'));
    expect(Math.abs(num(MRR(contracts(three), '2023-03-15')) - a / 12)).toBeLessThanOrEqual(0.005 + 1e-9);
  });
});

describe('section 2: multi-year ramp vs average', () => {
  // One contract, yearly lines $100K (2024), $125K (2025), $150K (2026), amountBasis term.
  const ramp: Line[] = [
    {
      Customer: 'Acme',
      Contract: 'K-1',
      Product: 'Platform',
      Start: '2024-01-01',
      End: '2024-12-31',
      Amount: 100000,
    },
    {
      Customer: 'Acme',
      Contract: 'K-1',
      Product: 'Platform',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 125000,
    },
    {
      Customer: 'Acme',
      Contract: 'K-1',
      Product: 'Platform',
      Start: '2026-01-01',
      End: '2026-12-31',
      Amount: 150000,
    },
  ];
  const RAMP_M = policy({ annualization: 'monthly12', multiYear: 'ramp' });
  const AVG_M = policy({ annualization: 'monthly12', multiYear: 'average' });

  it('ramp (monthly12): each year at its own rate', () => {
    // Each line is 12 months: 100,000 x 12 / 12, 125,000 x 12 / 12, 150,000 x 12 / 12.
    expect(arr(ramp, '2024-06-30', RAMP_M)).toBe(100000);
    expect(arr(ramp, '2025-06-30', RAMP_M)).toBe(125000);
    expect(arr(ramp, '2026-06-30', RAMP_M)).toBe(150000);
    // ramp is the default.
    expect(arr(ramp, '2025-06-30', MONTHLY)).toBe(125000);
  });

  it('ramp: the step-up is expansion in the bridge 2024-12-31 -> 2025-01-01', () => {
    // a = 100,000 (2024 line), b' = b = 125,000 (2025 line): expansion 125,000 - 100,000 = 25,000.
    const l = lanes(BRIDGE(contracts(ramp), '2024-12-31', '2025-01-01', RAMP_M));
    expect(l).toEqual({
      Start: 100000,
      New: 0,
      Reactivation: 0,
      Expansion: 25000,
      Contraction: 0,
      Churn: 0,
      FX: 0,
      End: 125000,
    });
    expectBalanced(l);
  });

  it('average (monthly12): TCV / term, 125,000 in all three years, no expansion', () => {
    // Pooled: TCV 100,000 + 125,000 + 150,000 = 375,000 over 2024-01-01..2026-12-31 = 36 months:
    // 375,000 x 12 / 36 = 125,000.
    for (const d of ['2024-01-01', '2024-06-30', '2025-06-30', '2026-06-30', '2026-12-31']) {
      expect(arr(ramp, d, AVG_M)).toBe(125000);
    }
    expect(arr(ramp, '2027-01-01', AVG_M)).toBe(0);
    const l = lanes(BRIDGE(contracts(ramp), '2024-12-31', '2025-01-01', AVG_M));
    expect(l).toEqual({
      Start: 125000,
      New: 0,
      Reactivation: 0,
      Expansion: 0,
      Contraction: 0,
      Churn: 0,
      FX: 0,
      End: 125000,
    });
  });

  it('daily365: ramp is per line, average is the pooled 1,096-day term', () => {
    const RAMP_D = policy({ annualization: 'daily365' });
    const AVG_D = policy({ annualization: 'daily365', multiYear: 'average' });
    // ramp: 100,000 x 365 / 366 = 99,726.78; 125,000 x 365 / 365; 150,000 x 365 / 365.
    expect(arr(ramp, '2024-06-30', RAMP_D)).toBe(99726.78);
    expect(arr(ramp, '2025-06-30', RAMP_D)).toBe(125000);
    expect(arr(ramp, '2026-06-30', RAMP_D)).toBe(150000);
    // average: 375,000 x 365 / 1,096 = 124,885.95 (the fourth worked figure) in every year.
    for (const d of ['2024-06-30', '2025-06-30', '2026-06-30']) expect(arr(ramp, d, AVG_D)).toBe(124885.95);
  });

  it('average pools recurring lines of one contract only: a setup fee and another contract stay out', () => {
    const book: Line[] = [
      ...ramp,
      // One-time setup on the same contract: not in the TCV of recurring lines, never ARR.
      {
        Customer: 'Acme',
        Contract: 'K-1',
        Product: 'Setup',
        'Line Type': 'one_time',
        Start: '2024-01-01',
        End: '2024-01-31',
        Amount: 20000,
      },
      // Another contract of the same customer, 2025 only, 12 months: 10,000 on its own.
      {
        Customer: 'Acme',
        Contract: 'K-2',
        Product: 'Addon',
        Start: '2025-01-01',
        End: '2025-12-31',
        Amount: 10000,
      },
    ];
    expect(arr(book, '2024-06-30', AVG_M)).toBe(125000);
    // 125,000 (K-1 pooled) + 10,000 (K-2).
    expect(arr(book, '2025-06-30', AVG_M)).toBe(135000);
    expect(arr(book, '2026-06-30', AVG_M)).toBe(125000);
  });
});

describe('policy: basis (live ARR vs contracted CARR)', () => {
  // Signed 2023-12-01, service 2024-01-01..2024-12-31, $120,000, monthly12 -> 120,000 once counted.
  const pending: Line[] = [
    { Customer: 'Beta', Signed: '2023-12-01', Start: '2024-01-01', End: '2024-12-31', Amount: 120000 },
  ];

  it('CARR counts a line from its signed date; live ARR from its start', () => {
    expect(num(CARR(contracts(pending), '2023-12-15', MONTHLY))).toBe(120000);
    expect(arr(pending, '2023-12-15', MONTHLY)).toBe(0);
    expect(num(CARR(contracts(pending), '2023-11-30', MONTHLY))).toBe(0);
    expect(num(CARR(contracts(pending), '2023-12-01', MONTHLY))).toBe(120000);
    // Once live, both agree; both stop after the end.
    expect(num(CARR(contracts(pending), '2024-06-30', MONTHLY))).toBe(120000);
    expect(arr(pending, '2024-06-30', MONTHLY)).toBe(120000);
    expect(num(CARR(contracts(pending), '2025-01-01', MONTHLY))).toBe(0);
  });

  it('ARR under basis: contracted is CARR', () => {
    const pol = policy({ annualization: 'monthly12', basis: 'contracted' });
    expect(arr(pending, '2023-12-15', pol)).toBe(120000);
    expect(num(CARR(contracts(pending), '2023-12-15', pol))).toBe(120000);
  });

  it('a line with no signed date counts in CARR from its start', () => {
    // reading: without a booking date the only evidence of the contract is its start date.
    const unsigned: Line[] = [{ Customer: 'Beta', Start: '2024-01-01', End: '2024-12-31', Amount: 120000 }];
    expect(num(CARR(contracts(unsigned), '2023-12-15', MONTHLY))).toBe(0);
    expect(num(CARR(contracts(unsigned), '2024-01-01', MONTHLY))).toBe(120000);
  });
});

describe('policy: amountBasis and ARR / MRR columns', () => {
  // 2025-03-01..2025-08-31: 31+30+31+30+31+31 = 184 days.
  const line = (amount: number): Line[] => [
    { Customer: 'Acme', Start: '2025-03-01', End: '2025-08-31', Amount: amount },
  ];

  it('term (default): the amount is for the whole term', () => {
    // 60,000 x 365 / 184 = 21,900,000 / 184 = 119,021.7391... -> 119,021.74
    expect(arr(line(60000), '2025-05-01')).toBe(119021.74);
  });

  it('annual: ARR = amount, under either annualization, only during the term', () => {
    for (const annualization of ['daily365', 'monthly12']) {
      const pol = policy({ annualization, amountBasis: 'annual' });
      expect(arr(line(60000), '2025-05-01', pol)).toBe(60000);
      expect(arr(line(60000), '2025-09-01', pol)).toBe(0);
    }
  });

  it('monthly: ARR = amount x 12', () => {
    // 5,000 x 12 = 60,000
    expect(arr(line(5000), '2025-05-01', policy({ amountBasis: 'monthly' }))).toBe(60000);
    expect(
      arr(line(5000), '2025-05-01', policy({ amountBasis: 'monthly', annualization: 'monthly12' })),
    ).toBe(60000);
  });

  it('a column named ARR is read as annual, one named MRR as monthly', () => {
    const withHeader = (name: string, amount: number) =>
      contracts(
        [{ Customer: 'Acme', Start: '2025-03-01', End: '2025-08-31', [name]: amount }],
        HEADER.map((h) => (h === 'Amount' ? name : h)),
      );
    expect(num(ARR(withHeader('ARR', 60000), '2025-05-01'))).toBe(60000);
    // MRR 5,000 x 12 = 60,000
    expect(num(ARR(withHeader('MRR', 5000), '2025-05-01'))).toBe(60000);
    expect(num(MRR(withHeader('MRR', 5000), '2025-05-01'))).toBe(5000);
  });

  it('an explicit amountBasis wins over the column name', () => {
    // reading (src/policy/keys.ts): the column name implies the basis "unless set".
    const t = contracts(
      [{ Customer: 'Acme', Start: '2025-03-01', End: '2025-08-31', ARR: 60000 }],
      HEADER.map((h) => (h === 'Amount' ? 'ARR' : h)),
    );
    // Read as a term amount: 119,021.74 as above.
    expect(num(ARR(t, '2025-05-01', policy({ amountBasis: 'term' })))).toBe(119021.74);
  });
});

describe('policy: usage lines', () => {
  // 2025 has 365 days, so daily365 ARR of a full-year 2025 line is its amount.
  const book: Line[] = [
    { Customer: 'Acme', 'Line Type': 'recurring', Start: '2025-01-01', End: '2025-12-31', Amount: 100000 },
    { Customer: 'Acme', 'Line Type': 'usage_commit', Start: '2025-01-01', End: '2025-12-31', Amount: 24000 },
    // 2025-01-01..2025-06-30 = 181 days: 6,000 x 365 / 181 = 2,190,000 / 181 = 12,099.4475... -> 12,099.45
    { Customer: 'Acme', 'Line Type': 'usage_overage', Start: '2025-01-01', End: '2025-06-30', Amount: 6000 },
  ];

  it('includeUsageCommit yes (default) / no', () => {
    // default: 100,000 + 24,000 commit, no overage = 124,000
    expect(arr(book, '2025-03-31')).toBe(124000);
    expect(arr(book, '2025-03-31', policy({ includeUsageCommit: 'yes' }))).toBe(124000);
    expect(arr(book, '2025-03-31', policy({ includeUsageCommit: 'no' }))).toBe(100000);
  });

  it('includeUsageOverage no (default) / yes', () => {
    expect(arr(book, '2025-03-31', policy({ includeUsageOverage: 'no' }))).toBe(124000);
    // 100,000 + 24,000 + 12,099.45 = 136,099.45
    expect(arr(book, '2025-03-31', policy({ includeUsageOverage: 'yes' }))).toBe(136099.45);
    // both usage kinds on, commit off: 100,000 + 12,099.45
    expect(arr(book, '2025-03-31', policy({ includeUsageOverage: 'yes', includeUsageCommit: 'no' }))).toBe(
      112099.45,
    );
    // after the overage line's end only the commit remains
    expect(arr(book, '2025-07-01', policy({ includeUsageOverage: 'yes' }))).toBe(124000);
  });
});

describe('policy: discounts', () => {
  const book: Line[] = [
    { Customer: 'Acme', Start: '2025-01-01', End: '2025-12-31', Amount: 90000, 'List Amount': 100000 },
    { Customer: 'Beta', Start: '2025-01-01', End: '2025-12-31', Amount: 50000 },
  ];

  it('net (default) uses the amount; gross the list amount where given', () => {
    // net: 90,000 + 50,000 = 140,000 (2025: 365 days, daily365 ARR = amount)
    expect(arr(book, '2025-06-30')).toBe(140000);
    expect(arr(book, '2025-06-30', policy({ discounts: 'net' }))).toBe(140000);
    // gross: 100,000 (list) + 50,000 (no list amount: the amount) = 150,000
    expect(arr(book, '2025-06-30', policy({ discounts: 'gross' }))).toBe(150000);
  });

  it('gross annualizes the list amount like the amount', () => {
    // 2023-01-01..2023-06-30 (181 days), list 50,000: 50,000 x 365 / 181 = 100,828.73
    const l: Line[] = [
      { Customer: 'Acme', Start: '2023-01-01', End: '2023-06-30', Amount: 40000, 'List Amount': 50000 },
    ];
    expect(arr(l, '2023-03-01', policy({ discounts: 'gross' }))).toBe(100828.73);
  });
});

describe('policy: freeMonths', () => {
  // 2024-01-01..2024-12-31, $120,000, 2 free months.
  const twelve: Line[] = [
    { Customer: 'Acme', Start: '2024-01-01', End: '2024-12-31', Amount: 120000, 'Free Months': 2 },
  ];

  it('monthly12 spread: rate over the whole term', () => {
    // 120,000 x 12 / 12 = 120,000
    expect(arr(twelve, '2024-06-30', policy({ annualization: 'monthly12', freeMonths: 'spread' }))).toBe(
      120000,
    );
    expect(arr(twelve, '2024-06-30', MONTHLY)).toBe(120000);
  });

  it('monthly12 exclude: rate over the paid months, active over the whole term', () => {
    // 120,000 x 12 / (12 - 2) = 144,000, counted from the first (free) day to the end.
    const pol = policy({ annualization: 'monthly12', freeMonths: 'exclude' });
    expect(arr(twelve, '2024-01-15', pol)).toBe(144000);
    expect(arr(twelve, '2024-06-30', pol)).toBe(144000);
    expect(arr(twelve, '2024-12-31', pol)).toBe(144000);
    expect(arr(twelve, '2023-12-31', pol)).toBe(0);
    expect(arr(twelve, '2025-01-01', pol)).toBe(0);
  });

  it("baker's dozen: 13 months for the price of 12", () => {
    // 2024-01-01..2025-01-31: end + 1 = 2025-02-01 = start + 13 months.
    const dozen: Line[] = [
      { Customer: 'Acme', Start: '2024-01-01', End: '2025-01-31', Amount: 120000, 'Free Months': 1 },
    ];
    // spread: 120,000 x 12 / 13 = 110,769.2307... -> 110,769.23
    expect(arr(dozen, '2024-06-30', policy({ annualization: 'monthly12' }))).toBe(110769.23);
    // exclude: 120,000 x 12 / 12 = 120,000
    expect(arr(dozen, '2024-06-30', policy({ annualization: 'monthly12', freeMonths: 'exclude' }))).toBe(
      120000,
    );
  });

  it('daily365 spread / exclude', () => {
    // spread: 120,000 x 365 / 366 = 43,800,000 / 366 = 119,672.1311... -> 119,672.13
    expect(arr(twelve, '2024-06-30', policy({ freeMonths: 'spread' }))).toBe(119672.13);
    // reading: the free months are the first of the term (keys.ts), so the paid days are
    // 2024-03-01..2024-12-31 = 31+30+31+30+31+31+30+31+30+31 = 306 days:
    // 120,000 x 365 / 306 = 43,800,000 / 306 = 143,137.2549... -> 143,137.25, active from 2024-01-01.
    const pol = policy({ freeMonths: 'exclude' });
    expect(arr(twelve, '2024-01-15', pol)).toBe(143137.25);
    expect(arr(twelve, '2024-06-30', pol)).toBe(143137.25);
  });
});

describe('policy: renewalGraceDays and churnDate', () => {
  // Old line 2024, $120,000 (monthly12: 120,000). Renewal 2025-01-21..2026-01-20, $132,000:
  // end + 1 = 2026-01-21 = start + 12 months -> 132,000. Uncovered days: 2025-01-01..2025-01-20 = 20.
  const OLD: Line = {
    Customer: 'Acme',
    Contract: 'K-1',
    Product: 'Platform',
    Start: '2024-01-01',
    End: '2024-12-31',
    Amount: 120000,
  };
  const NEW: Line = {
    Customer: 'Acme',
    Contract: 'K-2',
    Product: 'Platform',
    Start: '2025-01-21',
    End: '2026-01-20',
    Amount: 132000,
  };
  const m12 = (kv: Record<string, string | number>) => policy({ annualization: 'monthly12', ...kv });

  it('grace 30: the gap before a renewal carries the old rate', () => {
    const pol = m12({ renewalGraceDays: 30 });
    expect(arr([OLD, NEW], '2024-12-31', pol)).toBe(120000);
    expect(arr([OLD, NEW], '2025-01-01', pol)).toBe(120000);
    expect(arr([OLD, NEW], '2025-01-10', pol)).toBe(120000);
    expect(arr([OLD, NEW], '2025-01-20', pol)).toBe(120000);
    expect(arr([OLD, NEW], '2025-01-21', pol)).toBe(132000);
  });

  it('grace 0 (default): the gap has no ARR', () => {
    expect(arr([OLD, NEW], '2025-01-10', m12({}))).toBe(0);
    expect(arr([OLD, NEW], '2025-01-10', m12({ renewalGraceDays: 0 }))).toBe(0);
    expect(arr([OLD, NEW], '2025-01-21', m12({}))).toBe(132000);
  });

  it('grace counts the uncovered days between the end and the renewal', () => {
    // reading (keys.ts: "at most this many uncovered days"): 20 uncovered days are within a
    // grace of 20, not of 19.
    expect(arr([OLD, NEW], '2025-01-20', m12({ renewalGraceDays: 20 }))).toBe(120000);
    expect(arr([OLD, NEW], '2025-01-20', m12({ renewalGraceDays: 19 }))).toBe(0);
  });

  it('grace: a late renewal is no churn and no new in the bridge', () => {
    const t = contracts([OLD, NEW]);
    // grace 30, 2024-12-31 -> 2025-01-10: the old rate throughout, nothing moves.
    const g = lanes(BRIDGE(t, '2024-12-31', '2025-01-10', m12({ renewalGraceDays: 30 })));
    expect(g).toEqual({
      Start: 120000,
      New: 0,
      Reactivation: 0,
      Expansion: 0,
      Contraction: 0,
      Churn: 0,
      FX: 0,
      End: 120000,
    });
    // grace 30, 2024-12-31 -> 2025-01-31: 120,000 -> 132,000 is expansion 12,000.
    const g2 = lanes(BRIDGE(t, '2024-12-31', '2025-01-31', m12({ renewalGraceDays: 30 })));
    expect(g2).toEqual({
      Start: 120000,
      New: 0,
      Reactivation: 0,
      Expansion: 12000,
      Contraction: 0,
      Churn: 0,
      FX: 0,
      End: 132000,
    });
    // grace 0: 2024-12-31 -> 2025-01-10 is churn -120,000; 2025-01-10 -> 2025-01-31 reactivation
    // +132,000 (the customer had ARR before 2025-01-10).
    const z = lanes(BRIDGE(t, '2024-12-31', '2025-01-10', m12({})));
    expect(z).toEqual({
      Start: 120000,
      New: 0,
      Reactivation: 0,
      Expansion: 0,
      Contraction: 0,
      Churn: -120000,
      FX: 0,
      End: 0,
    });
    const z2 = lanes(BRIDGE(t, '2025-01-10', '2025-01-31', m12({})));
    expect(z2).toEqual({
      Start: 0,
      New: 0,
      Reactivation: 132000,
      Expansion: 0,
      Contraction: 0,
      Churn: 0,
      FX: 0,
      End: 132000,
    });
  });

  it('grace at product grain needs the same product', () => {
    // The "renewal" is another product: at customer grain it renews, at product grain it does not.
    const other: Line = { ...NEW, Product: 'Analytics' };
    expect(arr([OLD, other], '2025-01-10', m12({ renewalGraceDays: 30 }))).toBe(120000);
    expect(arr([OLD, other], '2025-01-10', m12({ renewalGraceDays: 30, grain: 'customer_product' }))).toBe(0);
    expect(arr([OLD, NEW], '2025-01-10', m12({ renewalGraceDays: 30, grain: 'customer_product' }))).toBe(
      120000,
    );
  });

  it('churnDate end (default): an unrenewed line stops the day after its end, whatever the grace', () => {
    expect(arr([OLD], '2024-12-31', m12({ renewalGraceDays: 30 }))).toBe(120000);
    expect(arr([OLD], '2025-01-01', m12({ renewalGraceDays: 30 }))).toBe(0);
    expect(arr([OLD], '2025-01-01', m12({ renewalGraceDays: 30, churnDate: 'end' }))).toBe(0);
  });

  it('churnDate grace_end: an unrenewed line counts through end + grace', () => {
    // 2024-12-31 + 30 days = 2025-01-30.
    const pol = m12({ renewalGraceDays: 30, churnDate: 'grace_end' });
    expect(arr([OLD], '2025-01-30', pol)).toBe(120000);
    expect(arr([OLD], '2025-01-31', pol)).toBe(0);
  });

  it('churnDate notice: stops the day after the notice date (else after the end)', () => {
    const pol = m12({ churnDate: 'notice' });
    const noticed: Line = { ...OLD, Notice: '2024-09-30' };
    expect(arr([noticed], '2024-09-30', pol)).toBe(120000);
    expect(arr([noticed], '2024-10-01', pol)).toBe(0);
    // without a notice date: the end
    expect(arr([OLD], '2024-12-31', pol)).toBe(120000);
    expect(arr([OLD], '2025-01-01', pol)).toBe(0);
    // under churnDate end the notice date changes nothing
    expect(arr([noticed], '2024-10-01', m12({}))).toBe(120000);
  });
});

describe('cancel date', () => {
  it('ARR stops after the cancel day even though the end is later, at the same rate', () => {
    // reading: a cancel ends counting; it does not re-rate the line (12 months, 120,000).
    const l: Line[] = [
      { Customer: 'Acme', Start: '2024-01-01', End: '2024-12-31', Cancel: '2024-06-30', Amount: 120000 },
    ];
    expect(arr(l, '2024-06-30', MONTHLY)).toBe(120000);
    expect(arr(l, '2024-07-01', MONTHLY)).toBe(0);
    expect(arr(l, '2024-12-31', MONTHLY)).toBe(0);
  });
});

describe('policy: fx', () => {
  // EUR 50,000 over 2023-01-01..2023-06-30 (181 days), daily365; reporting currency USD.
  // Conversion per line before its single rounding: amount x 365 / days x rate.
  const eur: Line[] = [
    {
      Customer: 'Eurco',
      Start: '2023-01-01',
      End: '2023-06-30',
      Amount: 50000,
      Currency: 'EUR',
      'FX Rate': 1.1,
    },
    { Customer: 'Usco', Start: '2023-01-01', End: '2023-12-31', Amount: 10000, Currency: 'USD' },
  ];
  const table = rates([
    ['EUR', '', '1.08'],
    ['EUR', '2022-12-30', '1.05'],
    ['EUR', '2023-03-31', '1.12'],
    ['EUR', '2023-07-01', '1.30'],
  ]);
  // Usco: 10,000 x 365 / 365 = 10,000 in every case.

  it('contract (default): the line fx rate', () => {
    // 50,000 x 365 x 1.10 / 181 = 20,075,000 / 181 = 110,911.6022... -> 110,911.60; + 10,000
    expect(arr(eur, '2023-03-15')).toBe(120911.6);
    expect(arr(eur, '2023-03-15', policy({ fx: 'contract' }), table)).toBe(120911.6);
  });

  it('fixed: the board (undated) rate of the rate table', () => {
    // reading: the board rate is the row without a date.
    // 50,000 x 365 x 1.08 / 181 = 19,710,000 / 181 = 108,895.0276... -> 108,895.03; + 10,000
    expect(arr(eur, '2023-03-15', policy({ fx: 'fixed' }), table)).toBe(118895.03);
    expect(arr(eur, '2023-05-15', policy({ fx: 'fixed' }), table)).toBe(118895.03);
  });

  it("spot: the table's rate on or before the as-of date", () => {
    const pol = policy({ fx: 'spot' });
    // 2023-03-15: rate of 2022-12-30 = 1.05: 50,000 x 365 x 1.05 / 181 = 19,162,500 / 181
    //   = 105,870.1657... -> 105,870.17; + 10,000
    expect(arr(eur, '2023-03-15', pol, table)).toBe(115870.17);
    // 2023-03-31 (the rate's own date) and 2023-06-30: 1.12: 20,440,000 / 181 = 112,928.1768...
    //   -> 112,928.18; + 10,000
    expect(arr(eur, '2023-03-31', pol, table)).toBe(122928.18);
    expect(arr(eur, '2023-06-30', pol, table)).toBe(122928.18);
  });

  it('ARR by currency shows each currency converted to the reporting currency', () => {
    const m = byKey(ARR(contracts(eur), '2023-03-15', undefined, undefined, 'currency'));
    expect(m.get('EUR')).toEqual([110911.6, 1]);
    expect(m.get('USD')).toEqual([10000, 1]);
  });
});

describe('policy: rollupToParent', () => {
  // 2025 full year, daily365: ARR = amount.
  const book: Line[] = [
    { Customer: 'Child-1', Parent: 'Holding', Start: '2025-01-01', End: '2025-12-31', Amount: 10000 },
    { Customer: 'Child-2', Parent: 'Holding', Start: '2025-01-01', End: '2025-12-31', Amount: 20000 },
    { Customer: 'Solo', Start: '2025-01-01', End: '2025-12-31', Amount: 5000 },
  ];

  it('no (default): each customer is its own key', () => {
    const m = byKey(ARR(contracts(book), '2025-06-30', undefined, undefined, 'customer'));
    expect([...m.entries()]).toEqual([
      ['Child-1', [10000, 1]],
      ['Child-2', [20000, 1]],
      ['Solo', [5000, 1]],
    ]);
    expect(ok(arrOn(coreModel(contracts(book)).model, day('2025-06-30'))).customers).toBe(3);
  });

  it('yes: children roll up to the parent; a line without a parent keeps its customer', () => {
    // reading: a blank parent means the customer is its own parent.
    const pol = policy({ rollupToParent: 'yes' });
    const m = byKey(ARR(contracts(book), '2025-06-30', pol, undefined, 'customer'));
    expect([...m.entries()]).toEqual([
      ['Holding', [30000, 1]],
      ['Solo', [5000, 1]],
    ]);
    const r = ok(arrOn(coreModel(contracts(book), pol).model, day('2025-06-30')));
    expect(r.customers).toBe(2);
    expect(r.arrCents).toBe(3500000);
  });
});

describe('policy: rounding (once per contributor)', () => {
  // 2024-01-01..2024-05-25 = 31 + 29 + 31 + 30 + 25 = 146 days, and 365 / 146 = 2.5 exactly, so
  // an odd number of cents gives a half cent: $1,000.01 = 100,001 cents x 2.5 = 250,002.5 cents.
  //   half_up (away from zero) -> 250,003 = 2,500.03; half_even -> 250,002 = 2,500.02.
  // $1,000.03 = 100,003 x 2.5 = 250,007.5 -> 250,008 under both (8 is even).
  const half = (amount: number, customer = 'Acme'): Line => ({
    Customer: customer,
    Start: '2024-01-01',
    End: '2024-05-25',
    Amount: amount,
  });

  it('half_up (default) vs half_even on exactly half a cent', () => {
    expect(arr([half(1000.01)], '2024-03-01')).toBe(2500.03);
    expect(arr([half(1000.01)], '2024-03-01', policy({ rounding: 'half_up' }))).toBe(2500.03);
    expect(arr([half(1000.01)], '2024-03-01', policy({ rounding: 'half_even' }))).toBe(2500.02);
    expect(arr([half(1000.03)], '2024-03-01', policy({ rounding: 'half_up' }))).toBe(2500.08);
    expect(arr([half(1000.03)], '2024-03-01', policy({ rounding: 'half_even' }))).toBe(2500.08);
  });

  it('each line is rounded before the total', () => {
    // Two such lines: half_up 250,003 + 250,003 = 500,006 -> 5,000.06 (not round(500,005) = 5,000.05);
    // half_even 250,002 + 250,002 = 500,004 -> 5,000.04.
    expect(arr([half(1000.01), half(1000.01)], '2024-03-01')).toBe(5000.06);
    expect(arr([half(1000.01), half(1000.01, 'Beta')], '2024-03-01', policy({ rounding: 'half_even' }))).toBe(
      5000.04,
    );
  });

  it('monthly12: half a cent over 24 months', () => {
    // 2024-01-01..2025-12-31 = 24 months: 100,001 cents x 12 / 24 = 50,000.5 cents.
    const l: Line[] = [{ Customer: 'Acme', Start: '2024-01-01', End: '2025-12-31', Amount: 1000.01 }];
    expect(arr(l, '2024-06-30', policy({ annualization: 'monthly12' }))).toBe(500.01);
    expect(arr(l, '2024-06-30', policy({ annualization: 'monthly12', rounding: 'half_even' }))).toBe(500);
  });
});

describe('policy: missingEnd', () => {
  const open: Line[] = [{ Customer: 'Acme', Start: '2024-03-15', Amount: 100000 }];

  it('error (default): a line without an end is a CellError naming row and column', () => {
    const r = ARR(contracts(open), '2024-06-30');
    expect(r).toBeInstanceOf(CellError);
    const e = r as CellError;
    expect(e.message).toMatch(/row 2\b/);
    expect(e.message).toMatch(/end/i);
    expect(e.row).toBe(2);
  });

  it('assume_12_months: start + 12 months - 1 day, with a warning', () => {
    const pol = policy({ missingEnd: 'assume_12_months' });
    // 2024-03-15..2025-03-14 = 365 days (no Feb 29 inside): 100,000 x 365 / 365 = 100,000.
    expect(arr(open, '2024-06-30', pol)).toBe(100000);
    expect(arr(open, '2025-03-14', pol)).toBe(100000);
    expect(arr(open, '2025-03-15', pol)).toBe(0);
    // monthly12: 12 months -> 100,000
    expect(
      arr(open, '2024-06-30', policy({ missingEnd: 'assume_12_months', annualization: 'monthly12' })),
    ).toBe(100000);
    const book = ok(parseContracts(contracts(open), ok(parsePolicy(pol))));
    expect(book.warnings.length).toBeGreaterThanOrEqual(1);
    expect(book.warnings[0].row).toBe(2);
  });
});

describe('policy: endDateInclusive', () => {
  it('no: the end date is the first day not served', () => {
    const pol = policy({ endDateInclusive: 'no' });
    // End 2023-07-01 exclusive = 2023-06-30 inclusive: 181 days -> 100,828.73
    const l: Line[] = [{ Customer: 'Acme', Start: '2023-01-01', End: '2023-07-01', Amount: 50000 }];
    expect(arr(l, '2023-06-30', pol)).toBe(100828.73);
    expect(arr(l, '2023-07-01', pol)).toBe(0);
    // Read inclusively (default) the same row is 182 days: 18,250,000 / 182 = 100,274.725... -> 100,274.73
    expect(arr(l, '2023-06-30')).toBe(100274.73);
    expect(arr(l, '2023-07-01')).toBe(100274.73);
  });
});

describe('one-time lines and customer counts', () => {
  it('one-time lines are never ARR, under any annualization or amount basis', () => {
    const l: Line[] = [
      { Customer: 'Acme', 'Line Type': 'one_time', Start: '2025-01-01', End: '2025-12-31', Amount: 20000 },
    ];
    for (const kv of [
      {},
      { annualization: 'monthly12' },
      { amountBasis: 'annual' },
      { amountBasis: 'monthly' },
    ] as Record<string, string>[]) {
      expect(arr(l, '2025-06-30', policy(kv))).toBe(0);
      expect(num(CARR(contracts(l), '2025-06-30', policy(kv)))).toBe(0);
    }
    expect(ok(arrOn(coreModel(contracts(l)).model, day('2025-06-30'))).customers).toBe(0);
  });

  it('customers are the customers with ARR on the date', () => {
    const book: Line[] = [
      // Acme: recurring, live on 2025-06-30
      { Customer: 'Acme', Start: '2025-01-01', End: '2025-12-31', Amount: 100000 },
      { Customer: 'Acme', Product: 'Addon', Start: '2025-01-01', End: '2025-12-31', Amount: 10000 },
      // Beta: only a one-time line
      { Customer: 'Beta', 'Line Type': 'one_time', Start: '2025-01-01', End: '2025-01-31', Amount: 5000 },
      // Gamma: ended in 2024
      { Customer: 'Gamma', Start: '2024-01-01', End: '2024-12-31', Amount: 50000 },
      // Delta: only usage overage (not ARR by default)
      {
        Customer: 'Delta',
        'Line Type': 'usage_overage',
        Start: '2025-01-01',
        End: '2025-12-31',
        Amount: 7000,
      },
    ];
    const r = ok(arrOn(coreModel(contracts(book)).model, day('2025-06-30')));
    expect(r.customers).toBe(1);
    expect(r.arrCents).toBe(11000000);
    // MRR = 110,000 / 12 = 9,166.666... -> 916,667 cents
    expect(Math.abs(r.mrrCents - 11000000 / 12)).toBeLessThanOrEqual(0.5);
    const withOverage = ok(
      arrOn(coreModel(contracts(book), policy({ includeUsageOverage: 'yes' })).model, day('2025-06-30')),
    );
    expect(withOverage.customers).toBe(2);
    expect(withOverage.arrCents).toBe(11700000);
  });
});

describe('ARR by dimension', () => {
  // 2025 full year, daily365: ARR = amount (EUR at its contract rate 1.2).
  const book: Line[] = [
    {
      Customer: 'Acme',
      Contract: 'A-1',
      Product: 'P1',
      Segment: 'SMB',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 10000,
    },
    {
      Customer: 'Acme',
      Contract: 'A-1',
      Product: 'P2',
      Segment: 'SMB',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 5000,
    },
    // 100,000 EUR x 1.2 = 120,000
    {
      Customer: 'Beta',
      Contract: 'B-1',
      Product: 'P1',
      Segment: 'ENT',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 100000,
      Currency: 'EUR',
      'FX Rate': 1.2,
    },
    {
      Customer: 'Gamma',
      Contract: 'G-1',
      Product: 'P2',
      Segment: 'ENT',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 50000,
    },
    // one-time: never ARR
    {
      Customer: 'Gamma',
      Contract: 'G-1',
      Product: 'P3',
      Segment: 'ENT',
      'Line Type': 'one_time',
      Start: '2025-01-01',
      End: '2025-01-31',
      Amount: 7000,
    },
  ];
  const t = contracts(book);
  const by = (dim: string) => {
    const m = byKey(ARR(t, '2025-06-30', undefined, undefined, dim));
    // A key with no ARR may be listed, with zeros; leave it out of the comparison.
    const p3 = m.get('P3');
    if (p3) {
      expect(p3).toEqual([0, 0]);
      m.delete('P3');
    }
    return [...m.entries()];
  };

  it('total: 10,000 + 5,000 + 120,000 + 50,000 = 185,000 over 3 customers', () => {
    expect(num(ARR(t, '2025-06-30'))).toBe(185000);
    expect(ok(arrOn(coreModel(t).model, day('2025-06-30'))).customers).toBe(3);
  });

  it('by customer, product, segment, currency, contract (sorted by key)', () => {
    expect(by('customer')).toEqual([
      ['Acme', [15000, 1]],
      ['Beta', [120000, 1]],
      ['Gamma', [50000, 1]],
    ]);
    // P1: 10,000 + 120,000 (Acme, Beta); P2: 5,000 + 50,000 (Acme, Gamma)
    expect(by('product')).toEqual([
      ['P1', [130000, 2]],
      ['P2', [55000, 2]],
    ]);
    expect(by('segment')).toEqual([
      ['ENT', [170000, 2]],
      ['SMB', [15000, 1]],
    ]);
    expect(by('currency')).toEqual([
      ['EUR', [120000, 1]],
      ['USD', [65000, 2]],
    ]);
    expect(by('contract')).toEqual([
      ['A-1', [15000, 1]],
      ['B-1', [120000, 1]],
      ['G-1', [50000, 1]],
    ]);
  });

  it('MRR by dimension is ARR / 12 per key', () => {
    const m = byKey(MRR(t, '2025-06-30', undefined, undefined, 'segment'));
    // ENT 170,000 / 12 = 14,166.67 (to the cent); SMB 15,000 / 12 = 1,250
    expect(m.get('ENT')?.[0]).toBeCloseTo(14166.67, 2);
    expect(m.get('SMB')).toEqual([1250, 1]);
  });
});

describe('monthly12: a partial last month', () => {
  it('counts the remaining days over the days of that last partial month', () => {
    // 2024-01-01..2024-02-14: end + 1 = 2024-02-15; one whole month to 2024-02-01, then
    // 2024-02-01..2024-02-14 = 14 days of February 2024 (29 days).
    // reading: "the days of that last partial month" = the days from the last anniversary to the
    // next one (2024-02-01 -> 2024-03-01 = 29 days; here also the calendar month).
    // termMonths = 1 + 14/29 = 43/29; ARR = 4,300 x 12 / (43/29) = 4,300 x 12 x 29 / 43 = 34,800.00
    const l: Line[] = [{ Customer: 'Acme', Start: '2024-01-01', End: '2024-02-14', Amount: 4300 }];
    expect(arr(l, '2024-01-15', MONTHLY)).toBe(34800);
  });
});

describe('fx: a tie after conversion is decided exactly', () => {
  it('half_up vs half_even on EUR 13,107.50 at 1.15', () => {
    // 2025 (365 days), daily365: EUR ARR = 1,310,750 cents; x 1.15 = 1,507,362.5 cents exactly.
    // (In binary floating point 1310750 * 1.15 = 1507362.4999999998, so a naive rounding gives
    // 1,507,362 under half_up too; the tie needs exact arithmetic.)
    // half_up -> 1,507,363 = 15,073.63; half_even -> 1,507,362 = 15,073.62.
    const l: Line[] = [
      {
        Customer: 'Eurco',
        Start: '2025-01-01',
        End: '2025-12-31',
        Amount: '13107.50',
        Currency: 'EUR',
        'FX Rate': '1.15',
      },
    ];
    expect(arr(l, '2025-06-30', policy({ rounding: 'half_up' }))).toBe(15073.63);
    expect(arr(l, '2025-06-30', policy({ rounding: 'half_even' }))).toBe(15073.62);
    // the same through a spot rate
    const fx = rates([['EUR', '2025-01-01', '1.15']]);
    expect(arr(l, '2025-06-30', policy({ fx: 'spot', rounding: 'half_up' }), fx)).toBe(15073.63);
    expect(arr(l, '2025-06-30', policy({ fx: 'spot', rounding: 'half_even' }), fx)).toBe(15073.62);
  });
});

describe('reading the contract range', () => {
  const expected = 100828.73; // $50,000 over 2023-01-01..2023-06-30, daily365 (see above)

  it('headers match aliases, case- and space-insensitively', () => {
    const t = [
      ['Account ID', ' start date ', 'END DATE', 'amount'],
      ['Acme', '2023-01-01', '2023-06-30', 50000],
    ];
    expect(num(ARR(t, '2023-03-15'))).toBe(expected);
  });

  it('text dates as YYYY/MM/DD, M/D/YYYY and ISO timestamps (date part as written)', () => {
    for (const [start, end] of [
      ['2023/01/01', '2023/06/30'],
      ['1/1/2023', '6/30/2023'],
      ['2023-01-01T00:00:00Z', '2023-06-30T23:30:00-05:00'],
    ]) {
      const l: Line[] = [{ Customer: 'Acme', Start: start, End: end, Amount: 50000 }];
      expect(arr(l, '2023-03-15')).toBe(expected);
    }
  });

  it('0 in date and text columns is blank (Excel desktop passes blank cells as 0)', () => {
    const l: Line[] = [
      {
        Customer: 'Acme',
        Parent: 0,
        Contract: 0,
        Product: 0,
        'Line Type': 0,
        Start: '2023-01-01',
        End: '2023-06-30',
        Signed: 0,
        Cancel: 0,
        Notice: 0,
        Amount: 50000,
        'Free Months': '',
        Currency: 0,
        'FX Rate': '',
        Segment: 0,
      },
    ];
    expect(arr(l, '2023-03-15')).toBe(expected);
    expect(arr(l, '2023-03-15', policy({ churnDate: 'notice' }))).toBe(expected);
  });

  it('fully blank rows (a range selected past the data) are ignored', () => {
    // reading: a row with no value at all is not a contract line (whole-column ranges such as
    // A:P end in blank rows); a row with any value is validated.
    const t = contracts([
      { Customer: 'Acme', Start: '2023-01-01', End: '2023-06-30', Amount: 50000 },
      {},
      { Customer: 'Beta', Start: '2023-01-01', End: '2023-12-31', Amount: 1000 },
    ]);
    t.push(
      t[0].map(() => null),
      t[0].map(() => ''),
    );
    // 100,828.73 + 1,000 (365 days)
    expect(num(ARR(t, '2023-03-15'))).toBe(101828.73);
  });
});

describe('monthly12: anniversaries of a month-end start', () => {
  it('2024-01-31..2024-04-29 is 3 whole months', () => {
    // end + 1 = 2024-04-30. reading: anniversaries keep the start's day, clamped to short months
    // (2024-02-29, 2024-03-31, 2024-04-30), so end + 1 is the third anniversary: 3 months.
    // 30,000 x 12 / 3 = 120,000
    const l: Line[] = [{ Customer: 'Acme', Start: '2024-01-31', End: '2024-04-29', Amount: 30000 }];
    expect(arr(l, '2024-03-01', MONTHLY)).toBe(120000);
  });

  it('2024-01-31..2025-01-30 is 12 months', () => {
    // end + 1 = 2025-01-31 = start + 12 months: 120,000 x 12 / 12 = 120,000
    const l: Line[] = [{ Customer: 'Acme', Start: '2024-01-31', End: '2025-01-30', Amount: 120000 }];
    expect(arr(l, '2024-07-01', MONTHLY)).toBe(120000);
  });
});
