/**
 * Cell constructors for the report builders, and the check formulas every sheet uses.
 *
 * Check formulas show "OK" when a tie holds and "CHECK" when it does not, so a reader sees at a
 * glance that the sheet proves itself; their `expect` is worked out here the same way the
 * spreadsheet works it out (money in whole cents, exactly), never assumed.
 */
import type { Day } from '../cells/days.js';
import type { Grid } from './grid.js';
import type { CellStyle, NumberKind, ReportCell } from './model.js';

export const OK = 'OK';
export const NOT_OK = 'CHECK';

export function text(t: string, style?: CellStyle): ReportCell {
  return style ? { kind: 'text', text: t, style } : { kind: 'text', text: t };
}

export function money(cents: number, style?: CellStyle): ReportCell {
  return style ? { kind: 'money', cents, style } : { kind: 'money', cents };
}

export function percent(value: number | null, style?: CellStyle): ReportCell {
  return style ? { kind: 'percent', value, style } : { kind: 'percent', value };
}

export function multiple(value: number | null, style?: CellStyle): ReportCell {
  return style ? { kind: 'multiple', value, style } : { kind: 'multiple', value };
}

export function count(value: number, style?: CellStyle): ReportCell {
  return style ? { kind: 'count', value, style } : { kind: 'count', value };
}

export function date(day: Day, style?: CellStyle): ReportCell {
  return style ? { kind: 'date', day, style } : { kind: 'date', day };
}

/** A formula cell; `expect` is RunRate's figure for it (cents for money, the ratio for percent). */
export function formula(
  f: string,
  format: NumberKind | 'text',
  expect: number | string,
  style?: CellStyle,
): ReportCell {
  return style
    ? { kind: 'formula', formula: f, format, expect, style }
    : { kind: 'formula', formula: f, format, expect };
}

/**
 * A money tie: `expr` is (left side - right side) in currency units, `diffCents` the same
 * difference worked out in cents. OK when it rounds to zero cents.
 */
export function moneyCheck(expr: string, diffCents: number): ReportCell {
  return formula(
    `IF(ROUND(${expr},2)=0,"${OK}","${NOT_OK}")`,
    'text',
    diffCents === 0 ? OK : NOT_OK,
    'check',
  );
}

/** Within half a cent (an amount rounded to cents from the exact `expr`); `diff` in currency units. */
export function centCheck(expr: string, diff: number): ReportCell {
  return formula(
    `IF(ROUND(ABS(${expr}),6)<=0.005,"${OK}","${NOT_OK}")`,
    'text',
    Math.round(Math.abs(diff) * 1e6) / 1e6 <= 0.005 ? OK : NOT_OK,
    'check',
  );
}

/** Tolerance of a ratio tie: far below what a percent with one decimal shows. */
export const RATIO_TOLERANCE = 1e-6;

/** A ratio tie: `a` and `b` are expressions, `aValue` and `bValue` RunRate's figures for them. */
export function ratioCheck(a: string, b: string, aValue: number, bValue: number): ReportCell {
  return formula(
    `IF(ABS(${a}-(${b}))<0.000001,"${OK}","${NOT_OK}")`,
    'text',
    Math.abs(aValue - bValue) < RATIO_TOLERANCE ? OK : NOT_OK,
    'check',
  );
}

/** A reference to a cell or range on another sheet, the sheet name always quoted. */
export function sheetRef(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/** `25000` -> `25,000` (whole currency units, for band labels). */
export function grouped(n: number): string {
  const [whole, frac] = String(Math.abs(n)).split('.');
  const g = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return (n < 0 ? '-' : '') + g + (frac ? `.${frac}` : '');
}

/** Cents as `1,234.56` (negative as `(1,234.56)`), for text that quotes an amount. */
export function showCents(cents: number): string {
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  const s = `${grouped(units)}.${frac}`;
  return cents < 0 ? `(${s})` : s;
}

/** Breaks a paragraph into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapText(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Adds a note as rows of at most `width` characters (a note in one cell would run off the page). */
export function addNote(g: Grid, paragraph: string, width = 110): void {
  for (const line of wrapText(paragraph, width)) g.add([text(line, 'note')]);
}
