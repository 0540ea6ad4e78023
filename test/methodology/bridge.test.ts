/**
 * Methodology section 3: the bridge d0 -> d1, lane by lane, from hand-built books.
 * a = ARR of a key at d0 (d0 rates), b = at d1 (d1 rates), b' = at d1 in d0 rates.
 * Every book uses monthly12 unless said, so whole-month lines have round rates.
 */
import { describe, expect, it } from 'vitest';
import { ARR, BRIDGE } from '../../src/functions/index.js';
import { LANES_BOOK } from './worked-books.js';
import { bridge, type BridgeResult } from '../../src/index.js';
import {
  contracts,
  coreModel,
  day,
  expectBalanced,
  lanes,
  num,
  ok,
  policy,
  rates,
  table,
  type Line,
} from './book.js';

type Detail = BridgeResult['detail'][number];

function coreBridge(
  lines: Line[],
  from: string,
  to: string,
  pol: unknown[][],
  fx?: unknown[][],
): BridgeResult {
  const { model } = coreModel(contracts(lines), pol, fx);
  return ok(bridge(model, day(from), day(to)));
}

/** Detail rows of a lane, keyed `customer` or `customer|product`, in cents. */
function detailOf(r: BridgeResult, lane: Detail['lane']): Map<string, Detail> {
  const m = new Map<string, Detail>();
  for (const d of r.detail)
    if (d.lane === lane) m.set(d.product ? `${d.customer}|${d.product}` : d.customer, d);
  return m;
}

/** Every lane total equals the sum of its detail rows, and start + lanes = end, in cents. */
function expectCoreBalanced(r: BridgeResult): void {
  expect(
    r.startCents +
      r.newCents +
      r.reactivationCents +
      r.expansionCents +
      r.contractionCents +
      r.churnCents +
      r.fxCents,
  ).toBe(r.endCents);
  const sum = (lane: Detail['lane']) =>
    r.detail.filter((d) => d.lane === lane).reduce((s, d) => s + d.amountCents, 0);
  expect(sum('new')).toBe(r.newCents);
  expect(sum('reactivation')).toBe(r.reactivationCents);
  expect(sum('expansion')).toBe(r.expansionCents);
  expect(sum('contraction')).toBe(r.contractionCents);
  expect(sum('churn')).toBe(r.churnCents);
  expect(sum('fx')).toBe(r.fxCents);
}

const M12 = (kv: Record<string, string | number> = {}) => policy({ annualization: 'monthly12', ...kv });

