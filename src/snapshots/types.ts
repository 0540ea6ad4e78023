/** A locked ARR snapshot in memory: the header block and its rows, column by column. */
import type { Day } from '../cells/days.js';

/**
 * One row per contributor counting on the as-of date (a contract line, or a pooled contract under
 * `multiYear: average`), sorted by customer, product, start, end, contract and first sheet row.
 */
export interface SnapshotRows {
  n: number;
  /** The ARR customer key (the parent under `rollupToParent: yes`). */
  customer: string[];
  /** '' when blank. */
  product: string[];
  /** Contract id, '' when blank. */
  contract: string[];
  /** Sheet rows of the contributor's contract lines at the lock, in sheet order: `14` or `14+15+16`. */
  rows: string[];
  /** The first of them (the row a contract label falls back to: `row 14`). */
  firstRow: Int32Array;
  /** The contributor's term: its (pooled) first start and last end. */
  start: Int32Array;
  end: Int32Array;
  /** The amount ARR was computed from (a pool's sum), in cents of the line's currency. */
  amountCents: Float64Array;
  currency: string[];
  /** ARR in the line's currency, rounded to cents once (the policy's rounding). */
  localCents: Float64Array;
  /**
   * The exact local ARR in cents as a reduced fraction exactNum / exactDen; exactDen 0 when it is
   * a whole number of cents (then it is localCents, and the ARR Local Exact cell is blank).
   */
  exactNum: Float64Array;
  exactDen: Float64Array;
  /** The rate used to the reporting currency, as decimal text (`1`, `1.0825`). */
  rate: string[];
  /** ARR in the reporting currency, in cents: the engine's contribution on the as-of date. */
  arrCents: Float64Array;
  /** The customer's first day with ARR (NO_DAY when it has none). */
  firstArr: Int32Array;
}

export interface SnapshotHeader {
  format: number;
  asOf: Day;
  currency: string;
  policyVersion: string;
  policyHash: string;
  /** The policy at the lock, `[key, value]` in canonical text, in the order it was written. */
  policy: [string, string][];
  dataHash: string;
  rowCount: number;
  totalCents: number;
}

/** The checks that seal a snapshot (all hex text). */
export interface SnapshotChecks {
  /** One 16-digit check per data row. */
  rows: string[];
  /** One 16-digit check per column, separated by spaces. */
  columns: string;
  /** One check per header row, marker row first, policy rows included, the seal row excluded. */
  header: string[];
  /** SHA-256 (64 digits) over the header checks, the column names and the row checks. */
  seal: string;
}

export interface Snapshot extends SnapshotHeader {
  rows: SnapshotRows;
  checks: SnapshotChecks;
}

/** A discrepancy found by verification, named by sheet row (row 1 = the marker row) and column. */
export interface Discrepancy {
  /** Sheet row of the snapshot table, or null for the table as a whole. */
  row: number | null;
  /** Column name or header label, or null. */
  column: string | null;
  /** The whole message, location first: `row 57, ARR Reporting: ...`. */
  message: string;
}
