/**
 * EXPLAIN and the core `explain`: the contributors behind one customer's ARR, summing to ARR by
 * customer. Figures are worked out by hand beside each test (daily365 unless said).
 */
import { describe, expect, it } from 'vitest';
import { ARR, EXPLAIN } from '../../src/functions/index.js';
import { CellError } from '../../src/cells/index.js';
import { arrOn, closeMatches, explain } from '../../src/index.js';
import { contracts, coreModel, day, ok, policy, rates, table, type Line } from '../methodology/book.js';

/** The four lines of methodology section 2, one customer each. */
const FOUR: Line[] = [
  { Customer: 'One', Contract: 'K1', Product: 'Core', Start: '2023-01-01', End: '2023-06-30', Amount: 50000 },
  { Customer: 'Two', Contract: 'K2', Product: 'Core', Start: '2023-07-01', End: '2023-12-31', Amount: 50000 },
  {
    Customer: 'Three',
    Contract: 'K3',
    Product: 'Core',
    Start: '2024-01-01',
    End: '2024-12-31',
    Amount: 100000,
  },
  {
    Customer: 'Four',
    Contract: 'K4',
    Product: 'Core',
    Start: '2024-01-01',
    End: '2026-12-31',
    Amount: 375000,
  },
];

const HEADER = [
  'Row',
  'Customer',
  'Contract',
  'Product',
  'Line Type',
  'Amount',
  'Currency',
  'Start',
  'End',
  'Stop',
  'Term Days',
  'Term Months',
  'Annualization',
  'Local ARR',
  'FX Rate',
  'Rounding',
  'ARR',
  'Note',
];
const col = (name: string) => HEADER.indexOf(name);

/** EXPLAIN's table as records by header, after checking the header and the Total row. */
function explained(...args: unknown[]): Record<string, unknown>[] {
  const t = table(EXPLAIN(...args));
  expect(t[0]).toEqual(HEADER);
  for (const r of t) expect(r).toHaveLength(HEADER.length);
  expect(t[t.length - 1][0]).toBe('Total');
  return t.slice(1).map((r) => Object.fromEntries(HEADER.map((h, c) => [h, r[c]])));
}

/** ARR by customer from ARR(..., "customer") for one customer. */
function arrByCustomer(customer: string, ...args: unknown[]): number {
  const t = table(ARR(args[0], args[1], args[2], args[3], 'customer'));
  const row = t.find((r) => r[0] === customer);
  return row ? (row[1] as number) : 0;
}

describe("the methodology's four lines", () => {
  // daily365: ARR = amount x 365 / termDays (exact value; its 4-decimal local ARR; ARR - exact):
  //   One   50,000 x 365 / 181  = 100,828.729281...  100,828.7293  100,828.73  +0.000718 -> 0.0007
  //   Two   50,000 x 365 / 184  =  99,184.782608...   99,184.7826   99,184.78  -0.002608 -> -0.0026
  //   Three 100,000 x 365 / 366 =  99,726.775956...   99,726.7760   99,726.78  +0.004043 -> 0.0040
  //   Four  375,000 x 365 / 1096 = 124,885.948905... 124,885.9489  124,885.95  +0.001094 -> 0.0011
  const cases = [
    { who: 'One', on: '2023-03-31', days: 181, local: 100828.7293, rounding: 0.0007, arr: 100828.73, row: 2 },
    { who: 'Two', on: '2023-09-30', days: 184, local: 99184.7826, rounding: -0.0026, arr: 99184.78, row: 3 },
    { who: 'Three', on: '2024-06-30', days: 366, local: 99726.776, rounding: 0.004, arr: 99726.78, row: 4 },
    {
      who: 'Four',
      on: '2025-06-30',
      days: 1096,
      local: 124885.9489,
      rounding: 0.0011,
      arr: 124885.95,
      row: 5,
    },
  ];
  for (const c of cases) {
    it(`${c.who}: ${c.arr}`, () => {
      const [line, total] = explained(contracts(FOUR), c.who, c.on);
      expect(line).toMatchObject({
        Row: c.row,
        Customer: c.who,
        'Line Type': 'recurring',
        Currency: 'USD',
        Stop: '',
        'Term Days': c.days,
        'Term Months': '',
        Annualization: 'daily365',
        'Local ARR': c.local,
        'FX Rate': 1,
        Rounding: c.rounding,
        ARR: c.arr,
      });
      expect(total.ARR).toBe(c.arr);
      expect(total.ARR).toBe(arrByCustomer(c.who, contracts(FOUR), c.on));
    });
  }

  it('says the calculation in words', () => {
    const [line] = explained(contracts(FOUR), 'One', '2023-03-31');
    expect(line.Note).toBe('50,000.00 x 365 / 181 days = 100,828.7293 USD; rounded half_up to 100,828.73');
  });

  it('monthly12: term months, 100,000 each (125,000 for the 3-year line)', () => {
    // One: 2023-01-01 + 6 months = 2023-07-01 = end + 1: 6 months; 50,000 x 12 / 6 = 100,000.
    // Four: 36 months; 375,000 x 12 / 36 = 125,000.
    const pol = policy({ annualization: 'monthly12' });
    const [one] = explained(contracts(FOUR), 'One', '2023-03-31', pol);
    expect(one).toMatchObject({
      'Term Days': 181,
      'Term Months': 6,
      Annualization: 'monthly12',
      ARR: 100000,
      Rounding: 0,
    });
    expect(one.Note).toBe('50,000.00 x 12 / 6 months = 100,000.00 USD; rounded half_up to 100,000.00');
    const [four] = explained(contracts(FOUR), 'Four', '2025-06-30', pol);
    expect(four).toMatchObject({ 'Term Months': 36, ARR: 125000 });
  });
});

