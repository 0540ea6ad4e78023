/**
 * The ARR model: a contract book compiled under one policy into *contributors*, the units that are
 * rounded to cents once per date (methodology section 2). A contributor is one contract line, or
 * under `multiYear: average` the pooled lines of one contract and product.
 *
 * For every contributor the model holds, column by column:
 * - the customer key (the parent under `rollupToParent: yes`) and product, and the movement key
 *   (customer, or customer + product under `grain: customer_product`);
 * - `from`..`stop`, the days on which it counts: from its start (live) or its signed date
 *   (contracted), through its end as moved by cancel, notice, renewal grace and `churnDate`;
 * - its ARR in its own currency in cents as an exact fraction `num / den`;
 * - how it converts to the reporting currency: a date-independent rate (reporting currency,
 *   `fx: contract`, `fx: fixed`) folded into `fixedCents`, or a spot currency looked up per date.
 *
 * Decisions where the methodology is silent (also in the policy reference):
 * - Under `basis: contracted` a line counts from the earlier of its signed and start dates; a line
 *   without a signed date counts from its start.
 * - `multiYear: average` pools the lines of one contract id, product, line type, currency and fx
 *   rate: a ramp is one product's price stepping up; products of a contract stay apart so the product
 *   grain still works. Lines without a contract id are not pooled. The pool counts from its first
 *   start to its last end (gaps included); its cancel and notice dates are the earliest of its lines'.
 * - `freeMonths: exclude` applies to amounts given for the term (amountBasis `term`): the free
 *   months are the first months of the term; the rate is the amount over the paid part, and the line
 *   counts over its whole term.
 * - A line is *renewed* when another ARR line of the same customer (and product, at product grain)
 *   that ends later starts no more than `renewalGraceDays` uncovered days after its end (a line
 *   starting the day after the end leaves 0 uncovered days, so it always renews). Through an uncovered
 *   gap the old line keeps counting at its rate. An unrenewed line stops per `churnDate`: after its end,
 *   after end + grace, or after its notice date (if earlier than its end). A cancel date always stops
 *   a line after that day.
 * - Under `basis: contracted` a signed renewal replaces the line it renews from the day it counts
 *   (its signed date): a later line of the same customer and product starting on the day after the
 *   line's end, or within the grace after it. CARR is thus the run-rate once everything signed is
 *   live, never a term and its renewal added together; a ramp signed at once shows its last step.
 * - `fx: contract` needs the line's own fx rate on every line not in the reporting currency.
 */
import { NO_DAY } from '../cells/days.js';
import { CellError, cellError } from '../cells/error.js';
import type { ContractBook } from '../contracts/book.js';
import { LT_RECURRING, LT_USAGE_COMMIT, LT_USAGE_OVERAGE } from '../contracts/book.js';
import type { Policy } from '../policy/keys.js';
import type { ExactRate, FxRates } from '../money/rates.js';
import { boardRate } from '../money/rates.js';
import { roundRatio, type RoundingMode } from '../money/round.js';
import { UNITS_PER_YEAR, freeUnits, termUnits, type Units } from './term.js';
import { addRatio, divRatio, mulRatio, ratio, type Ratio } from './rational.js';

export const NEVER = 2147483647;

export interface ArrModel {
  readonly policy: Policy;
  readonly currency: string;
  readonly rates: FxRates | null;
  readonly book: ContractBook;
  /** Number of contributors. */
  readonly n: number;
  readonly customers: string[];
  readonly products: string[];
  readonly currencies: string[];
  /** Customer key index per contributor. */
  readonly customer: Int32Array;
  readonly product: Int32Array;
  /** Movement key per contributor (customer, or customer + product at product grain). */
  readonly key: Int32Array;
  readonly nKeys: number;
  readonly keyCustomer: Int32Array;
  /** Product index of a movement key, or -1 at customer grain. */
  readonly keyProduct: Int32Array;
  /** First day contributor i counts; ascending within each block (see blockStart). */
  readonly from: Int32Array;
  /** Last day contributor i counts (before `from` when it never counts). */
  readonly stop: Int32Array;
  /** Exact ARR in the contributor's currency, in cents: num / den (both safe integers, den > 0). */
  readonly num: Float64Array;
  readonly den: Float64Array;
  /** num / den as a double. */
  readonly local: Float64Array;
  /** Currency index per contributor. */
  readonly currencyIdx: Int32Array;
  /** Reporting-currency cents when the rate does not depend on the date; NaN for spot currencies. */
  readonly fixedCents: Float64Array;
  /** Whether any contributor converts at a spot rate (only then can the fx lane move). */
  readonly hasSpot: boolean;
  /** Book line indexes of contributor i: lineIdx[lineStart[i] .. lineStart[i + 1]). */
  readonly lineStart: Int32Array;
  readonly lineIdx: Int32Array;
  /** Contract id of each contributor, or `row N` when its line has none. */
  readonly contractLabel: string[];
  /** First day each customer key has ARR (NEVER when it never has). */
  readonly firstDay: Int32Array;
  readonly rounding: RoundingMode;
  /**
   * Contributors come in blocks of up to 2^BLOCK_SHIFT customers: block b is
   * blockStart[b] .. blockStart[b + 1] - 1, sorted by `from` within the block.
   */
  readonly blockStart: Int32Array;
}