describe('lanes: new, reactivation, expansion, contraction, churn', () => {
  // d0 = 2024-12-31, d1 = 2025-06-30, monthly12.
  const book = LANES_BOOK;
  // start = 100,000 + 80,000 + 120,000 + 50,000 = 350,000
  // end   = 60,000 + 48,000 + 120,000 + 50,000 + 50,000 = 328,000
  // lanes: new 60,000; reactivation 48,000; expansion 20,000; contraction -30,000; churn -120,000
  // 350,000 + 60,000 + 48,000 + 20,000 - 30,000 - 120,000 = 328,000.

  it('separate reactivation (default)', () => {
    const l = lanes(BRIDGE(contracts(book), '2024-12-31', '2025-06-30', M12()));
    expect(l).toEqual({
      Start: 350000,
      New: 60000,
      Reactivation: 48000,
      Expansion: 20000,
      Contraction: -30000,
      Churn: -120000,
      FX: 0,
      End: 328000,
    });
    expectBalanced(l);
    // start = ARR(d0), end = ARR(d1)
    expect(num(ARR(contracts(book), '2024-12-31', M12()))).toBe(350000);
    expect(num(ARR(contracts(book), '2025-06-30', M12()))).toBe(328000);
  });

  it('reactivation: as_new puts the returning customer in new', () => {
    const l = lanes(BRIDGE(contracts(book), '2024-12-31', '2025-06-30', M12({ reactivation: 'as_new' })));
    // new 60,000 + 48,000 = 108,000
    expect(l).toEqual({
      Start: 350000,
      New: 108000,
      Reactivation: 0,
      Expansion: 20000,
      Contraction: -30000,
      Churn: -120000,
      FX: 0,
      End: 328000,
    });
    expectBalanced(l);
  });

  it('detail: each moving key with its lane, a, b and contract ids', () => {
    const r = coreBridge(book, '2024-12-31', '2025-06-30', M12());
    expectCoreBalanced(r);
    expect(r.startCents).toBe(35000000);
    expect(r.endCents).toBe(32800000);
    const row = (lane: Detail['lane'], customer: string) => {
      const d = r.detail.find((x) => x.lane === lane && x.customer === customer);
      if (!d) expect.fail(`no ${lane} row for ${customer}`);
      return d;
    };
    expect(row('new', 'New Co')).toMatchObject({
      startArrCents: 0,
      endArrCents: 6000000,
      amountCents: 6000000,
    });
    expect(row('new', 'New Co').contracts).toContain('N-1');
    expect(row('reactivation', 'Return Co')).toMatchObject({
      startArrCents: 0,
      endArrCents: 4800000,
      amountCents: 4800000,
    });
    expect(row('reactivation', 'Return Co').contracts).toContain('R-2');
    expect(row('expansion', 'Grow Co')).toMatchObject({
      startArrCents: 10000000,
      endArrCents: 12000000,
      amountCents: 2000000,
    });
    expect(row('expansion', 'Grow Co').contracts).toContain('E-2');
    expect(row('contraction', 'Shrink Co')).toMatchObject({
      startArrCents: 8000000,
      endArrCents: 5000000,
      amountCents: -3000000,
    });
    expect(row('contraction', 'Shrink Co').contracts).toContain('K-2');
    expect(row('churn', 'Gone Co')).toMatchObject({
      startArrCents: 12000000,
      endArrCents: 0,
      amountCents: -12000000,
    });
    expect(row('churn', 'Gone Co').contracts).toContain('X-1');
    // The flat customer moved no lane.
    expect(r.detail.filter((d) => d.customer === 'Flat Co' && d.amountCents !== 0)).toEqual([]);
  });

  it('BRIDGE(..., detail TRUE) lists the same rows with their contracts', () => {
    const t = table(BRIDGE(contracts(book), '2024-12-31', '2025-06-30', M12(), undefined, true));
    expect(t[0]).toEqual(['Customer', 'Product', 'Lane', 'Start ARR', 'End ARR', 'Amount', 'Contracts']);
    const churn = t.slice(1).find((r) => r[0] === 'Gone Co');
    expect(churn).toBeDefined();
    expect(String(churn?.[2]).toLowerCase()).toBe('churn');
    expect(churn?.slice(3, 6)).toEqual([120000, 0, -120000]);
    expect(String(churn?.[6])).toContain('X-1');
    const grow = t.slice(1).find((r) => r[0] === 'Grow Co');
    expect(grow?.slice(3, 6)).toEqual([100000, 120000, 20000]);
    expect(String(grow?.[6])).toContain('E-2');
  });

  it('a customer whose ARR ended before d0 and never returns is in no lane', () => {
    // Return Co's first line only (ended 2024-06-30): a = b = 0.
    const r = coreBridge([book[1], book[7]], '2024-12-31', '2025-06-30', M12());
    expect(r.detail.filter((d) => d.customer === 'Return Co')).toEqual([]);
    expect(r.churnCents).toBe(-12000000);
    expectCoreBalanced(r);
  });
});

