/** The host-neutral add-in layer: the workbook interface, the drivers, the pane host and its actions. */
export * from './workbook.js';
export * from './drive.js';
export * from './host.js';
export { createPaneHost, callAction, SERVER_ACTIONS } from './pane-host.js';
export {
  MemoryWorkbook,
  type MemoryCell,
  type MemorySheet,
  type MemoryWorkbookOptions,
} from './memory-workbook.js';
export { ActionError } from './actions/errors.js';
export { POLICY_NAME } from './actions/policy-sheet.js';
export { POLICY_SHEET_NAME } from './actions/common.js';
export { SNAPSHOT_PREFIX } from './actions/snapshots.js';
