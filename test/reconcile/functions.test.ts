/**
 * RECONCILE and RECONWALK on the five-disagreement book, the NetSuite side pasted as one range: a
 * transaction saved search holding the invoices, the credit memo and the revenue recognition
 * journals (credits to 4000, shown negative as a saved search shows them). Figures: five.test.ts.
 * Acme Corp has no transaction yet, so without a customer list it matches no entity: its ARR is
 * unmatched rather than a pending start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CellError,
  RECONCILE,
  RECONWALK,
  callFunction,
  dayFromYmd,
  excelSerialFromDay,
  getFunction,
} from '../../src/index.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reconcile');
const cells = (f: string) =>
  Papa.parse<string[]>(readFileSync(path.join(DIR, f), 'utf8'), { skipEmptyLines: true }).data;
const CONTRACTS = cells('contracts.csv');
const POLICY = cells('policy.csv');
const MAPPING = cells('mapping.csv');
const NETSUITE = cells('saved-search-all.csv');

type Table = (string | number | boolean | null)[][];
const table = (x: unknown): Table => {
  if (x instanceof CellError) expect.fail(`${x.code} ${x.message}`);
  return x as Table;
};
const byCustomer = (t: Table) => new Map(t.slice(1).map((r) => [r[0], r]));

describe('RECONCILE', () => {
  it('revenue table: header, a row per customer with its cause, a total row', () => {
    const t = table(RECONCILE(CONTRACTS, NETSUITE, '2025-01-01', '2025-03-31', POLICY, MAPPING));
    expect(t[0]).toEqual([
      'Customer',
      'NetSuite',
      'Contract revenue',
      'GL revenue',
      'Variance',
      'Variance %',
      'Flag',
      'Pending start',
      'One-time / services',
      'Usage',
      'Discount gross vs net',
      'Modification timing',
      'Churn timing',
      'Unmatched customer',
      'Unexplained',
    ]);
    const rows = byCustomer(t);
    expect(rows.get('Globex Corporation')).toEqual([
      'Globex Corporation',
      'C1002 Globex Corporation',
      9000,
      29000,
      20000,
      20000 / 9000,
      true,
      0,
      20000,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(rows.get('Initech')?.slice(2, 7)).toEqual([18000, 22500, 4500, 0.25, true]);
    expect(rows.get('Initech')?.[10]).toBe(4500);
    expect(rows.get('Umbrella Corp')?.[11]).toBe(-2800);
    expect(rows.get('Hooli Inc')?.[12]).toBe(5900);
    expect(rows.get('Acme Corp')).toBeDefined();
    expect(t.at(-1)?.slice(0, 5)).toEqual(['Total', '', 54000, 81600, 27600]);
    expect(t.at(-1)?.at(-1)).toBe(0);
  });

  it('arr and deferred tables', () => {
    const arr = byCustomer(
      table(RECONCILE(CONTRACTS, NETSUITE, '2025-01-01', '2025-03-31', POLICY, MAPPING, null, 'arr')),
    );
    expect(arr.get('Acme Corp')?.slice(2, 5)).toEqual([73000, 0, -73000]);
    expect(arr.get('Acme Corp')?.[13]).toBe(-73000); // unmatched: no NetSuite entity in this export
    expect(arr.get('Initech')?.[10]).toBe(18250);
    expect(arr.get('Hooli Inc')?.[12]).toBe(36500);
    const def = byCustomer(
      table(RECONCILE(CONTRACTS, NETSUITE, '2025-01-01', '2025-03-31', POLICY, MAPPING, null, 'deferred')),
    );
    expect(def.get('Initech')?.slice(2, 5)).toEqual([55000, 68750, 13750]);
    expect(def.get('Hooli Inc')?.[12]).toBe(-5900);
    expect(def.get('Total')?.at(-1)).toBe(0);
  });

  it('errors: bad table choice, empty NetSuite range, a period that is not whole months', () => {
    const bad = RECONCILE(CONTRACTS, NETSUITE, '2025-01-01', '2025-03-31', POLICY, MAPPING, null, 'cash');
    expect(bad).toBeInstanceOf(CellError);
    expect((bad as CellError).message).toContain('table: "cash" is not allowed');
    const empty = RECONCILE(CONTRACTS, '', '2025-01-01', '2025-03-31');
    expect((empty as CellError).message).toContain('netsuite: the NetSuite range is empty');
    const part = RECONCILE(CONTRACTS, NETSUITE, '2025-01-15', '2025-03-31', POLICY);
    expect((part as CellError).message).toContain('whole months');
  });

  it('reads a range as Excel pastes it: date serials and numbers', () => {
    const serial = (t: string) => {
      const [m, d, y] = t.split('/').map(Number);
      return excelSerialFromDay(dayFromYmd(y, m, d));
    };
    const pasted = NETSUITE.map((r, i) =>
      i === 0 ? r : r.map((c, k) => ((k === 2 || k >= 9) && c !== '' ? serial(c) : k === 8 ? Number(c) : c)),
    );
    expect(typeof pasted[1][2]).toBe('number');
    const a = RECONCILE(CONTRACTS, NETSUITE, '2025-01-01', '2025-03-31', POLICY, MAPPING);
    expect(RECONCILE(CONTRACTS, pasted, '2025-01-01', '2025-03-31', POLICY, MAPPING)).toEqual(a);
  });

  it('is described for the hosts with its arguments in order', () => {
    expect(getFunction('RECONCILE')?.args.map((a) => a.name)).toEqual([
      'contracts',
      'netsuite',
      'from',
      'to',
      'policy',
      'mapping',
      'rates',
      'table',
    ]);
    expect(getFunction('RECONWALK')?.args.map((a) => a.name)).toEqual([
      'contracts',
      'netsuite',
      'from',
      'to',
      'policy',
      'mapping',
      'rates',
    ]);
  });
});

describe('RECONWALK', () => {
  it('walks from ARR-implied revenue to GL revenue, footing to the cent', () => {
    const t = table(RECONWALK(CONTRACTS, NETSUITE, '2025-01-01', '2025-03-31', POLICY, MAPPING));
    expect(t[0]).toEqual(['Step', 'Amount']);
    expect(t[1]).toEqual(['ARR-implied revenue', 64200]);
    expect(t.find((r) => r[0] === 'Contract revenue')).toEqual(['Contract revenue', 54000]);
    expect(t.at(-1)).toEqual(['GL revenue', 81600]);
    const i = t.findIndex((r) => r[0] === 'Contract revenue');
    const sum = (a: number, b: number) =>
      t.slice(a, b).reduce((s, r) => s + Math.round((r[1] as number) * 100), 0);
    expect(sum(1, i)).toBe(5400000);
    expect(sum(i, t.length - 1)).toBe(8160000);
    expect(
      callFunction('RECONWALK', [CONTRACTS, NETSUITE, '2025-01-01', '2025-03-31', POLICY, MAPPING]),
    ).toEqual(t);
  });
});
