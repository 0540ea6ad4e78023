/**
 * Each data-check rule on a table that trips it and one that does not. Dates are counted by hand
 * in the comments; ARR figures are daily365 (amount x 365 / term days) on 365-day terms, so ARR
 * equals the amount.
 */
import { describe, expect, it } from 'vitest';
import { base, findings, ofRule, policy, table } from './helpers.js';

describe('bad cells and the range as a whole', () => {
  it('bad-cell: a bad cell is a finding naming row and column; the other lines are still checked', () => {
    const f = findings(
      table(
        {},
        { amount: 'abc', contract: 'C-9', customer: 'Beta' },
        { customer: 'Gamma', contract: 'C-3' },
        { customer: 'Gamma', contract: 'C-3' },
      ),
    );
    const bad = ofRule(f, 'bad-cell');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: 'error', row: 3, customer: 'Beta', contract: 'C-9' });
    expect(bad[0].message).toContain('row 3, Amount: "abc"');
    // rows 4 and 5 are equal in every field: still found
    expect(ofRule(f, 'duplicate-line').map((x) => x.row)).toEqual([5]);
  });

  it('bad-cell: every bad cell of a row is its own finding, in column order', () => {
    const f = findings(table({ start: '2025-02-30', amount: 'x' }));
    expect(ofRule(f, 'bad-cell').map((x) => x.message.split(':')[0])).toEqual([
      'row 2, Start Date',
      'row 2, Amount',
    ]);
  });

  it('bad-cell: not tripped by a clean table', () => {
    expect(ofRule(findings(table({})), 'bad-cell')).toEqual([]);
  });

  it('bad-range: a missing required column, a duplicate header, an empty range are one finding each', () => {
    const noAmount = [
      ['Customer', 'Start', 'End'],
      ['Acme', '2025-01-01', '2025-12-31'],
    ];
    const f1 = findings(noAmount);
    expect(f1).toHaveLength(1);
    expect(f1[0]).toMatchObject({ severity: 'error', rule: 'bad-range', row: 1 });
    expect(f1[0].message).toContain('missing the required column amount');

    const dup = [
      ['Customer', 'Start', 'End', 'Amount', 'Start'],
      ['Acme', '2025-01-01', '2025-12-31', '100', '2025-01-01'],
    ];
    const f2 = findings(dup);
    expect(f2.map((x) => x.rule)).toEqual(['bad-range']);
    expect(f2[0].message).toContain('duplicate header "Start"');

    expect(findings([]).map((x) => x.rule)).toEqual(['bad-range']);
    expect(findings([['Customer', 'Start', 'End', 'Amount']]).map((x) => x.rule)).toEqual(['bad-range']);
  });

  it('bad-range: not tripped by a readable range', () => {
    expect(ofRule(findings(table({})), 'bad-range')).toEqual([]);
  });

  it('bad-policy: a bad policy range is one finding and nothing else is checked', () => {
    const f = findings(table({ amount: 'abc' }), { policy: policy({ fx: 'sideways' }) });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', rule: 'bad-policy' });
    expect(f[0].message).toContain('sideways');
  });

  it('bad-policy: not tripped by a good policy', () => {
    expect(ofRule(findings(table({}), { policy: policy({ fx: 'spot' }) }), 'bad-policy')).toEqual([]);
  });

  it('bad-rates: a bad rates range is one finding; the rate rule is skipped', () => {
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '2025-12-31', 'abc'],
    ];
    const f = findings(table({ currency: 'EUR' }), {
      policy: policy({ fx: 'spot' }),
      rates,
      asOf: '2025-12-31',
    });
    expect(ofRule(f, 'bad-rates')).toHaveLength(1);
    expect(ofRule(f, 'bad-rates')[0].message).toContain(
      'so currency-without-rate and arr-anomaly were not checked',
    );
    expect(ofRule(f, 'currency-without-rate')).toEqual([]);
    expect(ofRule(f, 'rule-skipped')).toEqual([]);
  });

  it('bad-rates: not tripped by good rates', () => {
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '2025-09-30', '1.1'],
    ];
    const f = findings(table({ currency: 'EUR' }), {
      policy: policy({ fx: 'spot' }),
      rates,
      asOf: '2025-12-31',
    });
    expect(ofRule(f, 'bad-rates')).toEqual([]);
  });
});

