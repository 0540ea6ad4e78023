/**
 * Rules that look at one line at a time (or one contract): status against dates, amounts, line
 * type against term, signed against start, and rates for the line's currency.
 */
import { NO_DAY, addMonths, formatDay } from '../cells/days.js';
import { LT_ONE_TIME, LT_RECURRING, LT_USAGE_COMMIT } from '../contracts/book.js';
import { boardRate, spotRate } from '../money/rates.js';
import { CellError } from '../cells/error.js';
import { type CheckContext, header, lastDay, rowList } from './context.js';
import { showMoney } from './finding.js';

const wordKey = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Status words that say a line is live today. */
export const LIVE_STATUSES: readonly string[] = [
  'active',
  'live',
  'current',
  'in force',
  'in effect',
  'ongoing',
  'open',
];
/** Status words that say a line was cancelled. */
export const CANCELLED_STATUSES: readonly string[] = ['cancelled', 'canceled', 'cancellation', 'terminated'];

const LIVE = new Set(LIVE_STATUSES.map(wordKey));
const CANCELLED = new Set(CANCELLED_STATUSES.map(wordKey));

const STATUS_LIVE = 1;
const STATUS_CANCELLED = 2;

/** status-active-ended, cancelled-no-date. */
export function statusRules(ctx: CheckContext): void {
  const { book, asOf, findings } = ctx;
  if (book.columns.status === undefined) return;
  const hStatus = header(book, 'status');
  const memo = new Map<string, number>();
  for (let j = 0; j < book.n; j++) {
    const s = book.status[j];
    if (s === '') continue;
    let kind = memo.get(s);
    if (kind === undefined) {
      const k = wordKey(s);
      kind = LIVE.has(k) ? STATUS_LIVE : CANCELLED.has(k) ? STATUS_CANCELLED : 0;
      memo.set(s, kind);
    }
    if (kind === STATUS_LIVE && asOf !== null) {
      const last = lastDay(book, j);
      if (last < asOf) {
        const how = `ended on ${formatDay(last)}${last < book.end[j] ? ' (its cancel date)' : ''}`;
        findings.add(
          'warning',
          'status-active-ended',
          book.row[j],
          book.customer[j],
          book.contract[j],
          `${hStatus} says ${JSON.stringify(s)}, but the line ${how}, before the as-of date ${formatDay(asOf)}: ` +
            `an expired line still marked live (ARR follows the dates, not ${hStatus})`,
        );
      }
    } else if (kind === STATUS_CANCELLED && book.cancel[j] === NO_DAY) {
      const where =
        book.columns.cancel === undefined
          ? 'the range has no cancel date column'
          : `${header(book, 'cancel')} is blank`;
      findings.add(
        'warning',
        'cancelled-no-date',
        book.row[j],
        book.customer[j],
        book.contract[j],
        `${hStatus} says ${JSON.stringify(s)}, but ${where}: ARR counts the line until its end date ` +
          `${formatDay(book.end[j])}; give the cancel date (the last day of service)`,
      );
    }
  }
}

/** non-positive-amount, long-one-time, signed-after-start. */
export function lineRules(ctx: CheckContext): void {
  const { book, findings } = ctx;
  const hAmount = header(book, 'amount');
  const hSigned = header(book, 'signed');
  for (let j = 0; j < book.n; j++) {
    const t = book.lineType[j];
    const row = book.row[j];
    if ((t === LT_RECURRING || t === LT_USAGE_COMMIT) && book.amountCents[j] <= 0) {
      const what = t === LT_RECURRING ? 'recurring' : 'usage-commit';
      const effect =
        book.amountCents[j] === 0 ? 'it adds nothing to ARR' : 'it takes ARR away from the customer';
      findings.add(
        'warning',
        'non-positive-amount',
        row,
        book.customer[j],
        book.contract[j],
        `${hAmount} is ${showMoney(book.amountCents[j])} on a ${what} line: ${effect}; ` +
          `enter credits and free periods deliberately`,
      );
    }
    if (t === LT_ONE_TIME && book.end[j] >= addMonths(book.start[j], 12)) {
      findings.add(
        'warning',
        'long-one-time',
        row,
        book.customer[j],
        book.contract[j],
        `a one-time line running ${formatDay(book.start[j])}..${formatDay(book.end[j])}, longer than 12 months: ` +
          `one-time lines are never ARR; if this is a subscription, its line type should be recurring`,
      );
    }
    const sg = book.signed[j];
    if (sg !== NO_DAY && sg > book.start[j]) {
      findings.add(
        'warning',
        'signed-after-start',
        row,
        book.customer[j],
        book.contract[j],
        `${hSigned} ${formatDay(sg)} is after the start ${formatDay(book.start[j])} ` +
          `(${sg - book.start[j]} days): service before signature, or a wrong date`,
      );
    }
  }
}

/**
 * late-start: a contract (the lines of one customer, contract id and signed date; a line without a
 * contract id on its own) whose first start is more than a year (12 calendar months) after its
 * signed date. Reported once per contract, on its first line: the later lines of a multi-year ramp
 * are meant to start years after signing.
 */
