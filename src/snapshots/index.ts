export { buildSnapshot, sealSnapshot } from './build.js';
export { snapshotTable, type SnapshotCell } from './table.js';
export { readSnapshot, type ReadSnapshotResult } from './read.js';
export { snapshotDataHash } from './data-hash.js';
export {
  MARKER as SNAPSHOT_MARKER,
  FORMAT_VERSION as SNAPSHOT_FORMAT,
  COLUMNS as SNAPSHOT_COLUMNS,
} from './layout.js';
export type { Snapshot, SnapshotRows, SnapshotHeader, SnapshotChecks, Discrepancy } from './types.js';
export {
  snapshotBridge,
  snapshotRetention,
  snapshotDiff,
  snapshotPolicy,
  type SnapshotRetentionResult,
  type SnapshotBridgeOptions,
  type SnapshotPairOptions,
} from './bridge.js';
export {
  restatement,
  restateContracts,
  CAUSES as RESTATEMENT_CAUSES,
  type RestatementCause,
  type RestatementRow,
  type RestatementResult,
} from './restatement.js';
