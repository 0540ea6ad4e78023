/**
 * The Sheets adapter's pieces on their own (gas/functions/sheets-adapter.ts): Dates replaced by
 * their text without copying rows that hold none, tables made rectangular with "" for blanks,
 * errors thrown with the core's message, omitted trailing arguments dropped.
 */
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/cells/error.js';
import {
  callSheetsWith,
  convertArg,
  spreadsheetDateReader,
  toSheets,
} from '../../gas/functions/sheets-adapter.js';

/** A reader that names the instant, so a test sees which Dates were read. */
const read = (d: Date): string => `day-${d.getTime()}`;

describe('convertArg', () => {
  it('replaces every Date, in a range or alone, and reuses rows without one', () => {
    const plain = ['Acme', 100];
    const dated = ['Beta', new Date(86_400_000)];
    const range = [plain, dated];
    const out = convertArg(range, read) as unknown[][];
    expect(out).toEqual([plain, ['Beta', 'day-86400000']]);
    expect(out[0]).toBe(plain);
    expect(range[1][1]).toBeInstanceOf(Date); // the input is not changed
    expect(convertArg(new Date(0), read)).toBe('day-0');
    expect(convertArg('2025-01-01', read)).toBe('2025-01-01');
    const noDates = [['a', 1]];
    expect(convertArg(noDates, read)).toBe(noDates);
  });
});

describe('toSheets', () => {
  it('a number stays a number; a table becomes rectangular with "" for null', () => {
    expect(toSheets(1234.5)).toBe(1234.5);
    expect(
      toSheets([
        ['Lane', 'Amount', 'Note'],
        ['Start', 100],
        ['End', null, null],
      ]),
    ).toEqual([
      ['Lane', 'Amount', 'Note'],
      ['Start', 100, ''],
      ['End', '', ''],
    ]);
    expect(toSheets([])).toEqual([['']]);
  });

  it("throws a CellError as an Error with the core's message", () => {
    expect(() => toSheets(new CellError('#VALUE!', 'row 3, End: "x" is not a date', 3, 'End'))).toThrow(
      new Error('row 3, End: "x" is not a date'),
    );
  });
});

describe('callSheetsWith', () => {
  it('drops omitted trailing arguments, so the core names the missing one', () => {
    expect(() => callSheetsWith('ARR', [[['Customer']], undefined, undefined], read)).toThrow(
      'ARR needs 2 arguments: contracts, asOf, [policy], [rates], [by]',
    );
  });

  it('reads each Date argument through the reader', () => {
    const contracts = [
      ['Customer', 'Start', 'End', 'Amount'],
      ['Acme', new Date(1), new Date(2), 36500],
    ];
    const texts: Record<number, string> = { 1: '2025-01-01', 2: '2025-12-31', 3: '2025-06-30' };
    const byText = (d: Date) => texts[d.getTime()];
    expect(callSheetsWith('ARR', [contracts, new Date(3)], byText)).toBe(36500);
  });
});

describe('spreadsheetDateReader', () => {
  it('asks for the zone once, on the first Date, formats each instant once, and names an invalid Date', () => {
    const g = globalThis as { Utilities?: unknown };
    const calls: string[] = [];
    g.Utilities = {
      formatDate: (d: Date, tz: string, pattern: string) => {
        calls.push(`${d.getTime()} ${tz} ${pattern}`);
        return '2025-01-01';
      },
    };
    try {
      let asked = 0;
      const reader = spreadsheetDateReader(() => {
        asked++;
        return 'Pacific/Auckland';
      });
      expect(asked).toBe(0);
      expect(reader(new Date(5))).toBe('2025-01-01');
      expect(reader(new Date(5))).toBe('2025-01-01');
      expect(asked).toBe(1);
      expect(calls).toEqual(['5 Pacific/Auckland yyyy-MM-dd']);
      // An invalid Date is handed on as text the core reports as not a date.
      expect(reader(new Date(NaN))).toBe('an invalid date');
    } finally {
      delete g.Utilities;
    }
  });
});
