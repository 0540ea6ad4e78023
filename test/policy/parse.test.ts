import { describe, it, expect } from 'vitest';
import { CellError, isCellError } from '../../src/cells/index.js';
import { defaultPolicy, findPolicyKey, parsePolicy, type Policy } from '../../src/policy/index.js';

/** Parses and fails the test on a CellError. */
function ok(table?: unknown[][] | null, overrides?: Record<string, string>): Policy {
  const p = parsePolicy(table, overrides);
  if (isCellError(p)) throw new Error(`unexpected error: ${p.message}`);
  return p;
}

/** Parses and fails the test unless it is a CellError. */
function err(table?: unknown[][] | null, overrides?: Record<string, string>): CellError {
  const p = parsePolicy(table, overrides);
  if (!isCellError(p)) throw new Error('expected a CellError');
  expect(p.code).toBe('#VALUE!');
  return p;
}

const DEFAULTS = {
  version: '1',
  reportingCurrency: 'USD',
  basis: 'live',
  annualization: 'daily365',
  amountBasis: 'term',
  multiYear: 'ramp',
  includeUsageCommit: 'yes',
  includeUsageOverage: 'no',
  discounts: 'net',
  freeMonths: 'spread',
  renewalGraceDays: 0,
  churnDate: 'end',
  fx: 'contract',
  grain: 'customer',
  reactivation: 'separate',
  rollupToParent: 'no',
  rounding: 'half_up',
  bands: [25000, 100000],
  missingEnd: 'error',
  endDateInclusive: 'yes',
  bridgeMethod: 'single',
  oneTime: 'point_in_time',
  revenueRounding: 'cumulative',
  reconTolerancePct: 2,
  anomalyThreshold: 50000,
  netsuiteDateFormat: 'M/D/YYYY',
  glRevenueAccounts: '4*',
  explicitKeys: [],
};

describe('defaultPolicy', () => {
  it('holds every key at the default of the methodology table', () => {
    expect(defaultPolicy()).toEqual(DEFAULTS);
  });

  it('returns a fresh object each time', () => {
    const a = defaultPolicy();
    a.bands.push(500000);
    a.fx = 'spot';
    expect(defaultPolicy().bands).toEqual([25000, 100000]);
    expect(defaultPolicy().fx).toBe('contract');
  });
});

describe('parsePolicy: no policy', () => {
  const blanks: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['an empty range', []],
    ['[[null]] (Excel on the web)', [[null]]],
    ['[[""]] (Sheets)', [['']]],
    ['[[0]] (Excel desktop)', [[0]]],
    [
      'a blank 2x2 range',
      [
        [null, ''],
        [0, '  '],
      ],
    ],
    ['a blank scalar ""', ''],
    ['a blank scalar 0', 0],
  ];
  for (const [name, table] of blanks) {
    it(`reads ${name} as the defaults`, () => {
      expect(ok(table as unknown[][])).toEqual(DEFAULTS);
    });
  }

  it('reads a header row alone as the defaults', () => {
    expect(ok([['Key', 'Value']])).toEqual(DEFAULTS);
  });
});

