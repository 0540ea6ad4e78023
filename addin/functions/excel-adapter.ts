/**
 * The one hand-written piece between Excel's custom-function runtime and the core's sheet
 * functions. The generated wrappers (functions.generated.ts, one per descriptor) call `callExcel`
 * or `callExcelNumber` with their arguments in descriptor order; this module
 * - reads Excel-shaped inputs into what `callFunction` expects: an omitted optional argument (Excel
 *   passes `null`; a shorter argument list gives `undefined`) is `null`, and the 0 Excel desktop
 *   passes for a blank cell in an optional date or text argument is `null` too (Excel on the web
 *   passes `null`); ranges go through untouched, since the core reads serial dates and 0/null
 *   blanks in them itself;
 * - converts the result: a number stays a number; a table becomes a rectangular 2-D array with
 *   `null` as `""` (Excel shows a returned `null` as 0); a `CellError` becomes
 *   `CustomFunctions.Error` carrying the core's message (which names the row and column).
 *
 * Pure: no Office.js, no network, no state. `CustomFunctions` is looked up when a result is an
 * error, so the module also loads where the runtime is absent (tests stub it).
 */
/// <reference types="custom-functions-runtime" />
import { CellError } from '../../src/cells/error.js';
import { getFunction, callFunction } from '../../src/functions/registry.js';
import type { SheetResult } from '../../src/functions/args.js';

/** A value Excel accepts in a returned array. */
export type ExcelCell = string | number | boolean | CustomFunctions.Error;
export type ExcelTable = ExcelCell[][];

/** `CustomFunctions.Error` for a core error: #N/A stays #N/A; every other code is #VALUE! with the message. */
export function excelError(e: CellError): CustomFunctions.Error {
  if (e.code === '#N/A') return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, e.message);
  // Only #VALUE! and #N/A carry a message in Excel; #DIV/0!, #NUM! and the input-only #NAME? /
  // #REF! become #VALUE! with the core's code in front of its message.
  const message = e.code === '#VALUE!' ? e.message : `${e.code} ${e.message}`;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function excelNumber(n: number): number | CustomFunctions.Error {
  return Number.isFinite(n)
    ? n
    : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, `not a finite number: ${n}`);
}

/** A core result as Excel takes it back (see the module comment). */
export function excelResult(r: SheetResult): number | ExcelTable | CustomFunctions.Error {
  if (r instanceof CellError) return excelError(r);
  if (typeof r === 'number') return excelNumber(r);
  const width = r.reduce((w, row) => Math.max(w, row.length), 0);
  if (r.length === 0 || width === 0) return [['']];
  const out: ExcelTable = new Array(r.length);
  for (let i = 0; i < r.length; i++) {
    const row = r[i];
    const cells: ExcelCell[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const v = j < row.length ? row[j] : null;
      cells[j] = v === null || v === undefined ? '' : typeof v === 'number' ? excelNumber(v) : v;
    }
    out[i] = cells;
  }
  return out;
}

/** Excel-shaped arguments in descriptor order, read for `callFunction` (see the module comment). */
export function excelArgs(name: string, args: readonly unknown[]): unknown[] {
  const spec = getFunction(name);
  if (!spec) return [...args];
  return spec.args.map((a, i) => {
    const v = i < args.length ? args[i] : null;
    if (v === undefined || v === null) return null;
    if (a.optional && (a.type === 'date' || a.type === 'text') && v === 0) return null;
    return v;
  });
}

/** The core function `name` on Excel-shaped arguments, its result converted for Excel. */
export function runExcel(
  name: string,
  args: readonly unknown[],
): number | ExcelTable | CustomFunctions.Error {
  return excelResult(callFunction(name, excelArgs(name, args)));
}

/**
 * For a wrapper declared `any[][]` (a table, or a number or a table): a number comes back as a 1x1
 * table. Excel accepts a `CustomFunctions.Error` in place of any declared result, hence the cast.
 */
export function callExcel(name: string, args: readonly unknown[]): ExcelCell[][] {
  const r = runExcel(name, args);
  return (typeof r === 'number' ? [[r]] : r) as ExcelCell[][];
}

/** For a wrapper declared `number`; an error comes back as `CustomFunctions.Error` (cast, as above). */
export function callExcelNumber(name: string, args: readonly unknown[]): number {
  const r = runExcel(name, args);
  if (Array.isArray(r)) {
    return excelError(
      new CellError('#VALUE!', `${name} returned a table where a number was expected`),
    ) as never;
  }
  return r as number;
}