describe('dates of a line', () => {
  it('missing-end: an error under missingEnd: error', () => {
    const f = ofRule(findings(table({}, { end: '' })), 'missing-end');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', row: 3, customer: 'Acme', contract: 'C-1' });
  });

  it('missing-end: a warning naming the assumed date under assume_12_months', () => {
    // 2025-03-15 + 12 months = 2026-03-15; the day before is the assumed inclusive end
    const f = ofRule(
      findings(table({ start: '2025-03-15', end: '' }), {
        policy: policy({ missingEnd: 'assume_12_months' }),
      }),
      'missing-end',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', row: 2, customer: 'Acme', contract: 'C-1' });
    expect(f[0].message).toContain('assumed 2026-03-14');
  });

  it('missing-end: not tripped when every line has an end', () => {
    expect(ofRule(findings(table({})), 'missing-end')).toEqual([]);
  });

  it('end-before-start: tripped by an end the day before the start, not by a one-day line', () => {
    const f = findings(
      table({ start: '2025-02-01', end: '2025-01-31' }, { start: '2025-02-01', end: '2025-02-01' }),
    );
    expect(ofRule(f, 'end-before-start').map((x) => [x.severity, x.row])).toEqual([['error', 2]]);
  });

  it('cancel-before-start: tripped by a cancel date before the start, not by one on the start', () => {
    const f = findings(table({ cancel: '2024-12-31' }, { cancel: '2025-01-01' }));
    expect(ofRule(f, 'cancel-before-start').map((x) => [x.severity, x.row])).toEqual([['error', 2]]);
  });
});

describe('amount column basis', () => {
  const arrTable = [
    ['Customer', 'Start', 'End', 'ARR'],
    ['Acme', '2025-01-01', '2025-12-31', '1000'],
  ];
  it('amount-basis: an ARR column read as term amounts because the policy says so', () => {
    const f = ofRule(findings(arrTable, { policy: policy({ amountBasis: 'term' }) }), 'amount-basis');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', row: 1 });
    expect(f[0].message).toContain('"ARR" is read as term amounts');
  });

  it('amount-basis: not tripped when the policy leaves amountBasis to the column name', () => {
    expect(ofRule(findings(arrTable), 'amount-basis')).toEqual([]);
  });
});

describe('duplicates and overlaps', () => {
  it('duplicate-line: a line equal to an earlier one in every field, named with it', () => {
    const f = ofRule(findings(table({}, { customer: 'Beta' }, {})), 'duplicate-line');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', row: 4, customer: 'Acme', contract: 'C-1' });
    expect(f[0].message).toContain('row 4 repeats row 2 in every field');
  });

  it('duplicate-line: not tripped when one field differs (amount, status)', () => {
    expect(ofRule(findings(table({}, { amount: '12001' })), 'duplicate-line')).toEqual([]);
    expect(ofRule(findings(table({ status: 'active' }, { status: 'renewed' })), 'duplicate-line')).toEqual(
      [],
    );
  });

  it('duplicate-line: a duplicate is not reported again as an overlap', () => {
    expect(ofRule(findings(table({}, {})), 'overlap')).toEqual([]);
  });

  it('overlap: a renewal starting before the old term ends, with both rows and the days', () => {
    // 2025-12-01..2025-12-31: 31 days counted twice
    const f = ofRule(
      findings(table({}, { contract: 'C-2', start: '2025-12-01', end: '2026-11-30' })),
      'overlap',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', row: 3, customer: 'Acme', contract: 'C-1, C-2' });
    expect(f[0].message).toContain('rows 2 and 3 (Platform) overlap for 31 days, 2025-12-01..2025-12-31');
  });

  it('overlap: the same period entered twice with different amounts', () => {
    const f = ofRule(findings(table({}, { amount: '15000' })), 'overlap');
    expect(f.map((x) => x.row)).toEqual([3]);
    expect(f[0].message).toContain('overlap for 365 days');
  });

  it('overlap: not tripped by a renewal the day after, a co-termed add-on, another product, a one-time line or a cancelled line', () => {
    const f = findings(
      table(
        {},
        { contract: 'C-2', start: '2026-01-01', end: '2026-12-31' }, // renewal the day after the end
        { contract: 'C-3', start: '2025-07-01', end: '2025-12-31', amount: '3000' }, // co-termed add-on
        { contract: 'C-4', product: 'Analytics', start: '2025-06-01', end: '2026-05-31' }, // another product
        { contract: 'C-5', type: 'one_time', start: '2025-03-01', end: '2025-04-30' }, // one-time
        { customer: 'Beta', cancel: '2025-06-30' },
        { customer: 'Beta', contract: 'C-6', start: '2025-07-01', end: '2026-06-30' }, // after the cancel
      ),
    );
    expect(ofRule(f, 'overlap')).toEqual([]);
  });
});

describe('status column', () => {
  it('status-active-ended: Status active on a line that ended before the as-of date', () => {
    const f = ofRule(
      findings(table({ end: '2025-03-31', status: 'Active' }), { asOf: '2025-12-31' }),
      'status-active-ended',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', row: 2, customer: 'Acme', contract: 'C-1' });
    expect(f[0].message).toContain('ended on 2025-03-31, before the as-of date 2025-12-31');
  });

  it('status-active-ended: other live words, and a cancel date before the as-of date', () => {
    const f = findings(
      table({ status: 'In Force', end: '2025-06-30' }, { status: 'live', cancel: '2025-08-31' }),
      { asOf: '2025-12-31' },
    );
    const found = ofRule(f, 'status-active-ended');
    expect(found.map((x) => x.row)).toEqual([2, 3]);
    expect(found[1].message).toContain('the line ended on 2025-08-31 (its cancel date), before');
  });

  it('status-active-ended: not tripped by a line ending on the as-of date, an expired status, or no as-of date', () => {
    const t = table({ status: 'active' }, { end: '2025-03-31', status: 'expired' });
    expect(ofRule(findings(t, { asOf: '2025-12-31' }), 'status-active-ended')).toEqual([]);
    const ended = table({ end: '2025-03-31', status: 'active' });
    const f = findings(ended);
    expect(ofRule(f, 'status-active-ended')).toEqual([]);
    expect(ofRule(f, 'rule-skipped')[0].message).toContain('status-active-ended');
  });

  it('cancelled-no-date: Status cancelled with a blank cancel date', () => {
    const f = ofRule(findings(table({ status: 'Cancelled' }, { status: 'terminated' })), 'cancelled-no-date');
    expect(f.map((x) => [x.severity, x.row])).toEqual([
      ['warning', 2],
      ['warning', 3],
    ]);
    expect(f[0].message).toContain('Cancel Date is blank');
  });

  it('cancelled-no-date: not tripped when the cancel date is given', () => {
    expect(
      ofRule(findings(table({ status: 'cancelled', cancel: '2025-08-31' })), 'cancelled-no-date'),
    ).toEqual([]);
  });
});

describe('currency without a rate', () => {
  const eur = (more: object = {}) => ({ currency: 'EUR', ...more });

  it('fx: contract: a line in another currency without its FX Rate, one finding per line', () => {
    const f = ofRule(
      findings(table(eur(), eur({ fx: '1.1' }), eur({ customer: 'Beta' }))),
      'currency-without-rate',
    );
    expect(f.map((x) => [x.severity, x.row])).toEqual([
      ['error', 2],
      ['error', 4],
    ]);
    expect(f[0].message).toContain('a EUR line with no FX Rate');
  });

  it('fx: contract: not tripped when every EUR line has its rate', () => {
    expect(ofRule(findings(table(eur({ fx: '1.1' }), {})), 'currency-without-rate')).toEqual([]);
  });

  it('fx: fixed: no board rate for a currency, one finding on its first line', () => {
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '2025-12-31', '1.1'],
    ];
    const f = ofRule(
      findings(table({}, eur(), eur({ customer: 'Beta' })), { policy: policy({ fx: 'fixed' }), rates }),
      'currency-without-rate',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', row: 3 });
    expect(f[0].message).toContain('no EUR board rate');
    expect(f[0].message).toContain('2 lines in EUR (rows 3, 4)');
  });

  it('fx: fixed: not tripped with a board rate', () => {
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '', '1.1'],
    ];
    expect(
      ofRule(findings(table(eur()), { policy: policy({ fx: 'fixed' }), rates }), 'currency-without-rate'),
    ).toEqual([]);
  });

  it('fx: spot: no rate on or before the as-of date', () => {
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '2026-01-31', '1.1'],
    ];
    const f = ofRule(
      findings(table(eur()), { policy: policy({ fx: 'spot' }), rates, asOf: '2025-12-31' }),
      'currency-without-rate',
    );
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain(
      'no EUR rate on or before the as-of date 2025-12-31 (its first EUR rate is on 2026-01-31)',
    );
  });

  it('fx: spot: not tripped with a rate on the as-of date; without an as-of date any dated rate does', () => {
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '2025-12-31', '1.1'],
    ];
    const p = policy({ fx: 'spot' });
    expect(
      ofRule(findings(table(eur()), { policy: p, rates, asOf: '2025-12-31' }), 'currency-without-rate'),
    ).toEqual([]);
    expect(ofRule(findings(table(eur()), { policy: p, rates }), 'currency-without-rate')).toEqual([]);
    const boardOnly = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '', '1.1'],
    ];
    const f = ofRule(findings(table(eur()), { policy: p, rates: boardOnly }), 'currency-without-rate');
    expect(f[0].message).toContain('no dated EUR rate');
  });
});

