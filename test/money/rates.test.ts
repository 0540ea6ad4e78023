import { describe, it, expect } from 'vitest';
import { CellError, dayFromYmd, isCellError } from '../../src/cells/index.js';
import {
  RATE_ONE,
  boardRate,
  exactRate,
  parseRates,
  spotRate,
  type ExactRate,
  type FxRates,
} from '../../src/money/index.js';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y, m, d);
};

function ok(table: unknown, reporting = 'USD', opts?: { timeZone?: string; maxErrors?: number }): FxRates {
  const r = parseRates(table as unknown[][], reporting, opts);
  if (isCellError(r)) throw new Error(`unexpected error: ${r.message}`);
  return r;
}

function err(table: unknown, reporting = 'USD', opts?: { timeZone?: string; maxErrors?: number }): CellError {
  const r = parseRates(table as unknown[][], reporting, opts);
  if (!isCellError(r)) throw new Error('expected a CellError');
  expect(r.code).toBe('#VALUE!');
  return r;
}

const rate = (value: number, num: bigint, scale: number): ExactRate => ({ value, num, scale });

describe('exactRate', () => {
  const good: [number | string, bigint, number, number][] = [
    [1.0825, 10825n, 4, 1.0825],
    ['1.0825', 10825n, 4, 1.0825],
    [' 1.0825 ', 10825n, 4, 1.0825],
    ['1.50', 15n, 1, 1.5],
    [2, 2n, 0, 2],
    ['2', 2n, 0, 2],
    ['1e3', 1000n, 0, 1000],
    ['1.5e-3', 15n, 4, 0.0015],
    ['1.5E+2', 150n, 0, 150],
    [1e-7, 1n, 7, 1e-7],
    [1.5e21, 15n * 10n ** 20n, 0, 1.5e21],
    ['0.00000731', 731n, 8, 0.00000731],
    ['1,234.5', 12345n, 1, 1234.5],
    ['+1.2', 12n, 1, 1.2],
    ['.5', 5n, 1, 0.5],
    ['5.', 5n, 0, 5],
    ['007.10', 71n, 1, 7.1],
    [0.1 + 0.2, 30000000000000004n, 17, 0.30000000000000004], // JavaScript writes it 0.30000000000000004
    ['1.08250000000000000001', 108250000000000000001n, 20, 1.0825],
  ];
  for (const [input, num, scale, value] of good) {
    it(`reads ${JSON.stringify(input)} as ${num} / 10^${scale}`, () => {
      expect(exactRate(input)).toEqual(rate(value, num, scale));
    });
  }

  const bad: (number | string)[] = [
    0,
    -1,
    -0.5,
    NaN,
    Infinity,
    '',
    ' ',
    'abc',
    '-1.2',
    '0',
    '0.000',
    '1,23.4',
    '1.2.3',
    '1e-400',
    '1e400',
    '.',
    'e5',
    '$1.2',
  ];
  for (const input of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      expect(exactRate(input)).toBeNull();
    });
  }
});

describe('parseRates: blank tables', () => {
  for (const table of [
    null,
    undefined,
    [],
    [[null]],
    [['']],
    [[0]],
    [
      [null, null],
      [null, ''],
    ],
    '',
    0,
  ]) {
    it(`reads ${JSON.stringify(table)} as no rates`, () => {
      const r = ok(table);
      expect(r.reportingCurrency).toBe('USD');
      expect(r.dated.size).toBe(0);
      expect(r.board.size).toBe(0);
    });
  }

  it('upper-cases the reporting currency and refuses a bad one', () => {
    expect(ok(null, ' eur ').reportingCurrency).toBe('EUR');
    expect(err(null, 'EURO').message).toBe('the reporting currency "EURO" is not a 3-letter currency code');
  });
});

