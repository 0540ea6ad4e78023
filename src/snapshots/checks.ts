/**
 * The checks that seal a snapshot, computed from its values (never from the text of its cells, so a
 * snapshot read back from a sheet, where a date may come back as a serial and 1234.50 as 1234.5,
 * checks the same):
 * - every cell has a 64-bit digest of its column and value (digest.ts);
 * - a row's check is the digest of its cells' digests in column order (Check column excluded);
 * - a column's check is the digest of the sum, lane by lane, of its cells' digests (Check column
 *   included), so it does not depend on row order;
 * - a header row's check is the digest of its label and value;
 * - the seal is SHA-256 over the header rows' checks, the column names and the rows' checks.
 * A single edited cell changes its row's check and its column's check: verification names the cell
 * where the two cross, like parity bits in a grid.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { NO_DAY } from '../cells/days.js';
import { begin, hex16, hex16of, high, lane1, lane2, low, number, text, word } from './digest.js';
import {
  C_AMOUNT,
  C_ARR,
  C_CHECK,
  C_CONTRACT,
  C_CURRENCY,
  C_CUSTOMER,
  C_END,
  C_EXACT,
  C_FIRST,
  C_LOCAL,
  C_PRODUCT,
  C_RATE,
  C_ROWS,
  C_START,
  COLUMNS,
  FORMAT_VERSION,
  HEADER_LABELS,
  MARKER,
  POLICY_PREFIX,
  VALUE_COLUMNS,
  WIDTH,
} from './layout.js';
import type { SnapshotHeader, SnapshotRows } from './types.js';

const ROW_SEED = 0x524f57;
const COLUMN_SEED = 0x434f4c;
const HEADER_SEED = 0x484452;
const BLANK = 0x3fff;
const BAD = 0x7000;

/**
 * Cells that did not read as their column's type (read.ts): their raw text, by `row * WIDTH +
 * column`; their digest is taken of that text, so it differs from any value the column can hold.
 */
export type BadCells = Map<number, string>;

function day(d: number, col: number): void {
  if (d === NO_DAY) word(0x20000 + BLANK);
  else number(d, col);
}

/** Stores the lanes of the cell digest just taken as column c's. */
function put(out: Uint32Array, c: number): void {
  out[2 * c] = lane1();
  out[2 * c + 1] = lane2();
}

/** Digests of row i's value cells into out[2c], out[2c + 1] (straight-line: this runs per row). */
function cellDigests(r: SnapshotRows, i: number, out: Uint32Array): void {
  begin(C_CUSTOMER + 1);
  text(r.customer[i], C_CUSTOMER);
  put(out, C_CUSTOMER);
  begin(C_PRODUCT + 1);
  text(r.product[i], C_PRODUCT);
  put(out, C_PRODUCT);
  begin(C_CONTRACT + 1);
  text(r.contract[i], C_CONTRACT);
  put(out, C_CONTRACT);
  begin(C_ROWS + 1);
  text(r.rows[i], C_ROWS);
  put(out, C_ROWS);
  begin(C_START + 1);
  day(r.start[i], C_START);
  put(out, C_START);
  begin(C_END + 1);
  day(r.end[i], C_END);
  put(out, C_END);
  begin(C_AMOUNT + 1);
  number(r.amountCents[i], C_AMOUNT);
  put(out, C_AMOUNT);
  begin(C_CURRENCY + 1);
  text(r.currency[i], C_CURRENCY);
  put(out, C_CURRENCY);
  begin(C_LOCAL + 1);
  number(r.localCents[i], C_LOCAL);
  put(out, C_LOCAL);
  begin(C_EXACT + 1);
  if (r.exactDen[i] === 0) word(0x20000 + BLANK);
  else {
    number(r.exactNum[i], C_EXACT);
    number(r.exactDen[i], C_EXACT);
  }
  put(out, C_EXACT);
  begin(C_RATE + 1);
  text(r.rate[i], C_RATE);
  put(out, C_RATE);
  begin(C_ARR + 1);
  number(r.arrCents[i], C_ARR);
  put(out, C_ARR);
  begin(C_FIRST + 1);
  day(r.firstArr[i], C_FIRST);
  put(out, C_FIRST);
}

/** Row i's cells that did not read, digested from their text instead. */
function badCellDigests(i: number, out: Uint32Array, bad: BadCells): void {
  for (let c = 0; c < VALUE_COLUMNS; c++) {
    const raw = bad.get(i * WIDTH + c);
    if (raw === undefined) continue;
    begin(c + 1);
    text(raw, BAD + c);
    put(out, c);
  }
}

export interface RowChecks {
  /** Row i's check as two 32-bit halves: hi at 2i, lo at 2i + 1. */
  rows: Uint32Array;
  /** Per column (WIDTH of them): the lane sums of the value cells' digests, hi at 2c, lo at 2c + 1. */
  columnSums: Uint32Array;
}

