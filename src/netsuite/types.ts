/**
 * The NetSuite importer's output (src/netsuite/read.ts) and the customer matcher's
 * (src/netsuite/match.ts). docs/reconcile.md, "Reading NetSuite exports" and "Matching customers".
 *
 * One export in -> one `NetSuiteExport`: which family and kind of export it is, where its header is,
 * which column plays which field, its data lines and what was dropped. Money is integer cents,
 * dates are `Day`s, posting periods are months.
 *
 * SIGN RULE (what `amountCents` means, per kind):
 * - `transactions` (a transaction saved search): the reporting-currency `Amount` as the search shows
 *   it. NetSuite's transaction searches show an amount positive when the posting increases the
 *   account's normal balance and negative when it decreases it, so on an income or deferred revenue
 *   account an invoice line and a journal's credit are positive, a credit memo line and a journal's
 *   debit negative. Credit memos and refunds (`Credit Memo`, `Cash Refund`, `Customer Refund`) are
 *   therefore negative; when an export shows every such line as a positive number (an unsigned
 *   formula column), they are all negated. Journals are kept as shown.
 *   With `Amount (Debit)` / `Amount (Credit)` columns and no `Amount`: credit - debit (a credit is
 *   positive, as on an income account).
 * - `income_statement` (income statement detail report): as the report shows it; income lines are
 *   positive revenue, a credit memo's line on an income account is negative.
 * - `deferred_waterfall`: the deferred revenue balance (`Deferred Revenue Balance`), positive.
 * - `revrec_forecast`: the line's total (`Total` column, else the sum of its period columns).
 * - `customers`: no amount (`amountCents` is 0 and `hasAmount` false on every line).
 * - `unknown`: as shown.
 *
 * Entry points (src/netsuite/index.ts):
 * - `readNetSuiteExport(data: Uint8Array | string | unknown[][], options?: ReadNetSuiteOptions)
 *   : NetSuiteExport | CellError` (pure; a pasted range may hold serials and `Date` cells);
 * - `matchCustomers(keys: string[], entities: NetSuiteEntity[], mapping: unknown[][] | null)
 *   : CustomerMatchResult | CellError` (mapping: a range with a header row, columns contract key,
 *   NetSuite name or id).
 * Errors are `CellError`s with `row` = the file line and `column` = the header, message
 * `transactions.csv line 14, Amount: "12,34,5" is not an amount`.
 */
import type { Day } from '../cells/days.js';

/** Saved-search export (header on line 1) or report export (title rows, then the header). */
export type NetSuiteFamily = 'saved_search' | 'report';

export type NetSuiteKind =
  'transactions' | 'income_statement' | 'deferred_waterfall' | 'revrec_forecast' | 'customers' | 'unknown';

/** The fields a column can play. A user mapping overrides the aliases per field. */
export type NetSuiteField =
  | 'internalId'
  | 'documentNumber'
  | 'type'
  | 'date'
  | 'period'
  | 'entity'
  | 'entityId'
  | 'companyName'
  | 'parent'
  | 'account'
  | 'accountType'
  | 'item'
  | 'memo'
  /** Reporting-currency amount (`Amount` in a multi-currency search, `Amount (Consolidated)` ...). */
  | 'amount'
  /** Transaction-currency amount (`Amount (Foreign Currency)`); used only when no `amount` column. */
  | 'foreignAmount'
  /** `Amount (Debit)` / `Amount (Credit)` (used when no `amount` column). */
  | 'debit'
  | 'credit'
  | 'currency'
  | 'exchangeRate'
  | 'revRecStart'
  | 'revRecEnd'
  /** A balance column (deferred revenue waterfall's `Ending Balance`, `Deferred Revenue`, ...). */
  | 'balance'
  | 'subsidiary';

export interface NetSuiteColumn {
  /** 0-based position in the header row (repeated header names are kept apart by position). */
  index: number;
  /** The header cell as found (trimmed). */
  header: string;
}