describe('parseRates: reading', () => {
  const table = [
    ['Currency', 'Date', 'Rate', 'Source'],
    ['EUR', '2024-02-29', '1.0825', 'ECB'], // out of date order on purpose
    ['eur', '2024-01-31', 1.08, null],
    ['GBP', null, 1.27, 'board'],
    ['EUR', '', '1.1', ''],
    [null, null, null, null],
    ['USD', '2024-01-31', 1, ''],
    ['JPY', 45322, '0.0067', ''], // Excel serial 45322 = 2024-01-31
    [0, 0, 0, 0], // Excel desktop blank row
  ];

  it('reads dated and undated rates, dates sorted, the reporting currency left out', () => {
    const r = ok(table);
    expect(r.reportingCurrency).toBe('USD');
    expect(r.dated.get('EUR')).toEqual([
      { day: day('2024-01-31'), rate: rate(1.08, 108n, 2) },
      { day: day('2024-02-29'), rate: rate(1.0825, 10825n, 4) },
    ]);
    expect(r.dated.get('JPY')).toEqual([{ day: day('2024-01-31'), rate: rate(0.0067, 67n, 4) }]);
    expect(r.board.get('GBP')).toEqual(rate(1.27, 127n, 2));
    expect(r.board.get('EUR')).toEqual(rate(1.1, 11n, 1));
    expect([...r.dated.keys()].sort()).toEqual(['EUR', 'JPY']);
    expect([...r.board.keys()].sort()).toEqual(['EUR', 'GBP']);
    expect(r.dated.has('USD') || r.board.has('USD')).toBe(false);
  });

  it('finds columns by their aliases, in any order and case', () => {
    const headers = [
      ['CCY', 'As of', 'FX Rate'],
      ['Currency Code', 'Effective Date', 'Exchange Rate'],
      ['currency', 'rate_date', 'Rate to USD'],
      ['ccy', 'AS-OF', 'rate (to usd)'],
    ];
    for (const [c, d, x] of headers) {
      const r = ok([
        [x, c, d],
        ['1.09', 'EUR', '2024-03-31'],
      ]);
      expect(r.dated.get('EUR')).toEqual([{ day: day('2024-03-31'), rate: rate(1.09, 109n, 2) }]);
    }
  });

  it('reads a table without a date column as board rates', () => {
    const r = ok([
      ['Currency', 'Rate'],
      ['EUR', 1.1],
      ['GBP', 1.27],
    ]);
    expect(r.dated.size).toBe(0);
    expect(r.board.get('EUR')).toEqual(rate(1.1, 11n, 1));
  });

  it('reads Date cells in the given time zone', () => {
    // Apps Script hands a date as midnight in the spreadsheet's zone: 2024-02-29 in Berlin
    const cell = new Date('2024-02-29T00:00:00+01:00');
    const r = ok(
      [
        ['Currency', 'Date', 'Rate'],
        ['EUR', cell, 1.08],
      ],
      'USD',
      { timeZone: 'Europe/Berlin' },
    );
    expect(r.dated.get('EUR')?.[0].day).toBe(day('2024-02-29'));
  });

  it('keeps the digits of a text rate that a double would lose', () => {
    const r = ok([
      ['Currency', 'Rate'],
      ['EUR', '1.08250000000000000001'],
    ]);
    expect(r.board.get('EUR')?.num).toBe(108250000000000000001n);
  });

  it('reads rates for another reporting currency', () => {
    const r = ok(
      [
        ['Currency', 'Rate to EUR'],
        ['USD', '0.92'],
        ['EUR', 1],
      ],
      'EUR',
    );
    expect(r.board.get('USD')).toEqual(rate(0.92, 92n, 2));
    expect(r.board.has('EUR')).toBe(false);
  });
});