describe('a customer with several lines', () => {
  // Acme on 2024-06-30: Three's and Four's lines under one customer, plus a one-time line (never
  // ARR) and an ended line (2023): 99,726.78 + 124,885.95 = 224,612.73.
  const book: Line[] = [
    { Customer: 'Acme', Contract: 'A0', Start: '2023-01-01', End: '2023-12-31', Amount: 10000 },
    {
      Customer: 'Acme',
      Contract: 'A1',
      Product: 'Core',
      Start: '2024-01-01',
      End: '2024-12-31',
      Amount: 100000,
    },
    {
      Customer: 'Acme',
      Contract: 'A2',
      Product: 'Plus',
      Start: '2024-01-01',
      End: '2026-12-31',
      Amount: 375000,
    },
    {
      Customer: 'Acme',
      Contract: 'A3',
      'Line Type': 'one_time',
      Start: '2024-01-01',
      End: '2024-01-31',
      Amount: 5000,
    },
    { Customer: 'Beta', Contract: 'B1', Start: '2024-01-01', End: '2024-12-31', Amount: 36500 },
  ];
  it('lists the lines counting on the date, summing to ARR by customer', () => {
    const rows = explained(contracts(book), 'Acme', '2024-06-30');
    expect(rows.map((r) => [r.Row, r.Contract, r.ARR])).toEqual([
      [3, 'A1', 99726.78],
      [4, 'A2', 124885.95],
      ['Total', '', 224612.73],
    ]);
    expect(arrByCustomer('Acme', contracts(book), '2024-06-30')).toBe(224612.73);
  });

  it('the core result sums to arrOn by customer, in cents', () => {
    const { model } = coreModel(contracts(book));
    for (const d of ['2023-06-30', '2024-06-30', '2025-12-31', '2027-01-01']) {
      const r = ok(explain(model, 'Acme', day(d)));
      const by = ok(arrOn(model, day(d), 'customer')).by ?? [];
      expect(r.arrCents).toBe(by.find((g) => g.key === 'Acme')?.arrCents ?? 0);
      expect(r.arrCents).toBe(r.contributors.reduce((s, c) => s + c.arrCents, 0));
    }
  });

  it('a known customer with nothing counting: no lines, Total 0', () => {
    const rows = explained(contracts(book), 'Acme', '2022-06-30');
    expect(rows).toEqual([expect.objectContaining({ Row: 'Total', ARR: 0 })]);
  });
});

