/**
 * The cell forms of NetSuite exports: money, dates under the user's date preference, posting
 * periods, entity names with their number and hierarchy, account names with their number.
 * Each reader returns the value, null for a blank cell, or a string saying what is wrong (the
 * caller adds the file, line and column).
 */
import { dayFromYmd, isValidYmd, type Day } from '../cells/days.js';

export type DateFormat = 'M/D/YYYY' | 'D/M/YYYY' | 'D-Mon-YYYY' | 'D.M.YYYY';

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0 || c === 0x202f;

/** Trims spaces, tabs and non-breaking spaces. */
export function trimCell(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

// ---- money -------------------------------------------------------------------------------------

const PLAIN = /^-?\d+(?:\.\d{1,2})?$/;
const REPORT = /^(\(|-)?(\$)(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2})(\)?)$/;
const GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^\.\d+$/;

function digitsToCents(t: string): number | string {
  const dot = t.indexOf('.');
  const whole = dot < 0 ? t : t.slice(0, dot);
  const frac = dot < 0 ? '' : t.slice(dot + 1);
  if (frac.length > 2) return 'has more than two decimals (amounts are in cents)';
  const w = whole === '' ? 0 : Number(whole.replace(/,/g, ''));
  const cents = w * 100 + (frac === '' ? 0 : Number(frac.length === 1 ? frac + '0' : frac));
  if (!Number.isSafeInteger(cents)) return 'is too large';
  return cents;
}

/**
 * Money text -> cents: `2399.28`, `-6343.80`, `1,234.56`, `$1,234.56`, `($1,234.56)`,
 * `-$1,234.56`, `$-1,234.56`, `USD 1,234.56`. A comma groups thousands by three and a period is the
 * decimal point (`12,34,5` and `1.234,56` are refused), at most two decimals; an optional currency
 * symbol ($ € £ ¥, US$, CA$) or three-letter code before the number.
 */
export function parseMoney(raw: string): number | null | string {
  if (PLAIN.test(raw)) {
    // The fast path: saved searches write plain numbers.
    const neg = raw.charCodeAt(0) === 45;
    const c = digitsToCents(neg ? raw.slice(1) : raw) as number;
    return neg ? (c === 0 ? 0 : -c) : c;
  }
  const r = REPORT.exec(raw);
  if (r) {
    // The report fast path: `$1,234.56`, `($1,234.56)`, `-$1,234.56`.
    const whole = r[3].length > 3 ? Number(r[3].replace(/,/g, '')) : Number(r[3]);
    const cents = whole * 100 + Number(r[4]);
    if (!Number.isSafeInteger(cents)) return 'is too large';
    return (r[1] === '(' ? r[5] === ')' : r[5] === '')
      ? r[1] && cents !== 0
        ? -cents
        : cents
      : 'is not an amount';
  }
  let t = trimCell(raw);
  if (t === '') return null;
  if (PLAIN.test(t)) return parseMoney(t);
  let neg = false;
  if (t.charCodeAt(0) === 40 && t.charCodeAt(t.length - 1) === 41) {
    neg = true;
    t = trimCell(t.slice(1, -1));
  }
  if (t.startsWith('-')) {
    if (neg) return 'is not an amount';
    neg = true;
    t = trimCell(t.slice(1));
  }
  const sym = /^(?:[$€£¥]|[A-Z]{3}\s?|[A-Z]{1,2}\$)/.exec(t);
  if (sym) t = trimCell(t.slice(sym[0].length));
  if (t.startsWith('-')) {
    if (neg) return 'is not an amount';
    neg = true;
    t = trimCell(t.slice(1));
  }
  if (!GROUPED.test(t)) {
    return /^[\d,]+(\.\d*)?$/.test(t)
      ? 'is not an amount (a comma must group thousands by three, e.g. 1,234.56)'
      : 'is not an amount';
  }
  const c = digitsToCents(t.endsWith('.') ? t.slice(0, -1) : t);
  if (typeof c === 'string') return c;
  return neg && c !== 0 ? -c : c;
}

/** A number cell (pasted range) -> cents; refuses fractions of a cent beyond float noise. */
export function numberToCents(v: number): number | string {
  if (!Number.isFinite(v)) return 'is not an amount';
  const x = v * 100;
  const r = Math.round(x);
  if (Math.abs(x - r) > 1e-6 * Math.max(1, Math.abs(x))) {
    return 'has more than two decimals (amounts are in cents)';
  }
  if (!Number.isSafeInteger(r)) return 'is too large';
  return r === 0 ? 0 : r;
}

// ---- dates -------------------------------------------------------------------------------------

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month number 1..12 of `Jan`, `January`, `Sept` (case-insensitive), or 0. */
export function monthOfName(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length === 3) return MONTHS.indexOf(n) + 1;
  const full = FULL_MONTHS.indexOf(n);
  if (full >= 0) return full + 1;
  return n === 'sept' ? 9 : 0;
}

const TIME = '(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]m)?)?';
const SLASH = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`, 'i');
const DOTS = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}$`, 'i');
const DMON = new RegExp(`^(\\d{1,2})-([A-Za-z]{3,9})-(\\d{4})${TIME}$`, 'i');
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function ymd(y: number, m: number, d: number): Day | string {
  if (m < 1 || m > 12) return `has no month ${m}`;
  if (!isValidYmd(y, m, d)) return `has no day ${d} in month ${m}`;
  return dayFromYmd(y, m, d);
}

