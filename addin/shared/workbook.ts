/**
 * The workbook as the task pane's actions see it: the I/O a host (Excel through Office.js, Google
 * Sheets through SpreadsheetApp, an in-memory workbook in tests) provides, and nothing else. The
 * actions (actions/*.ts) decide what to read and write; the components never see this interface,
 * they call a `PaneHost` (host.ts).
 *
 * Every method returns `Awaitable<T>`: Excel's implementation is asynchronous (Excel.run and
 * context.sync), the Apps Script one synchronous (SpreadsheetApp), and the actions run unchanged
 * on both through the drivers in drive.ts.
 *
 * Rules every implementation keeps:
 * - Only sheets RunRate created (marked with their kind) are ever replaced or deleted. Writing a
 *   sheet whose name a user sheet already has is refused with `UserSheetExists` (the action then
 *   picks another name or reports it); it never overwrites the user's sheet.
 * - A `text` cell is written as text, even when it starts with `=`, `+`, `-` or `@`; only a
 *   `formula` cell of the report model becomes a formula.
 * - Writes are batched: values, number formats and styles go in blocks (Excel: one
 *   `context.sync()` per block of rows, far below the 5 MB request limit).
 */
import type { ReportSheet } from '../../src/reports/model.js';

export type Awaitable<T> = T | Promise<T>;

/** What RunRate wrote a sheet for; `user` is every sheet RunRate did not create. */
export type SheetKind = 'report' | 'snapshot' | 'policy' | 'user';

export interface SheetSummary {
  name: string;
  kind: SheetKind;
  visible: boolean;
  protected: boolean;
}

/** Where a table of values can be read from: an Excel table, a named range, a sheet's used range, the selection. */
export interface RangeSource {
  kind: 'table' | 'name' | 'sheet' | 'selection';
  /** Table name, range name, or sheet name ('' for the selection). */
  name: string;
}

export interface RangeValues {
  source: RangeSource;
  /** Sheet the values sit on, and the A1 address of their top-left cell (e.g. `B3`). */
  sheet: string;
  topLeft: string;
  /**
   * Values as the host has them: Excel gives numbers (dates as serials), strings, booleans and ''
   * or null for blanks; Apps Script gives `Date` objects for date cells, which its implementation
   * turns into ISO date text (yyyy-mm-dd) in the spreadsheet's time zone before they leave it.
   */
  values: unknown[][];
}

export interface WriteOptions {
  kind: Exclude<SheetKind, 'user'>;
  /** Protect the sheet against edits (snapshots). */
  protect?: boolean;
  /** Hide the sheet (Excel: veryHidden is not used; the user can always unhide). */
  hidden?: boolean;
  /** Put the sheet at this position (0 = first); default: after the last sheet. */
  position?: number;
  /** Called after each written block with rows written so far and the total. */
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
}

export interface WriteStats {
  rows: number;
  /** Round trips to the host (Excel: context.sync calls; Sheets: batched calls). */
  syncs: number;
}

/** A user sheet already has the name RunRate wanted to write. */
export class UserSheetExists extends Error {
  constructor(readonly sheet: string) {
    super(`A sheet named "${sheet}" exists and was not created by RunRate; it was left untouched.`);
  }
}

export interface WorkbookIO {
  readonly host: 'excel' | 'sheets' | 'memory';
  /** The spreadsheet's time zone (IANA), for reading `Date` cells; Excel has none ('UTC'). */
  timeZone(): Awaitable<string>;
  /** Who is making the change, as the host knows it ('' when it does not say). */
  userName(): Awaitable<string>;
  listSheets(): Awaitable<SheetSummary[]>;
  /** Tables, named ranges and sheets with data a user can pick as the contract range (selection not listed). */
  listSources(): Awaitable<RangeSource[]>;
  readSource(source: RangeSource): Awaitable<RangeValues>;
  /** A sheet's used range from A1, or null when there is no such sheet. */
  readSheet(name: string): Awaitable<unknown[][] | null>;
  /**
   * Writes a sheet from a report model: replaces a sheet of the same name only when RunRate made
   * it (throws `UserSheetExists` otherwise), applies formats, column widths, frozen rows, charts
   * and heat maps where the host can, and marks the sheet with `options.kind`.
   */
  writeSheet(sheet: ReportSheet, options: WriteOptions): Awaitable<WriteStats>;
  /** Deletes a RunRate sheet; refuses (throws UserSheetExists) for a user sheet; no-op when absent. */
  deleteSheet(name: string): Awaitable<void>;
  /** Defines (or redefines) a workbook-level name over `sheet!address`, e.g. RR_POLICY. */
  setName(name: string, sheet: string, address: string): Awaitable<void>;
  /** Selects a cell or range and shows it to the user (clicking a finding). */
  select(sheet: string, address: string): Awaitable<void>;
}