/** 16,384 customers a block: their per-customer sums (128 KB) stay in cache while a block is scanned. */
export const BLOCK_SHIFT = 14;

const TWO53 = 9007199254740992;

/** Rounds num/den x rate to integer cents, deciding exact ties with bigint arithmetic. */
export function convertCents(
  num: number,
  den: number,
  local: number,
  rate: ExactRate | null,
  mode: RoundingMode,
): number {
  const x = rate === null ? local : local * rate.value;
  const fl = Math.floor(x);
  const f = x - fl;
  const slack = Math.abs(x) * 1e-12 + 1e-9;
  if (f < 0.5 - slack) return fl;
  if (f > 0.5 + slack) return fl + 1;
  const n = BigInt(num) * (rate === null ? 1n : rate.num);
  const d = BigInt(den) * (rate === null ? 1n : 10n ** BigInt(rate.scale));
  return Number(roundRatio(n, d, mode));
}

function isArrType(lineType: number, policy: Policy): boolean {
  if (lineType === LT_RECURRING) return true;
  if (lineType === LT_USAGE_COMMIT) return policy.includeUsageCommit === 'yes';
  if (lineType === LT_USAGE_OVERAGE) return policy.includeUsageOverage === 'yes';
  return false; // LT_ONE_TIME: one-time lines are never ARR
}

interface Interner {
  index: Map<string, number>;
  values: string[];
}
const interner = (): Interner => ({ index: new Map(), values: [] });
function intern(t: Interner, s: string): number {
  let i = t.index.get(s);
  if (i === undefined) {
    i = t.values.length;
    t.index.set(s, i);
    t.values.push(s);
  }
  return i;
}

/** The line's amount in cents under `discounts`. */
function lineAmount(book: ContractBook, j: number, policy: Policy): number {
  if (policy.discounts === 'gross') {
    const list = book.listAmountCents[j];
    if (!Number.isNaN(list)) return list;
  }
  return book.amountCents[j];
}

