/**
 * What the task pane (Excel) and the sidebar (Google Sheets) can ask of their host: one promise-
 * returning method per user action. Components call only this interface. Excel's implementation
 * runs the actions in the pane over `ExcelWorkbook` (createPaneHost in pane-host.ts); the Sheets
 * sidebar's sends each call through `google.script.run` to the same actions running on the Apps
 * Script server over `SheetsWorkbook`; tests use an in-memory workbook.
 *
 * Every value crossing this interface is plain JSON (it travels through google.script.run).
 * Money is in cents, dates are ISO `yyyy-mm-dd` text.
 */
import type { RangeSource, SheetKind } from './workbook.js';

/** One policy key as the form shows it. */
export interface PolicyField {
  key: string;
  /** Current value as text (a number, an enum value, a list of bands like `25000, 100000`). */
  value: string;
  default: string;
  /** Allowed values for an enum key, default first; absent for free values. */
  choices?: string[];
  kind: 'enum' | 'number' | 'currency' | 'text' | 'bands';
  /** One line for a finance user. */
  help: string;
}

export interface PolicyChange {
  /** ISO timestamp. */
  when: string;
  /** User name from the host, '' when unknown. */
  who: string;
  key: string;
  from: string;
  to: string;
}

export interface PolicyState {
  fields: PolicyField[];
  version: string;
  /** The policy hash every report shows. */
  hash: string;
  /** True when read back from an existing `RR Policy` sheet, false for the defaults. */
  fromSheet: boolean;
  changeLog: PolicyChange[];
  /** The one-page policy document, one paragraph a line. */
  document: string[];
}

export interface SavePolicyResult {
  state: PolicyState;
  /** Keys whose value changed in this save. */
  changed: string[];
}

/** A column of the contract range and the field RunRate reads it as. */
export interface ColumnMapping {
  /** 0-based column within the range. */
  column: number;
  header: string;
  /** Canonical field (`customer`, `start`, `end`, `amount`, ...) or null when ignored. */
  field: string | null;
}

export interface ContractSourceInfo {
  source: RangeSource;
  /** Human label, e.g. `Table Contracts (Data!A1:N1601)`. */
  label: string;
  sheet: string;
  topLeft: string;
  /** Lines, header excluded. */
  lines: number;
  mapping: ColumnMapping[];
  /** The fields a finance user can assign a column to (canonical names, with labels). */
  fieldChoices: { field: string; label: string }[];
  /** Required fields no column is mapped to. */
  missing: string[];
  /**
   * The FX rates range remembered with the contracts (currentContracts, useContracts), null for
   * none; absent when the host does not say. The Data tab preselects it, so using the range again
   * keeps the rates.
   */
  rates?: RangeSource | null;
}

export interface Finding {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
  /** Sheet and A1 address to select when the finding is clicked; absent for whole-book findings. */
  sheet?: string;
  address?: string;
}

export interface CheckRun {
  lines: number;
  findings: Finding[];
  errors: number;
  warnings: number;
}

export interface SnapshotInfo {
  sheet: string;
  asOf: string;
  lines: number;
  totalCents: number;
  currency: string;
  policyVersion: string;
  policyHash: string;
  dataHash: string;
  seal: string;
  createdAt: string;
}

export interface SnapshotVerification {
  sheet: string;
  status: 'intact' | 'altered' | 'unreadable';
  discrepancies: { row?: number; column?: string; message: string }[];
}

export interface RestatementLine {
  customer: string;
  cause: string;
  /** The key's ARR in the snapshot and recomputed today (the same on each of its lines). */
  beforeCents: number;
  afterCents: number;
  /** Product of the key at `grain: customer_product`, '' at customer grain. */
  product?: string;
  /** This cause's part of the key's move (afterCents - beforeCents over all of the key's lines). */
  amountCents?: number;
  /** Today's sheet rows of the lines behind it (`14 15`), or the locked ones (`locked 14`). */
  rows?: string;
}

export interface RestatementView {
  sheet: string;
  asOf: string;
  snapshotCents: number;
  todayCents: number;
  lines: RestatementLine[];
}

export interface GeneratedSheet {
  name: string;
  rows: number;
}

export interface ReportRun {
  asOf: string;
  sheets: GeneratedSheet[];
  /** Sheets not written because a user sheet has that name. */
  skipped: string[];
  arrCents: number;
  syncs: number;
  millis: number;
}

/** One NetSuite export: file text picked in the pane, or a sheet holding a pasted export. */
export type ReconcileExport = { kind: 'file'; name: string; text: string } | { kind: 'sheet'; sheet: string };

