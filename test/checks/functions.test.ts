/** The CHECK sheet function: its table, optional arguments as hosts pass them, argument errors. */
import { describe, expect, it } from 'vitest';
import { CHECK, CellError, callFunction, excelSerialFromDay, getFunction } from '../../src/index.js';
import { CHECK_HEADER } from '../../src/functions/checks.js';
import { day, policy, table } from './helpers.js';

describe('CHECK', () => {
  it('returns the header and one row per finding; a finding about no one row has a blank row', () => {
    const r = CHECK(table({ amount: 'abc' }));
    expect(Array.isArray(r)).toBe(true);
    const t = r as unknown[][];
    expect(t[0]).toEqual(['Severity', 'Row', 'Customer', 'Contract', 'Rule', 'Message']);
    expect(t.slice(1).map((x) => x.slice(0, 5))).toEqual([
      ['info', '', '', '', 'rule-skipped'],
      ['error', 2, 'Acme', 'C-1', 'bad-cell'],
    ]);
  });

  it('returns one info row when nothing is found', () => {
    expect(CHECK(table({}), '2025-12-31')).toEqual([
      CHECK_HEADER,
      ['info', '', '', '', 'no-findings', 'no findings in 1 line as of 2025-12-31'],
    ]);
  });

  it("reads asOf as a date cell (an Excel serial) and treats the hosts' blanks as omitted", () => {
    const t = table({ status: 'active', end: '2025-03-31' });
    const serial = excelSerialFromDay(day('2025-12-31'));
    const rules = (r: unknown) => (r as unknown[][]).slice(1).map((x) => x[4]);
    expect(rules(CHECK(t, serial))).toEqual(['status-active-ended']);
    expect(rules(CHECK(t, [[serial]]))).toEqual(['status-active-ended']);
    for (const blank of [undefined, null, '', 0, [[null]], [['']]]) {
      expect(rules(CHECK(t, blank)), String(blank)).toEqual(['rule-skipped']);
    }
  });

  it('takes the policy and rates ranges', () => {
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', '2026-01-31', '1.1'],
    ];
    const r = CHECK(table({ currency: 'EUR' }), '2025-12-31', policy({ fx: 'spot' }), rates) as unknown[][];
    expect(r.slice(1).map((x) => x[4])).toEqual(['currency-without-rate']);
  });

  it('reports a bad policy range and an empty contracts range as findings', () => {
    const bad = CHECK(table({}), '2025-12-31', policy({ rounding: 'sometimes' })) as unknown[][];
    expect(bad.slice(1).map((x) => x[4])).toEqual(['bad-policy']);
    const empty = CHECK(null, '2025-12-31') as unknown[][];
    expect(empty.slice(1).map((x) => x[4])).toEqual(['bad-range']);
  });

  it('returns an error value for a bad asOf argument (an argument, not a cell of the data)', () => {
    const r = CHECK(table({}), 'next tuesday');
    expect(r).toBeInstanceOf(CellError);
    expect((r as CellError).message).toContain('asOf: "next tuesday" is not a date');
    expect(callFunction('CHECK', [])).toBeInstanceOf(CellError);
  });

  it('is described with optional asOf, policy and rates; its date help says to use a cell', () => {
    const f = getFunction('CHECK');
    expect(f?.args.map((a) => (a.optional ? `[${a.name}]` : a.name))).toEqual([
      'contracts',
      '[asOf]',
      '[policy]',
      '[rates]',
    ]);
    expect(f?.args[1].help).toContain('not TODAY()');
  });
});
