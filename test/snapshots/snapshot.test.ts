/**
 * SNAPSHOT's table, by hand, on the CLI fixture book (test/fixtures/cli/contracts.csv, daily365,
 * amounts for the term, dates inclusive) as of 2023-09-30:
 *
 *   Acme  Core   C2  row 3  50,000  2023-07-01..2023-12-31  184 days  50,000 x 365 / 184 = 99,184.78
 *                exactly 18,250,000 / 184 = 2,281,250 / 23 (divided by 8)
 *   Beta  Addon  C5  row 5   9,200  2023-07-01..2023-12-31  184 days   9,200 x 365 / 184 = 18,250.00
 *   Beta  Core   C3  row 4  12,000  2023-01-01..2023-12-31  365 days                      = 12,000.00
 *   Echo  Core   C8  row 9  36,600  2023-07-01..2024-06-30  366 days  36,600 x 365 / 366 = 36,500.00
 *   Gamma Core   C4  row 6  36,600  2023-04-01..2024-03-31  366 days                      = 36,500.00
 *   total 202,434.78; first ARR: Acme 2023-01-01 (C1), Beta 2023-01-01, Echo 2022-01-01 (C7), Gamma 2023-04-01.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  POLICY_KEYS,
  SNAPSHOT_COLUMNS,
  buildSnapshot,
  parseContracts,
  parsePolicy,
  policyHash,
  policyTable,
  snapshotDataHash,
} from '../../src/index.js';
import { SNAPSHOT } from '../../src/functions/index.js';
import { contracts, day, ok, policy, table } from '../methodology/book.js';
import { FIXTURES } from '../cli/run.js';
import { modelOf, namesRow } from './helpers.js';

const csv = (name: string): string[][] =>
  Papa.parse<string[]>(readFileSync(`${FIXTURES}/${name}`, 'utf8').trim()).data;
const BOOK = csv('contracts.csv');
/** A check: 16 hex digits, the first written as a letter g-v so that it never reads as a number. */
const CHECK = /^[g-v][0-9a-f]{15}$/;

describe('SNAPSHOT', () => {
  const t = table(SNAPSHOT(BOOK, '2023-09-30'));
  const H = namesRow(t);

  it('starts with the marker and the format version, then the header block', () => {
    expect(t[0].slice(0, 2)).toEqual(['RunRate snapshot', 1]);
    const labels = t.slice(0, H - 2).map((r) => r[0]);
    expect(labels.slice(0, 9)).toEqual([
      'RunRate snapshot',
      'As of',
      'Currency',
      'Policy version',
      'Policy hash',
      'Data hash',
      'Rows',
      'Total',
      'Column checks',
    ]);
    const p = ok(parsePolicy(null));
    const header = Object.fromEntries(t.slice(1, 9).map((r) => [r[0], r[1]]));
    expect(header).toEqual({
      'As of': '2023-09-30',
      Currency: 'USD',
      'Policy version': '1',
      'Policy hash': policyHash(p),
      'Data hash': expect.stringMatching(/^[0-9a-f]{12}$/),
      Rows: 5,
      Total: 202434.78,
      'Column checks': expect.stringMatching(/^([g-v][0-9a-f]{15} ){13}[g-v][0-9a-f]{15}$/),
    });
    // Every header row but the seal carries a check.
    for (const r of t.slice(0, H - 3)) expect(r[2]).toMatch(CHECK);
  });

  it('records the whole policy, one row a key, and seals everything', () => {
    const policyRows = t.filter((r) => String(r[0]).startsWith('Policy: '));
    expect(policyRows.map((r) => [String(r[0]).slice(8), r[1]])).toEqual(policyTable().slice(1));
    expect(policyRows).toHaveLength(POLICY_KEYS.length);
    expect(t[H - 3].slice(0, 3)).toEqual(['Seal', expect.stringMatching(/^[0-9a-f]{64}$/), '']);
    expect(t[H - 2].every((c) => c === '')).toBe(true);
    expect(t[H - 1]).toEqual([...SNAPSHOT_COLUMNS]);
  });

  it('has one row per line counting on the date, sorted by customer and product, with the hand figures', () => {
    const rows = t.slice(H).map((r) => r.slice(0, 13));
    expect(rows).toEqual([
      [
        'Acme',
        'Core',
        'C2',
        '3',
        '2023-07-01',
        '2023-12-31',
        50000,
        'USD',
        99184.78,
        '2281250/23',
        '1',
        99184.78,
        '2023-01-01',
      ],
      [
        'Beta',
        'Addon',
        'C5',
        '5',
        '2023-07-01',
        '2023-12-31',
        9200,
        'USD',
        18250,
        '',
        '1',
        18250,
        '2023-01-01',
      ],
      [
        'Beta',
        'Core',
        'C3',
        '4',
        '2023-01-01',
        '2023-12-31',
        12000,
        'USD',
        12000,
        '',
        '1',
        12000,
        '2023-01-01',
      ],
      [
        'Echo',
        'Core',
        'C8',
        '9',
        '2023-07-01',
        '2024-06-30',
        36600,
        'USD',
        36500,
        '',
        '1',
        36500,
        '2022-01-01',
      ],
      [
        'Gamma',
        'Core',
        'C4',
        '6',
        '2023-04-01',
        '2024-03-31',
        36600,
        'USD',
        36500,
        '',
        '1',
        36500,
        '2023-04-01',
      ],
    ]);
    for (const r of t.slice(H)) expect(r[13]).toMatch(CHECK);
  });

  it('converts at the rate of the date and records it (fx: spot)', () => {
    // Foxtrot: EUR 10,000 for 2023 (365 days) = EUR 10,000 a year; EUR rate 1.05 from 2023-01-01,
    // 1.2 from 2023-06-30: 10,500.00 on 2023-03-31, 12,000.00 on 2023-09-30.
    const eur = csv('eur.csv');
    const fx = csv('fx-rates.csv');
    const pol = policy({ fx: 'spot' });
    for (const [asOf, rate, arr] of [
      ['2023-03-31', '1.05', 10500],
      ['2023-09-30', '1.2', 12000],
    ] as const) {
      const s = table(SNAPSHOT(eur, asOf, pol, fx));
      const row = s[namesRow(s)];
      expect(row.slice(7, 13)).toEqual(['EUR', 10000, '', rate, arr, '2023-01-01']);
    }
  });

  it('gives a pooled contract one row with its lines (multiYear: average)', () => {
    // Methodology section 2: $100K (2024), $125K (2025), $150K (2026), monthly12, average:
    // 375,000 over 36 months x 12 = 125,000.
    const ramp = contracts([
      {
        Customer: 'Ramp',
        Contract: 'R1',
        Product: 'P',
        Start: '2024-01-01',
        End: '2024-12-31',
        Amount: 100000,
      },
      {
        Customer: 'Ramp',
        Contract: 'R1',
        Product: 'P',
        Start: '2025-01-01',
        End: '2025-12-31',
        Amount: 125000,
      },
      {
        Customer: 'Ramp',
        Contract: 'R1',
        Product: 'P',
        Start: '2026-01-01',
        End: '2026-12-31',
        Amount: 150000,
      },
    ]);
    const s = table(
      SNAPSHOT(ramp, '2025-06-30', policy({ annualization: 'monthly12', multiYear: 'average' })),
    );
    expect(s.slice(namesRow(s)).map((r) => r.slice(0, 13))).toEqual([
      [
        'Ramp',
        'P',
        'R1',
        '2+3+4',
        '2024-01-01',
        '2026-12-31',
        375000,
        'USD',
        125000,
        '',
        '1',
        125000,
        '2024-01-01',
      ],
    ]);
  });

  it('lists a line with no ARR that counts on the date (the bridge names its contract too)', () => {
    const zero = contracts([
      { Customer: 'Nil', Contract: 'N1', Start: '2023-01-01', End: '2023-12-31', Amount: 0 },
    ]);
    const s = table(SNAPSHOT(zero, '2023-06-30'));
    expect(s.slice(namesRow(s)).map((r) => r.slice(0, 13))).toEqual([
      ['Nil', '', 'N1', '2', '2023-01-01', '2023-12-31', 0, 'USD', 0, '', '1', 0, ''],
    ]);
    expect(s[6].slice(0, 2)).toEqual(['Rows', 1]);
    expect(s[7].slice(0, 2)).toEqual(['Total', 0]);
  });

  it('is the same table for the same book and date (deterministic)', () => {
    expect(SNAPSHOT(BOOK, '2023-09-30')).toEqual(t);
  });

  it('comes from the ARR model through the core too', () => {
    const s = ok(buildSnapshot(modelOf(BOOK), day('2023-09-30')));
    expect(s.totalCents).toBe(20243478);
    expect(s.rowCount).toBe(5);
    expect(s.checks.seal).toBe(t[namesRow(t) - 3][1]);
  });
});