describe('amounts and line types', () => {
  it('non-positive-amount: a recurring or usage-commit line of 0 or less', () => {
    const f = ofRule(
      findings(
        table(
          { amount: '0' },
          { amount: '-500', customer: 'Beta' },
          { type: 'usage_commit', amount: '0', product: 'Commit' },
        ),
      ),
      'non-positive-amount',
    );
    expect(f.map((x) => [x.severity, x.row])).toEqual([
      ['warning', 2],
      ['warning', 3],
      ['warning', 4],
    ]);
    expect(f[1].message).toContain('Amount is -500.00 on a recurring line');
  });

  it('non-positive-amount: not tripped by a positive amount or a one-time line of 0', () => {
    const f = findings(
      table({}, { type: 'one_time', product: 'Onboarding', amount: '0', end: '2025-01-31' }),
    );
    expect(ofRule(f, 'non-positive-amount')).toEqual([]);
  });

  it('long-one-time: a one-time line of 12 months and a day', () => {
    // 2025-01-01 + 12 months = 2026-01-01: a line ending that day runs longer than 12 months
    const f = ofRule(
      findings(table({ type: 'one_time', product: 'Onboarding', end: '2026-01-01' })),
      'long-one-time',
    );
    expect(f.map((x) => [x.severity, x.row])).toEqual([['warning', 2]]);
  });

  it('long-one-time: not tripped by a one-time line of exactly 12 months or a long recurring line', () => {
    const f = findings(
      table(
        { type: 'one_time', product: 'Onboarding', end: '2025-12-31' },
        { end: '2027-12-31', customer: 'Beta' },
      ),
    );
    expect(ofRule(f, 'long-one-time')).toEqual([]);
  });
});

