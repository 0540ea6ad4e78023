/**
 * Cell coercion: what a spreadsheet or a CSV hands us, turned into calendar days, numbers and text.
 *
 * Each reader returns the value, `null` for a blank cell, or a `Problem` (the second half of a
 * message: `is not a date`); the caller adds the row and column (see `cellError`). Readers never
 * allocate on the happy path, so a 50,000-row range is cheap to read.
 *
 * Blank is blank: `null`, `undefined`, `""` and whitespace are blank everywhere. In date and text
 * columns `0` is blank too (Excel desktop passes blank cells of an `any` range as 0). Amounts are
 * never blank-as-zero: a 0 amount is an explicit zero.
 */
import { type Day, dayFromExcelSerial, dayFromYmd, isValidYmd } from './days.js';

export class Problem {
  constructor(readonly text: string) {}
}

export const isProblem = (x: unknown): x is Problem => x instanceof Problem;

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return false;
}

/** Blank, or the 0 Excel desktop passes for a blank cell in a range. */
export function isBlankOrZero(value: unknown): boolean {
  return value === 0 || isBlank(value);
}

const NOT_A_DATE = new Problem('is not a date (use YYYY-MM-DD, M/D/YYYY or a date cell)');
const SERIAL_60 = new Problem(
  'is Excel serial 60, the fictitious 1900-02-29 of the 1900 date system; enter a real date',
);
const SERIAL_RANGE = new Problem('is not a date serial between 1 and 2958465 (1900-01-01 to 9999-12-31)');

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function fromParts(y: number, m: number, d: number): Day | Problem {
  if (!isValidYmd(y, m, d)) {
    return new Problem(
      `is not a date (${m < 1 || m > 12 ? 'no month ' + m : 'no day ' + d + ' in that month'})`,
    );
  }
  return dayFromYmd(y, m, d);
}

/**
 * Reads a calendar date as the sheet shows it.
 * - numbers are Excel serials (1900 system; the time of day is dropped; serial 60 is refused);
 * - `Date` objects are read in `timeZone` when given (Apps Script passes dates as midnight in the
 *   spreadsheet's zone, so pass the spreadsheet's zone), otherwise by their own local calendar
 *   fields, which is the date a `Date` built as `new Date(2025, 0, 1)` shows in any zone;
 * - text is `YYYY-MM-DD` (an ISO timestamp's date part is taken as written), `YYYY/MM/DD` or
 *   `M/D/YYYY`.
 */
export function readDate(value: unknown, timeZone?: string): Day | null | Problem {
  if (typeof value === 'number') {
    if (value === 0) return null;
    if (!Number.isFinite(value) || value < 1 || value >= 2958466) return SERIAL_RANGE;
    const d = dayFromExcelSerial(value);
    return d === null ? SERIAL_60 : d;
  }
  if (typeof value === 'string') {
    const s = value.trim();
    if (s === '') return null;
    let m = ISO.exec(s) ?? SLASH_YMD.exec(s);
    if (m) return fromParts(+m[1], +m[2], +m[3]);
    m = MDY.exec(s);
    if (m) return fromParts(+m[3], +m[1], +m[2]);
    return NOT_A_DATE;
  }
  if (value instanceof Date) return readJsDate(value, timeZone);
  if (value === null || value === undefined) return null;
  return NOT_A_DATE;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of a `Date` in a time zone (IANA name), or in its own local fields. */
export function readJsDate(value: Date, timeZone?: string): Day | Problem {
  if (isNaN(value.getTime())) return NOT_A_DATE;
  if (!timeZone) return dayFromYmd(value.getFullYear(), value.getMonth() + 1, value.getDate());
  let fmt = zoneFormatters.get(timeZone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
    } catch {
      return new Problem(`cannot be read: unknown time zone ${JSON.stringify(timeZone)}`);
    }
    zoneFormatters.set(timeZone, fmt);
  }
  let y = 0;
  let mo = 0;
  let d = 0;
  for (const p of fmt.formatToParts(value)) {
    if (p.type === 'year') y = +p.value;
    else if (p.type === 'month') mo = +p.value;
    else if (p.type === 'day') d = +p.value;
  }
  return dayFromYmd(y, mo, d);
}

const NOT_A_NUMBER = new Problem('is not a number');
const MONEY_TEXT = /^([-+])?\s*([$€£])?\s*([-+])?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/;

/**
 * Reads a number: a number cell, or text such as `1,234.56`, `$1,234.56`, `(1,234.56)`,
 * `-1234.5`, `-$1,234.56`, `1234.`. Thousands separators must group by three (`12,34,5` is refused).
 */
export function readNumber(value: unknown): number | null | Problem {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_A_NUMBER;
  if (typeof value === 'string') {
    let s = value.trim();
    if (s === '') return null;
    let negative = false;
    if (s.startsWith('(') && s.endsWith(')')) {
      negative = true;
      s = s.slice(1, -1).trim();
    }
    if (s.endsWith('.')) s = s.slice(0, -1);
    const m = MONEY_TEXT.exec(s);
    if (!m || (m[4] === undefined && m[5] === undefined) || (m[1] && m[3])) return NOT_A_NUMBER;
    const sign = m[1] ?? m[3];
    if (sign === '-') {
      if (negative) return NOT_A_NUMBER;
      negative = true;
    }
    const n = Number((m[4] ?? '0').replace(/,/g, '') + (m[5] ?? ''));
    return negative ? -n : n;
  }
  if (value === null || value === undefined) return null;
  return NOT_A_NUMBER;
}

/** Text of a cell; numbers are written as JavaScript shows them (`1001`), blanks (and 0) are null. */
export function readText(value: unknown): string | null {
  if (value === null || value === undefined || value === 0) return null;
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? null : s;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * Dollars to integer cents, rounding a sub-cent input half away from zero once, after removing
 * binary noise (1.005 is read as 1.005, so it becomes 101 cents, as Excel's ROUND would give).
 */
export function toCents(amount: number): number {
  const x = Number((amount * 100).toPrecision(15));
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r : r;
}
