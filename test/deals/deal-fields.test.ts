/**
 * The six deal fields (methodology section 6) through DEALFIELDS and the core. Every expected
 * figure is worked out by hand beside it; money is in currency units (cents / 100).
 */
import { describe, expect, it } from 'vitest';
import { DEALFIELDS } from '../../src/functions/index.js';
import { CellError } from '../../src/cells/index.js';
import { DEAL_FLAG_IDS, dealContractValues, dealFields, parseDeals, type DealFlag } from '../../src/index.js';

const HEADER = ['Customer', 'Deal Date', 'Type', 'ARR', 'Services', 'Term (Months)'];
type Deal = [string, string, string, number | string, (number | string)?, (number | string)?];
const deals = (rows: Deal[], header = HEADER): unknown[][] => [
  header,
  ...rows.map((r) => header.map((_, c) => r[c] ?? '')),
];

interface Row {
  row: number;
  customer: string;
  date: string;
  type: string;
  recurring: number;
  netNew: number;
  net: number;
  before: number;
  after: number;
  acv: number | string;
  tcv: number;
  flags: string;
}

/** DEALFIELDS as objects (fails the test on a CellError). */
function fields(rows: Deal[], policy?: unknown[][]): Row[] {
  const t = DEALFIELDS(deals(rows), policy);
  if (t instanceof CellError) expect.fail(t.message);
  if (!Array.isArray(t)) expect.fail('expected a table');
  expect(t[0]).toEqual([
    'Row',
    'Customer',
    'Date',
    'Type',
    'Recurring Amount',
    'Net New ARR',
    'Net ARR',
    'Contract ARR Before',
    'Contract ARR After',
    'ACV',
    'TCV',
    'Flags',
  ]);
  return t.slice(1).map((r) => ({
    row: r[0] as number,
    customer: r[1] as string,
    date: r[2] as string,
    type: r[3] as string,
    recurring: r[4] as number,
    netNew: r[5] as number,
    net: r[6] as number,
    before: r[7] as number,
    after: r[8] as number,
    acv: r[9] as number | string,
    tcv: r[10] as number,
    flags: r[11] as string,
  }));
}

const error = (x: unknown): CellError => {
  if (!(x instanceof CellError)) expect.fail(`expected a CellError, got ${JSON.stringify(x)}`);
  return x;
};

