/**
 * RunRate's core: pure TypeScript, no host APIs. See docs/core-api.md.
 */
export * from './cells/index.js';
export * from './policy/index.js';
export * from './money/index.js';
export * from './contracts/index.js';
export * from './arr/index.js';
export * from './bridge/index.js';
export * from './retention/index.js';
export * from './deals/index.js';
export * from './explain/index.js';
export * from './revenue/index.js';
export * from './checks/index.js';
export * from './snapshots/index.js';
export * from './functions/index.js';
export * from './reports/index.js';
export {
  reconcile,
  reconciliationSheet,
  reconciliationReport,
  RECONCILIATION_SHEET,
  WALK_LABELS,
  CAUSE_KEYS,
  CAUSE_LABELS,
  RECON_KINDS,
  type ReconcileInput,
  type Reconciliation,
  type ReconRow,
  type ReconTable,
  type ReconKind,
  type WalkStep,
  type Causes,
  type CauseKey,
  type NetSuiteSource,
  type UnmatchedName as ReconUnmatchedName,
} from './reconcile/index.js';
export {
  readNetSuiteExport,
  matchCustomers,
  type NetSuiteExport,
  type NetSuiteLine,
  type NetSuiteFamily,
  type NetSuiteKind,
  type NetSuiteField,
  type NetSuiteColumnMapping,
  type ReadNetSuiteOptions,
  type NetSuiteEntity,
  type CustomerMatchResult,
  type MatchRule,
} from './netsuite/index.js';