describe('foreign currency', () => {
  // EUR 50,000 over 181 days: local 100,828.7293 EUR (as above).
  const eur: Line[] = [
    {
      Customer: 'Fox',
      Contract: 'F1',
      Start: '2023-01-01',
      End: '2023-06-30',
      Amount: 50000,
      Currency: 'EUR',
      'FX Rate': 1.1,
    },
  ];
  it("fx: contract uses the line's rate", () => {
    // 18,250,000 / 181 x 1.1 = 20,075,000 / 181 = 110,911.602209... -> 110,911.60; rounding -0.0022.
    const [line, total] = explained(contracts(eur), 'Fox', '2023-03-31');
    expect(line).toMatchObject({
      Currency: 'EUR',
      'Local ARR': 100828.7293,
      'FX Rate': 1.1,
      Rounding: -0.0022,
      ARR: 110911.6,
    });
    expect(line.Note).toBe(
      '50,000.00 x 365 / 181 days = 100,828.7293 EUR x 1.1 (contract) = 110,911.6022 USD; rounded half_up to 110,911.60',
    );
    expect(total.ARR).toBe(110911.6);
  });

  it('fx: spot uses the rate on or before the as-of date', () => {
    // Rates 1.05 from 2023-01-01 and 1.2 from 2023-04-01; on 2023-03-31 the rate is 1.05:
    // 18,250,000 / 181 x 1.05 = 19,162,500 / 181 = 105,870.165745... -> 105,870.17; rounding +0.0043.
    const pol = policy({ fx: 'spot' });
    const fx = rates([
      ['EUR', '2023-01-01', 1.05],
      ['EUR', '2023-04-01', 1.2],
    ]);
    const [line, total] = explained(contracts(eur), 'Fox', '2023-03-31', pol, fx);
    expect(line).toMatchObject({ 'FX Rate': 1.05, Rounding: 0.0043, ARR: 105870.17 });
    expect(total.ARR).toBe(arrByCustomer('Fox', contracts(eur), '2023-03-31', pol, fx));
    // 2023-06-15: 1.2 -> 121,000,000 / ... = 18,250,000 / 181 x 1.2 = 21,900,000 / 181 = 120,994.475138 -> 120,994.48.
    const [later] = explained(contracts(eur), 'Fox', '2023-06-15', pol, fx);
    expect(later).toMatchObject({ 'FX Rate': 1.2, ARR: 120994.48 });
  });

  it("a missing spot rate is the engine's error", () => {
    const e = EXPLAIN(
      contracts(eur),
      'Fox',
      '2023-03-31',
      policy({ fx: 'spot' }),
      rates([['EUR', '2023-06-01', 1.2]]),
    );
    expect(e).toBeInstanceOf(CellError);
    expect((e as CellError).message).toMatch(/no EUR rate on or before 2023-03-31/);
  });
});

describe('a pooled contract (multiYear: average)', () => {
  // The methodology's ramp: 100K (2024), 125K (2025), 150K (2026) on one contract. Pooled under
  // daily365: (100,000 + 125,000 + 150,000) x 365 / 1,096 days = 124,885.95 (the fourth line's
  // figure); under monthly12: 375,000 x 12 / 36 = 125,000.
  const ramp: Line[] = [
    {
      Customer: 'Ramp',
      Contract: 'R1',
      Product: 'Core',
      Start: '2024-01-01',
      End: '2024-12-31',
      Amount: 100000,
    },
    {
      Customer: 'Ramp',
      Contract: 'R1',
      Product: 'Core',
      Start: '2025-01-01',
      End: '2025-12-31',
      Amount: 125000,
    },
    {
      Customer: 'Ramp',
      Contract: 'R1',
      Product: 'Core',
      Start: '2026-01-01',
      End: '2026-12-31',
      Amount: 150000,
    },
  ];
  it('one pool row with the ARR once, then its lines without ARR', () => {
    const rows = explained(contracts(ramp), 'Ramp', '2025-06-30', policy({ multiYear: 'average' }));
    expect(rows.map((r) => [r.Row, r.Amount, r.Start, r.End, r['Term Days'], r.ARR])).toEqual([
      ['2, 3, 4', 375000, '2024-01-01', '2026-12-31', 1096, 124885.95],
      [2, 100000, '2024-01-01', '2024-12-31', 366, ''],
      [3, 125000, '2025-01-01', '2025-12-31', 365, ''],
      [4, 150000, '2026-01-01', '2026-12-31', 365, ''],
      ['Total', '', '', '', '', 124885.95],
    ]);
    expect(rows[0].Note).toBe(
      '(100,000.00 + 125,000.00 + 150,000.00) x 365 / 1096 days (3 lines pooled, multiYear: average) = ' +
        '124,885.9489 USD; rounded half_up to 124,885.95',
    );
    expect(rows[1].Note).toBe('line of the pooled contract above (rows 2, 3, 4)');
  });

  it('monthly12: 125,000, the sum equal to ARR by customer', () => {
    const pol = policy({ multiYear: 'average', annualization: 'monthly12' });
    const rows = explained(contracts(ramp), 'Ramp', '2025-06-30', pol);
    expect(rows[0]).toMatchObject({ 'Term Months': 36, ARR: 125000 });
    expect(rows[rows.length - 1].ARR).toBe(arrByCustomer('Ramp', contracts(ramp), '2025-06-30', pol));
  });
});

