import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { NO_DAY, formatDay } from '../../src/cells/days.js';
import { CellError } from '../../src/cells/error.js';
import { readDate, readNumber, toCents } from '../../src/cells/read.js';
import { type ContractBook, parseContracts } from '../../src/contracts/index.js';
import { testPolicy } from './policy.js';

const HEAD = ['Customer', 'Start Date', 'End Date', 'Amount'];

function book(table: unknown[][], policy = testPolicy(), opts?: { timeZone?: string; maxErrors?: number }) {
  const b = parseContracts(table, policy, opts);
  if (b instanceof CellError) throw new Error(`unexpected error: ${b.message}`);
  return b;
}

function error(table: unknown[][], policy = testPolicy(), opts?: { timeZone?: string; maxErrors?: number }) {
  const e = parseContracts(table, policy, opts);
  if (!(e instanceof CellError)) throw new Error('expected a CellError');
  return e;
}

const days = (a: Int32Array): string[] => Array.from(a, (d) => (d === NO_DAY ? '-' : formatDay(d)));

describe('parseContracts: reading lines', () => {
  it('reads a minimal table, skipping fully blank rows but keeping sheet row numbers', () => {
    const b = book([
      HEAD,
      ['Acme', '2023-01-01', '2023-12-31', 120000],
      [null, '', 0, '   '],
      [],
      [1001, '2023-02-01', '2024-01-31', '$1,234.56'],
    ]);
    expect(b.n).toBe(2);
    expect(Array.from(b.row)).toEqual([2, 5]);
    expect(b.customer).toEqual(['Acme', '1001']);
    expect(days(b.start)).toEqual(['2023-01-01', '2023-02-01']);
    expect(days(b.end)).toEqual(['2023-12-31', '2024-01-31']);
    // 2023-01-01 is 53 years of 365 days and 13 leap days after 1970-01-01
    expect(b.start[0]).toBe(19358);
    expect(Array.from(b.amountCents)).toEqual([12000000, 123456]);
    expect(Array.from(b.lineType)).toEqual([0, 0]);
    expect(b.currency).toEqual(['USD', 'USD']);
    expect(days(b.signed)).toEqual(['-', '-']);
    expect(days(b.cancel)).toEqual(['-', '-']);
    expect(days(b.notice)).toEqual(['-', '-']);
    expect(Array.from(b.listAmountCents)).toEqual([NaN, NaN]);
    expect(Array.from(b.fxRate)).toEqual([NaN, NaN]);
    expect(Array.from(b.freeMonths)).toEqual([0, 0]);
    for (const k of [
      'parent',
      'contract',
      'product',
      'billing',
      'segment',
      'region',
      'rep',
      'entity',
      'status',
    ] as const) {
      expect(b[k], k).toEqual(['', '']);
    }
    expect(b.amountBasis).toBe('term');
    expect(b.columns).toEqual({
      customer: 'Customer',
      start: 'Start Date',
      end: 'End Date',
      amount: 'Amount',
    });
    expect(b.warnings).toEqual([]);
  });

  it('reads every optional column', () => {
    const b = book([
      [
        'Account ID',
        'Ultimate Parent',
        'Subscription ID',
        'SKU',
        'Charge Type',
        'Service Start',
        'Service End',
        'Booking Date',
        'Termination Date',
        'Non-Renewal Notice',
        'Net Amount',
        'List Price',
        'Free Months',
        'Currency Code',
        'Exchange Rate',
        'Billing Frequency',
        'Segment',
        'Region',
        'Account Owner',
        'Subsidiary',
        'Contract Status',
        'Notes',
      ],
      [
        ' A-1 ',
        'HoldCo',
        'S-9',
        'Pro',
        'Setup',
        '2023-01-01',
        '2023-12-31',
        '12/15/2022',
        '2023-06-30',
        '2023/04/01',
        '10,000.50',
        '12000',
        1,
        'eur',
        '1.0825',
        'Quarterly',
        'Mid-Market',
        'EMEA',
        'Rep 1',
        'EU Ltd',
        'Active',
        'ignored',
      ],
    ]);
    expect(b.customer).toEqual(['A-1']);
    expect(b.parent).toEqual(['HoldCo']);
    expect(b.contract).toEqual(['S-9']);
    expect(b.product).toEqual(['Pro']);
    expect(Array.from(b.lineType)).toEqual([1]);
    expect(days(b.signed)).toEqual(['2022-12-15']);
    expect(days(b.cancel)).toEqual(['2023-06-30']);
    expect(days(b.notice)).toEqual(['2023-04-01']);
    expect(Array.from(b.amountCents)).toEqual([1000050]);
    expect(Array.from(b.listAmountCents)).toEqual([1200000]);
    expect(Array.from(b.freeMonths)).toEqual([1]);
    expect(b.currency).toEqual(['EUR']);
    expect(Array.from(b.fxRate)).toEqual([1.0825]);
    expect(b.billing).toEqual(['quarterly']);
    expect(b.segment).toEqual(['Mid-Market']);
    expect(b.region).toEqual(['EMEA']);
    expect(b.rep).toEqual(['Rep 1']);
    expect(b.entity).toEqual(['EU Ltd']);
    expect(b.status).toEqual(['Active']);
    expect(b.columns.rep).toBe('Account Owner');
    expect(Object.values(b.columns)).not.toContain('Notes');
  });

  it('reads Excel-shaped ranges: date serials, and 0 or null for blank cells', () => {
    const b = book([
      [
        'Customer',
        'Parent',
        'Start',
        'End',
        'Signed',
        'Amount',
        'Currency',
        'FX Rate',
        'List Price',
        'Free Months',
        0,
      ],
      ['Acme', 0, 44927, 45291, 0, 50000, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['Beta', null, 45292.75, 45657, 45275, 1.5, null, null, null, null, null],
      ['Zero', null, 45292, 45657, null, 0, null, null, null, null, null],
    ]);
    expect(b.n).toBe(3);
    expect(Array.from(b.row)).toEqual([2, 4, 5]);
    expect(b.parent).toEqual(['', '', '']);
    // serial 45658 is 2025-01-01, so 44927 = 45658 - 366 - 365 is 2023-01-01
    expect(days(b.start)).toEqual(['2023-01-01', '2024-01-01', '2024-01-01']);
    expect(days(b.end)).toEqual(['2023-12-31', '2024-12-31', '2024-12-31']);
    expect(days(b.signed)).toEqual(['-', '2023-12-15', '-']);
    expect(Array.from(b.amountCents)).toEqual([5000000, 150, 0]);
    expect(b.currency).toEqual(['USD', 'USD', 'USD']);
    expect(Array.from(b.fxRate)).toEqual([NaN, NaN, NaN]);
    expect(Array.from(b.listAmountCents)).toEqual([NaN, NaN, NaN]);
    expect(Array.from(b.freeMonths)).toEqual([0, 0, 0]);
  });

  it('reads Apps Script Date cells in the time zone given', () => {
    // 2025-01-01T00:00 in Pacific/Auckland (UTC+13 in summer) is 2024-12-31T11:00Z
    const table = [
      ['Customer', 'Contract', 'Start', 'End', 'Amount'],
      [
        'Kiwi',
        new Date('2024-12-31T11:00:00Z'),
        new Date('2024-12-31T11:00:00Z'),
        new Date('2025-12-31T11:00:00Z'),
        100,
      ],
    ];
    const nz = book(table, testPolicy(), { timeZone: 'Pacific/Auckland' });
    expect(days(nz.start)).toEqual(['2025-01-01']);
    expect(days(nz.end)).toEqual(['2026-01-01']);
    expect(nz.contract).toEqual(['2025-01-01']);
    const utc = book(table, testPolicy(), { timeZone: 'UTC' });
    expect(days(utc.start)).toEqual(['2024-12-31']);
    expect(days(utc.end)).toEqual(['2025-12-31']);
    expect(utc.contract).toEqual(['2024-12-31']);
  });

  it('reads line types', () => {
    const words = [
      '',
      'Recurring',
      'SUBSCRIPTION',
      'one_time',
      'One-Time',
      'onetime',
      'one time',
      'Services',
      'setup',
      'Implementation',
      'Professional Services',
      'usage_commit',
      'Usage Commit',
      'commit',
      'Minimum',
      'usage_overage',
      'Overage',
      'usage',
    ];
    const b = book([[...HEAD, 'Line Type'], ...words.map((w) => ['A', '2023-01-01', '2023-12-31', 1, w])]);
    expect(Array.from(b.lineType)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3]);
  });

  it('reads currencies, defaulting to the reporting currency', () => {
    const table = [
      [...HEAD, 'CCY'],
      ['A', '2023-01-01', '2023-12-31', 1, 'eur'],
      ['A', '2023-01-01', '2023-12-31', 1, ' gbp '],
      ['A', '2023-01-01', '2023-12-31', 1, ''],
    ];
    expect(book(table).currency).toEqual(['EUR', 'GBP', 'USD']);
    expect(book(table, testPolicy({ reportingCurrency: 'CAD' })).currency).toEqual(['EUR', 'GBP', 'CAD']);
  });

  it('reads billing frequencies', () => {
    const b = book([
      [...HEAD, 'Billing'],
      ...['Annual', 'yearly', 'QUARTERLY', 'monthly', 'Up-front', ''].map((w) => [
        'A',
        '2023-01-01',
        '2023-12-31',
        1,
        w,
      ]),
    ]);
    expect(b.billing).toEqual(['annual', 'annual', 'quarterly', 'monthly', 'upfront', '']);
  });

  it('reads amounts as cents, rounding half away from zero once', () => {
    const amounts = [1.005, -1.005, 2.675, 0.1 + 0.2, 19.99, '(1,234.50)', '-$2,000', '1234.', 0];
    const b = book([HEAD, ...amounts.map((a) => ['A', '2023-01-01', '2023-12-31', a])]);
    expect(Array.from(b.amountCents)).toEqual([101, -101, 268, 30, 1999, -123450, -200000, 123400, 0]);
    expect(Object.is(b.amountCents[8], 0)).toBe(true);
  });

  it('reads every amount as toCents(readNumber) does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: -1e12, max: 1e12, noNaN: true }),
            fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
            fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 1000),
            fc.integer({ min: -1e7, max: 1e7 }).map((c) => c / 100 + 0.005),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (xs) => {
          const b = book([HEAD, ...xs.map((x) => ['A', '2023-01-01', '2023-12-31', x])]);
          xs.forEach((x, k) => expect(b.amountCents[k]).toBe(toCents(x) + 0));
          // the same amounts as text (exponent notation, which readNumber refuses, left out)
          const plain = xs.map(String).filter((s) => !s.includes('e'));
          const t = book([
            HEAD,
            ...plain.map((s) => ['A', '2023-01-01', '2023-12-31', s]),
            ['A', '2023-01-01', '2023-12-31', 0],
          ]);
          plain.forEach((s, k) => expect(t.amountCents[k]).toBe(toCents(readNumber(s) as number) + 0));
        },
      ),
    );
  });

  it('reads every YYYY-MM-DD text and serial as readDate does', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.oneof(fc.integer({ min: 1, max: 2958465 }), fc.double({ min: 1, max: 2958465, noNaN: true })),
        (y, m, d, serial) => {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const r = parseContracts(
            [HEAD, ['A', s, serial, 1]],
            testPolicy({ missingEnd: 'assume_12_months' }),
          );
          const expected = readDate(s);
          const expectedSerial = readDate(serial);
          if (r instanceof CellError) {
            expect(
              typeof expected !== 'number' ||
                typeof expectedSerial !== 'number' ||
                r.message.includes('before'),
            ).toBe(true);
          } else {
            expect(r.start[0]).toBe(expected);
            expect(r.end[0]).toBe(expectedSerial);
          }
        },
      ),
    );
  });
});

