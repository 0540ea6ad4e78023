/**
 * A contract range (a 2-D array of cells, header row first) turned into a `ContractBook`.
 * Methodology section 1 defines the fields; `aliases.ts` maps the headers onto them.
 *
 * Every row is validated and every bad cell reported (up to `maxErrors`), naming the sheet row
 * (header = row 1, so a line's row is its index in the table + 1) and the column header as found.
 *
 * Blank rows: a row whose cells are all blank (`null`, `undefined`, `""`, whitespace, or the 0
 * Excel desktop passes for a blank cell) is not a line and is skipped, wherever it is: ranges are
 * often selected larger than the data, or with spacer rows. A row with any non-blank cell, in any
 * column, is a line and is validated, so nothing typed into the range is silently dropped.
 *
 * Speed: the header is mapped once, the columns are typed arrays sized for the whole table, and
 * the common cell shapes (date serials, `YYYY-MM-DD` text, numbers, plain decimal text) are read
 * without allocating; anything else goes through the readers of `src/cells`.
 */
import { type Day, NO_DAY, addMonths, dayFromYmd, formatDay, isValidYmd } from '../cells/days.js';
import { CellError, cellError } from '../cells/error.js';
import {
  Problem,
  isBlankOrZero,
  readDate,
  readJsDate,
  readNumber,
  readText,
  toCents,
} from '../cells/read.js';
import type { Policy } from '../policy/keys.js';
import { HEADER_ALIASES, type HeaderMap, mapHeaders, normalizeHeader } from './aliases.js';
import {
  type BookWarning,
  type ContractBook,
  type Field,
  LT_ONE_TIME,
  LT_RECURRING,
  LT_USAGE_COMMIT,
  LT_USAGE_OVERAGE,
} from './book.js';

export interface ParseContractsOptions {
  /** IANA zone in which `Date` cells are read (Apps Script: the spreadsheet's zone). */
  timeZone?: string;
  /** How many cell errors to list in the returned `CellError` (default 20). All are counted. */
  maxErrors?: number;
}

const DEFAULT_MAX_ERRORS = 20;

/**
 * What kind of problem a line has, in lenient mode (`parseContractsLenient`): `missing-end` (a blank
 * end date under `missingEnd: error`), `end-before-start`, `cancel-before-start`, or `cell` (any
 * other cell that cannot be read).
 */
export type ParseIssueKind = 'cell' | 'missing-end' | 'end-before-start' | 'cancel-before-start';

/** One problem of one line, as the strict parser would list it (`message` names row and column). */
export interface ParseIssue {
  kind: ParseIssueKind;
  row: number;
  column: string;
  message: string;
}

/** A contract range read leniently: the book of the lines without problems, and every problem. */
export interface LenientContracts {
  /** The lines with no problem, in sheet order (`n` may be 0). */
  book: ContractBook;
  /** Every problem found, in sheet order; a line with any problem is left out of `book`. */
  issues: ParseIssue[];
}

const EMPTY = 'the contracts range is empty; it needs a header row and at least one line';
const HEADER_ONLY = 'the contracts range has a header row but no lines';

/**
 * Reads a contract range into a `ContractBook`, or returns a `CellError` describing every
 * problem found (up to `opts.maxErrors` listed, one per line; `row`/`column` of the first).
 * Never throws.
 *
 * Per line: customer (required, numbers become text), start (required date), end (per the
 * policy's `missingEnd` and `endDateInclusive`; stored inclusive), amount (required number,
 * stored as cents on the book's `amountBasis`), and the optional fields of methodology section 1.
 */
export function parseContracts(
  table: unknown[][],
  policy: Policy,
  opts: ParseContractsOptions = {},
): ContractBook | CellError {
  try {
    return parse(table, policy, opts);
  } catch (e) {
    // Not expected: every bad input is reported above. Kept so that no exception escapes.
    return unreadable(e);
  }
}