describe('methodology section 6: the worked figures', () => {
  it('$100K/yr recurring, 2-year term, $20K services: TCV 220,000, ACV 110,000', () => {
    // TCV = 100,000 x 24/12 + 20,000 = 220,000; ACV = 220,000 / 2 = 110,000.
    // A new deal: before 0, after 100,000, Net ARR = Net New ARR = 100,000.
    const [d] = fields([['Acme', '2024-01-15', 'New', 100000, 20000, 24]]);
    expect(d).toEqual({
      row: 2,
      customer: 'Acme',
      date: '2024-01-15',
      type: 'new',
      recurring: 100000,
      netNew: 100000,
      net: 100000,
      before: 0,
      after: 100000,
      acv: 110000,
      tcv: 220000,
      flags: '',
    });
  });

  it('flat renewal: Net ARR 0, Net New ARR 0', () => {
    // New 100,000 for 12 months; renewed at 100,000 for 12 months: after = 100,000 = before.
    // TCV = 100,000 x 12/12 = 100,000; ACV = 100,000.
    const [, r] = fields([
      ['Acme', '2023-01-01', 'new', 100000, 0, 12],
      ['Acme', '2024-01-01', 'renewal', 100000, 0, 12],
    ]);
    expect(r).toMatchObject({ recurring: 100000, net: 0, netNew: 0, before: 100000, after: 100000 });
    expect(r).toMatchObject({ tcv: 100000, acv: 100000, flags: '' });
  });

  it('contraction -$40K from $140K: Net ARR -40,000, Net New 0, contract ARR 100,000', () => {
    // 100,000 new + 40,000 expansion = 140,000; contraction of 40,000: 140,000 - 40,000 = 100,000.
    // Recurring Amount = the delta, -40,000. The amount may be written 40,000 or -40,000.
    for (const amount of [-40000, 40000, '(40,000)']) {
      const [, e, c] = fields([
        ['Acme', '2023-01-01', 'new', 100000, 0, 12],
        ['Acme', '2023-06-01', 'expansion', 40000, 0, 12],
        ['Acme', '2023-09-01', 'contraction', amount, 0, 12],
      ]);
      expect(e).toMatchObject({ before: 100000, after: 140000, net: 40000, netNew: 40000 });
      expect(c).toMatchObject({ recurring: -40000, before: 140000, net: -40000, netNew: 0, after: 100000 });
      // TCV = -40,000 x 12/12 + 0 = -40,000 (the contract value given up); ACV the same.
      expect(c).toMatchObject({ tcv: -40000, acv: -40000, flags: '' });
    }
  });

  it('churn of $100K: Net ARR -100,000, contract ARR 0', () => {
    // Recurring Amount of a churn is 0; after = 0; Net ARR = 0 - 100,000.
    // No term and no services: TCV 0, ACV blank (nothing to divide by); no flag (no recurring amount).
    for (const amount of ['', 0, 100000, -100000]) {
      const [, c] = fields([
        ['Acme', '2023-01-01', 'new', 100000, 0, 12],
        ['Acme', '2024-01-01', 'churn', amount],
      ]);
      expect(c).toMatchObject({ recurring: 0, before: 100000, after: 0, net: -100000, netNew: 0 });
      expect(c).toMatchObject({ tcv: 0, acv: '', flags: '' });
    }
  });
});