describe('parseContracts: amount basis', () => {
  const rows = [['A', '2023-01-01', '2023-12-31', 120000]];

  it('reads an ARR column as annual amounts and an MRR column as monthly amounts', () => {
    const arr = book([['Customer', 'Start', 'End', 'ARR'], ...rows]);
    expect(arr.amountBasis).toBe('annual');
    expect(Array.from(arr.amountCents)).toEqual([12000000]);
    expect(arr.columns.amount).toBe('ARR');
    expect(arr.warnings).toEqual([]);
    expect(book([['Customer', 'Start', 'End', 'Annual Recurring Revenue'], ...rows]).amountBasis).toBe(
      'annual',
    );
    expect(book([['Customer', 'Start', 'End', 'MRR'], ...rows]).amountBasis).toBe('monthly');
    expect(book([['Customer', 'Start', 'End', 'Monthly Amount'], ...rows]).amountBasis).toBe('monthly');
  });

  it('lets a policy that sets amountBasis explicitly win, with a warning', () => {
    const b = book([['Customer', 'Start', 'End', 'ARR'], ...rows], testPolicy({}, ['amountBasis']));
    expect(b.amountBasis).toBe('term');
    expect(b.warnings).toEqual([
      {
        row: 1,
        column: 'ARR',
        message: 'column "ARR" is read as term amounts, because the policy sets amountBasis to term',
      },
    ]);
    const m = book(
      [['Customer', 'Start', 'End', 'ARR'], ...rows],
      testPolicy({ amountBasis: 'monthly' }, ['amountBasis']),
    );
    expect(m.amountBasis).toBe('monthly');
    const a = book(
      [['Customer', 'Start', 'End', 'ARR'], ...rows],
      testPolicy({ amountBasis: 'annual' }, ['amountBasis']),
    );
    expect(a.amountBasis).toBe('annual');
    expect(a.warnings).toEqual([]);
  });

  it("uses the policy's amountBasis for a plain amount column", () => {
    expect(book([HEAD, ...rows], testPolicy({ amountBasis: 'annual' }, ['amountBasis'])).amountBasis).toBe(
      'annual',
    );
    expect(book([HEAD, ...rows]).amountBasis).toBe('term');
  });
});

