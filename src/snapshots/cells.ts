/**
 * Reading a snapshot's cells back, strictly: each column's value as it was written, whatever the
 * sheet or CSV made of it (a date as text, a serial or a `Date`; 1234.50 as 1234.5 or "1234.50"),
 * and nothing else (1234.561 is not a number of cents, so it is not the 1234.56 that was written).
 * Each reader returns the value or a Problem (the end of a message).
 */
import { dayFromYmd, isValidYmd, type Day } from '../cells/days.js';
import { Problem, isProblem, readDate, readNumber } from '../cells/read.js';
import { exactRate } from '../money/rates.js';
import { exactText, gcd, rateText } from './fractions.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CENTS_TEXT = /^(-?)(\d{1,15})(?:\.(\d{1,2})0*)?$/;
const NOT_CENTS = new Problem('is not an amount in whole cents');
const BLANK_AMOUNT = new Problem('is blank; an amount is required');
const NOT_ROWS = new Problem('is not a list of sheet rows (e.g. 14 or 14+15)');
const NOT_RATE = new Problem('is not a rate above 0');
const NOT_FRACTION = new Problem('is not an exact amount (a fraction such as 18250000/181)');
const NOT_INTEGER = new Problem('is not a whole number');

/** Text of a data cell; blank (and Excel's blank-as-0) is ''. Numbers as JavaScript writes them. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined || v === 0) return '';
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  return String(v);
}

/** Text of a header value; a number (0 included) as JavaScript writes it. */
export function valueText(v: unknown): string {
  if (v === 0) return '0';
  return cellText(v);
}

/** A date, or null when blank. */
export function readDay(v: unknown, timeZone?: string): Day | null | Problem {
  if (typeof v === 'string') {
    const m = ISO_DAY.exec(v);
    if (m) {
      const y = +m[1];
      const mo = +m[2];
      const d = +m[3];
      if (isValidYmd(y, mo, d)) return dayFromYmd(y, mo, d);
    }
  }
  return readDate(v, timeZone);
}

/** Whole cents from a money cell; blank is a problem (amounts are never blank). */
export function readCents(v: unknown): number | Problem {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return NOT_CENTS;
    const c = v * 100;
    const r = Math.round(c);
    if (Math.abs(c - r) > 1e-12 * Math.abs(c) + 1e-9 || !Number.isSafeInteger(r)) return NOT_CENTS;
    return r === 0 ? 0 : r;
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return BLANK_AMOUNT;
    const m = CENTS_TEXT.exec(s);
    if (m) {
      const frac = (m[3] ?? '').padEnd(2, '0');
      const r = Number(m[2]) * 100 + Number(frac);
      return m[1] === '-' && r !== 0 ? -r : r;
    }
    const n = readNumber(s);
    if (typeof n === 'number') return readCents(n);
    return NOT_CENTS;
  }
  if (v === null || v === undefined) return BLANK_AMOUNT;
  return NOT_CENTS;
}

/** A whole number (the Rows header, the format version). */
export function readInteger(v: unknown): number | Problem {
  const n = typeof v === 'string' ? Number(v.trim()) : v;
  if (typeof n === 'number' && Number.isSafeInteger(n) && !(typeof v === 'string' && v.trim() === '')) {
    return n;
  }
  return NOT_INTEGER;
}

/** Sheet rows `14` or `14+15+16` in canonical text, and the first of them. */
export function readRows(v: unknown): { joined: string; first: number } | Problem {
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) && v > 0 ? { joined: String(v), first: v } : NOT_ROWS;
  }
  if (typeof v !== 'string') return NOT_ROWS;
  if (/^[1-9]\d{0,8}$/.test(v)) return { joined: v, first: Number(v) };
  const parts = v.split('+');
  let text = '';
  let first = 0;
  for (const p of parts) {
    const t = p.trim();
    if (!/^\d{1,9}$/.test(t)) return NOT_ROWS;
    const r = Number(t);
    if (r < 1) return NOT_ROWS;
    if (first === 0) first = r;
    text += (text === '' ? '' : '+') + r;
  }
  return { joined: text, first };
}

/** A rate in canonical decimal text. */
export function readRate(v: unknown): string | Problem {
  if (typeof v !== 'number' && typeof v !== 'string') return NOT_RATE;
  if (typeof v === 'string' && v.trim() === '1') return '1';
  const r = exactRate(v);
  return r === null ? NOT_RATE : rateText(r);
}

const TWO53 = 9007199254740992;

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * An exact local ARR cell: blank (then ARR Local is exact), or `num/den` currency units, given back
 * as a reduced fraction of cents [num, den] (den > 1: a whole number of cents is written blank).
 */
export function readExact(v: unknown): [number, number] | null | Problem {
  const s = cellText(v);
  if (s === '') return null;
  const m = /^(-?\d{1,30})\s*\/\s*(\d{1,30})$/.exec(s);
  if (!m) return NOT_FRACTION;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (b === 0) return NOT_FRACTION;
  let num: number;
  let den: number;
  if (Math.abs(a) * 100 < TWO53 && b < TWO53) {
    const g = gcd(a * 100, b);
    num = (a * 100) / g;
    den = b / g;
  } else {
    const A = BigInt(m[1]) * 100n;
    const B = BigInt(m[2]);
    const g = gcdBig(A, B);
    const n = A / g;
    const d = B / g;
    if (n >= BigInt(TWO53) || n <= -BigInt(TWO53) || d >= BigInt(TWO53)) return NOT_FRACTION;
    num = Number(n);
    den = Number(d);
  }
  // Written only when not a whole number of cents, and only in lowest terms.
  if (den === 1 || exactText(num, den) !== s.replace(/\s+/g, '')) return NOT_FRACTION;
  return [num, den];
}

export { isProblem, Problem };