describe('parseRates: errors name the sheet row and the column', () => {
  const header = ['Currency', 'Date', 'Rate'];

  const cases: [unknown[], string, string][] = [
    [['EUR', '2024-13-01', 1.08], 'Date', 'row 2, Date: "2024-13-01" is not a date (no month 13)'],
    [
      ['EUR', 'soon', 1.08],
      'Date',
      'row 2, Date: "soon" is not a date (use YYYY-MM-DD, M/D/YYYY or a date cell)',
    ],
    [['EUR', 60, 1.08], 'Date', 'row 2, Date: 60 is Excel serial 60'],
    [['EUR', '2024-01-31', 'abc'], 'Rate', 'row 2, Rate: "abc" is not a number'],
    [['EUR', '2024-01-31', 0], 'Rate', 'row 2, Rate: 0 is not a rate; give the rate to USD'],
    [['EUR', '2024-01-31', -1.08], 'Rate', 'row 2, Rate: -1.08 is not a rate; give the rate to USD'],
    [['EUR', '2024-01-31', null], 'Rate', 'row 2, Rate: blank is not a rate; give the rate to USD'],
    [
      ['EURO', '2024-01-31', 1.08],
      'Currency',
      'row 2, Currency: "EURO" is not a 3-letter currency code (e.g. EUR)',
    ],
    [
      [null, '2024-01-31', 1.08],
      'Currency',
      'row 2, Currency: blank is not a 3-letter currency code (e.g. EUR)',
    ],
    [
      ['USD', '2024-01-31', 0.99],
      'Rate',
      'row 2, Rate: 0.99 is not 1; USD is the reporting currency, whose rate is always 1',
    ],
  ];
  for (const [row, column, message] of cases) {
    it(message, () => {
      const e = err([header, row]);
      expect(e.message.startsWith(message)).toBe(true);
      expect(e.row).toBe(2);
      expect(e.column).toBe(column);
    });
  }

  it('accepts the reporting currency at exactly 1, however written', () => {
    expect(ok([header, ['USD', null, '1.000'], ['usd', '2024-01-31', 1]]).board.size).toBe(0);
  });

  it('refuses two rates for the same currency and date, however the date is written', () => {
    const e = err([header, ['EUR', '2024-01-31', 1.08], ['GBP', '2024-01-31', 1.27], ['eur', 45322, 1.09]]);
    expect(e.message).toBe('row 4, Date: EUR has two rates for 2024-01-31 (rows 2 and 4); keep one');
    expect(e.row).toBe(4);
    expect(e.column).toBe('Date');
  });

  it('refuses two undated rates for the same currency', () => {
    const e = err([header, ['GBP', null, 1.27], ['GBP', '', 1.28]]);
    expect(e.message).toBe('row 3, Currency: GBP has two undated rates (rows 2 and 3); keep one');
    const noDates = err([
      ['Currency', 'Rate'],
      ['GBP', 1.27],
      ['gbp', 1.28],
    ]);
    expect(noDates.message).toBe('row 3, Currency: GBP has two undated rates (rows 2 and 3); keep one');
  });

  it('collects every bad row into one error, one per line, with the first one its row and column', () => {
    const e = err([
      header,
      ['EUR', '2024-01-31', 1.08],
      ['EUR', '2024-02-30', 1.08],
      ['GBP', '2024-01-31', 'n/a'],
      ['XX', '2024-01-31', 1.2],
    ]);
    expect(e.message.split('\n')).toEqual([
      'row 3, Date: "2024-02-30" is not a date (no day 30 in that month)',
      'row 4, Rate: "n/a" is not a number',
      'row 5, Currency: "XX" is not a 3-letter currency code (e.g. EUR)',
    ]);
    expect(e.row).toBe(3);
    expect(e.column).toBe('Date');
  });

  it('stops after maxErrors', () => {
    const rows = [header, ['A', null, 1], ['B', null, 1], ['C', null, 1]];
    const e = err(rows, 'USD', { maxErrors: 2 });
    expect(e.message.split('\n')).toEqual([
      'row 2, Currency: "A" is not a 3-letter currency code (e.g. EUR)',
      'row 3, Currency: "B" is not a 3-letter currency code (e.g. EUR)',
      '(stopped after 2 errors)',
    ]);
    // nothing left unread: no note
    expect(err(rows.slice(0, 3), 'USD', { maxErrors: 2 }).message.split('\n')).toHaveLength(2);
  });

  it('refuses a table without a currency or rate column', () => {
    const noRate = err([
      ['Currency', 'Date', 'Value'],
      ['EUR', '2024-01-31', 1.08],
    ]);
    expect(noRate.message).toBe(
      'rates table: row 1 has no rate column (name it rate, fx rate, exchange rate or rate to <reporting currency>); its headers are "Currency", "Date", "Value"',
    );
    expect(noRate.row).toBe(1);
    const noHeader = err([['EUR', '2024-01-31', 1.08]]);
    expect(noHeader.message).toContain(
      'rates table: row 1 has no currency column (name it currency, currency code or ccy)',
    );
  });

  it('refuses two columns for one field', () => {
    expect(
      err([
        ['Currency', 'Rate', 'FX rate'],
        ['EUR', 1, 1],
      ]).message,
    ).toBe('rates table: two rate columns ("Rate" and "FX rate"); keep one');
  });

  it('refuses rates to a currency other than the reporting currency', () => {
    const e = err(
      [
        ['Currency', 'Rate to USD'],
        ['GBP', 1.17],
      ],
      'EUR',
    );
    expect(e.message).toBe(
      'rates table, header "Rate to USD": the rates are to USD, but the reporting currency is EUR',
    );
    expect(e.column).toBe('Rate to USD');
  });

  it('refuses something that is not a two-dimensional range', () => {
    expect(err('EUR 1.08').message).toBe(
      'the rates must be a range with a header row (currency, date, rate)',
    );
    expect(err([['Currency', 'Rate'], 'EUR']).message).toBe(
      'the rates must be a range with a header row (currency, date, rate)',
    );
  });
});