describe('parsePolicy: the table', () => {
  it('reads keys and values, filling in the rest', () => {
    const p = ok([
      ['fx', 'spot'],
      ['annualization', 'monthly12'],
    ]);
    expect(p.fx).toBe('spot');
    expect(p.annualization).toBe('monthly12');
    expect(p.basis).toBe('live');
    expect(p.explicitKeys).toEqual(['annualization', 'fx']);
  });

  it('accepts a header row: Key/Value, key/value, SETTING/value', () => {
    for (const header of [
      ['Key', 'Value'],
      ['key', 'value'],
      ['SETTING', 'Value'],
      [' Setting ', ' value '],
    ]) {
      expect(ok([header, ['fx', 'fixed']]).fx).toBe('fixed');
    }
  });

  it('accepts the header after blank rows', () => {
    const p = ok([
      [null, null],
      [0, 0],
      ['Key', 'Value'],
      ['fx', 'fixed'],
    ]);
    expect(p.fx).toBe('fixed');
  });

  it('does not take a later row for a header', () => {
    const e = err([
      ['fx', 'fixed'],
      ['Key', 'Value'],
    ]);
    expect(e.message).toContain('policy row 2: "Key" is not a policy key');
    expect(e.row).toBe(2);
  });

  it('skips blank rows anywhere, including Excel desktop blank-as-0 rows', () => {
    const p = ok([
      ['Key', 'Value'],
      [null, null],
      ['fx', 'spot'],
      [0, 0],
      ['', ''],
      ['basis', 'contracted'],
      [],
    ]);
    expect(p.fx).toBe('spot');
    expect(p.basis).toBe('contracted');
  });

  it('matches keys ignoring case, spaces, _ and -', () => {
    const p = ok([
      ['Reporting Currency', 'EUR'],
      ['renewal_grace_days', 30],
      ['END-DATE-INCLUSIVE', 'no'],
      ['  Roll Up To Parent  ', 'yes'],
      ['includeusagecommit', 'no'],
    ]);
    expect(p.reportingCurrency).toBe('EUR');
    expect(p.renewalGraceDays).toBe(30);
    expect(p.endDateInclusive).toBe('no');
    expect(p.rollupToParent).toBe('yes');
    expect(p.includeUsageCommit).toBe('no');
    expect(p.explicitKeys).toEqual([
      'reportingCurrency',
      'includeUsageCommit',
      'renewalGraceDays',
      'rollupToParent',
      'endDateInclusive',
    ]);
  });

  it('ignores blank extra columns (blank, "" and Excel 0)', () => {
    const p = ok([
      ['Key', 'Value', null, ''],
      ['fx', 'spot', 0, null],
    ]);
    expect(p.fx).toBe('spot');
  });

  it('lists explicit keys once, in the order of the key table', () => {
    const p = ok(
      [
        ['rounding', 'half_even'],
        ['version', '7'],
      ],
      { rounding: 'half_up', basis: 'contracted' },
    );
    expect(p.explicitKeys).toEqual(['version', 'basis', 'rounding']);
  });
});

