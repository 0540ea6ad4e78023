/**
 * INTERIM: a small reader of NetSuite exports and a name matcher, standing in for the NetSuite
 * importer and customer matching of src/netsuite until they land; `importer.ts` is the only user
 * and switches to src/netsuite then. It reads what the reconciliation needs and no more:
 * - bytes as UTF-8 (BOM or not), else Windows-1252; CSV through papaparse; or a pasted range;
 * - the header row: the first of the first 30 rows with at least two known column names (title
 *   rows before it make a report export); columns by alias, case- and space-insensitively;
 * - money `2399.28`, `-6343.80`, `$1,234.56`, `($1,234.56)`, `-$1,234.56`; dates in the policy's
 *   `netsuiteDateFormat`; posting periods `Jul 2024`;
 * - rows: `Total - ...`, `Net Income`, `Gross Profit` and rows without an amount are dropped.
 * A bad money or date cell is an error naming the line and column.
 */
import Papa from 'papaparse';
import { dayFromYmd, isValidYmd, type Day } from '../cells/days.js';
import { isProblem, readDate } from '../cells/read.js';
import { CellError } from '../cells/error.js';
import type { Policy } from '../policy/keys.js';
import type { NsExportRole, NsExportView, NsLineView } from './from-exports.js';
import type { CustomerMatch } from './reconcile.js';
import type { MatchCandidate, UnmatchedName } from './types.js';

type Field =
  | 'type'
  | 'date'
  | 'period'
  | 'entity'
  | 'item'
  | 'account'
  | 'accountType'
  | 'amount'
  | 'reportingAmount'
  | 'revRecStart'
  | 'revRecEnd'
  | 'balance'
  | 'id';

const ALIASES: Record<Field, string[]> = {
  type: ['type', 'transaction type'],
  date: ['date', 'transaction date'],
  period: ['posting period', 'period', 'accounting period'],
  entity: ['name', 'customer', 'entity', 'customer name', 'customer/project', 'customer:project'],
  item: ['item', 'item name'],
  account: ['account', 'account name'],
  accountType: ['account type'],
  amount: ['amount', 'amount (net)'],
  reportingAmount: ['amount (consolidated)', 'amount (reporting currency)', 'consolidated amount'],
  revRecStart: [
    'rev rec start date',
    'rev. rec. start date',
    'revenue recognition start date',
    'rev rec start',
  ],
  revRecEnd: ['rev rec end date', 'rev. rec. end date', 'revenue recognition end date', 'rev rec end'],
  balance: ['deferred revenue', 'deferred balance', 'ending balance', 'balance'],
  id: ['id', 'customer id', 'entity id'],
};

const norm = (s: unknown): string =>
  String(s ?? '')
    .replace(/\u00a0/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parseMoney(text: string): number | null | undefined {
  let t = text.replace(/\u00a0/g, ' ').trim();
  if (t === '') return null;
  let neg = false;
  if (/^\(.*\)$/.test(t)) {
    neg = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('-')) {
    neg = !neg;
    t = t.slice(1).trim();
  }
  t = t.replace(/^[$€£]/, '').trim();
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t)) return undefined;
  const [w, f = ''] = t.replace(/,/g, '').split('.');
  const cents = Number(w) * 100 + Number((f + '00').slice(0, 2));
  return neg ? -cents : cents;
}

