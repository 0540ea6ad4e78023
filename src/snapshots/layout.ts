/**
 * The snapshot table, format 1: a header block of labelled rows, a blank row, the column names,
 * then one row per contributor counting on the as-of date.
 *
 * ```
 * RunRate snapshot   1                       <check>
 * As of              2025-12-31              <check>
 * Currency           USD                     <check>
 * Policy version     1                       <check>
 * Policy hash        3e74cc4f9f73            <check>
 * Data hash          9c0d2e1f4a5b            <check>
 * Rows               250                     <check>
 * Total              1234567.89              <check>
 * Column checks      <14 checks, one a column>  <check>
 * Policy: version    1                       <check>     one row a policy key, in POLICY_KEYS order
 * ...
 * Seal               <64 hex digits>
 * (blank)
 * Customer  Product  Contract  Rows  Start  End  Amount  Currency  ARR Local  ARR Local Exact  Rate  ARR Reporting  First ARR  Check
 * ...
 * ```
 */

export const MARKER = 'RunRate snapshot';
export const FORMAT_VERSION = 1;

/** The labels of the fixed header rows after the marker row, in order. */
export const HEADER_LABELS = [
  'As of',
  'Currency',
  'Policy version',
  'Policy hash',
  'Data hash',
  'Rows',
  'Total',
  'Column checks',
] as const;
export type HeaderLabel = (typeof HEADER_LABELS)[number];

/** Label of a policy row: `Policy: reportingCurrency`. */
export const POLICY_PREFIX = 'Policy: ';
export const SEAL_LABEL = 'Seal';

export const COLUMNS = [
  'Customer',
  'Product',
  'Contract',
  'Rows',
  'Start',
  'End',
  'Amount',
  'Currency',
  'ARR Local',
  'ARR Local Exact',
  'Rate',
  'ARR Reporting',
  'First ARR',
  'Check',
] as const;
export type ColumnName = (typeof COLUMNS)[number];

export const C_CUSTOMER = 0;
export const C_PRODUCT = 1;
export const C_CONTRACT = 2;
export const C_ROWS = 3;
export const C_START = 4;
export const C_END = 5;
export const C_AMOUNT = 6;
export const C_CURRENCY = 7;
export const C_LOCAL = 8;
export const C_EXACT = 9;
export const C_RATE = 10;
export const C_ARR = 11;
export const C_FIRST = 12;
export const C_CHECK = 13;
/** Columns whose values the row check covers (all but Check). */
export const VALUE_COLUMNS = 13;
export const WIDTH = COLUMNS.length;