export interface NetSuiteLine {
  /** 1-based line of the file where the record starts (a quoted field with newlines spans lines); for a pasted range, the row. */
  line: number;
  /** Transaction type as exported (`Invoice`, `Credit Memo`, `Journal`, ...); '' when none. */
  type: string;
  /** Transaction date, or null when blank / no date column. */
  date: Day | null;
  /** Posting period `YYYY-MM` (from `Jul 2024`, else from the date), or null. */
  period: string | null;
  /** The same month as an absolute month number: year x 12 + month - 1; null with `period`. */
  month: number | null;
  /** Entity as exported, trimmed (`C1004 Initech, LLC`, `Acme Holdings : Acme EMEA`); '' when none. */
  entity: string;
  /**
   * Entity number: the `ID` / `Customer ID` column when there is one, else a leading entity number
   * of the name (`C1004` of `C1004 Initech, LLC`); null when neither.
   */
  entityId: string | null;
  /** Account as exported (`4000 Subscription Revenue`, `4000 - Subscription Revenue`). */
  account: string;
  /** Leading account number (`4000`; `4000-01` kept whole), or null. */
  accountNumber: string | null;
  /** Account type column (`Income`, `Deferred Revenue`, ...); '' when none. */
  accountType: string;
  item: string;
  memo: string;
  /** Reporting-currency cents under the sign rule above (0 when `hasAmount` is false). */
  amountCents: number;
  /** False only on a customer list (no amount column). Lines with a blank amount are dropped, see `dropped`. */
  hasAmount: boolean;
  /** Transaction-currency cents when the export has such a column besides the reporting amount. */
  foreignCents: number | null;
  /** Currency column as exported, or null. */
  currency: string | null;
  revRecStart: Day | null;
  revRecEnd: Day | null;
  /** Balance column cents (deferred waterfall), or null. */
  balanceCents: number | null;
  /**
   * Period columns of a waterfall or forecast report (header `Jan 2025`, `Q1 2025` is not read):
   * the amount scheduled in each month, in column order; empty when the export has none.
   */
  buckets: { period: string; month: number; cents: number }[];
}

export interface NetSuiteDropped {
  /** `Total - ...`, `Total ...`, `Net Income`, `Gross Profit`, `Net Ordinary Income` rows. */
  totals: number;
  /** Report rows whose amounts are all blank (section headings: `Income`, `4000 Subscription Revenue`). */
  sections: number;
  /** Saved-search rows with a blank amount (no money to reconcile; their entity still counts in `entities`). */
  blank: number;
  /** Rows with every cell empty (not counted by papaparse lines but reported). */
  empty: number;
}

export interface NetSuiteExport {
  /** Label for messages (the file name). */
  label: string;
  family: NetSuiteFamily;
  kind: NetSuiteKind;
  /** Text of the title rows before the header (company, report name, date range), trimmed, in order. */
  title: string[];
  /** 1-based file line of the header row. */
  headerLine: number;
  /** The header row as found (trimmed), by position. */
  headers: string[];
  /** Which column plays which field. */
  columns: Partial<Record<NetSuiteField, NetSuiteColumn>>;
  /** The data lines kept, in file order. */
  lines: NetSuiteLine[];
  dropped: NetSuiteDropped;
  /** Every distinct entity name in the export (kept and blank-amount lines), in first-seen order. */
  entities: string[];
  /** Entity id of each entity in `entities` (from an ID column or the leading number), or null. */
  entityIds: (string | null)[];
  /** How the bytes were decoded. */
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'text' | 'range';
  /** Whether amounts came from a reporting-currency column, a foreign-currency one, or none. */
  amountSource: 'reporting' | 'foreign' | 'debit_credit' | 'balance' | 'buckets' | 'none';
}

/**
 * User override of the column mapping: field -> header text (case- and space-insensitive; a
 * repeated header is named `Internal ID#2` for its second occurrence) or 1-based column position.
 */
export type NetSuiteColumnMapping = Partial<Record<NetSuiteField, string | number>>;

export interface ReadNetSuiteOptions {
  /** For messages (`transactions.csv line 14, Amount: ...`). Default `export`. */
  label?: string;
  /** The policy's `netsuiteDateFormat`. Default `M/D/YYYY`. */
  dateFormat?: 'M/D/YYYY' | 'D/M/YYYY' | 'D-Mon-YYYY' | 'D.M.YYYY';
  columns?: NetSuiteColumnMapping;
  /** Force the kind when detection is not wanted. */
  kind?: NetSuiteKind;
  /** IANA zone for `Date` cells of a pasted range (Apps Script). */
  timeZone?: string;
}

// ---- matching --------------------------------------------------------------------------------

/** One NetSuite entity offered to the matcher. */
export interface NetSuiteEntity {
  /** As exported (`C1004 Initech, LLC`). */
  name: string;
  /** Entity number (`C1004`), when known. */
  id?: string | null;
}

/** Which rule matched an entity to a contract key. */
export type MatchRule = 'exact' | 'id' | 'mapping' | 'name' | 'leaf' | 'parent';

export interface MatchCandidate {
  name: string;
  /** Similarity 0..1, two decimals (1 = the same normalised name). */
  score: number;
}

export interface UnmatchedName {
  name: string;
  /**
   * Best candidates on the other side, best first (at most 3, score >= 0.3): for a contract key,
   * among the unmatched entities; for an entity, among all contract keys (it may be a second
   * account of a customer already matched).
   */
  candidates: MatchCandidate[];
}

export interface CustomerMatchResult {
  /** For each entity (input order): the index of its contract key, or -1. */
  entityCustomer: Int32Array;
  /** For each entity: the rule that matched it, or null. */
  rule: (MatchRule | null)[];
  unmatched: { contracts: UnmatchedName[]; netsuite: UnmatchedName[] };
}