describe('lane: fx (constant currency) under fx: spot', () => {
  // daily365; EUR -> USD spot: 1.10 from 2024-12-31, 1.20 from 2025-06-30.
  // d0 = 2025-01-31 (rate 1.10), d1 = 2025-06-30 (rate 1.20).
  const fxRates = rates([
    ['EUR', '2024-12-31', '1.10'],
    ['EUR', '2025-06-30', '1.20'],
  ]);
  const SPOT = policy({ fx: 'spot' });
  const book: Line[] = [
    // Flat EUR: 100,000 EUR over 2025 (365 days) = 100,000 EUR ARR.
    // a = 110,000; b' = 110,000; b = 120,000 -> fx +10,000.
    {
      Customer: 'Euro Flat',
      Contract: 'G1',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 100000,
      Currency: 'EUR',
    },
    // Expanding EUR: 50,000 EUR (2025) + add-on 10,000 EUR 2025-04-01..2025-12-31 = 275 days.
    //   add-on in USD at 1.10: 10,000 x 365 x 1.10 / 275 = 4,015,000 / 275 = 14,600.00
    //   add-on in USD at 1.20: 10,000 x 365 x 1.20 / 275 = 4,380,000 / 275 = 15,927.2727 -> 15,927.27
    //   a = 55,000; b' = 55,000 + 14,600 = 69,600 (expansion +14,600);
    //   b = 60,000 + 15,927.27 = 75,927.27 (fx 75,927.27 - 69,600 = +6,327.27)
    {
      Customer: 'Euro Grow',
      Contract: 'G2',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 50000,
      Currency: 'EUR',
    },
    {
      Customer: 'Euro Grow',
      Contract: 'G3',
      Start: '2025-04-01',
      End: '2025-12-31',
      Amount: 10000,
      Currency: 'EUR',
    },
    // Churned EUR: 40,000 EUR 2025-01-01..2025-03-31 = 90 days:
    //   a = 40,000 x 365 x 1.10 / 90 = 16,060,000 / 90 = 178,444.444 -> 178,444.44; b = b' = 0
    //   -> churn -178,444.44, no fx.
    {
      Customer: 'Euro Gone',
      Contract: 'H1',
      Start: '2025-01-01',
      End: '2025-03-31',
      Amount: 40000,
      Currency: 'EUR',
    },
    // New EUR: 20,000 EUR 2025-03-01..2025-12-31 = 306 days:
    //   b' = 20,000 x 365 x 1.10 / 306 = 8,030,000 / 306 = 26,241.830 -> 26,241.83 (new)
    //   b  = 20,000 x 365 x 1.20 / 306 = 8,760,000 / 306 = 28,627.451 -> 28,627.45
    //   fx = 28,627.45 - 26,241.83 = +2,385.62
    {
      Customer: 'Euro New',
      Contract: 'J1',
      Start: '2025-03-01',
      End: '2025-12-31',
      Amount: 20000,
      Currency: 'EUR',
    },
    // USD flat 100,000: no fx.
    {
      Customer: 'Dollar Flat',
      Contract: 'U1',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 100000,
      Currency: 'USD',
    },
  ];
  // start = 110,000 + 55,000 + 178,444.44 + 100,000 = 443,444.44
  // end   = 120,000 + 75,927.27 + 28,627.45 + 100,000 = 324,554.72
  // new 26,241.83; expansion 14,600; churn -178,444.44; fx 10,000 + 6,327.27 + 2,385.62 = 18,712.89
  // 443,444.44 + 26,241.83 + 14,600 - 178,444.44 + 18,712.89 = 324,554.72

  it("b - b' is the fx lane; new and expansion are at d0 rates", () => {
    const l = lanes(BRIDGE(contracts(book), '2025-01-31', '2025-06-30', SPOT, fxRates));
    expect(l).toEqual({
      Start: 443444.44,
      New: 26241.83,
      Reactivation: 0,
      Expansion: 14600,
      Contraction: 0,
      Churn: -178444.44,
      FX: 18712.89,
      End: 324554.72,
    });
    expectBalanced(l);
    expect(num(ARR(contracts(book), '2025-01-31', SPOT, fxRates))).toBe(443444.44);
    expect(num(ARR(contracts(book), '2025-06-30', SPOT, fxRates))).toBe(324554.72);
  });

  it('detail: fx per key', () => {
    const r = coreBridge(book, '2025-01-31', '2025-06-30', SPOT, fxRates);
    expectCoreBalanced(r);
    const fx = detailOf(r, 'fx');
    expect(fx.get('Euro Flat')?.amountCents).toBe(1000000);
    expect(fx.get('Euro Grow')?.amountCents).toBe(632727);
    expect(fx.get('Euro New')?.amountCents).toBe(238562);
    expect(fx.has('Dollar Flat')).toBe(false);
    expect(fx.has('Euro Gone')).toBe(false);
    expect(detailOf(r, 'expansion').get('Euro Grow')?.amountCents).toBe(1460000);
    expect(detailOf(r, 'new').get('Euro New')?.amountCents).toBe(2624183);
  });

  it('no fx lane when the rate does not move (fx: contract)', () => {
    const withRate = book.map((l) => (l.Currency === 'EUR' ? { ...l, 'FX Rate': 1.1 } : l));
    const l = lanes(BRIDGE(contracts(withRate), '2025-01-31', '2025-06-30', policy({ fx: 'contract' })));
    expect(l.FX).toBe(0);
    // at 1.10 throughout: end = 110,000 + 69,600 + 26,241.83 + 100,000 = 305,841.83
    expect(l.End).toBe(305841.83);
    expectBalanced(l);
  });
});

