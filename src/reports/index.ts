/** Report models: host-neutral descriptions of the sheets RunRate generates (docs/reports.md). */
export * from './model.js';
export { Grid, address as cellAddress, columnName } from './grid.js';
export { buildBoardPack, BOARD_PACK_SHEETS, type BoardPackInput } from './pack.js';
export { dataHash, canonicalLines as canonicalContractLines } from './data-hash.js';
export { titleLines, TITLE_ROWS } from './title.js';
export { monthsBefore, packPeriods, type PackPeriods } from './periods.js';
export { SUMMARY_SHEET } from './summary.js';
export { BRIDGE_SHEET } from './bridge-sheet.js';
export { TREND_SHEET } from './trend.js';
export { RETENTION_SHEET } from './retention-sheet.js';
export { REVENUE_SHEET } from './revenue-sheet.js';
export { CHECKS_SHEET } from './checks-sheet.js';
export { POLICY_SHEET } from './policy-sheet.js';
