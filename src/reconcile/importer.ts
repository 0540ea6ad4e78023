/**
 * The bridge to the NetSuite importer and customer matching (src/netsuite): exports in, the lines
 * the reconciliation reads out; contract keys and NetSuite entities in, the match out.
 */
import { CellError } from '../cells/error.js';
import type { Policy } from '../policy/keys.js';
import type { NsExportView } from './from-exports.js';
import type { CustomerMatch } from './reconcile.js';

/** One NetSuite export: a file's bytes (CLI) or a pasted range (sheet function). */
export interface NetSuiteSource {
  label: string;
  data: Uint8Array | unknown[][];
}

export function readExports(sources: NetSuiteSource[], policy: Policy): NsExportView[] | CellError {
  void sources;
  void policy;
  return new CellError('#VALUE!', 'the NetSuite importer is not available');
}

export function matchCustomers(
  keys: string[],
  entities: string[],
  mapping: unknown[][] | null,
): CustomerMatch | CellError {
  void keys;
  void entities;
  void mapping;
  return new CellError('#VALUE!', 'customer matching is not available');
}