describe('grain: customer vs customer_product', () => {
  // d0 = 2024-12-31, d1 = 2025-06-30, monthly12.
  const book: Line[] = [
    // A: P1 100,000 a year throughout (24 months, 200,000); P2 added for 2025 at 20,000.
    { Customer: 'A', Contract: 'A-1', Product: 'P1', Start: '2024-01-01', End: '2025-12-31', Amount: 200000 },
    { Customer: 'A', Contract: 'A-2', Product: 'P2', Start: '2025-01-01', End: '2025-12-31', Amount: 20000 },
    // B: P1 50,000 a year throughout; P2 30,000 in 2024 only (dropped; B stays).
    { Customer: 'B', Contract: 'B-1', Product: 'P1', Start: '2024-01-01', End: '2025-12-31', Amount: 100000 },
    { Customer: 'B', Contract: 'B-2', Product: 'P2', Start: '2024-01-01', End: '2024-12-31', Amount: 30000 },
    // C: only P1 100,000 in 2024, only P2 120,000 in 2025.
    { Customer: 'C', Contract: 'C-1', Product: 'P1', Start: '2024-01-01', End: '2024-12-31', Amount: 100000 },
    { Customer: 'C', Contract: 'C-2', Product: 'P2', Start: '2025-01-01', End: '2025-12-31', Amount: 120000 },
    // D: two products in 2024, gone in 2025: churn 40,000 + 10,000.
    { Customer: 'D', Contract: 'D-1', Product: 'P1', Start: '2024-01-01', End: '2024-12-31', Amount: 40000 },
    { Customer: 'D', Contract: 'D-1', Product: 'P2', Start: '2024-01-01', End: '2024-12-31', Amount: 10000 },
    // E: new in 2025 with two products: new 12,000 + 24,000.
    { Customer: 'E', Contract: 'E-1', Product: 'P1', Start: '2025-01-01', End: '2025-12-31', Amount: 12000 },
    { Customer: 'E', Contract: 'E-1', Product: 'P2', Start: '2025-01-01', End: '2025-12-31', Amount: 24000 },
  ];
  // start = A 100,000 + B 80,000 + C 100,000 + D 50,000 = 330,000
  // end   = A 120,000 + B 50,000 + C 120,000 + E 36,000 = 326,000

  it('customer grain: one net move per customer', () => {
    // A +20,000 and C +20,000 expansion; B -30,000 contraction; D -50,000 churn; E +36,000 new.
    const l = lanes(BRIDGE(contracts(book), '2024-12-31', '2025-06-30', M12({ grain: 'customer' })));
    expect(l).toEqual({
      Start: 330000,
      New: 36000,
      Reactivation: 0,
      Expansion: 40000,
      Contraction: -30000,
      Churn: -50000,
      FX: 0,
      End: 326000,
    });
    expectBalanced(l);
    const r = coreBridge(book, '2024-12-31', '2025-06-30', M12({ grain: 'customer' }));
    expectCoreBalanced(r);
    // one row per customer: C's net move +20,000
    expect(r.detail.filter((d) => d.customer === 'C').map((d) => [d.lane, d.amountCents])).toEqual([
      ['expansion', 2000000],
    ]);
  });

  it('customer_product grain: new product = expansion, dropped product = contraction; new/churn per customer', () => {
    // expansion: A|P2 +20,000, C|P2 +120,000 = 140,000
    // contraction: B|P2 -30,000, C|P1 -100,000 = -130,000
    // churn: D (both products) -50,000; new: E (both products) +36,000
    // 330,000 + 36,000 + 140,000 - 130,000 - 50,000 = 326,000
    const pol = M12({ grain: 'customer_product' });
    const l = lanes(BRIDGE(contracts(book), '2024-12-31', '2025-06-30', pol));
    expect(l).toEqual({
      Start: 330000,
      New: 36000,
      Reactivation: 0,
      Expansion: 140000,
      Contraction: -130000,
      Churn: -50000,
      FX: 0,
      End: 326000,
    });
    expectBalanced(l);
    const r = coreBridge(book, '2024-12-31', '2025-06-30', pol);
    expectCoreBalanced(r);
    const exp = detailOf(r, 'expansion');
    const con = detailOf(r, 'contraction');
    expect(exp.get('A|P2')?.amountCents).toBe(2000000);
    expect(exp.get('C|P2')?.amountCents).toBe(12000000);
    expect(exp.get('C|P2')?.contracts).toContain('C-2');
    expect(con.get('B|P2')?.amountCents).toBe(-3000000);
    expect(con.get('C|P1')?.amountCents).toBe(-10000000);
    expect(con.get('C|P1')?.contracts).toContain('C-1');
    // D's churn and E's new cover all their products, and nothing else is churn or new.
    const churned = r.detail.filter((d) => d.lane === 'churn');
    expect(new Set(churned.map((d) => d.customer))).toEqual(new Set(['D']));
    expect(churned.reduce((s, d) => s + d.amountCents, 0)).toBe(-5000000);
    const added = r.detail.filter((d) => d.lane === 'new');
    expect(new Set(added.map((d) => d.customer))).toEqual(new Set(['E']));
    expect(added.reduce((s, d) => s + d.amountCents, 0)).toBe(3600000);
  });
});