function under(t: string, format: DateFormat): Day | string | undefined {
  let m: RegExpExecArray | null;
  if (format === 'M/D/YYYY' || format === 'D/M/YYYY') {
    if (!(m = SLASH.exec(t))) return undefined;
    return format === 'M/D/YYYY' ? ymd(+m[3], +m[1], +m[2]) : ymd(+m[3], +m[2], +m[1]);
  }
  if (format === 'D.M.YYYY') {
    if (!(m = DOTS.exec(t))) return undefined;
    return ymd(+m[3], +m[2], +m[1]);
  }
  if (!(m = DMON.exec(t))) return undefined;
  const month = monthOfName(m[2]);
  if (month === 0) return `has no month ${JSON.stringify(m[2])}`;
  return ymd(+m[3], month, +m[1]);
}

const FORMATS: DateFormat[] = ['M/D/YYYY', 'D/M/YYYY', 'D-Mon-YYYY', 'D.M.YYYY'];

/**
 * Date text under the user's date preference (a time of day after it is ignored); `YYYY-MM-DD` is
 * read under any preference (it cannot be misread). Anything else is refused, never guessed: a
 * date that reads under another preference says which, so the user can set `netsuiteDateFormat`.
 */
export function parseNsDate(raw: string, format: DateFormat): Day | null | string {
  const t = trimCell(raw);
  if (t === '') return null;
  const iso = ISO.exec(t);
  if (iso) return ymd(+iso[1], +iso[2], +iso[3]);
  const v = under(t, format);
  if (typeof v === 'number') return v;
  const others = FORMATS.filter((f) => f !== format && typeof under(t, f) === 'number');
  const hint = others.length
    ? `; it reads as a date under ${others.join(' or ')}: set netsuiteDateFormat`
    : '';
  return `is not a date under netsuiteDateFormat ${format}${v === undefined ? '' : ` (it ${v})`}${hint}`;
}

/** Absolute month: year x 12 + month - 1. */
export const absMonth = (year: number, month: number): number => year * 12 + month - 1;

export function periodText(abs: number): string {
  const y = Math.floor(abs / 12);
  const m = (abs % 12) + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

const PERIOD = /^(?:.*:\s*)?([A-Za-z]{3,9}\.?)[\s-]+(\d{4})$/;

/**
 * Posting period -> absolute month: `Jul 2024`, `July 2024`, `Jul-2024`, or the leaf of a period
 * hierarchy `FY 2024 : Q3 2024 : Jul 2024`. Quarters and years are refused (a line posts to a month).
 */
export function parsePeriod(raw: string): number | null | string {
  const t = trimCell(raw);
  if (t === '') return null;
  const m = PERIOD.exec(t);
  const month = m ? monthOfName(m[1]) : 0;
  if (!m || month === 0) return 'is not a posting period (like Jul 2024)';
  return absMonth(+m[2], month);
}

/** A period column header (`Jan 2025`) of a waterfall or forecast report -> absolute month, or -1. */
export function periodHeader(header: string): number {
  const m = /^([A-Za-z]{3,9}\.?)\s+(\d{4})$/.exec(header);
  if (!m) return -1;
  const month = monthOfName(m[1]);
  return month === 0 ? -1 : absMonth(+m[2], month);
}

// ---- entities and accounts ---------------------------------------------------------------------

/** ` : ` separates the levels of a NetSuite hierarchy (customer:sub-customer, account:sub-account). */
export function hierarchy(name: string): string[] {
  return name.split(/\s+:\s+/);
}

const ENTITY_NUMBER = /^([A-Za-z]{0,6}[-_]?\d{2,}[A-Za-z0-9_-]*)\s+(\S.*)$/;

/**
 * The leading entity number of a customer name as NetSuite shows it with auto-numbering
 * (`C1004 Initech, LLC` -> `C1004`, `CUST-00123 Acme` -> `CUST-00123`), taken from the hierarchy's
 * leaf; null when the name does not start with one (`3M Company`, `7-Eleven Inc`).
 */
export function entityNumber(name: string): string | null {
  const parts = hierarchy(name);
  const m = ENTITY_NUMBER.exec(trimCell(parts[parts.length - 1]));
  return m ? m[1] : null;
}

/** `C1004 Initech, LLC` -> `Initech, LLC` (the number dropped, the rest as written). */
export function withoutEntityNumber(segment: string): string {
  const m = ENTITY_NUMBER.exec(trimCell(segment));
  return m ? m[2] : trimCell(segment);
}

const ACCOUNT_NUMBER = /^(\d+(?:[-.]\d+)*)(?:\s+-\s+|\s+|$)/;

/** Leading number of an account's leaf: `4000 Subscription Revenue`, `4000 - Subscription Revenue`. */
export function accountNumber(account: string): string | null {
  const parts = hierarchy(account);
  const m = ACCOUNT_NUMBER.exec(trimCell(parts[parts.length - 1]));
  return m ? m[1] : null;
}
