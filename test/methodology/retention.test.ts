/**
 * Methodology section 4: retention over d0 -> d1, from small hand-computed books.
 * The cohort is the customers with ARR > 0 at d0; b' is ARR at d1 in d0's rates.
 */
import { describe, expect, it } from 'vitest';
import { COHORT, GRR, LOGORETENTION, NDRBANDS, NRR, QUICKRATIO } from '../../src/functions/index.js';
import { CellError } from '../../src/cells/index.js';
import { cohorts, retention, type CohortResult } from '../../src/index.js';
import { RETENTION_BOOK } from './worked-books.js';
import { contracts, coreModel, day, num, ok, policy, rates, table, type Line } from './book.js';

const M12 = (kv: Record<string, string | number> = {}) => policy({ annualization: 'monthly12', ...kv });

describe('GRR, NRR, logo retention, quick ratio, NDR by band', () => {
  // monthly12, d0 = 2024-12-31, d1 = 2025-12-31. Full calendar years unless said.
  const book = RETENTION_BOOK;
  const t = contracts(book);
  // cohort (ARR > 0 at d0): A 100,000, B 50,000, C 30,000, D 20,000, E 25,000; sum a = 225,000
  // b':                     A 120,000, B 40,000, C 0,      D 20,000, E 25,000; sum b' = 205,000
  // min(a, b'):             100,000 + 40,000 + 0 + 20,000 + 25,000 = 185,000

  it("GRR = sum min(a, b') / sum a = 185,000 / 225,000", () => {
    expect(num(GRR(t, '2024-12-31', '2025-12-31', M12()))).toBeCloseTo(185000 / 225000, 12);
  });

  it("NRR = sum b' / sum a = 205,000 / 225,000 (N and R are not in the numerator)", () => {
    expect(num(NRR(t, '2024-12-31', '2025-12-31', M12()))).toBeCloseTo(205000 / 225000, 12);
  });

  it('logo retention = 4 of 5 cohort customers keep ARR', () => {
    expect(num(LOGORETENTION(t, '2024-12-31', '2025-12-31', M12()))).toBeCloseTo(0.8, 12);
  });

  it('quick ratio = (new + reactivation + expansion) / -(churn + contraction)', () => {
    // new 60,000 (N); reactivation 15,000 (R); expansion 20,000 (A); contraction -10,000 (B);
    // churn -30,000 (C): (60,000 + 15,000 + 20,000) / (30,000 + 10,000) = 95,000 / 40,000 = 2.375
    expect(num(QUICKRATIO(t, '2024-12-31', '2025-12-31', M12()))).toBeCloseTo(2.375, 12);
  });

  it('the core result carries the same figures and the cohort', () => {
    const r = ok(retention(coreModel(t, M12()).model, day('2024-12-31'), day('2025-12-31')));
    expect(r.cohortCustomers).toBe(5);
    expect(r.startArrCents).toBe(22500000);
    expect(r.grr).toBeCloseTo(185 / 225, 12);
    expect(r.nrr).toBeCloseTo(205 / 225, 12);
    expect(r.logoRetention).toBeCloseTo(4 / 5, 12);
    expect(r.quickRatio).toBeCloseTo(95 / 40, 12);
  });

  it('NDR by band (edges 25,000 and 100,000, from a)', () => {
    // reading: a band holds from <= a < to, so 25,000 is in 25,000-100,000 and 100,000 in 100,000+
    // (the "$0-25K, $25-100K, $100K+" of the background).
    // [0, 25,000):        D 20,000 -> 20,000                       NRR 1
    // [25,000, 100,000):  B 50,000 -> 40,000, C 30,000 -> 0, E 25,000 -> 25,000
    //                     start 105,000, NRR 65,000 / 105,000
    // [100,000, -):       A 100,000 -> 120,000                     NRR 1.2
    const r = ok(retention(coreModel(t, M12()).model, day('2024-12-31'), day('2025-12-31')));
    expect(r.bands.map((b) => [b.from, b.to, b.customers, b.startArrCents])).toEqual([
      [0, 25000, 1, 2000000],
      [25000, 100000, 3, 10500000],
      [100000, null, 1, 10000000],
    ]);
    expect(r.bands[0].nrr).toBeCloseTo(1, 12);
    expect(r.bands[1].nrr).toBeCloseTo(65000 / 105000, 12);
    expect(r.bands[2].nrr).toBeCloseTo(1.2, 12);

    const s = table(NDRBANDS(t, '2024-12-31', '2025-12-31', M12()));
    expect(s[0]).toEqual(['From', 'To', 'Customers', 'Start ARR', 'NRR']);
    expect(s.slice(1).map((row) => [row[0], row[2], row[3]])).toEqual([
      [0, 1, 20000],
      [25000, 3, 105000],
      [100000, 1, 100000],
    ]);
    expect(s[1][1]).toBe(25000);
    expect(s[2][1]).toBe(100000);
    expect(num(s[3][4])).toBeCloseTo(1.2, 12);
    expect(num(s[2][4])).toBeCloseTo(65000 / 105000, 12);
  });

  it('bands follow the policy edges', () => {
    // one edge at 50,000: [0, 50,000): C 30,000, D 20,000, E 25,000 -> (0 + 20,000 + 25,000) / 75,000
    //                     [50,000, -): A, B -> (120,000 + 40,000) / 150,000
    const r = ok(
      retention(coreModel(t, M12({ bands: '50000' })).model, day('2024-12-31'), day('2025-12-31')),
    );
    expect(r.bands.map((b) => [b.from, b.to, b.customers, b.startArrCents])).toEqual([
      [0, 50000, 3, 7500000],
      [50000, null, 2, 15000000],
    ]);
    expect(r.bands[0].nrr).toBeCloseTo(45000 / 75000, 12);
    expect(r.bands[1].nrr).toBeCloseTo(160000 / 150000, 12);
  });
});