function parseDate(text: string, format: Policy['netsuiteDateFormat']): Day | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  let y: number, m: number, d: number;
  let mt: RegExpExecArray | null;
  if (format === 'D-Mon-YYYY' && (mt = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(t))) {
    d = Number(mt[1]);
    m = MONTHS.indexOf(mt[2].toLowerCase()) + 1;
    y = Number(mt[3]);
  } else if (format === 'D.M.YYYY' && (mt = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t))) {
    [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  } else if (
    (mt = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)) &&
    format !== 'D-Mon-YYYY' &&
    format !== 'D.M.YYYY'
  ) {
    if (format === 'M/D/YYYY') [m, d, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
    else [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  } else return undefined;
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : undefined;
}

function parsePeriod(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(t);
  if (!m) return undefined;
  const k = MONTHS.indexOf(m[1].toLowerCase());
  return k < 0 ? undefined : Number(m[2]) * 12 + k;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return String(v);
}

/** One export -> the reconciliation's view of it. */
export function readExport(
  label: string,
  data: Uint8Array | unknown[][],
  policy: Policy,
  timeZone?: string,
): NsExportView | CellError {
  const rows: unknown[][] =
    data instanceof Uint8Array
      ? Papa.parse<string[]>(decode(data), { skipEmptyLines: 'greedy' }).data
      : data.map((r) => (Array.isArray(r) ? r : [r]));
  let headerAt = -1;
  const col: Partial<Record<Field, number>> = {};
  for (let i = 0; i < Math.min(rows.length, 30) && headerAt < 0; i++) {
    const names = rows[i].map(norm);
    let known = 0;
    const found: Partial<Record<Field, number>> = {};
    (Object.keys(ALIASES) as Field[]).forEach((f) => {
      const c = names.findIndex((n) => ALIASES[f].includes(n));
      if (c >= 0) {
        found[f] = c;
        known++;
      }
    });
    if (known >= 2) {
      headerAt = i;
      Object.assign(col, found);
    }
  }
  if (headerAt < 0) return new CellError('#VALUE!', `${label}: no header row found in the first 30 lines`);
  const title = rows
    .slice(0, headerAt)
    .map((r) => r.map(cellText).join(' '))
    .join(' ')
    .toLowerCase();
  const amountCol = col.reportingAmount ?? col.amount ?? col.balance;
  const role: NsExportRole =
    amountCol === undefined
      ? 'customers'
      : /deferred/.test(title)
        ? 'deferred'
        : headerAt > 0
          ? 'income'
          : 'transactions';
  const header = rows[headerAt].map(cellText);
  const lines: NsLineView[] = [];
  const entities: string[] = [];
  const get = (r: unknown[], f: Field): string => (col[f] === undefined ? '' : cellText(r[col[f]!]));
  for (let i = headerAt + 1; i < rows.length; i++) {
    const r = rows[i];
    const line = i + 1;
    const first = norm(r[0]);
    if (first.startsWith('total') || first === 'net income' || first === 'gross profit') continue;
    if (role === 'customers') {
      const e = get(r, 'entity');
      if (e.trim() !== '') entities.push(e.trim());
      continue;
    }
    const at = (f: Field) => `${label} line ${line}, ${header[col[f]!].trim()}`;
    const raw = r[amountCol!];
    const money =
      typeof raw === 'number' && Number.isFinite(raw) ? Math.round(raw * 100) : parseMoney(cellText(raw));
    if (money === undefined) {
      return new CellError(
        '#VALUE!',
        `${label} line ${line}, ${header[amountCol!].trim()}: ${JSON.stringify(cellText(r[amountCol!]))} is not an amount`,
      );
    }
    if (money === null) continue; // section rows and blank amounts
    const day = (f: Field): Day | null | CellError => {
      const cell = col[f] === undefined ? '' : r[col[f]!];
      if (typeof cell === 'number' || cell instanceof Date) {
        // A pasted range: a spreadsheet date serial or a Date, read as the sheet functions read dates.
        const d = readDate(cell, timeZone);
        return d === null ? null : isProblem(d) ? new CellError('#VALUE!', `${at(f)}: ${d.text}`) : d;
      }
      const v = parseDate(get(r, f), policy.netsuiteDateFormat);
      return v === undefined
        ? new CellError(
            '#VALUE!',
            `${at(f)}: ${JSON.stringify(get(r, f))} is not a ${policy.netsuiteDateFormat} date`,
          )
        : v;
    };
    const date = day('date');
    const start = day('revRecStart');
    const end = day('revRecEnd');
    for (const x of [date, start, end]) if (x instanceof CellError) return x;
    const period = parsePeriod(get(r, 'period'));
    if (period === undefined)
      return new CellError(
        '#VALUE!',
        `${at('period')}: ${JSON.stringify(get(r, 'period'))} is not a posting period`,
      );
    lines.push({
      type: get(r, 'type').trim(),
      date: date as Day | null,
      period,
      entity: get(r, 'entity').trim(),
      item: get(r, 'item').trim(),
      account: get(r, 'account').trim(),
      accountType: get(r, 'accountType').trim(),
      cents: money,
      revRecStart: start as Day | null,
      revRecEnd: end as Day | null,
      where: `${label} line ${line}`,
    });
  }
  return { role, label, lines, entities };
}

const SUFFIX = /\s+(inc|llc|ltd|gmbh|sa|bv|plc|co|corp|corporation|limited|company)$/;

/** Normalised name: case, punctuation, whitespace, a leading entity number, legal suffixes. */
export function normaliseName(name: string): string {
  let s = name.replace(/\u00a0/g, ' ').toLowerCase();
  s = s.replace(/^\s*[a-z]{0,3}\d{2,}\s+/, '');
  s = s
    .replace(/[.,'"()&/\\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (;;) {
    const t = s.replace(SUFFIX, '').trim();
    if (t === s || t === '') break;
    s = t;
  }
  return s;
}

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return 0;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++)
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return Math.round((1 - prev[n] / Math.max(m, n)) * 100) / 100;
}

