/**
 * The data checks (`CHECK`): every problem of a contract range that a controller would want to see
 * before trusting its ARR, as findings (severity, sheet row, customer, contract, rule id, message),
 * never as a failure. Rules and their ids: `rules.ts` and docs/checks.md.
 *
 * Decisions (docs/checks.md):
 * - Bad cells are findings: the range is read leniently (`parseContractsLenient`); each bad cell is
 *   a `bad-cell` finding (or `missing-end`, `end-before-start`, `cancel-before-start`) naming its row
 *   and column, and its line is left out of the other rules. A problem of the range as a whole
 *   (empty, no lines, a duplicate header, a missing required column) is one `bad-range` finding.
 * - A bad policy range is one `bad-policy` finding and nothing else is checked (the policy says how
 *   to read the contracts). A bad rates range is one `bad-rates` finding; the rules that need rates
 *   (currency-without-rate under fx: fixed or spot, arr-anomaly when a line converts at a table
 *   rate) are then skipped.
 * - The as-of date is optional. Without it the rules that need one (status-active-ended,
 *   arr-anomaly) are skipped with one `rule-skipped` info finding saying so, and
 *   currency-without-rate under fx: spot asks for any dated rate of the currency.
 * - The ARR model is built (without the lines of a currency that has no rate) even without an as-of
 *   date, so that a book the engine cannot compute is an `arr-not-computable` finding.
 * - Findings are sorted by row (findings about no one row first), then rule id, then the order found.
 */