describe('no losses, no cohort', () => {
  // monthly12: A expands 100,000 -> 120,000, N is new.
  const gains: Line[] = [
    { Customer: 'A', Start: '2024-01-01', End: '2024-12-31', Amount: 100000 },
    { Customer: 'A', Start: '2025-01-01', End: '2025-12-31', Amount: 120000 },
    { Customer: 'N', Start: '2025-01-01', End: '2025-12-31', Amount: 60000 },
  ];

  it('quick ratio with no churn or contraction is #DIV/0! (sheet) and null (core)', () => {
    const q = QUICKRATIO(contracts(gains), '2024-12-31', '2025-12-31', M12());
    expect(q).toBeInstanceOf(CellError);
    expect((q as CellError).code).toBe('#DIV/0!');
    const r = ok(retention(coreModel(contracts(gains), M12()).model, day('2024-12-31'), day('2025-12-31')));
    expect(r.quickRatio).toBeNull();
    // GRR 100,000 / 100,000 = 1; NRR 120,000 / 100,000 = 1.2
    expect(r.grr).toBeCloseTo(1, 12);
    expect(r.nrr).toBeCloseTo(1.2, 12);
    expect(r.logoRetention).toBeCloseTo(1, 12);
  });

  it('an empty cohort has no ratios', () => {
    // Nobody has ARR on 2023-12-31.
    const r = ok(retention(coreModel(contracts(gains), M12()).model, day('2023-12-31'), day('2024-12-31')));
    expect(r.cohortCustomers).toBe(0);
    expect(r.grr).toBeNull();
    expect(r.nrr).toBeNull();
    expect(r.logoRetention).toBeNull();
    for (const f of [NRR, GRR, LOGORETENTION]) {
      const x = f(contracts(gains), '2023-12-31', '2024-12-31', M12());
      expect(x).toBeInstanceOf(CellError);
      expect((x as CellError).code).toBe('#DIV/0!');
    }
  });
});