export function lateStartRule(ctx: CheckContext): void {
  const { book, findings, ids } = ctx;
  // Each contract's earliest line. A contract is its contract id, as a small integer; a line of the
  // same id under another customer or signed date (rare) gets a contract of its own, keyed by
  // text; a line without a contract id is its own contract.
  const earliest: number[] = new Array<number>(ids.contracts).fill(-1);
  const other = new Map<string, number>();
  for (let j = 0; j < book.n; j++) {
    if (book.signed[j] === NO_DAY) continue;
    let g: number;
    const f = earliest[ids.contract[j]];
    if (book.contract[j] === '') g = earliest.push(-1) - 1;
    else if (f < 0 || (ids.customer[f] === ids.customer[j] && book.signed[f] === book.signed[j])) {
      g = ids.contract[j];
    } else {
      const k = `${book.customer[j]}\u0001${book.contract[j]}\u0001${book.signed[j]}`;
      g = other.get(k) ?? earliest.push(-1) - 1;
      other.set(k, g);
    }
    const e = earliest[g];
    if (e < 0 || book.start[j] < book.start[e]) earliest[g] = j;
  }
  const lines = earliest.filter((j) => j >= 0).sort((a, b) => a - b);
  for (const j of lines) {
    const sg = book.signed[j];
    const st = book.start[j];
    if (st <= addMonths(sg, 12)) continue;
    const what = book.contract[j] === '' ? 'the line' : `contract ${book.contract[j]}`;
    findings.add(
      'warning',
      'late-start',
      book.row[j],
      book.customer[j],
      book.contract[j],
      `${what} was signed ${formatDay(sg)} but starts ${formatDay(st)}, more than a year later: ` +
        `CARR (basis: contracted) counts it from signing; check the signed and start dates`,
    );
  }
}

/**
 * currency-without-rate: a line in another currency than the reporting one, with no rate to convert
 * it under the policy's fx: its own fx rate (fx: contract; one finding per line), an undated board
 * rate (fixed) or a dated rate on or before the as-of date (spot; any dated rate when no as-of date
 * is given); under fixed and spot one finding per currency, on its first line. The lines found are
 * left out of the ARR model of the checks that need one.
 */
export function currencyRule(ctx: CheckContext): void {
  const { book, policy, rates, findings, asOf, leaveOut } = ctx;
  const reporting = policy.reportingCurrency;
  if (policy.fx === 'contract') {
    const hFx = header(book, 'fxRate');
    for (let j = 0; j < book.n; j++) {
      const ccy = book.currency[j];
      if (ccy === reporting || !Number.isNaN(book.fxRate[j])) continue;
      leaveOut[j] = 1;
      findings.add(
        'error',
        'currency-without-rate',
        book.row[j],
        book.customer[j],
        book.contract[j],
        `a ${ccy} line with no ${hFx}: fx: contract converts each line at its own rate to ${reporting}; ` +
          `give the rate, or set fx to fixed or spot with a rates table`,
      );
    }
    return;
  }
  if (ctx.ratesBad) return; // the bad-rates finding says this rule was skipped
  const rowsOf = new Map<string, number[]>();
  for (let j = 0; j < book.n; j++) {
    const ccy = book.currency[j];
    if (ccy === reporting) continue;
    let list = rowsOf.get(ccy);
    if (!list) rowsOf.set(ccy, (list = []));
    list.push(j);
  }
  for (const [ccy, lines] of rowsOf) {
    let missing: string | null = null;
    if (policy.fx === 'fixed') {
      const r = rates ? boardRate(rates, ccy) : null;
      if (r === null || r instanceof CellError) {
        missing = `no ${ccy} board rate: fx: fixed converts at one undated rate per currency from the rates table`;
      }
    } else if (asOf !== null) {
      const r = rates ? spotRate(rates, ccy, asOf) : null;
      if (r === null || r instanceof CellError) {
        const first = rates?.dated.get(ccy)?.[0];
        const hint = first ? ` (its first ${ccy} rate is on ${formatDay(first.day)})` : '';
        missing = `no ${ccy} rate on or before the as-of date ${formatDay(asOf)}${hint}: fx: spot converts at the rates table's rate on or before the date`;
      }
    } else if (!rates || (rates.dated.get(ccy)?.length ?? 0) === 0) {
      missing = `no dated ${ccy} rate in the rates table: fx: spot converts at the rate on or before the date`;
    }
    if (missing === null) continue;
    for (const j of lines) leaveOut[j] = 1;
    const j0 = lines[0];
    findings.add(
      'error',
      'currency-without-rate',
      book.row[j0],
      book.customer[j0],
      book.contract[j0],
      `${missing}; ${lines.length} line${lines.length > 1 ? 's' : ''} in ${ccy} ` +
        `(${rowList(lines.map((j) => book.row[j]))}) cannot be converted to ${reporting}`,
    );
  }
}