export function buildModel(book: ContractBook, policy: Policy, rates?: FxRates | null): ArrModel | CellError {
  const annualization = policy.annualization;
  const U = UNITS_PER_YEAR[annualization];
  const basis = book.amountBasis;
  const exclude = policy.freeMonths === 'exclude' && basis === 'term';
  const average = policy.multiYear === 'average';
  const productGrain = policy.grain === 'customer_product';
  const rollup = policy.rollupToParent === 'yes';
  const contracted = policy.basis === 'contracted';

  // 1. Contributors: one per ARR line, or one per pool under multiYear: average.
  const groups: number[][] = [];
  const poolOf = new Map<string, number>();
  for (let j = 0; j < book.n; j++) {
    if (!isArrType(book.lineType[j], policy)) continue;
    const contract = book.contract[j];
    if (average && contract !== '') {
      const cust = rollup && book.parent[j] !== '' ? book.parent[j] : book.customer[j];
      const k = [cust, contract, book.product[j], book.lineType[j], book.currency[j], book.fxRate[j]].join(
        '\u0001',
      );
      const g = poolOf.get(k);
      if (g !== undefined) {
        groups[g].push(j);
        continue;
      }
      poolOf.set(k, groups.length);
    }
    groups.push([j]);
  }
  const n = groups.length;

  const customers = interner();
  const products = interner();
  const currencies = interner();
  intern(currencies, policy.reportingCurrency);
  const customer = new Int32Array(n);
  const product = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const from = new Int32Array(n);
  const stop = new Int32Array(n);
  const cancel = new Int32Array(n);
  const notice = new Int32Array(n);
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  const local = new Float64Array(n);
  const currencyIdx = new Int32Array(n);
  const fixedCents = new Float64Array(n);
  const lineStart = new Int32Array(n + 1);
  const lineIdx = new Int32Array(groups.reduce((s, g) => s + g.length, 0));
  const contractLabel: string[] = new Array(n);
  const fxColumn = book.columns.fxRate ?? 'fx rate';
  const mode: RoundingMode = policy.rounding;
  let hasSpot = false;
  const boardCache = new Map<string, ExactRate | CellError>();

  let li = 0;
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    const j0 = g[0];
    lineStart[i] = li;
    for (const j of g) lineIdx[li++] = j;
    const cust = rollup && book.parent[j0] !== '' ? book.parent[j0] : book.customer[j0];
    customer[i] = intern(customers, cust);
    product[i] = intern(products, book.product[j0]);
    contractLabel[i] = book.contract[j0] !== '' ? book.contract[j0] : `row ${book.row[j0]}`;

    let s = book.start[j0];
    let e = book.end[j0];
    let sg = book.signed[j0];
    let c = book.cancel[j0];
    let nt = book.notice[j0];
    for (let k = 1; k < g.length; k++) {
      const j = g[k];
      if (book.start[j] < s) s = book.start[j];
      if (book.end[j] > e) e = book.end[j];
      if (book.signed[j] !== NO_DAY && (sg === NO_DAY || book.signed[j] < sg)) sg = book.signed[j];
      if (book.cancel[j] !== NO_DAY && (c === NO_DAY || book.cancel[j] < c)) c = book.cancel[j];
      if (book.notice[j] !== NO_DAY && (nt === NO_DAY || book.notice[j] < nt)) nt = book.notice[j];
    }
    start[i] = s;
    end[i] = e;
    cancel[i] = c;
    notice[i] = nt;
    from[i] = contracted && sg !== NO_DAY && sg < s ? sg : s;

    // ARR in local cents, exactly.
    if (g.length === 1) {
      const amount = lineAmount(book, j0, policy);
      if (basis === 'annual') {
        num[i] = amount;
        den[i] = 1;
      } else if (basis === 'monthly') {
        num[i] = amount * 12;
        den[i] = 1;
      } else {
        let t: Units = termUnits(annualization, s, e);
        if (exclude && book.freeMonths[j0] > 0) {
          const f = freeUnits(annualization, s, book.freeMonths[j0]);
          t = { num: t.num * f.den - f.num * t.den, den: t.den * f.den };
          if (t.num <= 0) {
            return cellError(
              book.row[j0],
              book.columns.freeMonths ?? 'free months',
              book.freeMonths[j0],
              'free months cover the whole term; nothing is left to carry the rate under freeMonths: exclude',
            );
          }
        }
        // ARR = amount x U / (t.num / t.den)
        num[i] = amount * U * t.den;
        den[i] = t.num;
      }
    } else {
      // Pooled: total contract value of the lines x U / pooled term.
      let tcv: Ratio = ratio(0);
      for (const j of g) {
        const amount = lineAmount(book, j, policy);
        if (basis === 'term') tcv = addRatio(tcv, ratio(amount));
        else {
          const t = termUnits(annualization, book.start[j], book.end[j]);
          const annual = basis === 'annual' ? amount : amount * 12;
          tcv = addRatio(tcv, ratio(BigInt(annual) * BigInt(t.num), BigInt(t.den) * BigInt(U)));
        }
      }
      const t = termUnits(annualization, s, e);
      const arr = divRatio(mulRatio(tcv, ratio(U)), ratio(t.num, t.den));
      if (arr.num > BigInt(TWO53) || arr.num < -BigInt(TWO53) || arr.den > BigInt(TWO53)) {
        return cellError(
          book.row[j0],
          book.columns.amount ?? 'amount',
          book.amountCents[j0] / 100,
          'is too large to pool',
        );
      }
      num[i] = Number(arr.num);
      den[i] = Number(arr.den);
    }
    if (Math.abs(num[i]) >= TWO53 || den[i] >= TWO53) {
      return cellError(
        book.row[j0],
        book.columns.amount ?? 'amount',
        book.amountCents[j0] / 100,
        'is too large',
      );
    }
    local[i] = num[i] / den[i];

    // Conversion to the reporting currency.
    const cur = book.currency[j0];
    currencyIdx[i] = intern(currencies, cur);
    if (cur === policy.reportingCurrency) {
      fixedCents[i] = convertCents(num[i], den[i], local[i], null, mode);
    } else if (policy.fx === 'spot') {
      fixedCents[i] = NaN;
      hasSpot = true;
    } else if (policy.fx === 'contract') {
      const r = book.fxRate[j0];
      if (Number.isNaN(r)) {
        return cellError(
          book.row[j0],
          fxColumn,
          null,
          `is not allowed on a ${cur} line under fx: contract, which converts each line at its own rate (or set fx to spot or fixed and give a rates table)`,
        );
      }
      fixedCents[i] = convertCents(num[i], den[i], local[i], exactFromNumber(r), mode);
    } else {
      const r: ExactRate | CellError =
        boardCache.get(cur) ??
        (rates
          ? boardRate(rates, cur)
          : new CellError(
              '#VALUE!',
              `no ${cur} board rate: fx: fixed needs a rates table with an undated ${cur} row`,
            ));
      boardCache.set(cur, r);
      if (r instanceof CellError) return r;
      fixedCents[i] = convertCents(num[i], den[i], local[i], r, mode);
    }
  }
  lineStart[n] = li;

  // 2. Movement keys.
  const keyMap = new Map<number, number>();
  const key = new Int32Array(n);
  const keyCustomerList: number[] = [];
  const keyProductList: number[] = [];
  const P = products.values.length;
  for (let i = 0; i < n; i++) {
    const code = productGrain ? customer[i] * P + product[i] : customer[i];
    let k = keyMap.get(code);
    if (k === undefined) {
      k = keyCustomerList.length;
      keyMap.set(code, k);
      keyCustomerList.push(customer[i]);
      keyProductList.push(productGrain ? product[i] : -1);
    }
    key[i] = k;
  }

  // 3. Stop dates: cancel, renewals, grace and churnDate.
  computeStops(policy, start, end, cancel, notice, key, stop);
  if (contracted) replaceRenewedLines(policy, start, end, from, customer, product, stop);

  // 4. First day with ARR per customer (reactivation and cohorts).
  const firstDay = new Int32Array(customers.values.length).fill(NEVER);
  for (let i = 0; i < n; i++) {
    if (num[i] > 0 && from[i] <= stop[i] && from[i] < firstDay[customer[i]]) firstDay[customer[i]] = from[i];
  }

  // 5. Contributors in blocks of BLOCK_CUSTOMERS customers, each block in order of the day its
  // contributors start counting: a scan for one date stops early in each block (see sumOn), and the
  // per-customer sums it writes stay within a cache-sized stretch of memory.
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (customer[a] >> BLOCK_SHIFT) - (customer[b] >> BLOCK_SHIFT) || from[a] - from[b] || a - b,
  );
  const blockStarts: number[] = [0];
  for (let p = 1; p < n; p++) {
    if (customer[order[p]] >> BLOCK_SHIFT !== customer[order[p - 1]] >> BLOCK_SHIFT) blockStarts.push(p);
  }
  blockStarts.push(n);
  const perm = <T extends Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (len: number) => T)(n);
    for (let p = 0; p < n; p++) out[p] = a[order[p]];
    return out;
  };
  const sortedLineStart = new Int32Array(n + 1);
  const sortedLineIdx = new Int32Array(lineIdx.length);
  let w = 0;
  for (let p = 0; p < n; p++) {
    sortedLineStart[p] = w;
    for (let m = lineStart[order[p]]; m < lineStart[order[p] + 1]; m++) sortedLineIdx[w++] = lineIdx[m];
  }
  sortedLineStart[n] = w;

  return {
    policy,
    currency: policy.reportingCurrency,
    rates: rates ?? null,
    book,
    n,
    customers: customers.values,
    products: products.values,
    currencies: currencies.values,
    customer: perm(customer),
    product: perm(product),
    key: perm(key),
    nKeys: keyCustomerList.length,
    keyCustomer: Int32Array.from(keyCustomerList),
    keyProduct: Int32Array.from(keyProductList),
    from: perm(from),
    stop: perm(stop),
    num: perm(num),
    den: perm(den),
    local: perm(local),
    currencyIdx: perm(currencyIdx),
    fixedCents: perm(fixedCents),
    hasSpot,
    lineStart: sortedLineStart,
    lineIdx: sortedLineIdx,
    contractLabel: Array.from(order, (i) => contractLabel[i]),
    firstDay,
    rounding: mode,
    blockStart: Int32Array.from(blockStarts),
  };
}