describe('grain and currency in retention', () => {
  it('product grain takes the min per product', () => {
    // monthly12, d0 = 2024-12-31, d1 = 2025-12-31.
    // P: P1 100,000 -> 50,000, P2 0 -> 60,000.  Q: P1 100,000 flat (24 months, 200,000).
    const book: Line[] = [
      { Customer: 'P', Product: 'P1', Start: '2024-01-01', End: '2024-12-31', Amount: 100000 },
      { Customer: 'P', Product: 'P1', Start: '2025-01-01', End: '2025-12-31', Amount: 50000 },
      { Customer: 'P', Product: 'P2', Start: '2025-01-01', End: '2025-12-31', Amount: 60000 },
      { Customer: 'Q', Product: 'P1', Start: '2024-01-01', End: '2025-12-31', Amount: 200000 },
    ];
    const t = contracts(book);
    // customer grain: min(100,000, 110,000) + min(100,000, 100,000) = 200,000 / 200,000 = 1
    expect(num(GRR(t, '2024-12-31', '2025-12-31', M12()))).toBeCloseTo(1, 12);
    // product grain: min(100,000, 50,000) + min(0, 60,000) + min(100,000, 100,000) = 150,000 / 200,000
    expect(num(GRR(t, '2024-12-31', '2025-12-31', M12({ grain: 'customer_product' })))).toBeCloseTo(0.75, 12);
    // NRR is the same at both grains: (110,000 + 100,000) / 200,000 = 1.05
    expect(num(NRR(t, '2024-12-31', '2025-12-31', M12()))).toBeCloseTo(1.05, 12);
    expect(num(NRR(t, '2024-12-31', '2025-12-31', M12({ grain: 'customer_product' })))).toBeCloseTo(1.05, 12);
  });

  it('retention is in constant currency: a rate move is not retention', () => {
    // 2025 (365 days), daily365: EUR 100,000 flat, spot 1.10 at d0 and 1.20 at d1.
    // a = 110,000; b' (d1 ARR at d0 rates) = 110,000 -> NRR 1, not 120,000 / 110,000.
    const book: Line[] = [
      { Customer: 'Euro', Start: '2025-01-01', End: '2025-12-31', Amount: 100000, Currency: 'EUR' },
      { Customer: 'Dollar', Start: '2025-01-01', End: '2025-12-31', Amount: 50000 },
    ];
    const fx = rates([
      ['EUR', '2024-12-31', '1.10'],
      ['EUR', '2025-06-30', '1.20'],
    ]);
    const pol = policy({ fx: 'spot' });
    expect(num(NRR(contracts(book), '2025-01-31', '2025-06-30', pol, fx))).toBeCloseTo(1, 12);
    expect(num(GRR(contracts(book), '2025-01-31', '2025-06-30', pol, fx))).toBeCloseTo(1, 12);
    // no losses, and the fx gain is not growth
    const q = QUICKRATIO(contracts(book), '2025-01-31', '2025-06-30', pol, fx);
    expect(q).toBeInstanceOf(CellError);
  });
});