describe('spotRate and boardRate', () => {
  const rates = ok([
    ['Currency', 'Date', 'Rate'],
    ['EUR', '2024-01-31', '1.08'],
    ['EUR', '2024-03-31', '1.0825'],
    ['EUR', '2024-02-29', '1.09'],
    ['GBP', null, '1.27'],
    ['EUR', null, '1.1'],
  ]);

  it('takes the latest rate on or before the day', () => {
    expect(spotRate(rates, 'EUR', day('2024-01-31'))).toEqual(rate(1.08, 108n, 2));
    expect(spotRate(rates, 'EUR', day('2024-02-15'))).toEqual(rate(1.08, 108n, 2));
    expect(spotRate(rates, 'EUR', day('2024-02-29'))).toEqual(rate(1.09, 109n, 2));
    expect(spotRate(rates, 'EUR', day('2024-03-30'))).toEqual(rate(1.09, 109n, 2));
    expect(spotRate(rates, 'EUR', day('2024-03-31'))).toEqual(rate(1.0825, 10825n, 4));
    expect(spotRate(rates, 'EUR', day('2030-12-31'))).toEqual(rate(1.0825, 10825n, 4));
    expect(spotRate(rates, 'eur', day('2024-03-31'))).toEqual(rate(1.0825, 10825n, 4));
  });

  it('names the currency and the date when there is no rate', () => {
    const none = spotRate(rates, 'JPY', day('2024-03-31'));
    expect(none).toBeInstanceOf(CellError);
    expect((none as CellError).code).toBe('#N/A');
    expect((none as CellError).message).toBe('no JPY rate on or before 2024-03-31 in the rates table');

    const early = spotRate(rates, 'EUR', day('2024-01-30')) as CellError;
    expect(early.message).toBe(
      'no EUR rate on or before 2024-01-30 in the rates table (its first EUR rate is on 2024-01-31)',
    );

    const boardOnly = spotRate(rates, 'GBP', day('2024-03-31')) as CellError;
    expect(boardOnly.message).toBe(
      'no GBP rate on or before 2024-03-31 in the rates table (it has only an undated GBP rate, which fx: fixed uses)',
    );
  });

  it('takes the undated rate as the board rate', () => {
    expect(boardRate(rates, 'GBP')).toEqual(rate(1.27, 127n, 2));
    expect(boardRate(rates, 'EUR')).toEqual(rate(1.1, 11n, 1));
    expect(boardRate(rates, 'gbp')).toEqual(rate(1.27, 127n, 2));
    const none = boardRate(rates, 'JPY') as CellError;
    expect(none.code).toBe('#N/A');
    expect(none.message).toBe(
      'no undated JPY rate in the rates table; fx: fixed needs a JPY row with a blank date (its board rate)',
    );
  });

  it('gives the reporting currency rate 1, with or without a table', () => {
    const empty = ok(null, 'USD');
    for (const r of [rates, empty]) {
      expect(spotRate(r, 'USD', day('1990-01-01'))).toEqual(rate(1, 1n, 0));
      expect(spotRate(r, 'usd', day('1990-01-01'))).toBe(RATE_ONE);
      expect(boardRate(r, 'USD')).toBe(RATE_ONE);
      expect(boardRate(r, ' usd')).toBe(RATE_ONE);
    }
    expect((spotRate(empty, 'EUR', day('2024-03-31')) as CellError).message).toBe(
      'no EUR rate on or before 2024-03-31 in the rates table',
    );
  });
});