describe('parseContracts: end dates', () => {
  it('reads exclusive end dates under endDateInclusive: no', () => {
    const b = book(
      [HEAD, ['A', '2023-01-01', '2024-01-01', 1], ['B', '2024-02-01', '2024-03-01', 1]],
      testPolicy({ endDateInclusive: 'no' }),
    );
    expect(days(b.end)).toEqual(['2023-12-31', '2024-02-29']);
  });

  it('refuses an exclusive end on the start date', () => {
    const e = error([HEAD, ['A', '2023-02-01', '2023-02-01', 1]], testPolicy({ endDateInclusive: 'no' }));
    expect(e.message).toBe(
      'row 2, End Date: 2023-02-01 (an exclusive end: last day of service 2023-01-31) is before start 2023-02-01',
    );
  });

  it('assumes 12 months for a blank end under missingEnd: assume_12_months, with a warning', () => {
    const b = book(
      [HEAD, ['A', '2023-01-31', '', 1], ['B', '2023-03-01', null, 1], ['C', '2023-01-01', '2023-06-30', 1]],
      testPolicy({ missingEnd: 'assume_12_months' }),
    );
    // 2023-01-31 + 12 months = 2024-01-31, less a day; 2023-03-01 + 12 months = 2024-03-01, less a day (leap year)
    expect(days(b.end)).toEqual(['2024-01-30', '2024-02-29', '2023-06-30']);
    expect(b.warnings).toEqual([
      {
        row: 2,
        column: 'End Date',
        message: 'row 2, End Date: blank; assumed 2024-01-30 (12 months from start)',
      },
      {
        row: 3,
        column: 'End Date',
        message: 'row 3, End Date: blank; assumed 2024-02-29 (12 months from start)',
      },
    ]);
  });

  it('assumes 12 months when there is no end column, and does not shift an assumed end', () => {
    const b = book(
      [
        ['Customer', 'Start', 'Amount'],
        ['A', '2023-01-01', 1],
      ],
      testPolicy({ missingEnd: 'assume_12_months', endDateInclusive: 'no' }),
    );
    expect(days(b.end)).toEqual(['2023-12-31']);
    expect(b.warnings).toEqual([
      { row: 2, column: 'end', message: 'row 2, end: blank; assumed 2023-12-31 (12 months from start)' },
    ]);
  });
});