describe('signed dates', () => {
  it('signed-after-start: signed 4 days after the start', () => {
    const f = ofRule(findings(table({ signed: '2025-01-05' })), 'signed-after-start');
    expect(f.map((x) => [x.severity, x.row])).toEqual([['warning', 2]]);
    expect(f[0].message).toContain('Signed Date 2025-01-05 is after the start 2025-01-01 (4 days)');
  });

  it('signed-after-start: not tripped by signing on the start date or before it', () => {
    expect(
      ofRule(
        findings(table({ signed: '2025-01-01' }, { signed: '2024-12-01', customer: 'Beta' })),
        'signed-after-start',
      ),
    ).toEqual([]);
  });

  it('late-start: a contract first starting more than a year after signing, once per contract', () => {
    // signed 2024-01-15 + 12 months = 2025-01-15; a start on 2025-01-16 is more than a year later
    const f = ofRule(
      findings(
        table(
          { signed: '2024-01-15', start: '2025-01-16', end: '2026-01-15' },
          { signed: '2024-01-15', start: '2025-01-16', end: '2026-01-15', product: 'Analytics' },
        ),
      ),
      'late-start',
    );
    expect(f.map((x) => [x.severity, x.row, x.contract])).toEqual([['warning', 2, 'C-1']]);
    expect(f[0].message).toContain('signed 2024-01-15 but starts 2025-01-16');
  });

  it('late-start: not tripped by a start a year to the day after signing, or the later years of a ramp', () => {
    const f = findings(
      table(
        { signed: '2024-01-15', start: '2025-01-15', end: '2026-01-14' },
        // a ramp: one contract, signed once, three yearly lines
        { customer: 'Beta', contract: 'R-1', signed: '2023-12-15', start: '2024-01-01', end: '2024-12-31' },
        { customer: 'Beta', contract: 'R-1', signed: '2023-12-15', start: '2025-01-01', end: '2025-12-31' },
        { customer: 'Beta', contract: 'R-1', signed: '2023-12-15', start: '2026-01-01', end: '2026-12-31' },
      ),
    );
    expect(ofRule(f, 'late-start')).toEqual([]);
  });

  it('late-start: a contract id used by two customers (or signed twice) is two contracts', () => {
    const f = ofRule(
      findings(
        table(
          { signed: '2024-12-20' },
          { customer: 'Beta', signed: '2023-06-30', start: '2025-01-01' },
          { customer: 'Beta', signed: '2023-06-30', start: '2024-06-30', end: '2024-12-31' },
          { signed: '2023-01-01', start: '2025-01-02', product: 'Analytics' },
        ),
      ),
      'late-start',
    );
    // Beta's C-1: first start 2024-06-30 = signing (2023-06-30) + 12 months: not late. Acme's C-1 signed
    // 2023-01-01: start 2025-01-02, late (row 5); Acme's C-1 signed 2024-12-20: not late.
    expect(f.map((x) => [x.row, x.customer])).toEqual([[5, 'Acme']]);
  });

  it('late-start: a line without a contract id is its own contract', () => {
    const f = ofRule(
      findings(table({ contract: '', signed: '2023-01-01', start: '2025-01-01' })),
      'late-start',
    );
    expect(f.map((x) => x.row)).toEqual([2]);
  });
});