describe('parsePolicy: values', () => {
  const one = (key: string, value: unknown): Policy => ok([[key, value]]);

  it('reads enum values ignoring case, surrounding spaces, _ and -', () => {
    expect(one('annualization', 'MONTHLY12').annualization).toBe('monthly12');
    expect(one('rounding', ' Half_Even ').rounding).toBe('half_even');
    expect(one('rounding', 'half-up').rounding).toBe('half_up');
    expect(one('grain', 'Customer Product').grain).toBe('customer_product');
    expect(one('missingEnd', 'assume 12 months').missingEnd).toBe('assume_12_months');
    expect(one('oneTime', 'Point-in-time').oneTime).toBe('point_in_time');
  });

  it('reads checkboxes (TRUE/FALSE) for yes/no keys', () => {
    expect(one('rollupToParent', true).rollupToParent).toBe('yes');
    expect(one('includeUsageCommit', false).includeUsageCommit).toBe('no');
    expect(one('endDateInclusive', false).endDateInclusive).toBe('no');
  });

  it('reads numbers from number cells and from text', () => {
    expect(one('renewalGraceDays', 15).renewalGraceDays).toBe(15);
    expect(one('renewalGraceDays', ' 30 ').renewalGraceDays).toBe(30);
    expect(one('renewalGraceDays', 0).renewalGraceDays).toBe(0);
    expect(one('reconTolerancePct', 0.5).reconTolerancePct).toBe(0.5);
    expect(one('reconTolerancePct', '2.5').reconTolerancePct).toBe(2.5);
    expect(one('reconTolerancePct', '2.5%').reconTolerancePct).toBe(2.5);
    expect(one('anomalyThreshold', '$75,000').anomalyThreshold).toBe(75000);
    expect(one('anomalyThreshold', '1e+21').anomalyThreshold).toBe(1e21);
    expect(Object.is(one('anomalyThreshold', -0).anomalyThreshold, 0)).toBe(true);
  });

  it('reads the reporting currency as an upper-case ISO code', () => {
    expect(one('reportingCurrency', 'eur').reportingCurrency).toBe('EUR');
    expect(one('reportingCurrency', ' gbp ').reportingCurrency).toBe('GBP');
  });

  it('reads the version as text, a number as JavaScript writes it', () => {
    expect(one('version', ' FY25 rev 2 ').version).toBe('FY25 rev 2');
    expect(one('version', 2).version).toBe('2');
    expect(one('version', 1.5).version).toBe('1.5');
  });

  it('reads bands as ascending positive numbers', () => {
    expect(one('bands', '25000,100000').bands).toEqual([25000, 100000]);
    expect(one('bands', ' 10000, 50000 ,250000 ').bands).toEqual([10000, 50000, 250000]);
    expect(one('bands', 50000).bands).toEqual([50000]);
    expect(one('bands', '50000').bands).toEqual([50000]);
    expect(one('bands', '25,000; 100,000').bands).toEqual([25000, 100000]);
    expect(one('bands', '2500.5,10000').bands).toEqual([2500.5, 10000]);
  });

  const bad: [string, unknown, string][] = [
    ['annualization', 'weekly', '"weekly" is not allowed; use daily365 or monthly12'],
    ['annualization', 365, '365 is not allowed; use daily365 or monthly12'],
    ['fx', 'daily', '"daily" is not allowed; use contract, fixed or spot'],
    ['basis', null, 'blank is not allowed; use live or contracted'],
    ['basis', '  ', '"  " is not allowed; use live or contracted'],
    ['basis', 0, '0 is not allowed; use live or contracted'],
    ['basis', true, 'true is not allowed; use live or contracted'],
    ['amountBasis', 'yearly', '"yearly" is not allowed; use term, annual or monthly'],
    ['renewalGraceDays', -1, '-1 is not allowed; use a whole number, 0 or more'],
    ['renewalGraceDays', 1.5, '1.5 is not allowed; use a whole number, 0 or more'],
    ['renewalGraceDays', 'ten', '"ten" is not allowed; use a whole number, 0 or more'],
    ['renewalGraceDays', null, 'blank is not allowed; use a whole number, 0 or more'],
    ['reconTolerancePct', -0.5, '-0.5 is not allowed; use a number, 0 or more'],
    ['reconTolerancePct', '2%%', '"2%%" is not allowed; use a number, 0 or more'],
    ['anomalyThreshold', '50000%', '"50000%" is not allowed; use a number, 0 or more'],
    ['reportingCurrency', 'EURO', '"EURO" is not allowed; use a 3-letter currency code such as USD or EUR'],
    ['reportingCurrency', 'US$', '"US$" is not allowed; use a 3-letter currency code such as USD or EUR'],
    ['reportingCurrency', 840, '840 is not allowed; use a 3-letter currency code such as USD or EUR'],
    [
      'version',
      null,
      'blank is not allowed; use a label of at most 100 characters on one line, e.g. 1 or 2024-Q1',
    ],
    [
      'version',
      'a\nb',
      '"a\\nb" is not allowed; use a label of at most 100 characters on one line, e.g. 1 or 2024-Q1',
    ],
  ];
  for (const [key, value, problem] of bad) {
    it(`refuses ${key} = ${JSON.stringify(value)}`, () => {
      const e = err([
        ['Key', 'Value'],
        [key, value],
      ]);
      expect(e.message).toBe(`policy row 2, ${key}: ${problem}`);
      expect(e.row).toBe(2);
      expect(e.column).toBe('Value');
    });
  }

  it('refuses a version longer than 100 characters', () => {
    expect(ok([['version', 'v'.repeat(100)]]).version).toBe('v'.repeat(100));
    expect(err([['version', 'v'.repeat(101)]]).message).toContain('policy row 1, version:');
  });

  const badBands = ['100000,25000', '25000,25000', '0,100', '-5', '25000,', ',25000', 'abc', '25000;;100000'];
  for (const value of badBands) {
    it(`refuses bands ${JSON.stringify(value)}`, () => {
      expect(err([['bands', value]]).message).toBe(
        `policy row 1, bands: ${JSON.stringify(value)} is not allowed; use ascending positive numbers separated by commas, e.g. 25000,100000`,
      );
    });
  }

  it('refuses a checkbox for an enum that is not yes/no', () => {
    expect(err([['fx', true]]).message).toBe(
      'policy row 1, fx: true is not allowed; use contract, fixed or spot',
    );
  });

  it('names the row as the sheet shows it, counting header and blank rows', () => {
    const e = err([
      ['Key', 'Value'],
      [null, null],
      ['basis', 'live'],
      ['annualization', 'weekly'],
    ]);
    expect(e.message).toBe('policy row 4, annualization: "weekly" is not allowed; use daily365 or monthly12');
    expect(e.row).toBe(4);
  });

  it('uses the header as written for the error column', () => {
    const e = err([
      ['Setting', 'VALUE'],
      ['fx', 'x'],
    ]);
    expect(e.column).toBe('VALUE');
  });
});

