/**
 * The NetSuite export importer (docs/reconcile.md, "Reading NetSuite exports"): one export's bytes,
 * text or pasted range in, a `NetSuiteExport` out (src/netsuite/types.ts), or a `CellError` naming
 * the file line and column of the first bad cell. Pure: no file system, no platform APIs beyond an
 * optional `TextDecoder`.
 *
 * 1. Bytes are decoded (decode.ts): UTF-8 with or without BOM, else Windows-1252.
 * 2. Text is parsed as CSV by papaparse (CRLF or LF, quoted fields with commas, quotes, newlines);
 *    each record keeps the file line it starts on.
 * 3. The header row is the first of the first 30 non-empty rows naming at least two known columns
 *    (columns.ts). On the first row: a saved-search export; after title rows (company, report name,
 *    date range): a report export.
 * 4. The kind (transactions, income statement detail, deferred revenue waterfall, revenue
 *    recognition forecast, customer list) follows from the title and the columns.
 * 5. Each row after the header is kept, or dropped and counted: empty rows; `Total - ...`, `Total`,
 *    `Net Income`, `Gross Profit`, `Net Ordinary Income`, `Net Other Income` rows; report section
 *    rows (no amount, no type, no date: `Income`, `4000 - Subscription Revenue`, whose label becomes
 *    the account and account type of the lines under them when there is no Account column); rows
 *    with a blank amount (their entity is still listed).
 */
import Papa from 'papaparse';
import { CellError, showCell } from '../cells/error.js';
import { readDate, isProblem } from '../cells/read.js';
import { ymdFromDay, type Day } from '../cells/days.js';
import { decodeExport } from './decode.js';
import {
  absMonth,
  accountNumber,
  entityNumber,
  numberToCents,
  parseMoney,
  parseNsDate,
  parsePeriod,
  periodText,
  trimCell,
  type DateFormat,
} from './cells.js';
import { headerKey, knownFields, overrideNames, planColumns, type ColumnPlan } from './columns.js';
import type {
  NetSuiteColumn,
  NetSuiteExport,
  NetSuiteField,
  NetSuiteFamily,
  NetSuiteKind,
  NetSuiteLine,
  ReadNetSuiteOptions,
} from './types.js';

const HEADER_SEARCH_ROWS = 30;

const REDUCING_TYPES = new Set(['credit memo', 'cash refund', 'customer refund', 'credit note']);

const SUMMARY_ROWS = new Set([
  'total',
  'net income',
  'net loss',
  'gross profit',
  'net ordinary income',
  'net other income',
  'net other income/expense',
]);

/** Report headings (not accounts) and the account type they stand for ('' when none). */
const HEADINGS = new Map<string, string>([
  ['ordinary income/expense', ''],
  ['income', 'Income'],
  ['revenue', 'Income'],
  ['other income', 'Other Income'],
  ['other income and expenses', ''],
  ['other income/expense', ''],
  ['cost of sales', 'Cost of Goods Sold'],
  ['cost of goods sold', 'Cost of Goods Sold'],
  ['expense', 'Expense'],
  ['expenses', 'Expense'],
  ['operating expenses', 'Expense'],
  ['other expense', 'Other Expense'],
]);

type Cell = unknown;

/** Shared by every line of an export without period columns (never written to). */
const NO_BUCKETS: NetSuiteLine['buckets'] = [];