describe('renewal gaps', () => {
  const renewal = (start: string, more: object = {}) => ({
    contract: 'C-2',
    start,
    end: '2026-12-31',
    ...more,
  });

  it('renewal-gap: grace 0, one uncovered day (2025-12-31 end, 2026-01-02 start)', () => {
    const f = ofRule(findings(table({}, renewal('2026-01-02'))), 'renewal-gap');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', row: 3, customer: 'Acme', contract: 'C-2' });
    expect(f[0].message).toContain('starts 2026-01-02, 1 day uncovered after row 2 ended 2025-12-31');
  });

  it('renewal-gap: grace 30, 31 uncovered days (2026-01-01..2026-01-31) trip it, 30 do not', () => {
    const p = policy({ renewalGraceDays: '30' });
    const f = ofRule(findings(table({}, renewal('2026-02-01')), { policy: p }), 'renewal-gap');
    expect(f.map((x) => x.row)).toEqual([3]);
    expect(f[0].message).toContain('31 days uncovered');
    expect(f[0].message).toContain('renewalGraceDays (30)');
    expect(ofRule(findings(table({}, renewal('2026-01-31')), { policy: p }), 'renewal-gap')).toEqual([]);
  });

  it('renewal-gap: counted from a cancel date (2025-03-31 cancel, 2025-06-01 start: April 30 + May 31 = 61 days)', () => {
    const f = ofRule(findings(table({ cancel: '2025-03-31' }, renewal('2025-06-01'))), 'renewal-gap');
    expect(f[0].message).toContain('61 days uncovered after row 2 ended 2025-03-31 (its cancel date)');
  });

  it('renewal-gap: not tripped by a renewal the day after, another product, or a later line already covered', () => {
    const f = findings(
      table(
        {},
        renewal('2026-01-01'),
        { product: 'Analytics', contract: 'C-3', start: '2026-03-01', end: '2026-12-31' },
        // a two-year line covering both years, then a line within it
        { customer: 'Beta', start: '2025-01-01', end: '2026-12-31' },
        { customer: 'Beta', contract: 'C-9', start: '2026-06-01', end: '2026-12-31' },
      ),
    );
    expect(ofRule(f, 'renewal-gap')).toEqual([]);
  });
});