describe('stop dates', () => {
  it('a cancel date', () => {
    // 36,500 over 2023 (365 days) = 36,500; cancelled 2023-06-30: counts through that day.
    const book: Line[] = [
      { Customer: 'C', Start: '2023-01-01', End: '2023-12-31', Cancel: '2023-06-30', Amount: 36500 },
    ];
    const [line] = explained(contracts(book), 'C', '2023-03-31');
    expect(line).toMatchObject({ Stop: '2023-06-30 (cancel)', ARR: 36500 });
    expect(explained(contracts(book), 'C', '2023-07-01')).toHaveLength(1); // Total only
  });

  it('carried through a renewal gap within the grace', () => {
    // Ends 2023-06-30, the renewal starts 2023-07-15 (14 uncovered days <= 30): the old line counts
    // through 2023-07-14 at its rate, 36,500.
    const book: Line[] = [
      { Customer: 'G', Start: '2022-07-01', End: '2023-06-30', Amount: 36500 },
      { Customer: 'G', Start: '2023-07-15', End: '2024-07-14', Amount: 36600 },
    ];
    const [line, total] = explained(contracts(book), 'G', '2023-07-05', policy({ renewalGraceDays: 30 }));
    expect(line).toMatchObject({ Row: 2, Stop: '2023-07-14 (renewal_gap)', ARR: 36500 });
    expect(total.ARR).toBe(36500);
  });
});

describe('policy options in the note', () => {
  it('freeMonths: exclude takes the free days out of the term', () => {
    // 1 free month from 2023-01-01 = 31 days; paid 365 - 31 = 334 days: 33,400 x 365 / 334 = 36,500.
    const book: Line[] = [
      { Customer: 'F', Start: '2023-01-01', End: '2023-12-31', Amount: 33400, 'Free Months': 1 },
    ];
    const [line] = explained(contracts(book), 'F', '2023-06-30', policy({ freeMonths: 'exclude' }));
    expect(line).toMatchObject({ 'Term Days': 365, ARR: 36500 });
    expect(line.Note).toBe(
      '33,400.00 x 365 / (365 - 31 free) days = 36,500.00 USD; rounded half_up to 36,500.00',
    );
  });

  it('basis: contracted counts a line from its signed date', () => {
    // 36,500 over 2023 (365 days) = 36,500, signed 2022-12-01: counts on 2022-12-15 under CARR.
    const book: Line[] = [
      { Customer: 'S', Start: '2023-01-01', End: '2023-12-31', Signed: '2022-12-01', Amount: 36500 },
    ];
    const [line, total] = explained(contracts(book), 'S', '2022-12-15', policy({ basis: 'contracted' }));
    expect(line.Note).toBe(
      '36,500.00 x 365 / 365 days = 36,500.00 USD; rounded half_up to 36,500.00; counts from 2022-12-01 (signed)',
    );
    expect(total.ARR).toBe(36500);
  });

  it('amountBasis: annual and monthly', () => {
    // Annual 12,000 -> 12,000; monthly 1,000 -> 12 x 1,000 = 12,000.
    const book: Line[] = [{ Customer: 'M', Start: '2023-01-01', End: '2023-12-31', Amount: 1000 }];
    const [line] = explained(contracts(book), 'M', '2023-06-30', policy({ amountBasis: 'monthly' }));
    expect(line).toMatchObject({ Annualization: 'monthly', ARR: 12000 });
    expect(line.Note).toBe('12 x 1,000.00 = 12,000.00 USD; rounded half_up to 12,000.00');
  });
});