describe('rollupToParent in the bridge', () => {
  // monthly12; two children of one parent; Child-1 leaves after 2024, Child-2 stays.
  const book: Line[] = [
    {
      Customer: 'Child-1',
      Parent: 'Holding',
      Contract: 'H-1',
      Start: '2024-01-01',
      End: '2024-12-31',
      Amount: 30000,
    },
    {
      Customer: 'Child-2',
      Parent: 'Holding',
      Contract: 'H-2',
      Start: '2024-01-01',
      End: '2025-12-31',
      Amount: 200000,
    },
  ];

  it('a child leaving is churn per customer, contraction per parent', () => {
    // Child-1 a = 30,000, b = 0; Child-2 100,000 both dates.
    const per = lanes(BRIDGE(contracts(book), '2024-12-31', '2025-06-30', M12()));
    expect(per).toMatchObject({ Start: 130000, Churn: -30000, Contraction: 0, End: 100000 });
    expectBalanced(per);
    const up = lanes(BRIDGE(contracts(book), '2024-12-31', '2025-06-30', M12({ rollupToParent: 'yes' })));
    expect(up).toMatchObject({ Start: 130000, Churn: 0, Contraction: -30000, End: 100000 });
    expectBalanced(up);
  });
});

describe('bridgeMethod: single vs monthly', () => {
  // monthly12. Mover: 2024-01-01..2024-03-31 at 30,000 (3 months -> 120,000), gone April and May,
  // back 2024-06-01..2024-12-31 at 84,000 (7 months -> 144,000). Steady: 100,000 for 2024.
  // Bridge 2024-01-31 -> 2024-07-31; month ends in between: Feb 29, Mar 31, Apr 30, May 31, Jun 30.
  const steady: Line = {
    Customer: 'Steady',
    Contract: 'S-1',
    Start: '2024-01-01',
    End: '2024-12-31',
    Amount: 100000,
  };
  const book: Line[] = [
    steady,
    { Customer: 'Mover', Contract: 'M-1', Start: '2024-01-01', End: '2024-03-31', Amount: 30000 },
    { Customer: 'Mover', Contract: 'M-2', Start: '2024-06-01', End: '2024-12-31', Amount: 84000 },
  ];

  it('single: one diff, a net expansion of 144,000 - 120,000 = 24,000', () => {
    const l = lanes(BRIDGE(contracts(book), '2024-01-31', '2024-07-31', M12({ bridgeMethod: 'single' })));
    expect(l).toEqual({
      Start: 220000,
      New: 0,
      Reactivation: 0,
      Expansion: 24000,
      Contraction: 0,
      Churn: 0,
      FX: 0,
      End: 244000,
    });
    expectBalanced(l);
  });

  it('monthly: churn in April (-120,000), reactivation in June (+144,000)', () => {
    // 220,000 - 120,000 + 144,000 = 244,000
    const pol = M12({ bridgeMethod: 'monthly' });
    const l = lanes(BRIDGE(contracts(book), '2024-01-31', '2024-07-31', pol));
    expect(l).toEqual({
      Start: 220000,
      New: 0,
      Reactivation: 144000,
      Expansion: 0,
      Contraction: 0,
      Churn: -120000,
      FX: 0,
      End: 244000,
    });
    expectBalanced(l);
    const r = coreBridge(book, '2024-01-31', '2024-07-31', pol);
    expectCoreBalanced(r);
    expect(r.detail.find((d) => d.lane === 'churn')?.contracts).toContain('M-1');
    expect(r.detail.find((d) => d.lane === 'reactivation')?.contracts).toContain('M-2');
    // as_new: the return is new
    const asNew = lanes(
      BRIDGE(
        contracts(book),
        '2024-01-31',
        '2024-07-31',
        M12({ bridgeMethod: 'monthly', reactivation: 'as_new' }),
      ),
    );
    expect(asNew).toMatchObject({ New: 144000, Reactivation: 0, Churn: -120000, End: 244000 });
  });

  it('a return at the same rate: single shows nothing, monthly shows churn and reactivation', () => {
    // back 2024-06-01..2024-12-31 at 70,000: 7 months -> 120,000, the rate it left at.
    const same: Line[] = [
      steady,
      { Customer: 'Mover', Contract: 'M-1', Start: '2024-01-01', End: '2024-03-31', Amount: 30000 },
      { Customer: 'Mover', Contract: 'M-2', Start: '2024-06-01', End: '2024-12-31', Amount: 70000 },
    ];
    const single = lanes(BRIDGE(contracts(same), '2024-01-31', '2024-07-31', M12()));
    expect(single).toEqual({
      Start: 220000,
      New: 0,
      Reactivation: 0,
      Expansion: 0,
      Contraction: 0,
      Churn: 0,
      FX: 0,
      End: 220000,
    });
    const monthly = lanes(
      BRIDGE(contracts(same), '2024-01-31', '2024-07-31', M12({ bridgeMethod: 'monthly' })),
    );
    expect(monthly).toEqual({
      Start: 220000,
      New: 0,
      Reactivation: 120000,
      Expansion: 0,
      Contraction: 0,
      Churn: -120000,
      FX: 0,
      End: 220000,
    });
    expectBalanced(monthly);
  });

  it('monthly on a book that moves once equals single', () => {
    // Steady plus a plain expansion on 2024-05-01: 2024-05-01..2024-12-31 = 8 months,
    // 16,000 x 12 / 8 = 24,000 -> expansion +24,000 under both methods.
    const once: Line[] = [
      steady,
      { Customer: 'Steady', Contract: 'S-2', Start: '2024-05-01', End: '2024-12-31', Amount: 16000 },
    ];
    for (const bridgeMethod of ['single', 'monthly']) {
      const l = lanes(BRIDGE(contracts(once), '2024-01-31', '2024-07-31', M12({ bridgeMethod })));
      expect(l).toMatchObject({ Start: 100000, Expansion: 24000, Churn: 0, Reactivation: 0, End: 124000 });
      expectBalanced(l);
    }
  });
});