describe('parsePolicy: errors in the table', () => {
  it('refuses an unknown key, naming the row and the key and listing the keys', () => {
    const e = err([
      ['Key', 'Value'],
      ['fx', 'spot'],
      ['colour', 'blue'],
    ]);
    expect(e.message).toMatch(
      /^policy row 3: "colour" is not a policy key; keys: version, reportingCurrency, basis, /,
    );
    expect(e.message).toContain('anomalyThreshold');
    expect(e.row).toBe(3);
    expect(e.column).toBe('Key');
  });

  it('suggests the key a typo or a partial name probably meant', () => {
    expect(err([['anualization', 'daily365']]).message).toContain(
      '"anualization" is not a policy key (did you mean annualization?)',
    );
    expect(err([['currency', 'EUR']]).message).toContain('(did you mean reportingCurrency?)');
    expect(err([['grace days', 5]]).message).toContain('(did you mean renewalGraceDays?)');
  });

  it('refuses a number as a key', () => {
    expect(err([[5, 'x']]).message).toMatch(/^policy row 1: 5 is not a policy key; keys: /);
  });

  it('refuses a key given twice, however spelt', () => {
    const e = err([
      ['Key', 'Value'],
      ['fx', 'spot'],
      ['basis', 'live'],
      ['FX', 'spot'],
    ]);
    expect(e.message).toBe('policy row 4, fx: the key is set twice (rows 2 and 4); keep one');
    expect(e.row).toBe(4);
    expect(
      err([
        ['reporting currency', 'EUR'],
        ['reportingCurrency', 'EUR'],
      ]).message,
    ).toBe('policy row 2, reportingCurrency: the key is set twice (rows 1 and 2); keep one');
  });

  it('refuses a value without a key', () => {
    const e = err([
      ['fx', 'spot'],
      [null, 'monthly12'],
    ]);
    expect(e.message).toBe('policy row 2: the value "monthly12" has no key');
    expect(e.row).toBe(2);
  });

  it('refuses a non-blank third column', () => {
    const e = err([
      ['Key', 'Value'],
      ['fx', 'spot', 'we use spot since 2023'],
    ]);
    expect(e.message).toBe(
      'policy row 2: the policy has two columns (key, value), but column 3 holds "we use spot since 2023"',
    );
    expect(e.row).toBe(2);
    expect(err([['fx', 'spot', null, 7]]).message).toContain('column 4 holds 7');
  });

  it('refuses something that is not a two-dimensional range', () => {
    expect(err('fx=spot' as unknown as unknown[][]).message).toBe(
      'the policy must be a range of two columns: key and value',
    );
    expect(err([['fx', 'spot'], 'basis' as unknown as unknown[]]).message).toBe(
      'the policy must be a range of two columns: key and value',
    );
  });
});

describe('parsePolicy: overrides', () => {
  it('applies overrides to the defaults', () => {
    const p = ok(null, { fx: 'spot', 'renewal grace days': '30', bands: '10000' });
    expect(p.fx).toBe('spot');
    expect(p.renewalGraceDays).toBe(30);
    expect(p.bands).toEqual([10000]);
    expect(p.explicitKeys).toEqual(['renewalGraceDays', 'fx', 'bands']);
  });

  it('applies overrides after the table, replacing its values', () => {
    const p = ok(
      [
        ['fx', 'fixed'],
        ['basis', 'contracted'],
      ],
      { FX: 'Spot' },
    );
    expect(p.fx).toBe('spot');
    expect(p.basis).toBe('contracted');
  });

  it('validates overrides like the table', () => {
    expect(err(null, { annualization: 'weekly' }).message).toBe(
      'policy override, annualization: "weekly" is not allowed; use daily365 or monthly12',
    );
    expect(err(null, { colour: 'blue' }).message).toMatch(
      /^policy override: "colour" is not a policy key; keys: version, /,
    );
    expect(err(null, { reportingcurrency: 'euro' }).message).toBe(
      'policy override, reportingCurrency: "euro" is not allowed; use a 3-letter currency code such as USD or EUR',
    );
    expect(ok(null, { 'Reporting Currency': 'eur' }).reportingCurrency).toBe('EUR');
  });

  it('reports table errors before overrides can hide them', () => {
    expect(err([['fx', 'bad']], { fx: 'spot' }).message).toContain('policy row 1, fx:');
  });

  it('refuses the same key twice among overrides', () => {
    expect(err(null, { fx: 'spot', FX: 'fixed' }).message).toBe(
      'policy override, fx: the key is set twice (as "fx" and "FX"); keep one',
    );
  });
});

describe('findPolicyKey', () => {
  it('finds keys the way the table does', () => {
    expect(findPolicyKey('Reporting Currency')?.key).toBe('reportingCurrency');
    expect(findPolicyKey(' fx ')?.key).toBe('fx');
    expect(findPolicyKey('nope')).toBeUndefined();
  });
});
