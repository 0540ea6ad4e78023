/**
 * The bridge to the NetSuite importer and customer matching (src/netsuite): exports in, the lines
 * the reconciliation reads out; contract keys and NetSuite entities in, the match out.
 * - a transaction saved search plays `transactions`, an income statement detail `income`, a
 *   deferred revenue waterfall `deferred` (its balances), a customer list `customers` (names only);
 *   a revenue recognition forecast (or an export of no known kind with no amounts) contributes its
 *   entity names only, like a customer list; any other export plays `transactions`;
 * - a line with a blank amount was dropped by the importer (counted there), so `cents` is never null.
 */
import { CellError } from '../cells/error.js';
import type { Policy } from '../policy/keys.js';
import {
  matchCustomers as matchEntities,
  readNetSuiteExport,
  type NetSuiteExport,
} from '../netsuite/index.js';
import type { NsExportRole, NsExportView } from './from-exports.js';
import type { CustomerMatch } from './reconcile.js';

/** One NetSuite export: a file's bytes (CLI) or a pasted range (sheet function). */
export interface NetSuiteSource {
  label: string;
  data: Uint8Array | unknown[][];
}

function roleOf(x: NetSuiteExport): NsExportRole {
  switch (x.kind) {
    case 'income_statement':
      return 'income';
    case 'deferred_waterfall':
      return 'deferred';
    case 'customers':
    case 'revrec_forecast':
      return 'customers';
    default:
      return x.amountSource === 'none' ? 'customers' : 'transactions';
  }
}

function view(x: NetSuiteExport): NsExportView {
  const role = roleOf(x);
  if (role === 'customers') return { role, label: x.label, lines: [], entities: x.entities };
  return {
    role,
    label: x.label,
    lines: x.lines.map((l) => ({
      type: l.type,
      date: l.date,
      period: l.month,
      entity: l.entity,
      item: l.item,
      account: l.account,
      accountType: l.accountType,
      cents: l.amountCents,
      revRecStart: l.revRecStart,
      revRecEnd: l.revRecEnd,
      where: `${x.label} line ${l.line}`,
    })),
  };
}

export function readExports(
  sources: NetSuiteSource[],
  policy: Policy,
  timeZone?: string,
): NsExportView[] | CellError {
  const out: NsExportView[] = [];
  for (const s of sources) {
    const x = readNetSuiteExport(s.data, { label: s.label, dateFormat: policy.netsuiteDateFormat, timeZone });
    if (x instanceof CellError) return x;
    out.push(view(x));
  }
  return out;
}

export function matchCustomers(
  keys: string[],
  entities: string[],
  mapping: unknown[][] | null,
): CustomerMatch | CellError {
  const m = matchEntities(keys, entities, mapping);
  if (m instanceof CellError) return m;
  return { entityCustomer: m.entityCustomer, unmatched: m.unmatched };
}