describe('parseContracts: errors', () => {
  it('refuses an empty range', () => {
    const msg = 'the contracts range is empty; it needs a header row and at least one line';
    expect(error([]).message).toBe(msg);
    expect(error([[]]).message).toBe(msg);
    expect(
      error([
        [null, '', 0],
        [0, '  ', undefined],
      ]).message,
    ).toBe(msg);
    expect(error(null as unknown as unknown[][]).message).toBe(msg);
  });

  it('refuses a header without lines', () => {
    const e = error([HEAD]);
    expect(e.message).toBe('the contracts range has a header row but no lines');
    expect(e.row).toBe(1);
    expect(error([HEAD, [null, '', 0, ' '], []]).message).toBe(
      'the contracts range has a header row but no lines',
    );
  });

  it('names the missing required columns and the headers found', () => {
    const e = error([
      ['Client Code', 'Start Date', 'ACV', 'End'],
      ['A', '2023-01-01', 1, '2023-12-31'],
    ]);
    expect(e.message).toBe(
      'the contracts range is missing the required columns customer (e.g. "Customer", "Account ID"), ' +
        'amount (e.g. "Amount", "ARR", "MRR"); headers found: "Client Code", "Start Date", "ACV", "End". ' +
        '"ACV" is not read as the amount: an ACV usually includes one-time fees; name an annual recurring amount column "ARR"',
    );
    expect(e.row).toBe(1);
    expect(
      error([
        ['Customer', 'Amount', 'End'],
        ['A', 1, '2023-12-31'],
      ]).message,
    ).toBe(
      'the contracts range is missing the required column start (e.g. "Start Date", "Service Start"); ' +
        'headers found: "Customer", "Amount", "End"',
    );
  });

  it('requires an end column unless missingEnd assumes one', () => {
    expect(
      error([
        ['Customer', 'Start', 'Amount'],
        ['A', '2023-01-01', 1],
      ]).message,
    ).toBe(
      'the contracts range is missing the required column end (e.g. "End Date", "Service End"; ' +
        'or set missingEnd to assume_12_months in the policy); headers found: "Customer", "Start", "Amount"',
    );
  });

  it('reads the first row as the header even when it is blank', () => {
    expect(
      error([
        [null, null],
        ['A', '2023-01-01'],
      ]).message,
    ).toBe(
      'the contracts range is missing the required columns customer (e.g. "Customer", "Account ID"), ' +
        'start (e.g. "Start Date", "Service Start"), amount (e.g. "Amount", "ARR", "MRR"), ' +
        'end (e.g. "End Date", "Service End"; or set missingEnd to assume_12_months in the policy); ' +
        'headers found: none (the first row of the range is its header row)',
    );
  });

  it('refuses a duplicate header, naming the column letters', () => {
    const e = error([
      ['Customer', 'Start', 'End', 'Amount', 'customer'],
      ['A', '2023-01-01', '2023-12-31', 1, 'A'],
    ]);
    expect(e.message).toBe('duplicate header "customer" in columns A and E of the contracts range; keep one');
    expect(e.row).toBe(1);
  });

  it('refuses two columns for one field', () => {
    expect(
      error([
        ['Customer', 'Start', 'End', 'Amount', 'ARR'],
        ['A', '2023-01-01', '2023-12-31', 1, 1],
      ]).message,
    ).toBe('columns "Amount" (D) and "ARR" (E) both give the amount; keep one');
  });

  it('refuses text in an amount, naming row and column', () => {
    const good = ['A', '2023-01-01', '2023-12-31', 1];
    const e = error([
      ['customer', 'start', 'end', 'amount'],
      good,
      good,
      good,
      good,
      good,
      ['A', '2023-01-01', '2023-12-31', 'abc'],
    ]);
    expect(e.message).toBe('row 7, amount: "abc" is not a number');
    expect(e.code).toBe('#VALUE!');
    expect(e.row).toBe(7);
    expect(e.column).toBe('amount');
  });

  it('refuses dates that do not exist', () => {
    expect(error([HEAD, ['A', '2023-02-30', '2023-12-31', 1]]).message).toBe(
      'row 2, Start Date: "2023-02-30" is not a date (no day 30 in that month)',
    );
    expect(error([HEAD, ['A', '2023-01-01', '2023-13-01', 1]]).message).toBe(
      'row 2, End Date: "2023-13-01" is not a date (no month 13)',
    );
    const e = error([HEAD, ['A', 60, 45291, 1]]);
    expect(e.message).toBe(
      'row 2, Start Date: 60 is Excel serial 60, the fictitious 1900-02-29 of the 1900 date system; enter a real date',
    );
    expect(e.column).toBe('Start Date');
  });

  it('refuses an end before the start', () => {
    const e = error([HEAD, ['A', '2023-01-01', '2023-12-31', 1], ['B', '2023-02-01', '2023-01-01', 1]]);
    expect(e.message).toBe('row 3, End Date: 2023-01-01 is before start 2023-02-01');
    expect(e.row).toBe(3);
    expect(e.column).toBe('End Date');
  });

  it('refuses a cancel date before the start', () => {
    expect(
      error([
        [...HEAD, 'Cancel Date'],
        ['A', '2023-02-01', '2023-12-31', 1, '2023-01-15'],
      ]).message,
    ).toBe('row 2, Cancel Date: 2023-01-15 is before start 2023-02-01');
  });

  it('refuses blank required cells', () => {
    expect(error([HEAD, [null, '2023-01-01', '2023-12-31', 1]]).message).toBe(
      'row 2, Customer: blank; every line needs a customer',
    );
    expect(error([HEAD, ['A', 0, '2023-12-31', 1]]).message).toBe(
      'row 2, Start Date: blank; every line needs a start date',
    );
    expect(error([HEAD, ['A', '2023-01-01', '2023-12-31', '']]).message).toBe(
      'row 2, Amount: blank; every line needs an amount (0 is allowed)',
    );
    expect(error([HEAD, ['A', '2023-01-01', '', 1]]).message).toBe(
      'row 2, End Date: blank; every line needs an end date, or set missingEnd to assume_12_months in the policy',
    );
  });

  it('refuses bad optional cells', () => {
    const head = [...HEAD, 'Type', 'Currency', 'FX Rate', 'Free Months', 'Billing', 'Signed'];
    const ok = ['A', '2023-01-01', '2023-12-31', 1];
    const one = (cells: unknown[]) => error([head, [...ok, ...cells]]).message;
    expect(one(['license', '', '', '', '', ''])).toBe(
      'row 2, Type: "license" is not a line type (use recurring or subscription; one_time, setup, services, ' +
        'implementation or professional services; usage_commit, commit or minimum; usage_overage, overage or usage)',
    );
    expect(one(['', 'EURO', '', '', '', ''])).toBe(
      'row 2, Currency: "EURO" is not a currency (use a 3-letter ISO code, e.g. EUR)',
    );
    expect(one(['', '', -1.1, '', '', ''])).toBe('row 2, FX Rate: -1.1 is not a positive number');
    expect(one(['', '', 'x', '', '', ''])).toBe('row 2, FX Rate: "x" is not a number');
    expect(one(['', '', '', -1, '', ''])).toBe(
      'row 2, Free Months: -1 is negative; free months are 0 or more',
    );
    expect(one(['', '', '', '', 'weekly', ''])).toBe(
      'row 2, Billing: "weekly" is not a billing frequency (use annual, quarterly, monthly or upfront)',
    );
    expect(one(['', '', '', '', '', 'soon'])).toBe(
      'row 2, Signed: "soon" is not a date (use YYYY-MM-DD, M/D/YYYY or a date cell)',
    );
  });

  it('validates a row whose only value is in an ignored column', () => {
    const e = error([
      [...HEAD, 'Notes'],
      ['A', '2023-01-01', '2023-12-31', 1, ''],
      [null, null, null, null, 'see email'],
    ]);
    expect(e.message).toBe(
      '4 errors in the contracts range:\n' +
        'row 3, Customer: blank; every line needs a customer\n' +
        'row 3, Start Date: blank; every line needs a start date\n' +
        'row 3, End Date: blank; every line needs an end date, or set missingEnd to assume_12_months in the policy\n' +
        'row 3, Amount: blank; every line needs an amount (0 is allowed)',
    );
    expect(e.row).toBe(3);
    expect(e.column).toBe('Customer');
  });

  it('refuses a row that is not a row of cells, without throwing', () => {
    expect(error([HEAD, 'oops' as unknown as unknown[]]).message).toBe(
      'row 2, Customer: this row of the range is not a row of cells',
    );
  });

  it('collects errors up to maxErrors, counting them all', () => {
    const bad = (k: number) => ['A', '2023-01-01', '2023-12-31', `bad${k}`];
    const table = [HEAD, ...Array.from({ length: 25 }, (_, k) => bad(k + 2))];
    const e = error(table);
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('25 errors in the contracts range (first 20 shown):');
    expect(lines.length).toBe(21);
    expect(lines[1]).toBe('row 2, Amount: "bad2" is not a number');
    expect(lines[20]).toBe('row 21, Amount: "bad21" is not a number');
    expect(e.row).toBe(2);
    expect(e.column).toBe('Amount');
    const three = error(table, testPolicy(), { maxErrors: 3 });
    expect(three.message).toBe(
      '25 errors in the contracts range (first 3 shown):\n' +
        'row 2, Amount: "bad2" is not a number\n' +
        'row 3, Amount: "bad3" is not a number\n' +
        'row 4, Amount: "bad4" is not a number',
    );
  });

  it('reports several errors of one row and of several rows', () => {
    const e = error([HEAD, ['A', '2023-02-30', '2023-12-31', 1], ['B', '2023-01-01', '2023-12-31', '1.2.3']]);
    expect(e.message).toBe(
      '2 errors in the contracts range:\n' +
        'row 2, Start Date: "2023-02-30" is not a date (no day 30 in that month)\n' +
        'row 3, Amount: "1.2.3" is not a number',
    );
    expect(e.row).toBe(2);
    expect(e.column).toBe('Start Date');
  });
});

describe('parseContracts: a 50,000-row table', () => {
  function big(): unknown[][] {
    const t: unknown[][] = [['Customer', 'Product', 'Start', 'End', 'Amount', 'Currency']];
    for (let i = 1; i < 50000; i++) {
      t.push([
        `C${i % 3000}`,
        i % 2 ? 'Core' : 'Add-on',
        44927 + (i % 365),
        44927 + (i % 365) + 364,
        1200,
        'USD',
      ]);
    }
    return t;
  }

  it('reads every line', () => {
    const b: ContractBook = book(big());
    expect(b.n).toBe(49999);
    expect(b.row[b.n - 1]).toBe(50000);
    expect(b.customer[b.n - 1]).toBe('C1999');
    expect(b.amountCents[b.n - 1]).toBe(120000);
  });

  it('names row 49999 for a bad cell at index 49998', () => {
    const t = big();
    t[49998][4] = 'n/a';
    const e = error(t);
    expect(e.message).toBe('row 49999, Amount: "n/a" is not a number');
    expect(e.row).toBe(49999);
  });
});
