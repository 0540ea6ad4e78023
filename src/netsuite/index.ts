/**
 * NetSuite exports: the importer (read.ts) and customer matching (match.ts). Types in types.ts;
 * decisions in docs/reconcile.md ("Reading NetSuite exports", "Matching customers").
 */
export * from './types.js';
export { readNetSuiteExport } from './read.js';
export { matchCustomers, normaliseName, nameForms, similarity } from './match.js';
export { decodeExport, decodeWindows1252, decodeUtf8Strict } from './decode.js';
export {
  parseMoney,
  parseNsDate,
  parsePeriod,
  entityNumber,
  accountNumber,
  type DateFormat,
} from './cells.js';
export { ALIASES } from './columns.js';