describe('cohort table', () => {
  // monthly12; every change falls on the first of a month (ends on a month's last day), so ARR is
  // constant within a month. reading: a period's ARR is the ARR on its last day (month end /
  // quarter end), and a cohort's customers are those whose first ARR falls in that period.
  const book: Line[] = [
    // A (first ARR 2024-01): 120,000 from January, + add-on 2024-03-01..2024-12-31 (10 months,
    // 25,000 x 12 / 10 = 30,000) -> 120,000 Jan-Feb, 150,000 from March.
    { Customer: 'A', Start: '2024-01-01', End: '2024-12-31', Amount: 120000 },
    { Customer: 'A', Start: '2024-03-01', End: '2024-12-31', Amount: 25000 },
    // B (2024-01): 2024-01-01..2024-03-31, 3 months, 15,000 -> 60,000; 0 from April.
    { Customer: 'B', Start: '2024-01-01', End: '2024-03-31', Amount: 15000 },
    // C (2024-02): 2024-02-01..2024-04-30 at 12,000 (3 months -> 48,000), then 2024-05-01..2025-04-30
    // at 36,000 (12 months -> 36,000).
    { Customer: 'C', Start: '2024-02-01', End: '2024-04-30', Amount: 12000 },
    { Customer: 'C', Start: '2024-05-01', End: '2025-04-30', Amount: 36000 },
    // D (2024-02): 24,000 from 2024-02-01 (12 months), + add-on 2024-05-01..2025-01-31
    // (9 months, 9,000 x 12 / 9 = 12,000) -> 24,000 Feb-Apr, 36,000 from May.
    { Customer: 'D', Start: '2024-02-01', End: '2025-01-31', Amount: 24000 },
    { Customer: 'D', Start: '2024-05-01', End: '2025-01-31', Amount: 9000 },
    // E (2024-04): 60,000 from 2024-04-01 (12 months).
    { Customer: 'E', Start: '2024-04-01', End: '2025-03-31', Amount: 60000 },
  ];
  // Month-end ARR (thousands):  Jan  Feb  Mar  Apr  May  Jun
  //   A                         120  120  150  150  150  150
  //   B                          60   60   60    0    0    0
  //   C                               48   48   48   36   36
  //   D                               24   24   24   36   36
  //   E                                         60   60   60
  const t = contracts(book);
  const row = (r: CohortResult, cohort: string) => {
    const x = r.rows.find((q) => q.cohort === cohort);
    if (!x) expect.fail(`no cohort ${cohort} in ${r.rows.map((q) => q.cohort).join(', ')}`);
    return x;
  };
  const expectValues = (got: (number | null)[], want: number[]) => {
    expect(got.length).toBeGreaterThanOrEqual(want.length);
    want.forEach((w, k) => expect(got[k]).toBeCloseTo(w, 12));
    for (const extra of got.slice(want.length)) expect(extra).toBeNull();
  };
  const run = (period: 'month' | 'quarter', basis: 'net' | 'gross') =>
    ok(cohorts(coreModel(t, M12()).model, day('2024-01-01'), day('2024-06-30'), period, basis));

  it('monthly, net', () => {
    const r = run('month', 'net');
    expect(r.rows.filter((q) => q.customers > 0).map((q) => q.cohort)).toEqual([
      '2024-01',
      '2024-02',
      '2024-04',
    ]);
    // 2024-01 (A, B): 180, 180, 210, 150, 150, 150 over 180
    const jan = row(r, '2024-01');
    expect([jan.customers, jan.startArrCents]).toEqual([2, 18000000]);
    expectValues(jan.values, [1, 1, 210 / 180, 150 / 180, 150 / 180, 150 / 180]);
    // 2024-02 (C, D): 72, 72, 72, 72, 72 over 72
    const feb = row(r, '2024-02');
    expect([feb.customers, feb.startArrCents]).toEqual([2, 7200000]);
    expectValues(feb.values, [1, 1, 1, 1, 1]);
    // 2024-04 (E): 60, 60, 60
    const apr = row(r, '2024-04');
    expect([apr.customers, apr.startArrCents]).toEqual([1, 6000000]);
    expectValues(apr.values, [1, 1, 1]);
  });

  it('monthly, gross: per-customer min against the first period', () => {
    const r = run('month', 'gross');
    // 2024-01: Mar min(150, 120) + min(60, 60) = 180; Apr on: 120 + 0 = 120
    expectValues(row(r, '2024-01').values, [1, 1, 1, 120 / 180, 120 / 180, 120 / 180]);
    // 2024-02: May on: min(36, 48) + min(36, 24) = 60
    expectValues(row(r, '2024-02').values, [1, 1, 1, 60 / 72, 60 / 72]);
    expectValues(row(r, '2024-04').values, [1, 1, 1]);
  });

  it('quarterly, net and gross', () => {
    // Q1 (A, B, C, D) at 2024-03-31: 150 + 60 + 48 + 24 = 282
    // Q2 at 2024-06-30: net 150 + 0 + 36 + 36 = 222; gross min(150,150) + 0 + min(36,48) + min(36,24) = 210
    // Q2 cohort (E): 60
    const net = run('quarter', 'net');
    expect(net.rows.filter((q) => q.customers > 0).map((q) => q.cohort)).toEqual(['2024-Q1', '2024-Q2']);
    const q1 = row(net, '2024-Q1');
    expect([q1.customers, q1.startArrCents]).toEqual([4, 28200000]);
    expectValues(q1.values, [1, 222 / 282]);
    expectValues(row(net, '2024-Q2').values, [1]);
    const gross = run('quarter', 'gross');
    expectValues(row(gross, '2024-Q1').values, [1, 210 / 282]);
    expectValues(row(gross, '2024-Q2').values, [1]);
  });

  it('COHORT sheet function: header and rows (quarter / net by default)', () => {
    const s = table(COHORT(t, '2024-01-01', '2024-06-30', M12()));
    expect(s[0]).toEqual(['Cohort', 'Customers', 'Start ARR', '0', '1']);
    const q1 = s.find((r) => r[0] === '2024-Q1');
    expect(q1?.slice(0, 4)).toEqual(['2024-Q1', 4, 282000, 1]);
    expect(num(q1?.[4])).toBeCloseTo(222 / 282, 12);
    const m = table(COHORT(t, '2024-01-01', '2024-06-30', M12(), undefined, 'month', 'gross'));
    expect(m[0]).toEqual(['Cohort', 'Customers', 'Start ARR', '0', '1', '2', '3', '4', '5']);
    const jan = m.find((r) => r[0] === '2024-01');
    expect(jan?.slice(0, 3)).toEqual(['2024-01', 2, 180000]);
    expect(num(jan?.[6])).toBeCloseTo(120 / 180, 12);
  });
});
