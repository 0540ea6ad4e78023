/**
 * Verification by hand: what each kind of edit is reported as, what is the same cell written another
 * way (not an edit), and what is not a snapshot at all. The snapshot is the CLI fixture book's as of
 * 2023-09-30 (snapshot.test.ts has its figures): five rows after the column names, Acme C2 first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CellError, parsePolicy, policyHash, readSnapshot } from '../../src/index.js';
import { SNAPSHOT } from '../../src/functions/index.js';
import { ok, policy, table } from '../methodology/book.js';
import { FIXTURES } from '../cli/run.js';
import { asCsv, intact, namesRow } from './helpers.js';

const BOOK = Papa.parse<string[]>(readFileSync(`${FIXTURES}/contracts.csv`, 'utf8').trim()).data;
const LOCKED = asCsv(table(SNAPSHOT(BOOK, '2023-09-30')));
const H = namesRow(LOCKED); // sheet row of the column names; data rows are H + 1 ..
const copy = () => LOCKED.map((r) => [...r]);
const col = (name: string) => LOCKED[H - 1].indexOf(name);
const found = (t: unknown[][]) => ok(readSnapshot(t)).discrepancies;
const labelRow = (label: string) => LOCKED.findIndex((r) => r[0] === label) + 1;

describe('verify: an intact snapshot', () => {
  it('reads back intact from the CSV text', () => {
    const s = intact(LOCKED);
    expect(s.rowCount).toBe(5);
    expect(s.totalCents).toBe(20243478);
  });

  it('reads back intact from a sheet: dates as serials or Date cells, numbers as numbers, blanks as 0', () => {
    // 2023-09-30 is Excel serial 45199; 2023-07-01 45108; 2023-12-31 45291; 2023-01-01 44927.
    const t: unknown[][] = copy();
    const serial: Record<string, number> = {
      '2023-09-30': 45199,
      '2023-07-01': 45108,
      '2023-12-31': 45291,
      '2023-01-01': 44927,
    };
    t[1][1] = serial['2023-09-30'];
    const first = t[H];
    first[col('Start')] = serial['2023-07-01'];
    first[col('End')] = new Date(2023, 11, 31); // a Date cell, read by its own calendar fields
    first[col('First ARR')] = serial['2023-01-01'];
    first[col('Amount')] = 50000;
    first[col('Rows')] = 3;
    t[6][1] = 5;
    t[7][1] = 202434.78;
    const second = t[H + 1];
    second[col('ARR Local Exact')] = 0; // Excel desktop's blank
    for (const r of t) for (let c = 0; c < r.length; c++) if (r[c] === '') r[c] = null;
    intact(t);
  });

  it('takes the same value written another way as the same cell', () => {
    const t = copy();
    t[H][col('ARR Local')] = '99,184.78';
    t[H][col('Amount')] = '50000.00';
    t[H][col('Rate')] = '1.000';
    t[7][1] = '$202,434.78';
    intact(t);
  });

  it('reads a hash of decimal digits that a spreadsheet took for a number, leading zeros and all', () => {
    // Find a policy version whose policy hash is all decimal digits (about 1 in 300 are).
    let version = 0;
    let hash = '';
    for (; version < 100_000; version++) {
      hash = policyHash(ok(parsePolicy(policy({ version: `v${version}` }))));
      if (/^\d{12}$/.test(hash)) break;
    }
    expect(hash).toMatch(/^\d{12}$/);
    const t: unknown[][] = asCsv(table(SNAPSHOT(BOOK, '2023-09-30', policy({ version: `v${version}` }))));
    expect(t[4].slice(0, 2)).toEqual(['Policy hash', hash]);
    t[4][1] = Number(hash);
    intact(t);
  });

  it('ignores blank rows after the last row (a sheet range larger than the snapshot)', () => {
    intact([...copy(), ['', '', ''], []]);
  });
});

describe('verify: edits are found and named', () => {
  it('an edited ARR: the cell, and the total that no longer adds up', () => {
    const t = copy();
    t[H][col('ARR Reporting')] = '99999';
    expect(found(t)).toEqual([
      {
        row: H + 1,
        column: 'ARR Reporting',
        message: `row ${H + 1}, ARR Reporting: "99999" was changed after the lock`,
      },
      {
        row: 8,
        column: 'Total',
        // 202,434.78 - 99,184.78 + 99,999.00 = 203,249.00
        message: 'header, Total: 202,434.78, but the rows add up to 203,249.00',
      },
    ]);
  });

  it('an edited customer, date or contract is named by its row and column', () => {
    for (const [name, value] of [
      ['Customer', 'Acme Corp'],
      ['Start', '2023-07-02'],
      ['Contract', 'C9'],
      ['Check', '0000000000000000'],
    ]) {
      const t = copy();
      t[H + 2][col(name)] = value;
      const d = found(t);
      expect(d[0].row, name).toBe(H + 3);
      expect(d[0].column, name).toBe(name);
    }
  });

  it("a cell that is not its column's type is named with what is wrong with it", () => {
    const t = copy();
    t[H + 1][col('End')] = '2023-13-01';
    expect(found(t)[0].message).toBe(`row ${H + 2}, End: "2023-13-01" is not a date (no month 13)`);
    const u = copy();
    u[H + 1][col('Amount')] = '9200.005';
    expect(found(u)[0].message).toBe(`row ${H + 2}, Amount: "9200.005" is not an amount in whole cents`);
  });

  it('an edited header value: the total, the policy hash, the as-of date', () => {
    const total = copy();
    total[7][1] = '202434.79';
    // One discrepancy a cell: the check's, before the sum's.
    expect(found(total).map((d) => d.message)).toEqual([
      `header, Total: "202434.79" does not match its check (row 8: the value or its check was changed after the lock)`,
    ]);
    const hash = copy();
    hash[4][1] = '000000000000';
    const d = found(hash);
    expect(d[0]).toMatchObject({ row: 5, column: 'Policy hash' });
    const asOf = copy();
    asOf[1][1] = '2023-09-29';
    expect(found(asOf)[0]).toMatchObject({ row: 2, column: 'As of' });
  });

  it('an edited policy row is named, and its hash no longer matches the policy hash', () => {
    const t = copy();
    const r = labelRow('Policy: annualization');
    t[r - 1][1] = 'monthly12';
    const d = found(t);
    expect(d[0]).toMatchObject({ row: r, column: 'Policy: annualization' });
    expect(
      d.some((x) => x.column === 'Policy hash' && /is not the hash of the policy rows/.test(x.message)),
    ).toBe(true);
  });

  it('a deleted row: the count, the total and the column checks say so', () => {
    const t = copy();
    t.splice(H + 1, 1); // Beta Addon, 18,250.00
    const d = found(t);
    expect(d.map((x) => x.message)).toEqual([
      `header, Column checks: the check of column Customer does not match its cells (a row was deleted, added or changed, or the checks were)`,
      'header, Rows: 5, but the table has 4 rows',
      // 202,434.78 - 18,250.00 = 184,184.78
      'header, Total: 202,434.78, but the rows add up to 184,184.78',
    ]);
  });

  it('two rows swapped: out of order', () => {
    const t = copy();
    [t[H], t[H + 4]] = [t[H + 4], t[H]];
    const d = found(t);
    expect(d.map((x) => x.message)).toContain(
      `row ${H + 2}: out of order after row ${H + 1} (rows are sorted by customer, product, start, end, contract and row; they were moved)`,
    );
  });

  it('an edited seal', () => {
    const t = copy();
    const r = labelRow('Seal');
    t[r - 1][1] = '0'.repeat(64);
    expect(found(t)).toEqual([
      {
        row: r,
        column: 'Seal',
        message: `header, Seal: "${'0'.repeat(64)}" does not match the snapshot (the seal or the order of the header rows was changed)`,
      },
    ]);
  });

  it('a value written into the blank row, or beside the table', () => {
    const t = copy();
    t[H - 2][3] = 'note';
    expect(found(t)[0]).toMatchObject({ row: H - 1 });
    const u = copy();
    u[H].push('note');
    expect(found(u)[0]).toMatchObject({ row: H + 1, column: 'column 15' });
  });
});

describe('verify: not a snapshot', () => {
  it('a table whose first cell is not the marker, an unknown format, no column names', () => {
    const notOne = readSnapshot(BOOK);
    expect(notOne).toBeInstanceOf(CellError);
    expect((notOne as CellError).message).toBe(
      'snapshot: not a RunRate snapshot (its first cell is "Customer"; a snapshot starts with "RunRate snapshot")',
    );
    const format = copy();
    format[0][1] = '2';
    expect((readSnapshot(format) as CellError).message).toBe(
      'snapshot: format "2" is not one this version of RunRate reads (format 1)',
    );
    const cut = copy().slice(0, H - 1);
    expect((readSnapshot(cut) as CellError).message).toMatch(/^snapshot: no row holds the column names/);
  });
});