describe('order, rounding and terms', () => {
  it('walks each customer in date order (ties in sheet order) and answers in the order of the range', () => {
    // Acme by date: row 4 new 100 (2023-01-01), row 2 expansion 50 (2023-03-01), row 3 renewal 200
    // and row 5 contraction 30, both 2023-06-01 (row 3 first): 0 -> 100 -> 150 -> 200 -> 170.
    // Beta is walked on its own: row 6 new 10.
    const r = fields([
      ['Acme', '2023-03-01', 'expansion', 50, 0, 12],
      ['Acme', '2023-06-01', 'renewal', 200, 0, 12],
      ['Acme', '2023-01-01', 'new', 100, 0, 12],
      ['Acme', '2023-06-01', 'contraction', 30, 0, 12],
      ['Beta', '2023-02-01', 'new', 10, 0, 12],
    ]);
    expect(r.map((d) => [d.row, d.before, d.after])).toEqual([
      [2, 100, 150],
      [3, 150, 200],
      [4, 0, 100],
      [5, 200, 170],
      [6, 0, 10],
    ]);
    expect(r[1].flags).toBe('expansion_renewal');
  });

  it('rounds TCV and ACV once each, from exact cents', () => {
    // R = 1,000.00, 7 months, no services: TCV = 100,000 x 7 / 12 = 58,333.33 cents -> 583.33.
    // ACV = (100,000 x 7) / 7 = 100,000 cents = 1,000.00 exactly (not 583.33 / (7/12) = 999.99).
    const [d] = fields([['Acme', '2023-01-01', 'new', 1000, '', 7]]);
    expect(d).toMatchObject({ tcv: 583.33, acv: 1000 });
  });

  it("uses the policy's rounding for a tie", () => {
    // R = 1.50 (150 cents), 1 month: TCV = 150 / 12 = 12.5 cents: half_up 13, half_even 12.
    // ACV = 150 x 1 / 1 = 150 cents.
    const row: Deal = ['Acme', '2023-01-01', 'new', 1.5, 0, 1];
    expect(fields([row])[0]).toMatchObject({ tcv: 0.13, acv: 1.5 });
    expect(
      fields(
        [row],
        [
          ['Key', 'Value'],
          ['rounding', 'half_even'],
        ],
      )[0],
    ).toMatchObject({ tcv: 0.12 });
    expect(dealContractValues(150, 0, 1, 'half_even')).toEqual({ tcvCents: 12, acvCents: 150 });
  });

  it('term years = months / 12 for any whole number of months', () => {
    // 36 months, 120,000/yr, 30,000 services: TCV = 120,000 x 3 + 30,000 = 390,000; ACV = 130,000.
    // 18 months, 100,000/yr, 0: TCV = 150,000; ACV = 150,000 / 1.5 = 100,000.
    // 6 months, 100,000/yr, 10,000: TCV = 60,000; ACV = 60,000 / 0.5 = 120,000.
    const r = fields([
      ['A', '2023-01-01', 'new', 120000, 30000, 36],
      ['B', '2023-01-01', 'new', 100000, '', 18],
      ['C', '2023-01-01', 'new', 100000, 10000, 6],
    ]);
    expect(r.map((d) => [d.tcv, d.acv])).toEqual([
      [390000, 130000],
      [150000, 100000],
      [60000, 120000],
    ]);
  });

  it('no term: TCV is the services, ACV blank, flagged no_term when there is a recurring amount', () => {
    // 100,000/yr with a blank term, 5,000 services: TCV 5,000, ACV blank.
    const r = fields([
      ['A', '2023-01-01', 'new', 100000, 5000, ''],
      ['B', '2023-01-01', 'new', 100000, 5000, 0],
    ]);
    for (const d of r) expect(d).toMatchObject({ tcv: 5000, acv: '', flags: 'no_term', after: 100000 });
  });

  it('reads the headers by their aliases, ignoring case, spaces and parentheses', () => {
    const header = [
      'ACCOUNT',
      'close_date',
      'Deal Type',
      'Recurring Amount',
      'Professional Services',
      'term months',
      'Notes',
    ];
    const t = DEALFIELDS(
      deals([['Acme', '2024-01-15', ' NEW ', 100000, 20000, 24, 'x'] as unknown as Deal], header),
    );
    expect(Array.isArray(t) && t[1]).toEqual([
      2,
      'Acme',
      '2024-01-15',
      'new',
      100000,
      100000,
      100000,
      0,
      100000,
      110000,
      220000,
      '',
    ]);
  });

  it('reads type words case- and space-insensitively', () => {
    const r = fields([
      ['A', '2023-01-01', 'New Business', 10, 0, 12],
      ['A', '2023-02-01', 'UPSELL', 5, 0, 12],
      ['A', '2023-03-01', 'down_sell', 5, 0, 12],
      ['A', '2023-04-01', 'Renewal', 10, 0, 12],
      ['A', '2023-05-01', ' churn ', ''],
    ]);
    expect(r.map((d) => d.type)).toEqual(['new', 'expansion', 'contraction', 'renewal', 'churn']);
  });
});