function exactFromNumber(value: number): ExactRate {
  const text = String(value);
  const m = /^(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(text);
  if (!m) return { value, num: BigInt(Math.round(value * 1e12)), scale: 12 };
  let digits = m[1] + (m[2] ?? '');
  let scale = (m[2] ?? '').length - (m[3] ? Number(m[3]) : 0);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return { value, num: BigInt(digits), scale };
}

/**
 * Under `basis: contracted`: a line stops counting the day before a signed renewal of it starts
 * counting. A renewal is a later line of the same customer and product whose start falls from the
 * day after the line's end to `renewalGraceDays` later.
 */
function replaceRenewedLines(
  policy: Policy,
  start: Int32Array,
  end: Int32Array,
  from: Int32Array,
  customer: Int32Array,
  product: Int32Array,
  stop: Int32Array,
): void {
  const n = start.length;
  const grace = policy.renewalGraceDays;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => customer[a] - customer[b] || product[a] - product[b] || start[a] - start[b] || a - b,
  );
  let g0 = 0;
  while (g0 < n) {
    let g1 = g0;
    const c = customer[order[g0]];
    const pr = product[order[g0]];
    while (g1 < n && customer[order[g1]] === c && product[order[g1]] === pr) g1++;
    for (let p = g0; p < g1; p++) {
      const i = order[p];
      let firstCounted = NEVER;
      for (let q = p + 1; q < g1; q++) {
        const m = order[q];
        if (start[m] > end[i] + 1 + grace) break;
        if (start[m] > end[i] && from[m] < firstCounted) firstCounted = from[m];
      }
      if (firstCounted !== NEVER && firstCounted - 1 < stop[i]) stop[i] = firstCounted - 1;
    }
    g0 = g1;
  }
}

