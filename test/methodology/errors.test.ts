/**
 * Methodology section 1: bad input is a CellError naming the sheet row (header = row 1) and the
 * column, never a thrown exception, and nothing is silently skipped.
 */
import { describe, expect, it } from 'vitest';
import { ARR, BRIDGE, NRR, POLICY } from '../../src/functions/index.js';
import { CellError } from '../../src/cells/index.js';
import { parseContracts, parsePolicy } from '../../src/index.js';
import { contracts, num, ok, policy, rates, type Line } from './book.js';

/** Runs a call that must return (not throw) a CellError, and returns it. */
function cellError(call: () => unknown): CellError {
  let r: unknown;
  expect(() => {
    r = call();
  }).not.toThrow();
  if (!(r instanceof CellError)) expect.fail(`expected a CellError, got ${JSON.stringify(r)}`);
  return r;
}

const good: Line = { Customer: 'Acme', Start: '2025-01-01', End: '2025-12-31', Amount: 1000 };

describe('contract table structure', () => {
  it('a missing required column names it and lists the headers found', () => {
    const e = cellError(() =>
      ARR(
        [
          ['Customer', 'Start', 'End', 'Product'],
          ['Acme', '2025-01-01', '2025-12-31', 'P1'],
        ],
        '2025-06-30',
      ),
    );
    expect(e.message).toMatch(/amount/i);
    for (const found of ['Customer', 'Start', 'End', 'Product']) expect(e.message).toContain(found);
  });

  it('each required column is required: customer, start, amount', () => {
    const full = ['Customer', 'Start', 'End', 'Amount'];
    const row = ['Acme', '2025-01-01', '2025-12-31', 1000];
    for (const [i, name] of [
      [0, /customer/i],
      [1, /start/i],
      [3, /amount/i],
    ] as const) {
      const header = full.filter((_, j) => j !== i);
      const data = row.filter((_, j) => j !== i);
      const e = cellError(() => ARR([header, data], '2025-06-30'));
      expect(e.message).toMatch(name);
    }
  });

  it('a duplicate header is an error naming it', () => {
    const e = cellError(() =>
      ARR(
        [
          ['Customer', 'Start', 'End', 'Amount', 'amount'],
          ['Acme', '2025-01-01', '2025-12-31', 1000, 2000],
        ],
        '2025-06-30',
      ),
    );
    expect(e.message).toMatch(/amount/i);
  });

  it('a header row without data rows is an error', () => {
    const e = cellError(() => ARR(contracts([]), '2025-06-30'));
    expect(e.message.length).toBeGreaterThan(0);
  });

  it('an empty range is an error', () => {
    for (const empty of [[], [[]], [['']], [[null]]]) {
      const e = cellError(() => ARR(empty, '2025-06-30'));
      expect(e.message.length).toBeGreaterThan(0);
    }
  });
});

describe('bad cells name row and column', () => {
  it('text in amount', () => {
    // header = row 1, good line = row 2, bad line = row 3
    const t = contracts([good, { ...good, Customer: 'Beta', Amount: 'abc' }]);
    const e = cellError(() => ARR(t, '2025-06-30'));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/row 3\b/);
    expect(e.message).toContain('Amount');
    expect(e.message).toContain('abc');
    expect(e.row).toBe(3);
    expect(e.column).toBe('Amount');
  });

  it('2023-02-30 is not a date', () => {
    const t = contracts([{ ...good, Start: '2023-01-01', End: '2023-02-30' }]);
    const e = cellError(() => ARR(t, '2023-01-15'));
    expect(e.message).toMatch(/row 2\b/);
    expect(e.message).toContain('End');
    expect(e.message).toContain('2023-02-30');
    expect(e.row).toBe(2);
    expect(e.column).toBe('End');
  });

  it('Excel serial 60 (the fictitious 1900-02-29) is refused', () => {
    const t = contracts([good, { ...good, Customer: 'Beta', Start: 60 }]);
    const e = cellError(() => ARR(t, '2025-06-30'));
    expect(e.message).toMatch(/row 3\b/);
    expect(e.message).toContain('Start');
    expect(e.message).toContain('60');
    expect(e.row).toBe(3);
  });

  it('an end before the start', () => {
    const t = contracts([{ ...good, Start: '2024-06-01', End: '2024-01-31' }]);
    const e = cellError(() => ARR(t, '2024-03-01'));
    expect(e.message).toMatch(/row 2\b/);
    expect(e.message).toMatch(/end/i);
    expect(e.row).toBe(2);
  });

  it('a blank customer or amount on a line is an error (nothing is silently skipped)', () => {
    const noCustomer = cellError(() => ARR(contracts([good, { ...good, Customer: '' }]), '2025-06-30'));
    expect(noCustomer.message).toMatch(/row 3\b/);
    expect(noCustomer.message).toContain('Customer');
    const noAmount = cellError(() => ARR(contracts([{ ...good, Amount: '' }, good]), '2025-06-30'));
    expect(noAmount.message).toMatch(/row 2\b/);
    expect(noAmount.message).toContain('Amount');
  });

  it('several bad cells are listed together; row and column are those of the first', () => {
    const t = contracts([good, { ...good, Amount: 'abc' }, good, { ...good, End: '2025-13-01' }]);
    const e = cellError(() => ARR(t, '2025-06-30'));
    expect(e.message).toMatch(/row 3\b/);
    expect(e.message).toMatch(/row 5\b/);
    expect(e.row).toBe(3);
    expect(e.column).toBe('Amount');
  });

  it('a bad cell at row 49,999 of a 50,000-row table', () => {
    // 50,000 sheet rows: the header (row 1) and 49,999 lines (rows 2..50,000). Sheet row r is
    // array index r - 1, so row 49,999 is index 49,998.
    const t = contracts(
      Array.from({ length: 49999 }, (_, i) => ({
        ...good,
        Customer: `C${i % 5000}`,
        Amount: 1000 + (i % 7),
      })),
    );
    expect(t.length).toBe(50000);
    expect(t[0][10]).toBe('Amount');
    t[49998][10] = 'n/a';
    const e = cellError(() => ARR(t, '2025-06-30'));
    expect(e.message).toMatch(/row 49999\b|row 49,999\b/);
    expect(e.message).toContain('Amount');
    expect(e.message).toContain('n/a');
    expect(e.row).toBe(49999);
    // and the same table without the bad cell computes
    t[49998][10] = 1000;
    expect(num(ARR(t, '2025-06-30'))).toBeGreaterThan(0);
  });
});

