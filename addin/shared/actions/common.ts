/**
 * What every task-pane action shares: dates in and out, core errors turned into thrown errors, the
 * contract source read under the remembered column mapping, and the inputs every computation
 * starts from (policy table, mapped contracts, rates). Pure apart from the workbook calls.
 */
import { formatDay, type Day } from '../../../src/cells/days.js';
import { isProblem, readDate } from '../../../src/cells/read.js';
import { columnLetter } from '../../../src/cells/address.js';
import { HEADER_ALIASES, fieldOfHeader } from '../../../src/contracts/aliases.js';
import type { Field } from '../../../src/contracts/book.js';
import { io, type Action } from '../drive.js';
import type { ColumnMapping } from '../host.js';
import type { RangeSource, RangeValues, WorkbookIO } from '../workbook.js';
import { ActionError, headerText } from './errors.js';
import { readPolicyState, type PolicySheetState } from './policy-sheet.js';

export { ActionError, must, mustIn, headerText } from './errors.js';

/** An ISO `yyyy-mm-dd` date from the pane (or any form readDate takes) as a Day. */
export function dayArg(name: string, text: string): Day {
  const d = readDate(text);
  if (d === null) throw new ActionError(`${name}: a date is required (e.g. 2025-12-31)`);
  if (isProblem(d)) throw new ActionError(`${name}: ${JSON.stringify(text)} ${d.text}`);
  return d;
}

export const iso = (d: Day): string => formatDay(d);

/** Milliseconds since some fixed point, on every host (Apps Script has Date only). */
export const now = (): number => Date.now();

export function sourceLabel(s: RangeSource): string {
  switch (s.kind) {
    case 'table':
      return `Table ${s.name}`;
    case 'name':
      return `Range ${s.name}`;
    case 'sheet':
      return `Sheet ${s.name}`;
    case 'selection':
      return 'Selection';
  }
}

/** `B3` -> [row 3, column index 1]. */
export function splitA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new ActionError(`not a cell address: ${JSON.stringify(a1)}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

/** A1 address of a range given its top-left, rows and columns (at least one each). */
export function rangeAddress(topLeft: string, rows: number, cols: number): string {
  const { row, col } = splitA1(topLeft);
  const end = `${columnLetter(col + Math.max(1, cols) - 1)}${row + Math.max(1, rows) - 1}`;
  return `${columnLetter(col)}${row}:${end}`;
}

/** The address of row `r` (1 = the range's first row) across the range's columns. */
export function rowAddress(topLeft: string, r: number, cols: number): string {
  const { row, col } = splitA1(topLeft);
  const sheetRow = row + r - 1;
  return `${columnLetter(col)}${sheetRow}:${columnLetter(col + Math.max(1, cols) - 1)}${sheetRow}`;
}

/** The mapping the core would detect from a header row (the first column of a field wins). */
export function detectMapping(headerRow: readonly unknown[]): ColumnMapping[] {
  const seen = new Set<Field>();
  return headerRow.map((h, column) => {
    const header = headerText(h);
    const f = header === '' ? null : (fieldOfHeader(header)?.field ?? null);
    if (f === null || seen.has(f)) return { column, header, field: null };
    seen.add(f);
    return { column, header, field: f };
  });
}

const FIELDS = new Set(Object.keys(HEADER_ALIASES));

/**
 * The range with its header row rewritten to the user's mapping: a mapped column gets its own
 * header when that already names the field (so `ARR` keeps saying annual), else the field's
 * canonical header; an ignored column gets a blank header (the core ignores it).
 */
export function applyMapping(values: unknown[][], mapping: readonly ColumnMapping[]): unknown[][] {
  if (values.length === 0) return values;
  const header = values[0].slice();
  const used = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    const m = mapping.find((x) => x.column === c);
    if (!m) continue;
    if (m.field === null || m.field === '') {
      header[c] = '';
      continue;
    }
    if (!FIELDS.has(m.field)) {
      throw new ActionError(
        `column ${columnLetter(c)} (${JSON.stringify(m.header)}): ${m.field} is not a field`,
      );
    }
    const prev = used.get(m.field);
    if (prev !== undefined) {
      throw new ActionError(
        `columns ${columnLetter(prev)} and ${columnLetter(c)} are both mapped to ${m.field}; keep one`,
      );
    }
    used.set(m.field, c);
    const own = headerText(values[0][c]);
    header[c] =
      own !== '' && fieldOfHeader(own)?.field === m.field ? own : HEADER_ALIASES[m.field as Field][0];
  }
  return [header, ...values.slice(1)];
}

/** What every computation starts from. */
export interface Inputs {
  state: PolicySheetState;
  /** The key/value block of the RR Policy sheet (null: defaults). */
  policyTable: unknown[][] | null;
  contracts: RangeValues;
  /** The contract values with the header row rewritten to the remembered mapping. */
  table: unknown[][];
  rates: RangeValues | null;
  timeZone: string;
}

/** The RR Policy sheet's state (defaults when there is none). */
export function* policyState(wb: WorkbookIO): Action<PolicySheetState> {
  const values = yield* io(wb.readSheet(POLICY_SHEET_NAME));
  return readPolicyState(values);
}

export const POLICY_SHEET_NAME = 'RR Policy';

/** The policy, the contracts in use (mapped) and the rates, or an error saying what to choose first. */
export function* loadInputs(wb: WorkbookIO): Action<Inputs> {
  const state = yield* policyState(wb);
  if (!state.contracts) {
    throw new ActionError('No contract range is chosen yet: pick the contracts on the Data tab first.');
  }
  const timeZone = yield* io(wb.timeZone());
  const contracts = yield* io(wb.readSource(state.contracts.source));
  const table = applyMapping(contracts.values, state.contracts.mapping);
  const rates = state.rates ? yield* io(wb.readSource(state.rates)) : null;
  return { state, policyTable: state.table, contracts, table, rates, timeZone };
}