/**
 * Sets `stop[i]`, the last day contributor i counts, from its end, cancel and notice dates, the
 * renewal grace and `churnDate` (see the module comment).
 */
function computeStops(
  policy: Policy,
  start: Int32Array,
  end: Int32Array,
  cancel: Int32Array,
  notice: Int32Array,
  key: Int32Array,
  stop: Int32Array,
): void {
  const n = start.length;
  const grace = policy.renewalGraceDays;
  const needRenewals = grace > 0 || policy.churnDate === 'notice';
  if (!needRenewals) {
    for (let i = 0; i < n; i++) stop[i] = cancel[i] !== NO_DAY && cancel[i] < end[i] ? cancel[i] : end[i];
    return;
  }
  // Contributors sorted by (key, start).
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => key[a] - key[b] || start[a] - start[b] || a - b,
  );
  let g0 = 0;
  while (g0 < n) {
    let g1 = g0;
    while (g1 < n && key[order[g1]] === key[order[g0]]) g1++;
    for (let p = g0; p < g1; p++) {
      const i = order[p];
      const e = end[i];
      // A continuation: another line starting by e + 1 that runs past e.
      let continued = false;
      let nextStart = NEVER;
      for (let q = g0; q < g1; q++) {
        const m = order[q];
        if (m === i || end[m] <= e) continue;
        if (start[m] <= e + 1) {
          continued = true;
          break;
        }
        if (start[m] < nextStart) nextStart = start[m];
        if (start[m] > e + 1 + grace) break;
      }
      let s: number;
      if (continued) s = e;
      else if (nextStart !== NEVER && nextStart - e - 1 <= grace) s = nextStart - 1;
      else if (policy.churnDate === 'grace_end') s = e + grace;
      else if (policy.churnDate === 'notice' && notice[i] !== NO_DAY && notice[i] < e) s = notice[i];
      else s = e;
      stop[i] = cancel[i] !== NO_DAY && cancel[i] < s ? cancel[i] : s;
    }
    g0 = g1;
  }
}