describe('currency and rates', () => {
  const eur: Line[] = [good, { ...good, Customer: 'Eurco', Amount: 5000, Currency: 'EUR' }];

  it('fx spot: a currency with no rate on or before the date names the currency and the date', () => {
    const pol = policy({ fx: 'spot' });
    // only a later EUR rate, and another currency
    const fx = rates([
      ['EUR', '2025-07-01', '1.10'],
      ['GBP', '2025-01-01', '1.25'],
    ]);
    const e = cellError(() => ARR(contracts(eur), '2025-06-30', pol, fx));
    expect(e.message).toContain('EUR');
    expect(e.message).toContain('2025-06-30');
    // no rates range at all
    const e2 = cellError(() => ARR(contracts(eur), '2025-06-30', pol));
    expect(e2.message).toContain('EUR');
    // the bridge needs both dates' rates: d0 has none
    const e3 = cellError(() => BRIDGE(contracts(eur), '2025-06-30', '2025-07-31', pol, fx));
    expect(e3.message).toContain('EUR');
  });

  it('fx fixed: a currency with no board rate is named', () => {
    const e = cellError(() =>
      ARR(contracts(eur), '2025-06-30', policy({ fx: 'fixed' }), rates([['GBP', '', '1.25']])),
    );
    expect(e.message).toContain('EUR');
  });

  it('fx contract: a foreign line without its fx rate names row and currency', () => {
    // reading: under fx contract the line's own rate is the only source, so a missing one is an
    // error on that line rather than a silent 1.0.
    const e = cellError(() => ARR(contracts(eur), '2025-06-30'));
    expect(e.message).toContain('EUR');
    expect(e.message).toMatch(/row 3\b/);
  });

  it('a reporting-currency line needs no rate', () => {
    expect(
      num(
        ARR(contracts([good]), '2025-06-30', policy({ fx: 'spot' }), rates([['EUR', '2025-01-01', '1.1']])),
      ),
    ).toBe(1000);
  });
});

describe('policy table', () => {
  it('an unknown key is an error naming it', () => {
    const e = cellError(() => ARR(contracts([good]), '2025-06-30', policy({ anualization: 'monthly12' })));
    expect(e.message).toContain('anualization');
    const p = parsePolicy(policy({ anualization: 'monthly12' }));
    expect(p).toBeInstanceOf(CellError);
    expect(cellError(() => POLICY(policy({ anualization: 'monthly12' }))).message).toContain('anualization');
  });

  it('a bad enum value names the key, the value and the allowed values', () => {
    const e = cellError(() => ARR(contracts([good]), '2025-06-30', policy({ annualization: 'weekly' })));
    expect(e.message).toContain('annualization');
    expect(e.message).toContain('weekly');
    expect(e.message).toContain('daily365');
    expect(e.message).toContain('monthly12');
    const g = cellError(() =>
      NRR(contracts([good]), '2025-01-31', '2025-06-30', policy({ grain: 'product' })),
    );
    expect(g.message).toContain('grain');
    expect(g.message).toContain('customer_product');
  });

  it('bad numbers and bands are errors naming the key', () => {
    for (const [key, value] of [
      ['renewalGraceDays', '-3'],
      ['renewalGraceDays', 'thirty'],
      ['renewalGraceDays', '2.5'],
      ['bands', '100000,25000'],
      ['bands', '25k'],
      ['reportingCurrency', 'dollars'],
    ]) {
      const e = cellError(() => ARR(contracts([good]), '2025-06-30', policy({ [key]: value })));
      expect(e.message).toContain(key);
    }
  });

  it('POLICY shows the full policy with defaults filled in', () => {
    const t = POLICY(policy({ annualization: 'monthly12' }));
    expect(Array.isArray(t)).toBe(true);
    const rows = t as unknown[][];
    expect(rows[0]).toEqual(['Key', 'Value']);
    const m = new Map(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(m.get('annualization')).toBe('monthly12');
    expect(m.get('basis')).toBe('live');
    expect(m.get('renewalGraceDays')).toBe('0');
    expect(m.get('bands')).toBe('25000,100000');
  });
});

describe('date arguments', () => {
  it('a bad as-of date is a CellError', () => {
    const e = cellError(() => ARR(contracts([good]), '2025-02-30'));
    expect(e.message).toContain('2025-02-30');
    cellError(() => ARR(contracts([good]), 'yesterday'));
  });

  it('parseContracts never throws either', () => {
    const pol = ok(parsePolicy(null));
    let r: unknown;
    expect(() => {
      r = parseContracts(
        [
          ['Customer', 'Start', 'End', 'Amount'],
          [{}, new Date(NaN), 'x', [1]],
        ],
        pol,
      );
    }).not.toThrow();
    expect(r).toBeInstanceOf(CellError);
  });
});