/** One table per flag that trips it (flag on the last deal) and one like it that does not. */
const FLAG_CASES: Record<DealFlag, { trips: Deal[]; clean: Deal[] }> = {
  // Renewal at 120,000 of 100,000: after 120,000 > before.
  expansion_renewal: {
    trips: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2024-01-01', 'renewal', 120000, 0, 12],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2024-01-01', 'renewal', 100000, 0, 12],
    ],
  },
  contraction_renewal: {
    trips: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2024-01-01', 'renewal', 80000, 0, 12],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2024-01-01', 'renewal', 100000, 0, 12],
    ],
  },
  renewal_to_zero: {
    trips: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2024-01-01', 'renewal', 0, 0, 12],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2024-01-01', 'churn', 0],
    ],
  },
  renewal_without_arr: {
    trips: [['A', '2024-01-01', 'renewal', 100000, 0, 12]],
    clean: [
      ['B', '2023-01-01', 'new', 100000, 0, 12],
      ['B', '2024-01-01', 'renewal', 100000, 0, 12],
    ],
  },
  new_with_arr: {
    trips: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2023-06-01', 'new', 50000, 0, 12],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['B', '2023-06-01', 'new', 50000, 0, 12],
    ],
  },
  new_without_increase: {
    trips: [['A', '2023-01-01', 'new', 0, 5000, 12]],
    clean: [['A', '2023-01-01', 'new', 1, 5000, 12]],
  },
  expansion_without_increase: {
    trips: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2023-06-01', 'expansion', -10000, 0, 12],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2023-06-01', 'expansion', 10000, 0, 12],
    ],
  },
  expansion_without_arr: {
    trips: [['A', '2023-06-01', 'expansion', 10000, 0, 12]],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2023-06-01', 'expansion', 10000, 0, 12],
    ],
  },
  contraction_without_decrease: {
    trips: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2023-06-01', 'contraction', 0, 0, 12],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2023-06-01', 'contraction', 1, 0, 12],
    ],
  },
  contraction_without_arr: {
    trips: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2023-03-01', 'churn', ''],
      ['A', '2023-06-01', 'contraction', 1, 0, 12],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2023-06-01', 'contraction', 1, 0, 12],
    ],
  },
  churn_without_arr: {
    trips: [['A', '2023-06-01', 'churn', '']],
    clean: [
      ['A', '2023-01-01', 'new', 1, 0, 12],
      ['A', '2023-06-01', 'churn', ''],
    ],
  },
  churn_amount_mismatch: {
    trips: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2024-01-01', 'churn', 90000],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 100000, 0, 12],
      ['A', '2024-01-01', 'churn', -100000],
    ],
  },
  arr_below_zero: {
    trips: [
      ['A', '2023-01-01', 'new', 30000, 0, 12],
      ['A', '2023-06-01', 'contraction', 40000, 0, 12],
    ],
    clean: [
      ['A', '2023-01-01', 'new', 30000, 0, 12],
      ['A', '2023-06-01', 'contraction', 30000, 0, 12],
    ],
  },
  no_term: {
    trips: [['A', '2023-01-01', 'new', 100000, 0, '']],
    clean: [['A', '2023-01-01', 'new', 100000, 0, 1]],
  },
};

describe('flags: each has a table that trips it and one that does not', () => {
  it('covers every flag id', () => {
    expect(Object.keys(FLAG_CASES).sort()).toEqual([...DEAL_FLAG_IDS].sort());
  });
  for (const id of DEAL_FLAG_IDS) {
    it(id, () => {
      const trips = fields(FLAG_CASES[id].trips);
      expect(trips[trips.length - 1].flags.split(', ')).toContain(id);
      for (const d of fields(FLAG_CASES[id].clean)) expect(d.flags.split(', ')).not.toContain(id);
    });
  }

  it('a contraction beyond the contract ARR stops at 0', () => {
    // 30,000 - 40,000 would be -10,000: contract ARR after is 0, Net ARR -30,000; the Recurring
    // Amount stays the deal's stated -40,000.
    const [, c] = fields(FLAG_CASES.arr_below_zero.trips);
    expect(c).toMatchObject({
      recurring: -40000,
      before: 30000,
      after: 0,
      net: -30000,
      netNew: 0,
      flags: 'arr_below_zero',
    });
  });

  it('a new deal on a customer with ARR adds to it, flagged', () => {
    // 100,000 + 50,000 = 150,000; Net ARR 50,000.
    const [, d] = fields(FLAG_CASES.new_with_arr.trips);
    expect(d).toMatchObject({ before: 100000, after: 150000, net: 50000, netNew: 50000 });
  });

  it('an expansion that lowers ARR is applied as written and flagged', () => {
    // 100,000 + (-10,000) = 90,000.
    const [, d] = fields(FLAG_CASES.expansion_without_increase.trips);
    expect(d).toMatchObject({ recurring: -10000, after: 90000, net: -10000, netNew: 0 });
  });

  it('a renewal at a new value: Net ARR is the change', () => {
    // 120,000 - 100,000 = 20,000.
    const [, d] = fields(FLAG_CASES.expansion_renewal.trips);
    expect(d).toMatchObject({ recurring: 120000, net: 20000, netNew: 20000, after: 120000 });
  });
});

