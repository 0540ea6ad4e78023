/**
 * Reconciliation against NetSuite (methodology section 7, docs/reconcile.md): contract revenue,
 * ARR and deferred revenue against NetSuite GL revenue, billing run-rate and deferred revenue, per
 * customer, every variance split into causes and what remains unexplained, and the walk from
 * ARR-implied revenue to GL revenue.
 */
import type { Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import type { ContractBook } from '../contracts/book.js';
import type { FxRates } from '../money/rates.js';
import type { Policy } from '../policy/keys.js';
import { parseRevenueAccounts } from './classify.js';
import { buildContractSide } from './contract.js';
import { netsuiteSide } from './from-exports.js';
import { matchCustomers, readExports, type NetSuiteSource } from './importer.js';
import { checkPeriod, reconcileSides } from './reconcile.js';
import type { Reconciliation } from './types.js';

export * from './types.js';
export { reconciliationSheet, reconciliationReport, RECONCILIATION_SHEET } from './report.js';
export { WALK_LABELS } from './reconcile.js';
export type { NetSuiteSource } from './importer.js';

export interface ReconcileInput {
  book: ContractBook;
  policy: Policy;
  rates?: FxRates | null;
  /** One or more NetSuite exports (a transaction search, an income statement detail, a deferred revenue export, a customer list). */
  netsuite: NetSuiteSource[];
  /** The mapping table (contract key, NetSuite name or id) with its header row, or null. */
  mapping?: unknown[][] | null;
  from: Day;
  to: Day;
  /** IANA zone of `Date` cells in a pasted NetSuite range (Apps Script). */
  timeZone?: string;
}

export function reconcile(input: ReconcileInput): Reconciliation | CellError {
  const { book, policy, from, to } = input;
  const period = checkPeriod(from, to);
  if (period instanceof CellError) return period;
  const accounts = parseRevenueAccounts(policy.glRevenueAccounts);
  if (typeof accounts === 'string') return new CellError('#VALUE!', `policy glRevenueAccounts: ${accounts}`);
  const contracts = buildContractSide(book, policy, input.rates ?? null);
  if (contracts instanceof CellError) return contracts;
  if (input.netsuite.length === 0) return new CellError('#VALUE!', 'netsuite: no NetSuite export given');
  const views = readExports(input.netsuite, policy, input.timeZone);
  if (views instanceof CellError) return views;
  const ns = netsuiteSide(views, accounts);
  if (ns instanceof CellError) return ns;
  const match = matchCustomers(contracts.keys, ns.entities, input.mapping ?? null);
  if (match instanceof CellError) return match;
  return reconcileSides(contracts, ns, match, from, to);
}