describe('which customer', () => {
  const book: Line[] = [
    { Customer: 'Acme Corp', Parent: 'Acme Group', Start: '2023-01-01', End: '2023-12-31', Amount: 36500 },
    { Customer: 'Acme EU', Parent: 'Acme Group', Start: '2023-01-01', End: '2023-12-31', Amount: 36500 },
    { Customer: 'Beta', Start: '2023-01-01', End: '2023-12-31', Amount: 1000, 'Line Type': 'one_time' },
  ];
  it('an unknown customer lists close matches', () => {
    // Same name in another case first; a name contained in others lists them, closest length first
    // ("Acme EU" 3 characters more, "Acme Corp" 5).
    const e = EXPLAIN(contracts(book), 'acme corp', '2023-06-30');
    expect(e).toBeInstanceOf(CellError);
    expect((e as CellError).message).toBe(
      'customer: "acme corp" is not a customer of the contracts range; close matches: "Acme Corp"',
    );
    expect((EXPLAIN(contracts(book), 'Acme', '2023-06-30') as CellError).message).toBe(
      'customer: "Acme" is not a customer of the contracts range; close matches: "Acme EU", "Acme Corp"',
    );
    expect((EXPLAIN(contracts(book), 'Zulu', '2023-06-30') as CellError).message).toBe(
      'customer: "Zulu" is not a customer of the contracts range; no close match',
    );
  });

  it('close matches: case first, then by edit distance (containment: the length difference)', () => {
    // acme: "Acme" 0; "Acne" 1 edit -> 2; "Acme EU" contains it, 3 more characters -> 4; "Zeta" 3 edits > 2.
    expect(closeMatches('acme', ['Acme', 'Acme EU', 'Acne', 'Zeta'])).toEqual(['Acme', 'Acne', 'Acme EU']);
    // Globex: "Globexx" contains it (+1) -> 2, "Glbex" 1 edit -> 2, tie in name order; "Initech" too far.
    expect(closeMatches('Globex', ['Globexx', 'Glbex', 'Initech'])).toEqual(['Glbex', 'Globexx']);
  });

  it('a customer with only one-time lines is known: ARR 0', () => {
    expect(explained(contracts(book), 'Beta', '2023-06-30')).toEqual([
      expect.objectContaining({ Row: 'Total', ARR: 0 }),
    ]);
  });

  it('under rollupToParent the parent is the customer; a child name points to it', () => {
    const pol = policy({ rollupToParent: 'yes' });
    const rows = explained(contracts(book), 'Acme Group', '2023-06-30', pol);
    expect(rows.map((r) => [r.Row, r.Customer, r.ARR])).toEqual([
      [2, 'Acme Corp', 36500],
      [3, 'Acme EU', 36500],
      ['Total', 'Acme Group', 73000],
    ]);
    const e = EXPLAIN(contracts(book), 'Acme EU', '2023-06-30', pol) as CellError;
    expect(e.message).toBe(
      'customer: "Acme EU" is rolled up into its parent "Acme Group" (policy rollupToParent: yes); explain "Acme Group"',
    );
  });

  it('a blank customer or date is an error; contract errors name the row and column', () => {
    expect((EXPLAIN(contracts(book), '', '2023-06-30') as CellError).message).toMatch(
      /customer: a customer is required/,
    );
    expect((EXPLAIN(contracts(book), 'Beta', '') as CellError).message).toMatch(/asOf: a date is required/);
    const bad = contracts([{ Customer: 'X', Start: '2023-13-01', End: '2023-12-31', Amount: 1 }]);
    expect((EXPLAIN(bad, 'X', '2023-06-30') as CellError).message).toMatch(
      /^row 2, Start: "2023-13-01" is not a date/,
    );
  });
});

it('column indexes used above exist', () => {
  expect(col('ARR')).toBe(16);
});