describe('reactivation is decided per customer, on ARR', () => {
  // monthly12, d0 = 2024-12-31, d1 = 2025-06-30; each returning customer comes back for 2025.
  const book: Line[] = [
    // Setup Co: only a one-time line before d0 (never ARR), then recurring 36,000: new.
    {
      Customer: 'Setup Co',
      Contract: 'S-0',
      'Line Type': 'one_time',
      Start: '2024-03-01',
      End: '2024-03-31',
      Amount: 5000,
    },
    {
      Customer: 'Setup Co',
      Contract: 'S-1',
      Product: 'P1',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 36000,
    },
    // Swap Co: P1 in 2023, back with P2 in 2025 at 24,000: reactivation at both grains (the
    // customer had ARR before d0, whatever the product).
    {
      Customer: 'Swap Co',
      Contract: 'W-1',
      Product: 'P1',
      Start: '2023-01-01',
      End: '2023-12-31',
      Amount: 50000,
    },
    {
      Customer: 'Swap Co',
      Contract: 'W-2',
      Product: 'P2',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 24000,
    },
  ];

  for (const grain of ['customer', 'customer_product']) {
    it(`at ${grain} grain`, () => {
      const l = lanes(BRIDGE(contracts(book), '2024-12-31', '2025-06-30', M12({ grain })));
      expect(l).toEqual({
        Start: 0,
        New: 36000,
        Reactivation: 24000,
        Expansion: 0,
        Contraction: 0,
        Churn: 0,
        FX: 0,
        End: 60000,
      });
    });
  }
});