describe('the data hash', () => {
  const p = ok(parsePolicy(null));
  const hash = (cells: unknown[][], pol = p) => snapshotDataHash(ok(parseContracts(cells, pol)), pol);
  const base = hash(BOOK);

  it('does not depend on the order of the rows', () => {
    const shuffled = [BOOK[0], ...BOOK.slice(1).reverse()];
    expect(hash(shuffled)).toBe(base);
  });

  it('does not depend on columns that do not move ARR (segment, billing), nor on one-time lines', () => {
    const segment = BOOK.map((r, i) => (i === 0 ? r : [...r.slice(0, 6), 'Other']));
    expect(hash(segment)).toBe(base);
    const billing = BOOK.map((r, i) => [...r, i === 0 ? 'Billing' : 'monthly']);
    expect(hash(billing)).toBe(base);
    const header = [...BOOK[0], 'Line Type'];
    const withOneTime = [
      header,
      ...BOOK.slice(1).map((r) => [...r, '']),
      ['Acme', 'S1', 'Setup', '2023-01-01', '2023-01-01', '5000', 'Enterprise', 'one_time'],
    ];
    expect(hash(withOneTime)).toBe(base);
  });

  it('changes with an amount, a date, a customer or a duplicated line', () => {
    const edit = (r: number, c: number, v: string) =>
      BOOK.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));
    expect(hash(edit(3, 5, '12001'))).not.toBe(base);
    expect(hash(edit(3, 4, '2023-12-30'))).not.toBe(base);
    expect(hash(edit(3, 0, 'Betta'))).not.toBe(base);
    expect(hash([...BOOK, BOOK[3]])).not.toBe(base);
  });

  it('reads the fields the policy makes matter: a signed date only under basis: contracted', () => {
    const signed = (d: string) =>
      contracts([{ Customer: 'A', Start: '2023-01-01', End: '2023-12-31', Amount: 1000, Signed: d }]);
    expect(hash(signed('2022-12-01'))).toBe(hash(signed('2022-12-15')));
    const contracted = ok(parsePolicy(policy({ basis: 'contracted' })));
    expect(hash(signed('2022-12-01'), contracted)).not.toBe(hash(signed('2022-12-15'), contracted));
  });

  it("is the snapshot header's data hash", () => {
    const t = table(SNAPSHOT(BOOK, '2023-09-30'));
    expect(t[5].slice(0, 2)).toEqual(['Data hash', base]);
  });
});