describe('ARR moves', () => {
  // Acme: Platform 100,000 for 2025 and Analytics 60,000 from 2025-11-01 to 2026-10-31 (365 days):
  //   ARR 100,000.00 on 2025-09-30, 160,000.00 on 2025-12-31: +60,000.00, above 50,000.
  // Beta: the same with 40,000 of Analytics: +40,000.00, not above 50,000.
  // Gamma: Platform 73,000 for 2024-10-01..2025-09-30 (365 days), not renewed: 73,000.00 on
  //   2025-09-30, 0 on 2025-12-31: -73,000.00.
  const book = table(
    { amount: '100000' },
    { contract: 'C-2', product: 'Analytics', start: '2025-11-01', end: '2026-10-31', amount: '60000' },
    { customer: 'Beta', contract: 'B-1', amount: '40000' },
    {
      customer: 'Beta',
      contract: 'B-2',
      product: 'Analytics',
      start: '2025-11-01',
      end: '2026-10-31',
      amount: '40000',
    },
    { customer: 'Gamma', contract: 'G-1', start: '2024-10-01', end: '2025-09-30', amount: '73000' },
  );

  it('arr-anomaly: moves above anomalyThreshold from a quarter before the as-of date, with lanes and contracts', () => {
    const f = ofRule(findings(book, { asOf: '2025-12-31' }), 'arr-anomaly');
    expect(f.map((x) => [x.severity, x.row, x.customer, x.contract])).toEqual([
      ['warning', 2, 'Acme', 'C-1, C-2'],
      ['warning', 6, 'Gamma', 'G-1'],
    ]);
    expect(f[0].message).toBe(
      'ARR of Acme moved +60,000.00 USD from 100,000.00 on 2025-09-30 to 160,000.00 on 2025-12-31, ' +
        'more than anomalyThreshold (50,000.00): expansion +60,000.00; contracts C-1, C-2',
    );
    expect(f[1].message).toContain('moved -73,000.00 USD from 73,000.00 on 2025-09-30 to 0.00 on 2025-12-31');
    expect(f[1].message).toContain('churn -73,000.00');
  });

  it('arr-anomaly: not tripped by a move equal to the threshold, or without an as-of date', () => {
    const f = ofRule(
      findings(book, { asOf: '2025-12-31', policy: policy({ anomalyThreshold: '60000' }) }),
      'arr-anomaly',
    );
    expect(f.map((x) => x.customer)).toEqual(['Gamma']);
    expect(ofRule(findings(book), 'arr-anomaly')).toEqual([]);
  });

  it('rule-skipped: no as-of date; and arr-anomaly when a spot rate a quarter back is missing', () => {
    const f = findings(book);
    expect(ofRule(f, 'rule-skipped')).toEqual([
      {
        severity: 'info',
        row: null,
        customer: '',
        contract: '',
        rule: 'rule-skipped',
        message: 'no as-of date given, so status-active-ended and arr-anomaly were not checked',
      },
    ]);
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '2025-12-31', '1.1'],
    ];
    const s = findings(table({ currency: 'EUR', end: '2026-06-30' }), {
      policy: policy({ fx: 'spot' }),
      rates,
      asOf: '2025-12-31',
    });
    const skipped = ofRule(s, 'rule-skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].message).toContain('arr-anomaly was not checked: no EUR rate on or before 2025-09-30');
  });

  it('rule-skipped: not tripped with an as-of date and the rates the check needs', () => {
    expect(ofRule(findings(book, { asOf: '2025-12-31' }), 'rule-skipped')).toEqual([]);
  });

  it('arr-not-computable: free months covering the whole term under freeMonths: exclude', () => {
    const t = table({ end: '2025-01-31', free: '2' });
    const f = ofRule(findings(t, { policy: policy({ freeMonths: 'exclude' }) }), 'arr-not-computable');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', row: 2, customer: 'Acme', contract: 'C-1' });
    expect(f[0].message).toContain('free months cover the whole term');
  });

  it('arr-not-computable: not tripped by a computable book; lines without a rate are left out first', () => {
    expect(ofRule(findings(book, { asOf: '2025-12-31' }), 'arr-not-computable')).toEqual([]);
    // fx: contract and a EUR line without its rate: the rate finding, and ARR of the rest
    const f = findings(table({ currency: 'EUR' }, { customer: 'Beta' }), { asOf: '2025-12-31' });
    expect(f.map((x) => x.rule)).toEqual(['currency-without-rate']);
  });
});

describe('order', () => {
  it('sorts by row (findings about no one row first), then rule id', () => {
    const f = findings(
      table(
        { status: 'active', end: '2025-03-31', signed: '2025-01-05' },
        { amount: 'abc' },
        { customer: 'Beta', amount: '0', signed: '2025-02-01' },
      ),
    );
    expect(f.map((x) => [x.row, x.rule])).toEqual([
      [null, 'rule-skipped'],
      [2, 'signed-after-start'],
      [3, 'bad-cell'],
      [4, 'non-positive-amount'],
      [4, 'signed-after-start'],
    ]);
  });

  it('base line is clean', () => {
    expect(findings(table(base), { asOf: '2025-12-31' })).toEqual([]);
  });
});
