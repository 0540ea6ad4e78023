/**
 * Column names of NetSuite exports: the aliases of each field, the header row's detection and the
 * user's overrides. Header cells are compared after trimming (reports write `"Amount "`), collapsing
 * spaces (non-breaking ones too) and lower-casing. Repeated header names (`Internal ID` of the
 * transaction, of the customer join and of the item join) are kept apart by position: an alias
 * takes its first occurrence, an override can name the n-th as `Internal ID#2`.
 */
import type { NetSuiteColumn, NetSuiteColumnMapping, NetSuiteField } from './types.js';
import { periodHeader, trimCell } from './cells.js';

/** Field -> header names, best first (the first alias present wins, whatever its position). */
export const ALIASES: Record<NetSuiteField, readonly string[]> = {
  internalId: ['internal id'],
  documentNumber: [
    'document number',
    'document #',
    'doc #',
    'doc number',
    'transaction number',
    'source document #',
    'source document number',
    'number',
    'num',
  ],
  type: ['type', 'transaction type', 'source type', 'source document type'],
  date: ['date', 'transaction date', 'tran date', 'trandate'],
  period: ['posting period', 'period', 'accounting period'],
  entity: [
    'name',
    'customer',
    'customer name',
    'customer/project',
    'customer:project',
    'customer : project',
    'customer/job',
    'entity',
    'entity name',
  ],
  entityId: ['id', 'customer id', 'entity id', 'customer number', 'customer #', 'entity number'],
  companyName: ['company name', 'company'],
  parent: ['parent', 'parent customer', 'top level parent'],
  account: [
    'account',
    'account name',
    'gl account',
    'account (line)',
    'deferred revenue account',
    'revenue account',
  ],
  accountType: ['account type'],
  item: ['item', 'item name', 'item: name'],
  memo: ['memo', 'memo (main)', 'description', 'line memo'],
  amount: [
    'amount (consolidated)',
    'amount (reporting currency)',
    'amount (base currency)',
    'consolidated amount',
    'amount',
    'amount (net)',
    'net amount',
  ],
  foreignAmount: [
    'amount (foreign currency)',
    'foreign amount',
    'amount (transaction currency)',
    'fx amount',
  ],
  debit: ['amount (debit)', 'debit', 'debit amount'],
  credit: ['amount (credit)', 'credit', 'credit amount'],
  currency: ['currency', 'transaction currency'],
  exchangeRate: ['exchange rate'],
  revRecStart: [
    'rev. rec. start date',
    'rev rec start date',
    'revenue recognition start date',
    'rev rec start',
    'rev. rec. start',
    'service start date',
    'start date',
  ],
  revRecEnd: [
    'rev. rec. end date',
    'rev rec end date',
    'revenue recognition end date',
    'rev rec end',
    'rev. rec. end',
    'service end date',
    'end date',
  ],
  balance: ['deferred revenue balance', 'deferred revenue', 'deferred balance', 'ending balance', 'balance'],
  subsidiary: ['subsidiary'],
};

export const FIELDS = Object.keys(ALIASES) as NetSuiteField[];

/** Header text as compared: trimmed, spaces collapsed (incl. non-breaking), lower case. */
export function headerKey(cell: string): string {
  return trimCell(cell)
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .toLowerCase();
}

const ALIAS_FIELD = new Map<string, NetSuiteField>();
for (const f of FIELDS) for (const a of ALIASES[f]) if (!ALIAS_FIELD.has(a)) ALIAS_FIELD.set(a, f);

/** How many distinct fields a row's cells name (a header row names at least two). */
export function knownFields(keys: string[], extra: Set<string>): number {
  const seen = new Set<string>();
  for (const k of keys) {
    const f = ALIAS_FIELD.get(k);
    if (f) seen.add(f);
    else if (extra.has(k)) seen.add('extra:' + k);
  }
  return seen.size;
}

export interface ColumnPlan {
  columns: Partial<Record<NetSuiteField, NetSuiteColumn>>;
  /** Period columns (`Jan 2025`) of a waterfall or forecast report. */
  buckets: { index: number; month: number }[];
  /** A `Total` column (forecast reports). */
  total: number;
}

/**
 * Assigns columns to fields: the user's overrides first, then for each other field its first alias
 * present (a column serves one field). Returns an error text for an override naming no column.
 */
export function planColumns(
  headers: string[],
  overrides: NetSuiteColumnMapping | undefined,
): ColumnPlan | string {
  const keys = headers.map(headerKey);
  const columns: Partial<Record<NetSuiteField, NetSuiteColumn>> = {};
  const taken = new Set<number>();
  for (const f of FIELDS) {
    const o = overrides?.[f];
    if (o === undefined || o === null || o === '') continue;
    let index: number;
    if (typeof o === 'number') {
      if (!Number.isInteger(o) || o < 1 || o > headers.length) {
        return `columns: ${f} is column ${o}, but the header has ${headers.length} columns`;
      }
      index = o - 1;
    } else {
      const m = /^(.*?)#(\d+)$/.exec(o.trim());
      const name = headerKey(m ? m[1] : o);
      const nth = m ? Number(m[2]) : 1;
      index = -1;
      for (let i = 0, seen = 0; i < keys.length; i++) {
        if (keys[i] === name && ++seen === nth) {
          index = i;
          break;
        }
      }
      if (index < 0) {
        return `columns: ${f} is ${JSON.stringify(o)}, but the header has no such column (it has ${headers
          .filter((h) => h !== '')
          .map((h) => JSON.stringify(h))
          .join(', ')})`;
      }
    }
    columns[f] = { index, header: headers[index] };
    taken.add(index);
  }
  for (const f of FIELDS) {
    if (columns[f]) continue;
    for (const a of ALIASES[f]) {
      const i = keys.findIndex((k, j) => k === a && !taken.has(j));
      if (i >= 0) {
        columns[f] = { index: i, header: headers[i] };
        taken.add(i);
        break;
      }
    }
  }
  const buckets: { index: number; month: number }[] = [];
  let total = -1;
  keys.forEach((k, i) => {
    if (taken.has(i)) return;
    const m = periodHeader(trimCell(headers[i]));
    if (m >= 0) buckets.push({ index: i, month: m });
    else if (k === 'total' || k === 'total amount') total = i;
  });
  return { columns, buckets, total };
}

/** Header texts the user's overrides name, for finding the header row. */
export function overrideNames(overrides: NetSuiteColumnMapping | undefined): Set<string> {
  const out = new Set<string>();
  for (const v of Object.values(overrides ?? {})) {
    if (typeof v === 'string') out.add(headerKey(v.replace(/#\d+$/, '')));
  }
  return out;
}