describe('errors name the row and column, all of them', () => {
  it('lists every bad cell', () => {
    const t = deals([
      ['Acme', '2023-01-01', 'new', 100, 0, 12],
      ['', '2023-13-01', 'upgrade-ish', 'abc', 'x', 1.5],
      ['Beta', '', 'renewal', '', '', -1],
    ]);
    const e = error(DEALFIELDS(t));
    expect(e.message).toBe(
      [
        '9 errors in the deals range:',
        'row 3, Customer: blank; every deal needs a customer',
        'row 3, Deal Date: "2023-13-01" is not a date (no month 13)',
        'row 3, Type: "upgrade-ish" is not a deal type (use new, expansion, renewal, contraction, churn)',
        'row 3, ARR: "abc" is not a number',
        'row 3, Services: "x" is not a number',
        'row 3, Term (Months): 1.5 is not a whole number of months from 0 to 1200',
        'row 4, Deal Date: blank; every deal needs a deal date',
        'row 4, ARR: blank; a renewal deal needs its annual recurring amount (0 is allowed)',
        'row 4, Term (Months): -1 is not a whole number of months from 0 to 1200',
      ].join('\n'),
    );
    expect([e.row, e.column]).toEqual([3, 'Customer']);
  });

  it('a single bad cell is its own message', () => {
    const e = error(DEALFIELDS(deals([['Acme', '2023-01-01', 'new', '1,00', 0, 12]])));
    expect(e.message).toBe('row 2, ARR: "1,00" is not a number');
    expect([e.row, e.column]).toEqual([2, 'ARR']);
  });

  it('a missing column names what was found', () => {
    const e = error(
      DEALFIELDS([
        ['Customer', 'Amount', 'Type'],
        ['Acme', 100, 'new'],
      ]),
    );
    expect(e.message).toBe(
      'the deals range is missing the required columns deal date (e.g. "Deal Date"), annual recurring amount ' +
        '(e.g. "Annual Recurring Amount"); headers found: "Customer", "Amount", "Type"',
    );
    expect(e.row).toBe(1);
  });

  it('two columns for one field', () => {
    const e = error(
      DEALFIELDS([
        ['Customer', 'Date', 'Close Date', 'Type', 'ARR'],
        ['A', '2023-01-01', '2023-01-01', 'new', 1],
      ]),
    );
    expect(e.message).toBe('columns "Date" (B) and "Close Date" (C) both give the deal date; keep one');
  });

  it('an empty range, a header without deals, a bad policy', () => {
    expect(error(DEALFIELDS('')).message).toMatch(/deals range is empty/);
    expect(error(DEALFIELDS([HEADER, ['', '', '', '', '', '']])).message).toBe(
      'the deals range has a header row but no deals',
    );
    expect(
      error(
        DEALFIELDS(deals([['A', '2023-01-01', 'new', 1, 0, 12]]), [
          ['Key', 'Value'],
          ['rounding', 'up'],
        ]),
      ).message,
    ).toMatch(/rounding/);
  });

  it('skips blank rows and keeps the sheet row numbers', () => {
    const t = deals([['A', '2023-01-01', 'new', 1, 0, 12]]);
    t.splice(1, 0, ['', null, 0, '', '', '']);
    const book = parseDeals(t);
    if (book instanceof CellError) expect.fail(book.message);
    expect(book.row).toEqual([3]);
    expect(dealFields(book)[0].row).toBe(3);
  });
});
