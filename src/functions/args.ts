/**
 * Argument adapters shared by every sheet function: what Excel (serials, 0/null blanks, `null` for
 * an omitted argument) and Sheets ("" blanks, `Date` objects, scalars for single cells) pass, read
 * into core values.
 */
import { type Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { isProblem, readDate } from '../cells/read.js';

export interface CallContext {
  /** IANA zone the host's `Date` arguments are to be read in (Apps Script: the spreadsheet's). */
  timeZone?: string;
}

export type SheetValue = number | string | boolean | null;
export type SheetTable = SheetValue[][];
export type SheetResult = number | SheetTable | CellError;

/** A range argument as a 2-D array (a single cell passed as a scalar becomes a 1x1 range). */
export function asRange(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((r) => (Array.isArray(r) ? r : [r]));
  return [[value]];
}

/** An omitted optional argument: undefined, null, "", or a range of one blank cell (or Excel's 0). */
export function isOmitted(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) {
    if (value.length === 0) return true;
    if (value.length === 1) {
      const row = value[0];
      if (!Array.isArray(row)) return isOmitted(row);
      return row.length === 0 || (row.length === 1 && (isOmitted(row[0]) || row[0] === 0));
    }
  }
  return false;
}

/** A scalar argument, unwrapping a 1x1 range. */
export function asScalar(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
    if (value.length === 1 && !Array.isArray(value[0])) return value[0];
  }
  return value;
}

export function dateArg(name: string, value: unknown, ctx: CallContext): Day | CellError {
  const v = asScalar(value);
  const d = readDate(v, ctx.timeZone);
  if (d === null) {
    return new CellError('#VALUE!', `${name}: a date is required (a cell holding the date, e.g. 2025-12-31)`);
  }
  if (isProblem(d)) return new CellError('#VALUE!', `${name}: ${describe(v)} ${d.text}`);
  return d;
}

export function textArg(name: string, value: unknown, fallback: string): string | CellError {
  const v = asScalar(value);
  if (isOmitted(v)) return fallback;
  if (typeof v !== 'string') return new CellError('#VALUE!', `${name}: ${describe(v)} is not text`);
  return v.trim();
}

export function booleanArg(name: string, value: unknown, fallback: boolean): boolean | CellError {
  const v = asScalar(value);
  if (isOmitted(v)) return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (['true', 'yes', '1'].includes(t)) return true;
    if (['false', 'no', '0'].includes(t)) return false;
  }
  return new CellError('#VALUE!', `${name}: ${describe(v)} is not TRUE or FALSE`);
}

export function choiceArg<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T | CellError {
  const t = textArg(name, value, fallback);
  if (t instanceof CellError) return t;
  const found = allowed.find((a) => a === t.toLowerCase());
  if (found) return found;
  return new CellError(
    '#VALUE!',
    `${name}: ${JSON.stringify(t)} is not allowed; use ${allowed.join(' or ')}`,
  );
}

function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Cents as currency units for a cell (cents are integers, so /100 prints without noise). */
export const money = (cents: number): number => cents / 100;
