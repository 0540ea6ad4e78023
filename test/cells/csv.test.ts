import { describe, expect, it } from 'vitest';
import { CellError, csvRows } from '../../src/cells/index.js';

describe('csvRows', () => {
  it('drops a byte-order mark and trailing empty lines, keeps blank lines inside and quoted commas', () => {
    const rows = csvRows('\ufeffCustomer,Amount\r\n"Acme, Inc.",100\r\n\r\nBeta,50\r\n\r\n', 'f.csv');
    expect(rows).toEqual([['Customer', 'Amount'], ['Acme, Inc.', '100'], [''], ['Beta', '50']]);
  });

  it('takes a semicolon or a tab when the first line has no comma', () => {
    expect(csvRows('a;b\n1,5;2', 'f.csv')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(csvRows('a\tb\n1\t2', 'f.csv')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('names the row of a broken quote', () => {
    const r = csvRows('a,b\n1,2\n"open,3\n', 'mapping.csv');
    expect(r).toBeInstanceOf(CellError);
    expect((r as CellError).message).toMatch(/^mapping\.csv: row 3: /);
    expect((r as CellError).row).toBe(3);
  });
});