function textOf(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

function isBlankCell(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return trimCell(v) === '';
  return false;
}

/** Delimiter: a comma, unless the first lines have none and do have semicolons or tabs. */
function delimiterOf(text: string): string {
  const head = text.slice(0, 4000);
  if (head.includes(',')) return ',';
  if (head.includes(';')) return ';';
  if (head.includes('\t')) return '\t';
  return ',';
}

interface Rows {
  rows: Cell[][];
  /** File line where each row starts (1-based). */
  lineOf: (i: number) => number;
  encoding: NetSuiteExport['encoding'];
}

function textRows(text: string, label: string, encoding: NetSuiteExport['encoding']): Rows | CellError {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const rows = parsed.data;
  // A final line break leaves one empty record.
  if (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  let newlines = 0;
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) newlines++;
  let lineOf: (i: number) => number = (i) => i + 1;
  if (newlines > rows.length) {
    // Some quoted fields hold line breaks: count them to keep file lines.
    const starts = new Int32Array(rows.length);
    let line = 1;
    for (let i = 0; i < rows.length; i++) {
      starts[i] = line;
      line++;
      for (const f of rows[i]) {
        if (f.length > 0 && f.includes('\n'))
          for (let p = f.indexOf('\n'); p >= 0; p = f.indexOf('\n', p + 1)) line++;
      }
    }
    lineOf = (i) => starts[i];
  }
  const bad = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (bad) {
    const line = bad.row !== undefined && bad.row < rows.length ? lineOf(bad.row) : rows.length;
    return new CellError('#VALUE!', `${label} line ${line}: a quoted field is not closed`, line);
  }
  return { rows, lineOf, encoding };
}

function rowsOf(data: Uint8Array | string | unknown[][], label: string): Rows | CellError {
  if (typeof data === 'string') return textRows(data, label, 'text');
  if (data instanceof Uint8Array) {
    const d = decodeExport(data);
    if ('error' in d) return new CellError('#VALUE!', `${label} ${d.error}`);
    return textRows(d.text, label, d.encoding);
  }
  const rows = data.map((r) => (Array.isArray(r) ? r : [r]));
  return { rows, lineOf: (i) => i + 1, encoding: 'range' };
}

function kindOf(family: NetSuiteFamily, title: string, plan: ColumnPlan): NetSuiteKind {
  const c = plan.columns;
  const money =
    c.amount ||
    c.foreignAmount ||
    c.debit ||
    c.credit ||
    c.balance ||
    plan.buckets.length > 0 ||
    plan.total >= 0;
  const named = c.entity || c.entityId || c.companyName;
  if (!money) return named ? 'customers' : 'unknown';
  const t = title.toLowerCase();
  const deferred =
    /deferred revenue|waterfall/.test(t) || (c.balance && /deferred/.test(headerKey(c.balance.header)));
  if (deferred) return 'deferred_waterfall';
  // A customer list showing each customer's (receivable) Balance: names, no transactions.
  const onlyBalance =
    c.balance &&
    !c.amount &&
    !c.foreignAmount &&
    !c.debit &&
    !c.credit &&
    plan.buckets.length === 0 &&
    plan.total < 0;
  if (onlyBalance && named && !c.date && !c.account && !c.type) return 'customers';
  if (/forecast/.test(t) || (plan.buckets.length > 0 && !c.amount)) return 'revrec_forecast';
  if (family === 'report') return 'income_statement';
  return c.amount || c.debit || c.credit || c.foreignAmount ? 'transactions' : 'unknown';
}

/** Reads one NetSuite export. */
export function readNetSuiteExport(
  data: Uint8Array | string | unknown[][],
  options: ReadNetSuiteOptions = {},
): NetSuiteExport | CellError {
  const label = options.label ?? 'export';
  const format: DateFormat = options.dateFormat ?? 'M/D/YYYY';
  const got = rowsOf(data, label);
  if (got instanceof CellError) return got;
  const { rows, lineOf, encoding } = got;

  // ---- the header row ----
  const extra = overrideNames(options.columns);
  let headerAt = -1;
  let firstNonEmpty = -1;
  for (let i = 0, seen = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    if (rows[i].every(isBlankCell)) continue;
    if (firstNonEmpty < 0) firstNonEmpty = i;
    seen++;
    const keys = rows[i].map((v) => (typeof v === 'string' ? headerKey(v) : ''));
    if (knownFields(keys, extra) >= 2) {
      headerAt = i;
      break;
    }
  }
  if (headerAt < 0 && firstNonEmpty >= 0) {
    // A one-column list (`Name`, `Customer`): its first row, when that is one known column name.
    const keys = rows[firstNonEmpty]
      .map((v) => (typeof v === 'string' ? headerKey(v) : ''))
      .filter((k) => k !== '');
    if (keys.length === 1 && knownFields(keys, extra) === 1) headerAt = firstNonEmpty;
  }
  if (headerAt < 0) {
    return new CellError(
      '#VALUE!',
      `${label}: no header row found in the first ${HEADER_SEARCH_ROWS} lines (looked for a row naming at least two NetSuite columns such as Type, Date, Name, Account, Amount; map columns by name if they are named otherwise)`,
      1,
    );
  }
  const headers = rows[headerAt].map((v) => trimCell(textOf(v)));
  const family: NetSuiteFamily = headerAt === firstNonEmpty ? 'saved_search' : 'report';
  const title: string[] = [];
  for (let i = 0; i < headerAt; i++) {
    const t = rows[i]
      .map((v) => trimCell(textOf(v)))
      .filter((s) => s !== '')
      .join(' ');
    if (t !== '') title.push(t);
  }
  const plan = planColumns(headers, options.columns);
  if (typeof plan === 'string') return new CellError('#VALUE!', `${label}: ${plan}`, lineOf(headerAt));
  const c = plan.columns;
  const kind = options.kind ?? kindOf(family, title.join(' '), plan);

  // ---- where amounts come from ----
  type Source = NetSuiteExport['amountSource'];
  let source: Source;
  if (kind === 'customers') source = 'none';
  else if (kind === 'deferred_waterfall')
    source = c.balance ? 'balance' : c.amount ? 'reporting' : plan.buckets.length ? 'buckets' : 'none';
  else if (kind === 'revrec_forecast')
    source = plan.total >= 0 || c.amount ? 'reporting' : plan.buckets.length ? 'buckets' : 'none';
  else if (c.amount) source = 'reporting';
  else if (c.debit || c.credit) source = 'debit_credit';
  else if (c.foreignAmount) source = 'foreign';
  else if (c.balance) source = 'balance';
  else source = plan.buckets.length ? 'buckets' : 'none';
  if (source === 'none' && kind !== 'customers' && kind !== 'unknown') {
    return new CellError(
      '#VALUE!',
      `${label}: the header (line ${lineOf(headerAt)}) has no amount column`,
      lineOf(headerAt),
    );
  }
  const amountCol: NetSuiteColumn | undefined =
    source === 'balance'
      ? c.balance
      : source === 'foreign'
        ? c.foreignAmount
        : source === 'reporting'
          ? kind === 'revrec_forecast' && plan.total >= 0
            ? { index: plan.total, header: headers[plan.total] }
            : c.amount
          : undefined;

  // ---- caches: exports repeat the same dates, periods, names ----
  const dateCache = new Map<string, Day | string>();
  const periodCache = new Map<string, number | string>();
  const idCache = new Map<string, string | null>();
  const accountCache = new Map<string, string | null>();
  const monthOfDay = new Map<number, number>();
  const periodNames = new Map<number, string>();
  const periodName = (m: number): string => {
    let t = periodNames.get(m);
    if (t === undefined) {
      t = periodText(m);
      periodNames.set(m, t);
    }
    return t;
  };
  const moneyErr = (line: number, col: NetSuiteColumn, v: Cell, why: string) =>
    new CellError('#VALUE!', `${label} line ${line}, ${col.header}: ${showCell(v)} ${why}`, line, col.header);

  const money = (v: Cell): number | null | string => {
    if (typeof v === 'number') return numberToCents(v);
    if (v === null || v === undefined) return null;
    return parseMoney(typeof v === 'string' ? v : textOf(v));
  };
  const dateOf = (v: Cell): Day | null | string => {
    if (typeof v === 'string') {
      if (v === '') return null;
      let d = dateCache.get(v);
      if (d === undefined) {
        const p = parseNsDate(v, format);
        if (p === null) return null;
        d = p;
        dateCache.set(v, d);
      }
      return d;
    }
    if (v === null || v === undefined) return null;
    const d = readDate(v, options.timeZone);
    return isProblem(d) ? d.text : d;
  };

  const lines: NetSuiteLine[] = [];
  const dropped = { totals: 0, sections: 0, blank: 0, empty: 0 };
  const entityIndex = new Map<string, number>();
  const entities: string[] = [];
  const entityIds: (string | null)[] = [];
  const reducing: number[] = [];
  let reducingNegative = false;
  const currencies = new Set<string>();
  /** Open report sections, outermost first: normalised key and label as written. */
  const sections: { key: string; label: string }[] = [];

  const cellAt = (r: Cell[], col: NetSuiteColumn | undefined): Cell => (col ? r[col.index] : undefined);
  const textAt = (r: Cell[], col: NetSuiteColumn | undefined): string => {
    if (!col) return '';
    const v = r[col.index];
    return typeof v === 'string' ? trimCell(v) : trimCell(textOf(v));
  };
  const idOfName = (name: string): string | null => {
    let id = idCache.get(name);
    if (id === undefined) {
      id = entityNumber(name);
      idCache.set(name, id);
    }
    return id;
  };
  const noteEntity = (entity: string, id: string | null): void => {
    if (entity === '' || entityIndex.has(entity)) return;
    entityIndex.set(entity, entities.length);
    entities.push(entity);
    entityIds.push(id);
  };

  let lastEntity = '\u0000';
  let lastEntityId: string | null = null;
  let lastAccount = '\u0000';
  let lastAccountNo: string | null = null;
  const hasMoneyColumns = source !== 'none';
  // A label-only row: nothing but its first cell outside the money columns (a heading or a total).
  const moneyCols = new Set<number>(plan.buckets.map((b) => b.index));
  for (const col of [c.amount, c.foreignAmount, c.debit, c.credit, c.balance])
    if (col) moneyCols.add(col.index);
  if (plan.total >= 0) moneyCols.add(plan.total);
  const labelOnly = (r: Cell[], firstAt: number): boolean => {
    for (let j = firstAt + 1; j < r.length; j++) if (!moneyCols.has(j) && !isBlankCell(r[j])) return false;
    return true;
  };
  for (let i = headerAt + 1; i < rows.length; i++) {
    const r = rows[i];
    let first = '';
    let firstAt = -1;
    for (let j = 0; j < r.length; j++) {
      if (!isBlankCell(r[j])) {
        first = trimCell(textOf(r[j]));
        firstAt = j;
        break;
      }
    }
    if (firstAt < 0) {
      dropped.empty++;
      continue;
    }
    const line = lineOf(i);
    const type = textAt(r, c.type);
    const dateCell = cellAt(r, c.date);
    const entityRaw = textAt(r, c.entity) || textAt(r, c.companyName);

    // Totals and summary rows.
    const c0 = first.charCodeAt(0) | 32; // totals start with t, n (net) or g (gross)
    if (hasMoneyColumns && (c0 === 116 || c0 === 110 || c0 === 103)) {
      const k = headerKey(first);
      if (SUMMARY_ROWS.has(k) || /^total\s*-/.test(k) || (k.startsWith('total ') && labelOnly(r, firstAt))) {
        dropped.totals++;
        const m = /^total\s*-\s*(.*)$/.exec(k);
        if (m) {
          let at = sections.length - 1;
          while (at >= 0 && sections[at].key !== m[1]) at--;
          if (at >= 0) sections.length = at;
        }
        continue;
      }
    }

    // The amount.
    let cents = 0;
    let hasAmount = false;
    let balanceCents: number | null = null;
    const buckets: NetSuiteLine['buckets'] = plan.buckets.length ? [] : NO_BUCKETS;
    if (hasMoneyColumns) {
      let any = false;
      for (const b of plan.buckets) {
        const v = r[b.index];
        const m = money(v);
        if (typeof m === 'string') return moneyErr(line, { index: b.index, header: headers[b.index] }, v, m);
        if (m !== null) {
          any = true;
          buckets.push({ period: periodText(b.month), month: b.month, cents: m });
        }
      }
      if (c.balance) {
        const v = r[c.balance.index];
        const m = money(v);
        if (typeof m === 'string') return moneyErr(line, c.balance, v, m);
        balanceCents = m;
      }
      if (source === 'debit_credit') {
        const dv = cellAt(r, c.debit);
        const cv = cellAt(r, c.credit);
        const d = money(dv);
        if (typeof d === 'string') return moneyErr(line, c.debit!, dv, d);
        const k = money(cv);
        if (typeof k === 'string') return moneyErr(line, c.credit!, cv, k);
        if (d !== null || k !== null) {
          hasAmount = true;
          cents = (k ?? 0) - (d ?? 0);
        }
      } else if (source === 'buckets') {
        if (any) {
          hasAmount = true;
          for (const b of buckets) cents += b.cents;
        }
      } else if (amountCol) {
        const v = r[amountCol.index];
        const m = source === 'balance' ? balanceCents : money(v);
        if (typeof m === 'string') return moneyErr(line, amountCol, v, m);
        if (m !== null) {
          hasAmount = true;
          cents = m;
        } else if (kind === 'revrec_forecast' && any) {
          hasAmount = true;
          for (const b of buckets) cents += b.cents;
        }
      }
      if (!hasAmount) {
        const isSection = family === 'report' && labelOnly(r, firstAt);
        if (isSection) {
          dropped.sections++;
          sections.push({ key: headerKey(first), label: first.replace(/[\s\u00a0\u202f]+/g, ' ') });
          continue;
        }
        dropped.blank++;
        noteEntity(entityRaw, textAt(r, c.entityId) || (entityRaw ? idOfName(entityRaw) : null));
        continue;
      }
    } else if (entityRaw === '' && textAt(r, c.entityId) === '') {
      dropped.blank++;
      continue;
    }

    // Dates and periods.
    const isCustomers = kind === 'customers';
    let date: Day | null = null;
    let revRecStart: Day | null = null;
    let revRecEnd: Day | null = null;
    if (!isCustomers) {
      const d = dateOf(dateCell);
      if (typeof d === 'string') return moneyErr(line, c.date!, dateCell, d);
      date = d;
      if (c.revRecStart) {
        const v = r[c.revRecStart.index];
        const s = dateOf(v);
        if (typeof s === 'string') return moneyErr(line, c.revRecStart, v, s);
        revRecStart = s;
      }
      if (c.revRecEnd) {
        const v = r[c.revRecEnd.index];
        const e = dateOf(v);
        if (typeof e === 'string') return moneyErr(line, c.revRecEnd, v, e);
        revRecEnd = e;
      }
    }
    let month: number | null = null;
    if (c.period && !isCustomers) {
      const v = r[c.period.index];
      if (v instanceof Date || typeof v === 'number') {
        const d = dateOf(v);
        if (typeof d === 'string')
          return moneyErr(line, c.period, v, 'is not a posting period (like Jul 2024)');
        if (d !== null) {
          const y = ymdFromDay(d);
          month = absMonth(y.year, y.month);
        }
      } else {
        const t = textAt(r, c.period);
        if (t !== '') {
          let p = periodCache.get(t);
          if (p === undefined) {
            const q = parsePeriod(t);
            p = q === null ? '' : q;
            periodCache.set(t, p);
          }
          if (typeof p === 'string') return moneyErr(line, c.period, v, p);
          month = p;
        }
      }
    }
    if (month === null && date !== null) {
      let m = monthOfDay.get(date);
      if (m === undefined) {
        const y = ymdFromDay(date);
        m = absMonth(y.year, y.month);
        monthOfDay.set(date, m);
      }
      month = m;
    }

    // Entity, account, the rest.
    const idText = textAt(r, c.entityId);
    let entityId: string | null;
    let entity: string;
    if (idText === '' && entityRaw === lastEntity) {
      // Exports list a customer's lines together: the previous line's entity, no map lookups.
      entity = lastEntity;
      entityId = lastEntityId;
    } else {
      entityId = idText !== '' ? idText : entityRaw !== '' ? idOfName(entityRaw) : null;
      entity = entityRaw !== '' ? entityRaw : isCustomers ? idText : '';
      noteEntity(entity, entityId);
      if (idText === '') {
        lastEntity = entity;
        lastEntityId = entityId;
      }
    }
    let account = textAt(r, c.account);
    let accountType = textAt(r, c.accountType);
    if ((account === '' && !c.account) || (accountType === '' && !c.accountType)) {
      for (let s = sections.length - 1; s >= 0; s--) {
        const heading = HEADINGS.get(sections[s].key);
        if (heading === undefined) {
          if (account === '' && !c.account) account = sections[s].label;
        } else if (accountType === '' && !c.accountType && heading !== '') {
          accountType = heading;
          break;
        }
      }
    }
    let accNo: string | null = null;
    if (account === lastAccount) {
      account = lastAccount;
      accNo = lastAccountNo;
    } else if (account !== '') {
      accNo = accountCache.get(account) ?? null;
      if (!accountCache.has(account)) {
        accNo = accountNumber(account);
        accountCache.set(account, accNo);
      }
      lastAccount = account;
      lastAccountNo = accNo;
    }
    let foreignCents: number | null = null;
    if (c.foreignAmount && source !== 'foreign') {
      const v = r[c.foreignAmount.index];
      const m = money(v);
      if (typeof m === 'string') return moneyErr(line, c.foreignAmount, v, m);
      foreignCents = m;
    }
    const currency = c.currency ? textAt(r, c.currency) || null : null;
    if (source === 'foreign' && currency) currencies.add(currency);

    if (kind === 'transactions' && REDUCING_TYPES.has(type.toLowerCase())) {
      reducing.push(lines.length);
      if (cents < 0) reducingNegative = true;
    }
    lines.push({
      line,
      type,
      date,
      period: month === null ? null : periodName(month),
      month,
      entity,
      entityId,
      account,
      accountNumber: accNo,
      accountType,
      item: textAt(r, c.item),
      memo: textAt(r, c.memo),
      amountCents: cents,
      hasAmount,
      foreignCents,
      currency,
      revRecStart,
      revRecEnd,
      balanceCents,
      buckets,
    });
  }

  // An unsigned search shows credit memos as positive numbers: they reduce revenue.
  if (!reducingNegative) for (const k of reducing) lines[k].amountCents = -lines[k].amountCents || 0;

  if (source === 'foreign' && currencies.size > 1) {
    return new CellError(
      '#VALUE!',
      `${label}: amounts are in ${[...currencies].sort().join(', ')} and the export has no reporting-currency Amount column; add Amount (or Amount (Consolidated)) to the search`,
    );
  }

  const columns: Partial<Record<NetSuiteField, NetSuiteColumn>> = { ...c };
  return {
    label,
    family,
    kind,
    title,
    headerLine: lineOf(headerAt),
    headers,
    columns,
    lines,
    dropped,
    entities,
    entityIds,
    encoding,
    amountSource: source,
  };
}
