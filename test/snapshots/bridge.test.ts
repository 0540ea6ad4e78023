/**
 * BRIDGE and the retention functions over two snapshots, by hand.
 *
 * The CLI fixture book (test/cli/commands.test.ts has the line figures), 2023-03-31 -> 2023-09-30:
 *   start 149,328.73 = Acme 100,828.73 + Beta 12,000 + Delta 36,500
 *   Gamma new +36,500 (first ARR 2023-04-01); Echo reactivation +36,500 (had ARR in 2022);
 *   Beta expansion 30,250 - 12,000 = +18,250; Acme contraction 99,184.78 - 100,828.73 = -1,643.95;
 *   Delta churn -36,500; end 202,434.78 (149,328.73 + 36,500 + 36,500 + 18,250 - 1,643.95 - 36,500).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CellError } from '../../src/index.js';
import { BRIDGE, GRR, NRR, QUICKRATIO, SNAPSHOT } from '../../src/functions/index.js';
import { contracts, lanes, policy, rates, table } from '../methodology/book.js';
import { FIXTURES } from '../cli/run.js';
import { asCsv, namesRow } from './helpers.js';

const BOOK = Papa.parse<string[]>(readFileSync(`${FIXTURES}/contracts.csv`, 'utf8').trim()).data;
const A = table(SNAPSHOT(BOOK, '2023-03-31'));
const B = table(SNAPSHOT(BOOK, '2023-09-30'));
const err = (x: unknown): string => {
  expect(x).toBeInstanceOf(CellError);
  return (x as CellError).message;
};

describe('BRIDGE over two snapshots', () => {
  it('gives the hand-computed lanes', () => {
    expect(lanes(BRIDGE(A, B))).toEqual({
      Start: 149328.73,
      New: 36500,
      Reactivation: 36500,
      Expansion: 18250,
      Contraction: -1643.95,
      Churn: -36500,
      FX: 0,
      End: 202434.78,
    });
  });

  it('gives the detail with the contracts, as the live bridge does', () => {
    expect(table(BRIDGE(A, B, null, null, null, true))).toEqual([
      ['Customer', 'Product', 'Lane', 'Start ARR', 'End ARR', 'Amount', 'Contracts'],
      ['Gamma', '', 'New', 0, 36500, 36500, 'C4'],
      ['Echo', '', 'Reactivation', 0, 36500, 36500, 'C8'],
      ['Beta', '', 'Expansion', 12000, 30250, 18250, 'C3, C5'],
      ['Acme', '', 'Contraction', 100828.73, 99184.78, -1643.95, 'C1, C2'],
      ['Delta', '', 'Churn', 36500, 0, -36500, 'C6'],
    ]);
    expect(BRIDGE(A, B, '', null, null, true)).toEqual(
      BRIDGE(BOOK, '2023-03-31', '2023-09-30', null, null, true),
    );
  });

  it('reads snapshots pasted back as text (a CSV) the same', () => {
    expect(BRIDGE(asCsv(A), asCsv(B))).toEqual(BRIDGE(A, B));
  });

  it('gives the ratios: NRR, GRR, quick ratio', () => {
    // Cohort: Acme, Beta, Delta (149,328.73). End in constant currency: 99,184.78 + 30,250 + 0.
    // NRR = 129,434.78 / 149,328.73; GRR = (99,184.78 + 12,000) / 149,328.73;
    // quick ratio = (36,500 + 36,500 + 18,250) / (1,643.95 + 36,500).
    expect(NRR(A, B)).toBeCloseTo(129434.78 / 149328.73, 12);
    expect(GRR(A, B)).toBeCloseTo(111184.78 / 149328.73, 12);
    expect(QUICKRATIO(A, B)).toBeCloseTo(91250 / 38143.95, 12);
  });
});

describe('constant currency between two snapshots', () => {
  // Foxtrot: EUR 10,000 a year (2023, 365 days).
  const eur = contracts([
    {
      Customer: 'Foxtrot',
      Contract: 'F1',
      Start: '2023-01-01',
      End: '2023-12-31',
      Amount: 10000,
      Currency: 'EUR',
    },
  ]);

  it("fx: spot: B at A's rate, the rest is FX", () => {
    // 1.05 on 2023-03-31: 10,500; 1.2 on 2023-09-30: 12,000; B at A's rate 10,000 x 1.05 = 10,500.
    const fx = rates([
      ['EUR', '2023-01-01', '1.05'],
      ['EUR', '2023-06-30', '1.2'],
    ]);
    const pol = policy({ fx: 'spot' });
    const a = SNAPSHOT(eur, '2023-03-31', pol, fx);
    const b = SNAPSHOT(eur, '2023-09-30', pol, fx);
    expect(lanes(BRIDGE(a, b))).toMatchObject({ Start: 10500, Expansion: 0, FX: 1500, End: 12000 });
  });

  it('a currency the earlier snapshot does not have needs the rates (the rate on its date)', () => {
    // A on 2022-12-31 has no line; B on 2023-03-31 has Foxtrot at 1.05 = 10,500.
    // With the rates: B at the rate of 2022-12-31 (1.00) = 10,000 new, and 500 FX.
    const fx = rates([
      ['EUR', '2022-12-01', '1.00'],
      ['EUR', '2023-01-01', '1.05'],
    ]);
    const pol = policy({ fx: 'spot' });
    const a = SNAPSHOT(eur, '2022-12-31', pol, fx);
    const b = SNAPSHOT(eur, '2023-03-31', pol, fx);
    expect(err(BRIDGE(a, b))).toBe(
      'snapshots: the 2023-03-31 snapshot has EUR lines and the 2022-12-31 one has none, so it gives no EUR rate for the constant-currency figures; give the rates table',
    );
    expect(lanes(BRIDGE(a, b, null, null, fx))).toMatchObject({ Start: 0, New: 10000, FX: 500, End: 10500 });
  });

  it('fx: fixed: a board rate changed between the locks is FX', () => {
    // A locked with board rate 1.1 (11,000), B with 1.2 (12,000): B at A's rate = 11,000, FX 1,000.
    const pol = policy({ fx: 'fixed' });
    const a = SNAPSHOT(eur, '2023-03-31', pol, rates([['EUR', '', '1.1']]));
    const b = SNAPSHOT(eur, '2023-09-30', pol, rates([['EUR', '', '1.2']]));
    expect(lanes(BRIDGE(a, b))).toMatchObject({ Start: 11000, Expansion: 0, FX: 1000, End: 12000 });
  });

  it('fx: contract: each line keeps its own rate; an edited line rate is a change of the line, not FX', () => {
    // The line's rate went from 1.1 (11,000) to 1.2 (12,000) between the locks: expansion 1,000.
    const withRate = (r: string) =>
      contracts([
        {
          Customer: 'Foxtrot',
          Contract: 'F1',
          Start: '2023-01-01',
          End: '2023-12-31',
          Amount: 10000,
          Currency: 'EUR',
          'FX Rate': r,
        },
      ]);
    const a = SNAPSHOT(withRate('1.1'), '2023-03-31');
    const b = SNAPSHOT(withRate('1.2'), '2023-09-30');
    expect(lanes(BRIDGE(a, b))).toMatchObject({ Start: 11000, Expansion: 1000, FX: 0, End: 12000 });
  });
});

describe('two snapshots: what is refused', () => {
  it('a tampered snapshot, naming the discrepancy', () => {
    const t = asCsv(B);
    const H = namesRow(t);
    t[H][11] = '99999';
    expect(err(BRIDGE(A, t))).toBe(
      `from (the second snapshot): the snapshot was altered after it was locked: row ${H + 1}, ARR Reporting: "99999" was changed after the lock; header, Total: 202,434.78, but the rows add up to 203,249.00`,
    );
  });

  it('snapshots of two policies, a later one first, a date in `to`, a second argument that is not a snapshot', () => {
    const monthly = SNAPSHOT(BOOK, '2023-09-30', policy({ annualization: 'monthly12' }));
    expect(err(BRIDGE(A, monthly))).toMatch(
      /^snapshots: locked under different policies \(2023-03-31: \w{12}, 2023-09-30: \w{12}\)/,
    );
    expect(err(BRIDGE(B, A))).toBe(
      'snapshots: the second snapshot (2023-03-31) is dated before the first (2023-09-30); give the earlier one first',
    );
    expect(err(BRIDGE(A, B, '2023-09-30'))).toBe(
      'to: leave it empty when bridging two snapshots (their dates are 2023-03-31 and 2023-09-30)',
    );
    expect(err(BRIDGE(A, '2023-09-30'))).toBe(
      'from: when the first argument is a snapshot, the second must be the later snapshot (a SNAPSHOT range)',
    );
  });

  it('a policy that is not the one recorded in the snapshots; the same one is fine', () => {
    expect(err(BRIDGE(A, B, null, policy({ annualization: 'monthly12' })))).toMatch(
      /^policy: its hash is \w{12}, but the snapshot of 2023-03-31 was locked under \w{12}; omit the policy/,
    );
    expect(BRIDGE(A, B, null, policy({ annualization: 'daily365' }))).toEqual(BRIDGE(A, B));
  });

  it('bridgeMethod: monthly cannot be had from two dates: BRIDGE and QUICKRATIO refuse, NRR works', () => {
    const pol = policy({ bridgeMethod: 'monthly' });
    const a = SNAPSHOT(BOOK, '2023-03-31', pol);
    const b = SNAPSHOT(BOOK, '2023-09-30', pol);
    expect(err(BRIDGE(a, b))).toBe(
      'snapshots: bridgeMethod: monthly sums the diffs at every month end between the dates, and two snapshots hold only their own dates; bridge the contracts instead, or set bridgeMethod: single',
    );
    expect(err(QUICKRATIO(a, b))).toMatch(
      /^quick ratio: bridgeMethod: monthly .* compute it from the contracts$/,
    );
    expect(NRR(a, b)).toBe(NRR(BOOK, '2023-03-31', '2023-09-30', pol));
  });
});