/**
 * Reads a contract range without stopping at bad lines (for the data checks): every line with a
 * problem is listed in `issues` (all of them, not capped) and left out of the book; the other lines
 * are read exactly as `parseContracts` reads them. A `CellError` comes back only for a problem of
 * the whole range: empty, a header row without lines, a duplicate or clashing header, a missing
 * required column. Never throws.
 */
export function parseContractsLenient(
  table: unknown[][],
  policy: Policy,
  opts: { timeZone?: string } = {},
): LenientContracts | CellError {
  try {
    const issues: ParseIssue[] = [];
    const book = parse(table, policy, { timeZone: opts.timeZone }, issues);
    return book instanceof CellError ? book : { book, issues };
  } catch (e) {
    return unreadable(e);
  }
}

function unreadable(e: unknown): CellError {
  return new CellError(
    '#VALUE!',
    `the contracts range could not be read: ${e instanceof Error ? e.message : String(e)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Cell readers with allocation-free fast paths. Each gives exactly what the `src/cells` reader
// it falls back to would give.

const CH_0 = 48;
const CH_9 = 57;
const CH_DASH = 45;
const CH_DOT = 46;

const isDigit = (c: number): boolean => c >= CH_0 && c <= CH_9;

/** `YYYY-MM-DD` (exactly) as a day, or NaN when the text is anything else (or not a real date). */
function isoDay(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== CH_DASH || s.charCodeAt(7) !== CH_DASH) return NaN;
  let y = 0;
  for (let k = 0; k < 4; k++) {
    const c = s.charCodeAt(k);
    if (!isDigit(c)) return NaN;
    y = y * 10 + c - CH_0;
  }
  const m1 = s.charCodeAt(5);
  const m2 = s.charCodeAt(6);
  const d1 = s.charCodeAt(8);
  const d2 = s.charCodeAt(9);
  if (!isDigit(m1) || !isDigit(m2) || !isDigit(d1) || !isDigit(d2)) return NaN;
  const m = (m1 - CH_0) * 10 + m2 - CH_0;
  const d = (d1 - CH_0) * 10 + d2 - CH_0;
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : NaN;
}

/** Excel serial of 1970-01-01; for whole serials above 60, day = serial - this. */
const SERIAL_1970 = 25569;
const SERIAL_MAX = 2958466;

/** A date cell: as `readDate`. */
function dayOf(v: unknown, timeZone: string | undefined): Day | null | Problem {
  if (typeof v === 'number') {
    if (v > 60 && v < SERIAL_MAX && Number.isInteger(v)) return v - SERIAL_1970;
  } else if (typeof v === 'string') {
    const d = isoDay(v);
    if (d === d) return d; // not NaN
  }
  return readDate(v, timeZone);
}

/** Text of only digits, with an optional leading `-` and at most one `.`, and some digit. */
function isPlainDecimal(s: string): boolean {
  const len = s.length;
  let k = len > 0 && s.charCodeAt(0) === CH_DASH ? 1 : 0;
  let digits = 0;
  let dots = 0;
  for (; k < len; k++) {
    const c = s.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (c === CH_DOT && dots === 0) dots++;
    else return false;
  }
  return digits > 0;
}

/** A number cell: as `readNumber`. */
function numberOf(v: unknown): number | null | Problem {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && isPlainDecimal(v)) return +v;
  return readNumber(v);
}

/**
 * A text cell: as `readText`, except that a `Date` is written as the calendar date it shows,
 * read like a date column (in `timeZone` when given), not as its UTC date.
 */
function textOf(v: unknown, timeZone: string | undefined): string | null {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  if (v instanceof Date) {
    const d = readJsDate(v, timeZone);
    return typeof d === 'number' ? formatDay(d) : readText(v);
  }
  return readText(v);
}

/**
 * Dollars to cents: as `toCents`, without its string round trip when the amount is within a
 * millionth of a cent of a whole cent (every amount given in cents, the usual case). Then, with
 * |x| < 1e9, `x.toPrecision(15)` keeps at least 5 decimals and so reads back as that whole cent,
 * which is what `toCents` returns.
 */
function centsOf(amount: number): number {
  const x = amount * 100;
  const r = Math.round(x);
  if (x < 1e9 && x > -1e9 && x - r < 1e-6 && r - x < 1e-6) return r + 0; // + 0: no -0
  return toCents(amount) + 0;
}

function rowIsBlank(r: readonly unknown[]): boolean {
  for (let k = 0; k < r.length; k++) if (!isBlankOrZero(r[k])) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Coded values. Lookups are memoised per distinct cell text, so a 50,000-row column of a few
// distinct values normalises each value once.

const LINE_TYPE_WORDS: ReadonlyMap<string, number> = new Map([
  ['recurring', LT_RECURRING],
  ['subscription', LT_RECURRING],
  ['onetime', LT_ONE_TIME],
  ['services', LT_ONE_TIME],
  ['setup', LT_ONE_TIME],
  ['implementation', LT_ONE_TIME],
  ['professionalservices', LT_ONE_TIME],
  ['usagecommit', LT_USAGE_COMMIT],
  ['commit', LT_USAGE_COMMIT],
  ['minimum', LT_USAGE_COMMIT],
  ['usageoverage', LT_USAGE_OVERAGE],
  ['overage', LT_USAGE_OVERAGE],
  ['usage', LT_USAGE_OVERAGE],
]);
const LINE_TYPE_PROBLEM =
  'is not a line type (use recurring or subscription; one_time, setup, services, implementation or ' +
  'professional services; usage_commit, commit or minimum; usage_overage, overage or usage)';

/** `annual` / `quarterly` / `monthly` / `upfront` (billing in advance), methodology section 1. */
const BILLING_WORDS: ReadonlyMap<string, string> = new Map([
  ['annual', 'annual'],
  ['annually', 'annual'],
  ['yearly', 'annual'],
  ['quarterly', 'quarterly'],
  ['monthly', 'monthly'],
  ['upfront', 'upfront'],
]);
const BILLING_PROBLEM = 'is not a billing frequency (use annual, quarterly, monthly or upfront)';

const wordKey = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Memoised lookup of a coded text cell: the code, or -1 for an unknown word. */
function lineTypeOf(s: string, memo: Map<string, number>): number {
  let code = memo.get(s);
  if (code === undefined) {
    code = LINE_TYPE_WORDS.get(wordKey(s)) ?? -1;
    memo.set(s, code);
  }
  return code;
}

function billingOf(s: string, memo: Map<string, string>): string {
  let word = memo.get(s);
  if (word === undefined) {
    word = BILLING_WORDS.get(wordKey(s)) ?? '';
    memo.set(s, word);
  }
  return word;
}

const CURRENCY = /^[A-Za-z]{3}$/;

/** Upper-case ISO code of a currency cell, or '' when it is not three letters. */
function currencyOf(s: string, memo: Map<string, string>): string {
  let code = memo.get(s);
  if (code === undefined) {
    code = CURRENCY.test(s) ? s.toUpperCase() : '';
    memo.set(s, code);
  }
  return code;
}

// ---------------------------------------------------------------------------------------------

/**
 * Collects cell errors: counts them all, keeps the first `max`; in lenient mode (`issues` given)
 * also lists every one of them with its kind.
 */
class ErrorList {
  count = 0;
  readonly list: CellError[] = [];
  constructor(
    readonly max: number,
    readonly issues: ParseIssue[] | null = null,
  ) {}

  /** `row 7, Amount: "abc" is not a number` */
  cell(row: number, column: string, value: unknown, problem: string): void {
    if (++this.count <= this.max || this.issues) this.keep(cellError(row, column, value, problem), 'cell');
  }

  /** `row 7, End Date: <text>` (for messages that do not start with the cell's value). */
  note(row: number, column: string, text: string, kind: ParseIssueKind = 'cell'): void {
    if (++this.count <= this.max || this.issues) {
      this.keep(new CellError('#VALUE!', `row ${row}, ${column}: ${text}`, row, column), kind);
    }
  }

  private keep(e: CellError, kind: ParseIssueKind): void {
    if (this.count <= this.max) this.list.push(e);
    this.issues?.push({ kind, row: e.row as number, column: e.column as string, message: e.message });
  }

  result(): CellError {
    if (this.count === 1) return this.list[0];
    const first = this.list[0];
    const shown = this.list.length < this.count ? ` (first ${this.list.length} shown)` : '';
    const lines = this.list.map((e) => e.message).join('\n');
    return new CellError(
      '#VALUE!',
      `${this.count} errors in the contracts range${shown}:\n${lines}`,
      first.row,
      first.column,
    );
  }
}

const EXAMPLES: Readonly<Partial<Record<Field, string>>> = {
  customer: '"Customer", "Account ID"',
  start: '"Start Date", "Service Start"',
  amount: '"Amount", "ARR", "MRR"',
  end: '"End Date", "Service End"',
};

function quoteList(texts: readonly string[]): string {
  return texts.length === 0 ? 'none' : texts.map((t) => JSON.stringify(t)).join(', ');
}

/** The error for a header without the columns every line needs. */
function missingColumns(map: HeaderMap, missing: readonly Field[], endNeeded: boolean): CellError {
  const parts = missing.map((f) => {
    const hint = f === 'end' && endNeeded ? '; or set missingEnd to assume_12_months in the policy' : '';
    return `${f} (e.g. ${EXAMPLES[f] ?? JSON.stringify(HEADER_ALIASES[f][0])}${hint})`;
  });
  const found = map.headers.filter((h) => h !== '');
  let message =
    `the contracts range is missing the required column${missing.length > 1 ? 's' : ''} ` +
    `${parts.join(', ')}; headers found: ${quoteList(found)}`;
  if (found.length === 0) message += ' (the first row of the range is its header row)';
  const acv = missing.includes('amount') ? found.find((h) => normalizeHeader(h) === 'acv') : undefined;
  if (acv !== undefined) {
    message +=
      `. ${JSON.stringify(acv)} is not read as the amount: an ACV usually includes one-time fees; ` +
      `name an annual recurring amount column "ARR"`;
  }
  return new CellError('#VALUE!', message, 1);
}

/** `issues` given: lenient mode (see `parseContractsLenient`). */
function parse(
  table: unknown[][],
  policy: Policy,
  opts: ParseContractsOptions,
  issues: ParseIssue[] | null = null,
): ContractBook | CellError {
  if (!Array.isArray(table)) return new CellError('#VALUE!', EMPTY);
  const nRows = table.length;
  const header = table[0];
  const headerRow: readonly unknown[] = Array.isArray(header) ? header : [header];
  if (nRows === 0) return new CellError('#VALUE!', EMPTY);
  if (rowIsBlank(headerRow)) {
    let anything = false;
    for (let i = 1; i < nRows && !anything; i++) {
      const r = table[i];
      anything = Array.isArray(r) ? !rowIsBlank(r) : !isBlankOrZero(r);
    }
    if (!anything) return new CellError('#VALUE!', EMPTY);
  }

  const map = mapHeaders(headerRow);
  if (map instanceof CellError) return map;
  const assume12 = policy.missingEnd === 'assume_12_months';
  const missing: Field[] = [...map.missing];
  if (!assume12 && map.index.end === undefined) missing.push('end');
  if (missing.length > 0) {
    return missingColumns(map, missing, !assume12);
  }

  const timeZone = opts.timeZone;
  const m = opts.maxErrors;
  const errors = new ErrorList(
    typeof m === 'number' && Number.isFinite(m) && m >= 1 ? Math.floor(m) : DEFAULT_MAX_ERRORS,
    issues,
  );
  const warnings: BookWarning[] = [];

  const col = (f: Field): number => map.index[f] ?? -1;
  const head = (f: Field): string => map.columns[f] ?? f;
  const cCustomer = col('customer');
  const cParent = col('parent');
  const cContract = col('contract');
  const cProduct = col('product');
  const cLineType = col('lineType');
  const cStart = col('start');
  const cEnd = col('end');
  const cSigned = col('signed');
  const cCancel = col('cancel');
  const cNotice = col('notice');
  const cAmount = col('amount');
  const cList = col('listAmount');
  const cFree = col('freeMonths');
  const cCurrency = col('currency');
  const cFx = col('fxRate');
  const cBilling = col('billing');
  const cSegment = col('segment');
  const cRegion = col('region');
  const cRep = col('rep');
  const cEntity = col('entity');
  const cStatus = col('status');
  const hCustomer = head('customer');
  const hStart = head('start');
  const hEnd = head('end');
  const hAmount = head('amount');

  // Amount basis: the policy's when it sets amountBasis explicitly, else the one an ARR/MRR
  // column name implies, else the policy's (default) one.
  const explicitBasis = policy.explicitKeys.includes('amountBasis');
  const implied = map.impliedAmountBasis;
  const amountBasis = !explicitBasis && implied ? implied : policy.amountBasis;
  if (explicitBasis && implied && implied !== policy.amountBasis) {
    warnings.push({
      row: 1,
      column: hAmount,
      message:
        `column ${JSON.stringify(hAmount)} is read as ${policy.amountBasis} amounts, ` +
        `because the policy sets amountBasis to ${policy.amountBasis}`,
    });
  }
  const inclusive = policy.endDateInclusive !== 'no';
  const reporting = policy.reportingCurrency;

  const cap = Math.max(0, nRows - 1);
  const rowNo = new Int32Array(cap);
  const lineType = new Uint8Array(cap);
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  const signed = new Int32Array(cap);
  const cancel = new Int32Array(cap);
  const notice = new Int32Array(cap);
  const amountCents = new Float64Array(cap);
  const listAmountCents = new Float64Array(cap);
  const freeMonths = new Float64Array(cap);
  const fxRate = new Float64Array(cap);
  const customer: string[] = new Array<string>(cap);
  const parent: string[] = new Array<string>(cap);
  const contract: string[] = new Array<string>(cap);
  const product: string[] = new Array<string>(cap);
  const currency: string[] = new Array<string>(cap);
  const billing: string[] = new Array<string>(cap);
  const segment: string[] = new Array<string>(cap);
  const region: string[] = new Array<string>(cap);
  const rep: string[] = new Array<string>(cap);
  const entity: string[] = new Array<string>(cap);
  const status: string[] = new Array<string>(cap);
  const lineTypeMemo = new Map<string, number>();
  const billingMemo = new Map<string, string>();
  const currencyMemo = new Map<string, string>();

  const headerOf = (c: number): string => map.headers[c];
  const optText = (r: readonly unknown[], c: number): string => {
    if (c < 0) return '';
    return textOf(r[c], timeZone) ?? '';
  };
  /** An optional date cell; NO_DAY when blank or bad (bad is reported). */
  const optDay = (r: readonly unknown[], c: number, sheetRow: number): Day => {
    if (c < 0) return NO_DAY;
    const v = r[c];
    const d = dayOf(v, timeZone);
    if (typeof d === 'number') return d;
    if (d !== null) errors.cell(sheetRow, headerOf(c), v, d.text);
    return NO_DAY;
  };

  let n = 0;
  for (let i = 1; i < nRows; i++) {
    const sheetRow = i + 1;
    const errorsBefore = errors.count;
    const raw = table[i];
    if (!Array.isArray(raw)) {
      if (isBlankOrZero(raw)) continue;
      errors.note(sheetRow, hCustomer, 'this row of the range is not a row of cells');
      continue;
    }
    const r: readonly unknown[] = raw;

    // customer (required); a blank customer on an otherwise blank row is a blank row
    const cust = textOf(r[cCustomer], timeZone);
    if (cust === null) {
      if (rowIsBlank(r)) continue;
      errors.note(sheetRow, hCustomer, 'blank; every line needs a customer');
    }

    // start (required)
    const sv = r[cStart];
    const s = dayOf(sv, timeZone);
    let st: Day = NO_DAY;
    if (typeof s === 'number') st = s;
    else if (s === null) errors.note(sheetRow, hStart, 'blank; every line needs a start date');
    else errors.cell(sheetRow, hStart, sv, s.text);

    // end: inclusive last day of service
    let en: Day = NO_DAY;
    const ev = cEnd >= 0 ? r[cEnd] : undefined;
    const e = cEnd >= 0 ? dayOf(ev, timeZone) : null;
    if (typeof e === 'number') {
      en = inclusive ? e : e - 1;
      if (st !== NO_DAY && en < st) {
        const as = inclusive ? '' : ` (an exclusive end: last day of service ${formatDay(en)})`;
        errors.note(
          sheetRow,
          hEnd,
          `${formatDay(e)}${as} is before start ${formatDay(st)}`,
          'end-before-start',
        );
      }
    } else if (e === null) {
      if (!assume12) {
        errors.note(
          sheetRow,
          hEnd,
          'blank; every line needs an end date, or set missingEnd to assume_12_months in the policy',
          'missing-end',
        );
      } else if (st !== NO_DAY) {
        en = addMonths(st, 12) - 1;
        warnings.push({
          row: sheetRow,
          column: hEnd,
          message: `row ${sheetRow}, ${hEnd}: blank; assumed ${formatDay(en)} (12 months from start)`,
        });
      }
    } else {
      errors.cell(sheetRow, hEnd, ev, e.text);
    }

    // amount (required; 0 is an explicit zero)
    const av = r[cAmount];
    const a = numberOf(av);
    let cents = 0;
    if (typeof a === 'number') {
      cents = centsOf(a);
      if (!Number.isSafeInteger(cents)) {
        errors.cell(sheetRow, hAmount, av, 'is too large to be an amount');
      }
    } else if (a === null) {
      errors.note(sheetRow, hAmount, 'blank; every line needs an amount (0 is allowed)');
    } else {
      errors.cell(sheetRow, hAmount, av, a.text);
    }

    // list amount (optional; 0 is blank: Excel desktop passes blank cells as 0, and a zero list
    // price would turn a gross-discount ARR to zero)
    let list = NaN;
    if (cList >= 0) {
      const lv = r[cList];
      const l = numberOf(lv);
      if (typeof l === 'number') {
        if (l !== 0) {
          list = centsOf(l);
          if (!Number.isSafeInteger(list))
            errors.cell(sheetRow, headerOf(cList), lv, 'is too large to be an amount');
        }
      } else if (l !== null) errors.cell(sheetRow, headerOf(cList), lv, l.text);
    }

    // free months (optional, 0 or more)
    let free = 0;
    if (cFree >= 0) {
      const fv = r[cFree];
      const f = numberOf(fv);
      if (typeof f === 'number') {
        if (f < 0) errors.cell(sheetRow, headerOf(cFree), fv, 'is negative; free months are 0 or more');
        else free = f;
      } else if (f !== null) errors.cell(sheetRow, headerOf(cFree), fv, f.text);
    }

    // line type (blank: recurring)
    let lt = LT_RECURRING;
    if (cLineType >= 0) {
      const tv = r[cLineType];
      const t = textOf(tv, timeZone);
      if (t !== null) {
        const code = lineTypeOf(t, lineTypeMemo);
        if (code >= 0) lt = code;
        else errors.cell(sheetRow, headerOf(cLineType), tv, LINE_TYPE_PROBLEM);
      }
    }

    // currency (blank: the reporting currency)
    let ccy = reporting;
    if (cCurrency >= 0) {
      const cv = r[cCurrency];
      const c = textOf(cv, timeZone);
      if (c !== null) {
        const code = currencyOf(c, currencyMemo);
        if (code !== '') ccy = code;
        else
          errors.cell(
            sheetRow,
            headerOf(cCurrency),
            cv,
            'is not a currency (use a 3-letter ISO code, e.g. EUR)',
          );
      }
    }

    // fx rate (optional, positive; 0 is blank, as Excel desktop passes blank cells as 0)
    let fx = NaN;
    if (cFx >= 0) {
      const xv = r[cFx];
      const x = numberOf(xv);
      if (typeof x === 'number') {
        if (x < 0) errors.cell(sheetRow, headerOf(cFx), xv, 'is not a positive number');
        else if (x > 0) fx = x;
      } else if (x !== null) errors.cell(sheetRow, headerOf(cFx), xv, x.text);
    }

    // billing (optional)
    let bill = '';
    if (cBilling >= 0) {
      const bv = r[cBilling];
      const b = textOf(bv, timeZone);
      if (b !== null) {
        bill = billingOf(b, billingMemo);
        if (bill === '') errors.cell(sheetRow, headerOf(cBilling), bv, BILLING_PROBLEM);
      }
    }

    // dates (optional)
    const sg = optDay(r, cSigned, sheetRow);
    const cn = optDay(r, cCancel, sheetRow);
    if (cn !== NO_DAY && st !== NO_DAY && cn < st) {
      errors.note(
        sheetRow,
        headerOf(cCancel),
        `${formatDay(cn)} is before start ${formatDay(st)}`,
        'cancel-before-start',
      );
    }
    const nt = optDay(r, cNotice, sheetRow);
    // Lenient mode: a line with a problem is listed in `issues` and left out of the book.
    if (issues && errors.count > errorsBefore) continue;

    rowNo[n] = sheetRow;
    lineType[n] = lt;
    start[n] = st;
    end[n] = en;
    signed[n] = sg;
    cancel[n] = cn;
    notice[n] = nt;
    amountCents[n] = cents;
    listAmountCents[n] = list;
    freeMonths[n] = free;
    fxRate[n] = fx;
    customer[n] = cust ?? '';
    parent[n] = optText(r, cParent);
    contract[n] = optText(r, cContract);
    product[n] = optText(r, cProduct);
    currency[n] = ccy;
    billing[n] = bill;
    segment[n] = optText(r, cSegment);
    region[n] = optText(r, cRegion);
    rep[n] = optText(r, cRep);
    entity[n] = optText(r, cEntity);
    status[n] = optText(r, cStatus);
    n++;
  }

  if (errors.count > 0 && !issues) return errors.result();
  if (n === 0 && errors.count === 0) return new CellError('#VALUE!', HEADER_ONLY, 1);
  for (const a of [
    customer,
    parent,
    contract,
    product,
    currency,
    billing,
    segment,
    region,
    rep,
    entity,
    status,
  ]) {
    a.length = n;
  }

  const fit = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T =>
    (n === cap ? a : a.subarray(0, n)) as T;
  return {
    n,
    row: fit(rowNo),
    customer,
    parent,
    contract,
    product,
    lineType: fit(lineType),
    start: fit(start),
    end: fit(end),
    signed: fit(signed),
    cancel: fit(cancel),
    notice: fit(notice),
    amountCents: fit(amountCents),
    listAmountCents: fit(listAmountCents),
    freeMonths: fit(freeMonths),
    currency,
    fxRate: fit(fxRate),
    billing,
    segment,
    region,
    rep,
    entity,
    status,
    amountBasis,
    columns: { ...map.columns },
    warnings,
  };
}
