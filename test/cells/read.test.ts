import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/cells/days.js';
import { cellError, isCellError } from '../../src/cells/error.js';
import { Problem, isBlankOrZero, readDate, readNumber, readText, toCents } from '../../src/cells/read.js';

const date = (v: unknown, tz?: string) => {
  const r = readDate(v, tz);
  return typeof r === 'number' ? formatDay(r) : r;
};

describe('readDate', () => {
  it('reads ISO, slash and M/D/YYYY text', () => {
    expect(date('2024-02-29')).toBe('2024-02-29');
    expect(date(' 2024-2-9 ')).toBe('2024-02-09');
    expect(date('2024-02-29T00:00:00.000Z')).toBe('2024-02-29');
    expect(date('2024/12/31')).toBe('2024-12-31');
    expect(date('12/31/2024')).toBe('2024-12-31');
    expect(date('1/5/2025')).toBe('2025-01-05');
  });

  it('refuses dates that do not exist', () => {
    expect(date('2023-02-30')).toBeInstanceOf(Problem);
    expect(date('2023-13-01')).toBeInstanceOf(Problem);
    expect(date('2/29/2023')).toBeInstanceOf(Problem);
    expect(date('31/12/2024')).toBeInstanceOf(Problem);
    expect(date('next tuesday')).toBeInstanceOf(Problem);
    expect(date(true)).toBeInstanceOf(Problem);
  });

  it('reads serials and refuses serial 60 with a message saying why', () => {
    expect(date(45657)).toBe('2024-12-31');
    const p = readDate(60) as Problem;
    expect(p).toBeInstanceOf(Problem);
    expect(p.text).toContain('1900-02-29');
    expect(date(-5)).toBeInstanceOf(Problem);
  });

  it('treats blanks, and the 0 Excel desktop passes for a blank, as blank', () => {
    for (const v of [null, undefined, '', '   ', 0]) expect(readDate(v)).toBeNull();
    expect(isBlankOrZero(0)).toBe(true);
  });

  it('reads a Date as the calendar date shown in the sheet, never shifted by a zone', () => {
    // Midnight 2025-01-01 in Auckland (UTC+13 in January) is 2024-12-31T11:00Z.
    const auckland = new Date(Date.UTC(2024, 11, 31, 11, 0, 0));
    expect(date(auckland, 'Pacific/Auckland')).toBe('2025-01-01');
    expect(date(auckland, 'UTC')).toBe('2024-12-31');
    // Midnight 2025-01-01 in Los Angeles (UTC-8) is 2025-01-01T08:00Z.
    const la = new Date(Date.UTC(2025, 0, 1, 8, 0, 0));
    expect(date(la, 'America/Los_Angeles')).toBe('2025-01-01');
    // Without a zone, a Date's own local fields: new Date(2025, 0, 1) is 2025-01-01 in any process zone.
    expect(date(new Date(2025, 0, 1))).toBe('2025-01-01');
    expect(date(new Date(NaN))).toBeInstanceOf(Problem);
  });
});

describe('readNumber', () => {
  it('reads numbers and money text', () => {
    expect(readNumber(1234.56)).toBe(1234.56);
    expect(readNumber('1,234.56')).toBe(1234.56);
    expect(readNumber('$1,234.56')).toBe(1234.56);
    expect(readNumber('(1,234.56)')).toBe(-1234.56);
    expect(readNumber('($1,234.56)')).toBe(-1234.56);
    expect(readNumber('-$1,234.56')).toBe(-1234.56);
    expect(readNumber('-1234.5')).toBe(-1234.5);
    expect(readNumber('1234.')).toBe(1234);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('')).toBeNull();
    expect(readNumber(null)).toBeNull();
  });

  it('refuses text that is not a number', () => {
    for (const v of ['abc', '12,34,5', '1.2.3', '--5', '(-5)', '$', '1,2345', 'NaN', true]) {
      expect(readNumber(v), String(v)).toBeInstanceOf(Problem);
    }
    expect(readNumber(Infinity)).toBeInstanceOf(Problem);
  });
});

describe('readText and toCents', () => {
  it('reads text', () => {
    expect(readText('  Acme ')).toBe('Acme');
    expect(readText(1001)).toBe('1001');
    expect(readText(0)).toBeNull();
    expect(readText('')).toBeNull();
  });

  it('rounds a sub-cent amount once, half away from zero, without binary noise', () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(-1.005)).toBe(-101);
    expect(toCents(50000)).toBe(5000000);
    expect(toCents(0.125)).toBe(13);
    expect(toCents(1234.56)).toBe(123456);
  });
});

describe('cellError', () => {
  it('names the row and the column', () => {
    const e = cellError(14, 'end', '2023-13-01', 'is not a date');
    expect(isCellError(e)).toBe(true);
    expect(e.message).toBe('row 14, end: "2023-13-01" is not a date');
    expect(e.row).toBe(14);
    expect(e.column).toBe('end');
  });
});
