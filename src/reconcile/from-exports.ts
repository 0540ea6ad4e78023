/**
 * Imported NetSuite exports -> the reconciliation's NetSuite side (docs/reconcile.md, "The two
 * sides"). Which lines play which part:
 * - GL revenue: the lines of income statement detail reports on revenue accounts; when no such
 *   report is given, the transaction lines on revenue accounts. Revenue is positive: a report's
 *   amounts as shown; in a transaction search an invoice or cash sale line as given, a credit memo or
 *   refund line as a reduction, a journal line's credit (its negated amount).
 * - Service lines: invoice, cash sale and credit memo lines of transaction searches that carry an
 *   item (credit memos reduce), whatever account they post to (with revenue recognition they post to
 *   deferred revenue). Their service period is rev rec start..end, else the posting period's month.
 * - Deferred balances: the lines of deferred revenue exports dated on or before `to`... see
 *   `DeferredView`: the importer hands over each customer's balance at the period end.
 */
import { dayFromYmd, formatDay, ymdFromDay, type Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { categoryOf, isRevenueAccount, type RevenueAccounts } from './classify.js';
import { NetSuiteSideBuilder, type NetSuiteSide } from './netsuite-side.js';

/** One imported line, as the reconciliation reads it. */
export interface NsLineView {
  /** Transaction type as exported: Invoice, Credit Memo, Journal, Cash Sale, ... ('' on report lines without one). */
  type: string;
  date: Day | null;
  /** Absolute month (year x 12 + month - 1) of the posting period, or null. */
  period: number | null;
  entity: string;
  item: string;
  account: string;
  accountType: string;
  /** Signed cents in the reporting currency; null for a blank amount. */
  cents: number | null;
  revRecStart: Day | null;
  revRecEnd: Day | null;
  /** Where the line came from, for messages: `transactions.csv line 14`. */
  where: string;
}

export type NsExportRole = 'transactions' | 'income' | 'deferred' | 'customers';

export interface NsExportView {
  role: NsExportRole;
  label: string;
  lines: NsLineView[];
  /** Customer list: every entity name, so customers without transactions can still be matched. */
  entities?: string[];
}

const SERVICE_TYPES = /^(invoice|cash sale|credit memo|cash refund|customer refund)$/i;
const REDUCING_TYPES = /^(credit memo|cash refund|customer refund)$/i;
const JOURNAL_TYPES = /journal/i;
const NOT_SERVICE_ACCOUNT = /receivable|\btax\b|shipping|freight/i;

const monthOfDay = (d: Day): number => {
  const y = ymdFromDay(d);
  return y.year * 12 + y.month - 1;
};
const monthFirst = (a: number): Day => dayFromYmd(Math.floor(a / 12), (a % 12) + 1, 1);
const monthLast = (a: number): Day => monthFirst(a + 1) - 1;

export function netsuiteSide(exports: NsExportView[], accounts: RevenueAccounts): NetSuiteSide | CellError {
  const b = new NetSuiteSideBuilder();
  for (const x of exports) for (const e of x.entities ?? []) if (e.trim() !== '') b.entity(e);
  const haveIncome = exports.some((x) => x.role === 'income');

  for (const x of exports) {
    for (const l of x.lines) {
      if (l.entity.trim() === '' || l.cents === null) continue;
      const cat = categoryOf(l.item, l.account);
      if (x.role === 'deferred') {
        b.deferred(l.entity, cat, l.cents);
        continue;
      }
      const month = l.period ?? (l.date === null ? null : monthOfDay(l.date));
      const revenueAccount = isRevenueAccount(l.account, l.accountType, accounts);
      if (x.role === 'income' && revenueAccount) {
        if (month === null) return noDate(l);
        b.revenue(l.entity, month, cat, l.cents);
        continue;
      }
      if (x.role !== 'transactions') continue;
      const reducing = REDUCING_TYPES.test(l.type.trim());
      if (!haveIncome && revenueAccount) {
        if (month === null) return noDate(l);
        const cents = reducing ? -Math.abs(l.cents) : JOURNAL_TYPES.test(l.type) ? -l.cents : l.cents;
        b.revenue(l.entity, month, cat, cents);
      }
      if (SERVICE_TYPES.test(l.type.trim()) && l.item.trim() !== '' && !NOT_SERVICE_ACCOUNT.test(l.account)) {
        const day = l.date ?? (month === null ? null : monthFirst(month));
        if (day === null) return noDate(l);
        let start = l.revRecStart;
        let end = l.revRecEnd;
        if (start === null || end === null) {
          const m = month ?? monthOfDay(day);
          start = start ?? monthFirst(m);
          end = end ?? monthLast(m);
        }
        if (end < start) {
          return new CellError(
            '#VALUE!',
            `${l.where}: rev rec end ${formatDay(end)} is before rev rec start ${formatDay(start)}`,
          );
        }
        b.service(l.entity, cat, day, start, end, reducing ? -Math.abs(l.cents) : l.cents);
      }
    }
    if (x.role === 'deferred') b.deferredGiven();
  }
  return b.build();
}

function noDate(l: NsLineView): CellError {
  return new CellError('#VALUE!', `${l.where}: a revenue line needs a date or a posting period`);
}
