/**
 * The Google Sheets adapter of the sheet functions: what a custom function receives from Sheets,
 * handed to the core's `callFunction`, and the core's answer turned into what Sheets shows.
 *
 * - Ranges arrive as 2-D arrays, blank cells as "" (the core reads "" as blank), single cells as
 *   scalars, omitted trailing arguments as `undefined` (dropped, so the core names the missing one).
 * - Date cells arrive as `Date` objects at midnight of the date shown, in the SPREADSHEET's time zone
 *   (File > Settings), which need not be the script's (appsscript.json) nor the server's. Each Date
 *   is read as its calendar date in the spreadsheet's zone with `Utilities.formatDate(d, zone,
 *   'yyyy-MM-dd')` and handed to the core as that `YYYY-MM-DD` text; a range repeats few distinct
 *   dates, so each distinct instant is formatted once per call.
 * - A number comes back as a number, a table as a rectangular 2-D array with `null` cells as "",
 *   an error is thrown as `Error(message)`: Sheets shows `#ERROR!` with the message as the cell's
 *   note.
 */
import { callFunction } from '../../src/functions/registry.js';
import { CellError } from '../../src/cells/error.js';
import type { SheetResult } from '../../src/functions/args.js';

/** The two Apps Script services the adapter uses (declared here; the bundle runs in Apps Script). */
declare const SpreadsheetApp: { getActive(): { getSpreadsheetTimeZone(): string } };
declare const Utilities: { formatDate(date: Date, timeZone: string, format: string): string };

export type SheetsCell = string | number | boolean | Date;
/** What a custom function returns to Sheets: a value or a 2-D array that spills. */
export type SheetsOutput = number | (string | number | boolean)[][];

/** Reads a Date as `YYYY-MM-DD` in a time zone. */
export type DateReader = (d: Date) => string;

const toStringTag = Object.prototype.toString;

/** True for a Date of any realm (Sheets hands the script's own; tests may hand another). */
function isDate(v: unknown): v is Date {
  return (
    v instanceof Date || (typeof v === 'object' && v !== null && toStringTag.call(v) === '[object Date]')
  );
}

/**
 * A reader of Dates in the spreadsheet's zone; the zone is asked for once, and only when a Date is
 * met (a call over numbers and text makes no service call), and each distinct instant is formatted
 * once.
 */
export function spreadsheetDateReader(zone: () => string): DateReader {
  let tz: string | undefined;
  const seen = new Map<number, string>();
  return (d) => {
    const t = d.getTime();
    if (t !== t) return 'an invalid date'; // NaN: the core reports it as not a date
    let s = seen.get(t);
    if (s === undefined) {
      tz ??= zone();
      s = Utilities.formatDate(d, tz, 'yyyy-MM-dd');
      seen.set(t, s);
    }
    return s;
  };
}

function convertRow(row: unknown[], read: DateReader): unknown[] {
  let out: unknown[] | undefined;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (typeof v === 'object' && v !== null && isDate(v)) {
      out ??= row.slice();
      out[j] = read(v);
    }
  }
  return out ?? row;
}

/** An argument with every Date replaced by its `YYYY-MM-DD` text (rows without one are reused). */
export function convertArg(value: unknown, read: DateReader): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const r = value[i];
      const c = Array.isArray(r) ? convertRow(r, read) : isDate(r) ? read(r) : r;
      if (c !== r) {
        out ??= value.slice();
        out[i] = c;
      }
    }
    return out ?? value;
  }
  return isDate(value) ? read(value) : value;
}

/**
 * The core's result as Sheets takes it: a number, or a rectangular 2-D array (short rows padded,
 * null cells as ""); a CellError is thrown with its message.
 */
export function toSheets(result: SheetResult): SheetsOutput {
  if (result instanceof CellError) throw new Error(result.message);
  if (typeof result === 'number') return result;
  let width = 0;
  for (const row of result) if (row.length > width) width = row.length;
  if (result.length === 0 || width === 0) return [['']];
  const out: (string | number | boolean)[][] = new Array(result.length);
  for (let i = 0; i < result.length; i++) {
    const row = result[i];
    const r: (string | number | boolean)[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const v = j < row.length ? row[j] : null;
      r[j] = v === null || v === undefined ? '' : v;
    }
    out[i] = r;
  }
  return out;
}

/** Calls a sheet function with Sheets-shaped arguments, Dates read by `read`. */
export function callSheetsWith(name: string, args: readonly unknown[], read: DateReader): SheetsOutput {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const core: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) core[i] = convertArg(args[i], read);
  return toSheets(callFunction(name, core));
}

/** The entry of every custom function: `function ARR(...) { return RunRate.callSheets('ARR', [...]); }`. */
export function callSheets(name: string, args: readonly unknown[]): SheetsOutput {
  return callSheetsWith(
    name,
    args,
    spreadsheetDateReader(() => SpreadsheetApp.getActive().getSpreadsheetTimeZone()),
  );
}