function candidates(name: string, pool: string[]): MatchCandidate[] {
  const n = normaliseName(name);
  return pool
    .map((p) => ({ name: p, score: similarity(n, normaliseName(p)) }))
    .filter((c) => c.score >= 0.3)
    .sort((x, y) => y.score - x.score || (x.name < y.name ? -1 : 1))
    .slice(0, 3);
}

/** Exact name, then the mapping table, then the normalised name (and a `Parent : Child` leaf or parent). */
export function matchNames(
  keys: string[],
  entities: string[],
  mapping: unknown[][] | null,
): CustomerMatch | CellError {
  const exact = new Map(keys.map((k, i) => [k, i]));
  const byNorm = new Map<string, number>();
  keys.forEach((k, i) => {
    const n = normaliseName(k);
    if (!byNorm.has(n)) byNorm.set(n, i);
  });
  const mapped = new Map<string, number>();
  if (mapping) {
    for (let i = 1; i < mapping.length; i++) {
      const [k, e] = [cellText(mapping[i][0]).trim(), cellText(mapping[i][1]).trim()];
      if (k === '' && e === '') continue;
      const ki = exact.get(k);
      if (ki === undefined)
        return new CellError(
          '#VALUE!',
          `mapping row ${i + 1}: ${JSON.stringify(k)} is not a contract customer`,
        );
      mapped.set(norm(e), ki);
    }
  }
  const entityCustomer = new Int32Array(entities.length).fill(-1);
  entities.forEach((e, x) => {
    let k = exact.get(e) ?? mapped.get(norm(e));
    if (k === undefined) {
      const parts = e.split(' : ');
      for (const p of [e, parts[parts.length - 1], parts[0]]) {
        k = byNorm.get(normaliseName(p));
        if (k !== undefined) break;
      }
    }
    if (k !== undefined) entityCustomer[x] = k;
  });
  const used = new Set(entityCustomer);
  const unmatchedEntities = entities.filter((_, x) => entityCustomer[x] < 0);
  const contracts: UnmatchedName[] = keys
    .filter((_, i) => !used.has(i))
    .map((name) => ({ name, candidates: candidates(name, unmatchedEntities) }));
  const freeKeys = keys.filter((_, i) => !used.has(i));
  const netsuite: UnmatchedName[] = unmatchedEntities.map((name) => ({
    name,
    candidates: candidates(name, freeKeys),
  }));
  return { entityCustomer, unmatched: { contracts, netsuite } };
}