/** Row checks and the value columns' sums (the Check column's sum is added by `columnChecks`). */
export function rowChecks(r: SnapshotRows, bad: BadCells | null = null): RowChecks {
  const rows = new Uint32Array(2 * r.n);
  const sums = new Uint32Array(2 * WIDTH);
  const cells = new Uint32Array(2 * VALUE_COLUMNS);
  const badRows = new Set<number>();
  if (bad) for (const cell of bad.keys()) badRows.add(Math.floor(cell / WIDTH));
  for (let i = 0; i < r.n; i++) {
    cellDigests(r, i, cells);
    if (bad !== null && badRows.has(i)) badCellDigests(i, cells, bad);
    begin(ROW_SEED);
    for (let k = 0; k < 2 * VALUE_COLUMNS; k++) {
      word(cells[k]);
      sums[k] = (sums[k] + cells[k]) >>> 0;
    }
    rows[2 * i] = high();
    rows[2 * i + 1] = low();
  }
  return { rows, columnSums: sums };
}

/** Sixteen hex digits of a check held as two halves. */
export function checkHex(checks: Uint32Array, i: number): string {
  return hex16of(checks[2 * i], checks[2 * i + 1]);
}

/**
 * Adds the Check column's cells (the row checks as written, or the text found in them) to the sums
 * and gives one 16-digit check per column.
 */
export function columnChecks(sums: Uint32Array, checkCells: readonly string[], n: number): string[] {
  const s = sums.slice();
  for (let i = 0; i < checkCells.length; i++) {
    begin(C_CHECK + 1);
    text(checkCells[i], C_CHECK);
    s[2 * C_CHECK] = (s[2 * C_CHECK] + lane1()) >>> 0;
    s[2 * C_CHECK + 1] = (s[2 * C_CHECK + 1] + lane2()) >>> 0;
  }
  const out: string[] = [];
  for (let c = 0; c < WIDTH; c++) {
    begin(COLUMN_SEED + c);
    word(s[2 * c]);
    word(s[2 * c + 1]);
    number(n, c);
    out.push(hex16());
  }
  return out;
}

/** A header row's value, as the check reads it. */
export type HeaderValue = { kind: 'text'; value: string } | { kind: 'int'; value: number };

/** The header rows (marker first, seal excluded) as label and value, in table order. */
export function headerRows(h: SnapshotHeader, columnChecks: string): [string, HeaderValue][] {
  const t = (value: string): HeaderValue => ({ kind: 'text', value });
  const n = (value: number): HeaderValue => ({ kind: 'int', value });
  const values: Record<(typeof HEADER_LABELS)[number], HeaderValue> = {
    'As of': n(h.asOf),
    Currency: t(h.currency),
    'Policy version': t(h.policyVersion),
    'Policy hash': t(h.policyHash),
    'Data hash': t(h.dataHash),
    Rows: n(h.rowCount),
    Total: n(h.totalCents),
    'Column checks': t(columnChecks),
  };
  return [
    [MARKER, n(h.format)],
    ...HEADER_LABELS.map((label): [string, HeaderValue] => [label, values[label]]),
    ...h.policy.map(([key, value]): [string, HeaderValue] => [POLICY_PREFIX + key, t(value)]),
  ];
}

/** The check of one header row (its label and value); a value that did not read is taken as its text. */
export function headerCheck(label: string, value: HeaderValue | { kind: 'bad'; value: string }): string {
  begin(HEADER_SEED);
  text(label, 0);
  if (value.kind === 'text') text(value.value, 1);
  else if (value.kind === 'int') number(value.value, 1);
  else text(value.value, BAD);
  return hex16();
}

/** SHA-256 of the header checks, the column names and the row checks (format 1). */
export function seal(headerChecks: readonly string[], rows: Uint32Array): string {
  const prefix = utf8ToBytes(
    `${MARKER} seal ${FORMAT_VERSION}\n${headerChecks.join(' ')}\n${COLUMNS.join('\t')}\n`,
  );
  const bytes = new Uint8Array(prefix.length + rows.length * 4);
  bytes.set(prefix, 0);
  let p = prefix.length;
  for (let k = 0; k < rows.length; k++) {
    const w = rows[k];
    bytes[p++] = w >>> 24;
    bytes[p++] = (w >>> 16) & 255;
    bytes[p++] = (w >>> 8) & 255;
    bytes[p++] = w & 255;
  }
  return bytesToHex(sha256(bytes));
}

/** The policy hash of policy rows: 12 hex digits of SHA-256 of `key=value\n` per row (as policyHash). */
export function policyRowsHash(policy: readonly [string, string][]): string {
  let canonical = '';
  for (const [key, value] of policy) canonical += `${key}=${value}\n`;
  return bytesToHex(sha256(utf8ToBytes(canonical))).slice(0, 12);
}