import type { Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { parseContractsLenient, type LenientContracts } from '../contracts/parse.js';
import type { ContractBook } from '../contracts/book.js';
import { buildModel } from '../arr/model.js';
import { parseRates, type FxRates } from '../money/rates.js';
import { parsePolicy } from '../policy/parse.js';
import type { Policy } from '../policy/keys.js';
import { anomalyRule } from './anomaly.js';
import { type CheckContext, header, lineIds } from './context.js';
import { Findings, type Finding } from './finding.js';
import { groupRules } from './group-rules.js';
import { currencyRule, lateStartRule, lineRules, statusRules } from './line-rules.js';
import type { RuleId } from './rules.js';

export interface CheckInput {
  /** The contract range, header row first. */
  contracts: unknown;
  /** The policy as a key/value range; null or absent for the defaults. */
  policy?: unknown[][] | null;
  /** Policy keys set on top of the policy range (the CLI's `--set`). */
  overrides?: Record<string, string>;
  /** The rates range; null or absent for none. */
  rates?: unknown[][] | null;
  /** The as-of date of the date-based rules; null or absent to skip them. */
  asOf?: Day | null;
  /** Zone in which `Date` cells of the contracts are read. */
  timeZone?: string;
  /** Zone in which `Date` cells of the rates are read (default `timeZone`). */
  ratesTimeZone?: string;
}

export interface CheckResult {
  asOf: Day | null;
  /** Lines of the range (non-blank rows below the header), readable or not. */
  lines: number;
  findings: Finding[];
}

const ISSUE_RULE: Record<LenientContracts['issues'][number]['kind'], RuleId> = {
  cell: 'bad-cell',
  'missing-end': 'missing-end',
  'end-before-start': 'end-before-start',
  'cancel-before-start': 'cancel-before-start',
};

/** Runs every rule over the range. Never throws; a CellError only for an internal fault. */
export function checkContracts(input: CheckInput): CheckResult | CellError {
  try {
    return run(input);
  } catch (e) {
    return new CellError('#VALUE!', `RunRate internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function run(input: CheckInput): CheckResult {
  const findings = new Findings();
  const asOf = input.asOf ?? null;
  const done = (lines: number): CheckResult => ({ asOf, lines, findings: findings.sorted() });

  const policy = parsePolicy(input.policy ?? null, input.overrides);
  if (policy instanceof CellError) {
    findings.add(
      'error',
      'bad-policy',
      policy.row ?? null,
      '',
      '',
      `the policy cannot be read, so the contracts were not checked: ${policy.message}`,
    );
    return done(0);
  }

  const table = Array.isArray(input.contracts) ? (input.contracts as unknown[][]) : [];
  const read = parseContractsLenient(table, policy, { timeZone: input.timeZone });
  if (read instanceof CellError) {
    findings.add('error', 'bad-range', read.row ?? null, '', '', read.message);
    return done(0);
  }
  const { book, issues } = read;
  for (const issue of issues) {
    const severity = 'error';
    // Customer and contract of a bad line, as typed (they may be what is bad).
    const cells = table[issue.row - 1];
    const text = (field: 'customer' | 'contract'): string => cellText(cells, table[0], book, field);
    findings.add(
      severity,
      ISSUE_RULE[issue.kind],
      issue.row,
      text('customer'),
      text('contract'),
      issue.message,
    );
  }
  const badRows = new Set(issues.map((i) => i.row)).size;

  // Book warnings: an end date assumed under missingEnd, an amount column read on another basis.
  const endHeader = header(book, 'end');
  for (const w of book.warnings) {
    const isEnd = w.row > 1 && w.column === endHeader;
    const j = isEnd ? lineAtRow(book, w.row) : -1;
    findings.add(
      'warning',
      isEnd ? 'missing-end' : 'amount-basis',
      w.row,
      j >= 0 ? book.customer[j] : '',
      j >= 0 ? book.contract[j] : '',
      w.message,
    );
  }

  // Rates matter when a line converts at a table rate (fx: fixed or spot, another currency).
  const needsRates = policy.fx !== 'contract' && book.currency.some((c) => c !== policy.reportingCurrency);
  let rates: FxRates | null = null;
  let ratesBad = false;
  if (input.rates) {
    const r = parseRates(input.rates, policy.reportingCurrency, {
      timeZone: input.ratesTimeZone ?? input.timeZone,
    });
    if (r instanceof CellError) {
      ratesBad = true;
      const effect = needsRates
        ? ', so currency-without-rate and arr-anomaly were not checked'
        : ` (no line needs them under fx: ${policy.fx})`;
      findings.add(
        'error',
        'bad-rates',
        r.row ?? null,
        '',
        '',
        `the rates cannot be read${effect}: ${r.message}`,
      );
    } else rates = r;
  }

  const ctx: CheckContext = {
    book,
    policy,
    rates,
    ratesBad,
    asOf,
    findings,
    leaveOut: new Uint8Array(book.n),
    ids: lineIds(book),
  };
  statusRules(ctx);
  lineRules(ctx);
  lateStartRule(ctx);
  currencyRule(ctx);
  groupRules(ctx);
  if (!(ratesBad && needsRates)) modelRules(ctx, policy);
  if (asOf === null) {
    findings.add(
      'info',
      'rule-skipped',
      null,
      '',
      '',
      'no as-of date given, so status-active-ended and arr-anomaly were not checked' +
        (policy.fx === 'spot' ? ' (and currency-without-rate asked for any dated rate)' : ''),
    );
  }
  return done(book.n + badRows);
}

/** arr-not-computable, arr-anomaly: the rules that need the engine's ARR. */
function modelRules(ctx: CheckContext, policy: Policy): void {
  const { book, asOf, findings, leaveOut } = ctx;
  if (book.n === 0) return;
  const model = buildModel(keepLines(book, leaveOut), policy, ctx.rates);
  if (model instanceof CellError) {
    const j = model.row === undefined ? -1 : lineAtRow(book, model.row);
    findings.add(
      'error',
      'arr-not-computable',
      model.row ?? null,
      j >= 0 ? book.customer[j] : '',
      j >= 0 ? book.contract[j] : '',
      `the engine cannot compute ARR from this book${asOf === null ? '' : ', so arr-anomaly was not checked'}: ${model.message}`,
    );
    return;
  }
  if (asOf !== null) anomalyRule(ctx, model, asOf);
}

/** Index of the book line at a sheet row (rows ascend), or -1. */
function lineAtRow(book: ContractBook, row: number): number {
  let lo = 0;
  let hi = book.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = book.row[mid];
    if (r === row) return mid;
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A customer or contract cell of a row left out of the book, as text ('' when absent). */
function cellText(
  cells: unknown,
  headerRow: unknown,
  book: ContractBook,
  field: 'customer' | 'contract',
): string {
  const name = book.columns[field];
  if (name === undefined || !Array.isArray(cells) || !Array.isArray(headerRow)) return '';
  const c = headerRow.findIndex((h) => typeof h === 'string' && h.trim() === name);
  const v: unknown = c >= 0 ? cells[c] : null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && v !== 0) return String(v);
  return '';
}

/** The book without the lines marked in `leaveOut` (the book itself when none is). */
function keepLines(book: ContractBook, leaveOut: Uint8Array): ContractBook {
  if (!leaveOut.includes(1)) return book;
  const keep: number[] = [];
  for (let j = 0; j < book.n; j++) if (!leaveOut[j]) keep.push(j);
  const ints = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (len: number) => T)(keep.length);
    keep.forEach((j, k) => (out[k] = a[j]));
    return out;
  };
  const texts = (a: string[]): string[] => keep.map((j) => a[j]);
  return {
    ...book,
    n: keep.length,
    row: ints(book.row),
    customer: texts(book.customer),
    parent: texts(book.parent),
    contract: texts(book.contract),
    product: texts(book.product),
    lineType: ints(book.lineType),
    start: ints(book.start),
    end: ints(book.end),
    signed: ints(book.signed),
    cancel: ints(book.cancel),
    notice: ints(book.notice),
    amountCents: ints(book.amountCents),
    listAmountCents: ints(book.listAmountCents),
    freeMonths: ints(book.freeMonths),
    currency: texts(book.currency),
    fxRate: ints(book.fxRate),
    billing: texts(book.billing),
    segment: texts(book.segment),
    region: texts(book.region),
    rep: texts(book.rep),
    entity: texts(book.entity),
    status: texts(book.status),
  };
}