export interface ReconcileSetup {
  /**
   * A NetSuite export. With `exports` too, all of them are read: `export` first, then `exports` in
   * order (as `runrate reconcile --netsuite A --netsuite B`). At least one of the two is given.
   */
  export?: ReconcileExport;
  /** Every export of the reconciliation: a transaction search, an income statement detail, a deferred revenue waterfall, a customer list. */
  exports?: ReconcileExport[];
  /**
   * The customer mapping table (contract customer, NetSuite name or id, a header row optional), as
   * `runrate reconcile --mapping FILE` reads it: a CSV file's text, or a sheet; null or absent for none.
   */
  mapping?: { kind: 'file'; name: string; text: string } | { kind: 'sheet'; sheet: string } | null;
  /** The period reconciled, ISO dates. */
  from: string;
  to: string;
}

/** A NetSuite export's columns and the NetSuite field each is read as (null: ignored). */
export interface ReconcileColumn {
  header: string;
  field: string | null;
  /** The export (file name or sheet) the column is in. */
  export?: string;
}

export interface ReconcilePreview {
  /** Every export's columns, export after export, each naming its export. */
  columns: ReconcileColumn[];
  /**
   * Each export as read: its label (file name or sheet), its kind (`transactions`,
   * `income_statement`, `deferred_waterfall`, `revrec_forecast`, `customers`, `unknown`; `unreadable`
   * when it could not be read, see `problems`), lines kept and its columns.
   */
  exports?: { label: string; kind: string; lines: number; columns: ReconcileColumn[] }[];
  /** The mapping table read (its label and rows, header included), null when none was given. */
  mapping?: { label: string; rows: number } | null;
  /**
   * Customer matching: NetSuite name -> RunRate customer (null: unmatched), with how it matched
   * (`exact`, `id`, `mapping`: by the mapping table, `name`, `leaf`, `parent`, `unmatched`). The
   * entities of every export, matched as the reconciliation matches them.
   */
  customers: {
    netsuite: string;
    runrate: string | null;
    how: string;
    /**
     * False when the entity has no line with an amount in the exports, only a name (a parent of a
     * hierarchy, a customer not invoiced yet): unmatched, it changes no figure. Absent: not said.
     */
    lines?: boolean;
  }[];
  /** Problems reading the exports or the mapping table (file, row and column named). */
  problems: string[];
}

export interface ReconcileRun {
  sheets: GeneratedSheet[];
  skipped: string[];
  /** Variance between contract ARR/revenue and NetSuite, cents, and how much is unexplained. */
  varianceCents: number;
  unexplainedCents: number;
}

export type Progress = (message: string, fraction?: number) => void;

export interface PaneHost {
  readonly hostName: 'Excel' | 'Google Sheets' | 'Test workbook';
  /** The policy from the `RR Policy` sheet, or the defaults when there is none. */
  loadPolicy(): Promise<PolicyState>;
  /** Writes the `RR Policy` sheet (key/value table, RR_POLICY name, version, hash, change log) and the Policy document sheet. */
  savePolicy(values: Record<string, string>): Promise<SavePolicyResult>;

  /** Tables, named ranges and sheets that could hold the contracts, with their detected mapping. */
  listContractSources(): Promise<ContractSourceInfo[]>;
  /** The selection (or a given source) with its detected mapping. */
  describeSource(source: RangeSource): Promise<ContractSourceInfo>;
  /**
   * Uses this source and mapping (and the FX rates range, when the policy converts currencies) for
   * every later action; remembered in the `RR Policy` sheet so the next session finds them.
   */
  useContracts(
    source: RangeSource,
    mapping: ColumnMapping[],
    rates?: RangeSource | null,
  ): Promise<ContractSourceInfo>;
  /** The contract source in use (from the `RR Policy` sheet), or null when none was chosen yet. */
  currentContracts(): Promise<ContractSourceInfo | null>;
  runChecks(asOf: string): Promise<CheckRun>;
  selectFinding(finding: Finding): Promise<void>;

  lockSnapshot(asOf: string): Promise<SnapshotInfo>;
  listSnapshots(): Promise<SnapshotInfo[]>;
  verifySnapshot(sheet: string): Promise<SnapshotVerification>;
  restatement(sheet: string): Promise<RestatementView>;

  /** Generates Summary, Bridge, ARR trend, Retention, Revenue, Checks and Policy sheets as of a date. */
  generateReports(asOf: string, onProgress?: Progress): Promise<ReportRun>;

  previewReconcile(setup: ReconcileSetup): Promise<ReconcilePreview>;
  /** Generates the reconciliation sheets; `customerMap` overrides matches (NetSuite name -> RunRate customer). */
  reconcile(setup: ReconcileSetup, customerMap: Record<string, string>): Promise<ReconcileRun>;

  listSheets(): Promise<{ name: string; kind: SheetKind }[]>;
}
