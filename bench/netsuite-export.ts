/**
 * A NetSuite export written from a contract book, as NetSuite would hold it if it agreed with the
 * contracts (for the reconciliation's property tests and its benchmark):
 * - one invoice line per contract line: its service period (rev rec start..end) the line's term,
 *   its amount the line's total (a one-time line: a one-day service on its start date);
 * - one GL revenue line per contract line and month with the month's recognised revenue (a revenue
 *   recognition journal), computed by the revenue schedule's own per-line recognition;
 * - the records laid out as NetSuite exports them: a transaction saved search (header on line 1,
 *   plain numbers, M/D/YYYY dates) or an income statement detail report (title rows, header cells
 *   with a trailing space, `$1,234.56` money, `(...)` negatives, section and `Total - ` rows).
 */
import { dayFromYmd, formatDay, ymdFromDay, type Day } from '../src/cells/days.js';
import { recognisedThrough } from '../src/revenue/recognize.js';
import type { ContractSide } from '../src/reconcile/contract.js';
import type { NetSuiteSideBuilder } from '../src/reconcile/netsuite-side.js';

/** One line of a NetSuite export, before it is laid out. */
export interface NsRecord {
  type: 'Invoice' | 'Credit Memo' | 'Journal';
  date: Day;
  /** First day of the posting period. */
  period: Day;
  number: string;
  entity: string;
  item: string;
  account: string;
  category: number;
  amountCents: number;
  revRecStart: Day | null;
  revRecEnd: Day | null;
}

export const ITEMS = ['Subscription', 'Implementation Services', 'Usage Overage'];
export const ACCOUNTS = [
  '4000 Subscription Revenue',
  '4100 Professional Services Revenue',
  '4200 Usage Revenue',
];

const monthStart = (d: Day): Day => {
  const y = ymdFromDay(d);
  return dayFromYmd(y.year, y.month, 1);
};
const nextMonth = (d: Day): Day => {
  const y = ymdFromDay(d);
  return y.month === 12 ? dayFromYmd(y.year + 1, 1, 1) : dayFromYmd(y.year, y.month + 1, 1);
};
const absMonthOf = (d: Day): number => {
  const y = ymdFromDay(d);
  return y.year * 12 + y.month - 1;
};

/**
 * NetSuite's records for a book it agrees with (see the module comment). `entity` names each
 * customer key in NetSuite (default: the key itself).
 */
export function exportFromBook(
  side: ContractSide,
  entity: (key: string) => string = (k) => k,
): { transactions: NsRecord[]; gl: NsRecord[] } {
  const { lines, book } = side;
  const transactions: NsRecord[] = [];
  const gl: NsRecord[] = [];
  for (let j = 0; j < book.n; j++) {
    const cat = side.category[j];
    const name = entity(side.keys[side.customer[j]]);
    const s = lines.start[j];
    const pit = lines.pointInTime[j] === 1;
    transactions.push({
      type: 'Invoice',
      date: s,
      period: monthStart(s),
      number: `INV-${j + 1}`,
      entity: name,
      item: ITEMS[cat],
      account: ACCOUNTS[cat],
      category: cat,
      amountCents: lines.totalCents[j],
      revRecStart: s,
      revRecEnd: pit ? s : lines.end[j],
    });
    // Revenue recognition journals: one per month of service.
    let prev = 0;
    for (let m = monthStart(s); m <= lines.last[j]; m = nextMonth(m)) {
      const monthEnd = nextMonth(m) - 1;
      const through = recognisedThrough(lines, j, monthEnd, absMonthOf(m), m);
      const v = through - prev;
      prev = through;
      if (v === 0) continue;
      gl.push({
        type: 'Journal',
        date: monthEnd,
        period: m,
        number: `JE-${j + 1}-${formatDay(m).slice(0, 7)}`,
        entity: name,
        item: ITEMS[cat],
        account: ACCOUNTS[cat],
        category: cat,
        amountCents: v,
        revRecStart: null,
        revRecEnd: null,
      });
    }
  }
  return { transactions, gl };
}

/** Feeds records straight into the reconciliation's NetSuite side (no importer in between). */
export function addRecords(b: NetSuiteSideBuilder, transactions: NsRecord[], gl: NsRecord[]): void {
  for (const t of transactions) {
    b.service(
      t.entity,
      t.category,
      t.date,
      t.revRecStart ?? t.period,
      t.revRecEnd ?? nextMonth(t.period) - 1,
      t.amountCents,
    );
  }
  for (const g of gl) b.revenue(g.entity, absMonthOf(g.period), g.category, g.amountCents);
}

const PERIOD_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const usDate = (d: Day): string => {
  const y = ymdFromDay(d);
  return `${y.month}/${y.day}/${y.year}`;
};
export const postingPeriod = (d: Day): string => {
  const y = ymdFromDay(d);
  return `${PERIOD_NAMES[y.month - 1]} ${y.year}`;
};

/** A transaction saved search export (header on line 1, plain numbers, M/D/YYYY dates). */
export function savedSearchCells(records: NsRecord[]): string[][] {
  return [
    [
      'Internal ID',
      'Type',
      'Date',
      'Posting Period',
      'Document Number',
      'Name',
      'Item',
      'Account',
      'Amount',
      'Rev Rec Start Date',
      'Rev Rec End Date',
    ],
    ...records.map((r, i) => [
      String(1000 + i),
      r.type,
      usDate(r.date),
      postingPeriod(r.period),
      r.number,
      r.entity,
      r.item,
      r.account,
      (r.amountCents / 100).toFixed(2),
      r.revRecStart === null ? '' : usDate(r.revRecStart),
      r.revRecEnd === null ? '' : usDate(r.revRecEnd),
    ]),
  ];
}

const reportMoney = (cents: number): string => {
  const s = Math.abs(cents / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return cents < 0 ? `($${s})` : `$${s}`;
};

/**
 * An income statement detail report: title rows, a header row with trailing spaces, a section row
 * per account, its lines, a `Total - ` row per account, and `Net Income`.
 */
export function incomeStatementCells(records: NsRecord[], from: Day, to: Day): string[][] {
  const rows: string[][] = [
    ['Example Company Inc.'],
    ['Income Statement Detail'],
    [`${postingPeriod(from)} - ${postingPeriod(to)}`],
    ['Type ', 'Date ', 'Document Number ', 'Name ', 'Memo ', 'Account ', 'Amount '],
  ];
  const byAccount = new Map<string, NsRecord[]>();
  for (const r of records) {
    const list = byAccount.get(r.account) ?? [];
    list.push(r);
    byAccount.set(r.account, list);
  }
  let total = 0;
  for (const account of [...byAccount.keys()].sort()) {
    rows.push([account, '', '', '', '', '', '']);
    let sum = 0;
    for (const r of byAccount.get(account)!) {
      rows.push([r.type, usDate(r.date), r.number, r.entity, r.item, account, reportMoney(r.amountCents)]);
      sum += r.amountCents;
    }
    rows.push([`Total - ${account}`, '', '', '', '', '', reportMoney(sum)]);
    total += sum;
  }
  rows.push(['Net Income', '', '', '', '', '', reportMoney(total)]);
  return rows;
}
