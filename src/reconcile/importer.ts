/**
 * The bridge to the NetSuite importer and customer matching: exports in, the lines the
 * reconciliation reads out; contract keys and NetSuite entities in, the match out. Until src/netsuite
 * lands this uses the interim reader (interim-reader.ts); then it calls src/netsuite instead.
 */
import { CellError } from '../cells/error.js';
import type { Policy } from '../policy/keys.js';
import type { NsExportView } from './from-exports.js';
import { matchNames, readExport } from './interim-reader.js';
import type { CustomerMatch } from './reconcile.js';

/** One NetSuite export: a file's bytes (CLI) or a pasted range (sheet function). */
export interface NetSuiteSource {
  label: string;
  data: Uint8Array | unknown[][];
}

export function readExports(
  sources: NetSuiteSource[],
  policy: Policy,
  timeZone?: string,
): NsExportView[] | CellError {
  const out: NsExportView[] = [];
  for (const s of sources) {
    const v = readExport(s.label, s.data, policy, timeZone);
    if (v instanceof CellError) return v;
    out.push(v);
  }
  return out;
}

export function matchCustomers(
  keys: string[],
  entities: string[],
  mapping: unknown[][] | null,
): CustomerMatch | CellError {
  return matchNames(keys, entities, mapping);
}
