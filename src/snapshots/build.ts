/**
 * SNAPSHOT: the ARR of every contributor counting on the as-of date, with what a later bridge or
 * restatement needs to start from it instead of the contracts, sealed.
 *
 * Each row is one contributor of the ARR model (a contract line, or a pooled contract under
 * `multiYear: average`) with from <= asOf <= stop, zero-ARR lines included (the bridge lists their
 * contracts too). It carries the engine's own figures: the exact local ARR (so that a later bridge
 * converts it at another date's rate exactly as the engine would), the rate used and the
 * reporting-currency cents the engine adds up; and the customer's first ARR day (for reactivation).
 */
import type { Day } from '../cells/days.js';
import { NO_DAY } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { SpotRates, contributorCents, withRates } from '../arr/evaluate.js';
import { NEVER, convertCents, type ArrModel } from '../arr/model.js';
import { policyHash, policyTable } from '../policy/parse.js';
import { RATE_ONE, boardRate, exactRate, type ExactRate } from '../money/rates.js';
import { checkHex, columnChecks, headerCheck, headerRows, rowChecks, seal } from './checks.js';
import { amountUsed, snapshotDataHash } from './data-hash.js';
import { FORMAT_VERSION } from './layout.js';
import { gcd, rateText } from './fractions.js';
import type { Snapshot, SnapshotChecks, SnapshotHeader, SnapshotRows } from './types.js';

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Sort rank of each string of a list, by code units. */
function ranks(values: readonly string[]): Int32Array {
  const order = Int32Array.from({ length: values.length }, (_, i) => i).sort((a, b) =>
    cmp(values[a], values[b]),
  );
  const out = new Int32Array(values.length);
  for (let r = 0; r < order.length; r++) out[order[r]] = r;
  return out;
}

/** The order of snapshot rows: customer, product, start, end, contract, first sheet row. */
export function compareRows(r: SnapshotRows, a: number, b: number): number {
  return (
    cmp(r.customer[a], r.customer[b]) ||
    cmp(r.product[a], r.product[b]) ||
    r.start[a] - r.start[b] ||
    r.end[a] - r.end[b] ||
    cmp(r.contract[a], r.contract[b]) ||
    r.firstRow[a] - r.firstRow[b]
  );
}

/** Empty columns for n rows. */
export function emptyRows(n: number): SnapshotRows {
  return {
    n,
    customer: new Array<string>(n),
    product: new Array<string>(n),
    contract: new Array<string>(n),
    rows: new Array<string>(n),
    firstRow: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    amountCents: new Float64Array(n),
    currency: new Array<string>(n),
    localCents: new Float64Array(n),
    exactNum: new Float64Array(n),
    exactDen: new Float64Array(n),
    rate: new Array<string>(n),
    arrCents: new Float64Array(n),
    firstArr: new Int32Array(n),
  };
}

/** The checks and seal of a header and its rows. */
export function sealSnapshot(header: SnapshotHeader, rows: SnapshotRows): SnapshotChecks {
  const rc = rowChecks(rows);
  const rowHex = new Array<string>(rows.n);
  for (let i = 0; i < rows.n; i++) rowHex[i] = checkHex(rc.rows, i);
  const columns = columnChecks(rc.columnSums, rowHex, rows.n).join(' ');
  const header_ = headerRows(header, columns).map(([label, value]) => headerCheck(label, value));
  return { rows: rowHex, columns, header: header_, seal: seal(header_, rc.rows) };
}

/** The snapshot of a model on a date (spot rates of that date). */
export function buildSnapshot(model: ArrModel, asOf: Day): Snapshot | CellError {
  return withRates(() => build(model, asOf));
}

function build(model: ArrModel, asOf: Day): Snapshot {
  const { book, policy } = model;
  const active: number[] = [];
  for (let i = 0; i < model.n; i++) if (model.from[i] <= asOf && asOf <= model.stop[i]) active.push(i);

  // Order: by customer, product, start, end, contract, first row (ranks stand in for the strings).
  const terms = contributorTerms(model, active);
  const customerRank = ranks(model.customers);
  const productRank = ranks(model.products);
  const firstLine = (i: number) => model.lineIdx[model.lineStart[i]];
  const order = Int32Array.from(active).sort(
    (a, b) =>
      customerRank[model.customer[a]] - customerRank[model.customer[b]] ||
      productRank[model.product[a]] - productRank[model.product[b]] ||
      terms.start[a] - terms.start[b] ||
      terms.end[a] - terms.end[b] ||
      cmp(book.contract[firstLine(a)], book.contract[firstLine(b)]) ||
      book.row[firstLine(a)] - book.row[firstLine(b)],
  );

  const rows = emptyRows(order.length);
  const describe = contributorWriter(model, asOf, terms);
  let total = 0;
  for (let p = 0; p < order.length; p++) {
    describe(order[p], rows, p, true);
    total += rows.arrCents[p];
  }

  const table = policyTable(policy);
  const header: SnapshotHeader = {
    format: FORMAT_VERSION,
    asOf,
    currency: model.currency,
    policyVersion: policy.version,
    policyHash: policyHash(policy),
    policy: table.slice(1).map(([k, v]) => [k, v]),
    dataHash: snapshotDataHash(book, policy),
    rowCount: order.length,
    totalCents: total,
  };
  return { ...header, rows, checks: sealSnapshot(header, rows) };
}

/** Each listed contributor's term: its (pooled) first start and last end, by contributor index. */
export function contributorTerms(
  model: ArrModel,
  which: Iterable<number>,
): { start: Int32Array; end: Int32Array } {
  const { book } = model;
  const start = new Int32Array(model.n);
  const end = new Int32Array(model.n);
  for (const i of which) {
    let s = Infinity;
    let e = -Infinity;
    for (let m = model.lineStart[i]; m < model.lineStart[i + 1]; m++) {
      const j = model.lineIdx[m];
      if (book.start[j] < s) s = book.start[j];
      if (book.end[j] > e) e = book.end[j];
    }
    start[i] = s;
    end[i] = e;
  }
  return { start, end };
}

/**
 * A function that writes contributor i as snapshot row p: with its rate and reporting cents on
 * `asOf` when `figures` (the contributor must then count on that date, or the rate may not exist),
 * else with rate '' and 0 cents. Throws SpotRateMissing (withRates turns it into its CellError).
 */
export function contributorWriter(
  model: ArrModel,
  asOf: Day,
  terms: { start: Int32Array; end: Int32Array },
): (i: number, rows: SnapshotRows, p: number, figures: boolean) => void {
  const { book, policy } = model;
  const spot = new SpotRates(model, asOf);
  const rateOf = new Map<number, string>();
  return (i, rows, p, figures) => {
    const j0 = model.lineIdx[model.lineStart[i]];
    rows.customer[p] = model.customers[model.customer[i]];
    rows.product[p] = model.products[model.product[i]];
    rows.contract[p] = book.contract[j0];
    let lineRows = '';
    let amount = 0;
    for (let m = model.lineStart[i]; m < model.lineStart[i + 1]; m++) {
      const j = model.lineIdx[m];
      lineRows += (lineRows === '' ? '' : '+') + book.row[j];
      amount += amountUsed(book, j, policy);
    }
    rows.rows[p] = lineRows;
    rows.firstRow[p] = book.row[j0];
    rows.start[p] = terms.start[i];
    rows.end[p] = terms.end[i];
    rows.amountCents[p] = amount;
    const cur = book.currency[j0];
    rows.currency[p] = cur;
    const num = model.num[i];
    const den = model.den[i];
    rows.localCents[p] = convertCents(num, den, model.local[i], null, model.rounding);
    const g = gcd(num, den);
    if (den / g === 1) {
      rows.exactNum[p] = 0;
      rows.exactDen[p] = 0;
    } else {
      rows.exactNum[p] = num / g;
      rows.exactDen[p] = den / g;
    }
    rows.rate[p] = figures ? rateUsed(model, i, cur, j0, spot, rateOf) : '';
    rows.arrCents[p] = figures ? contributorCents(model, i, spot) : 0;
    const f = model.firstDay[model.customer[i]];
    rows.firstArr[p] = f === NEVER ? NO_DAY : f;
  };
}

/** The rate contributor i converts at on the snapshot's date, as text. */
function rateUsed(
  model: ArrModel,
  i: number,
  cur: string,
  j0: number,
  spot: SpotRates,
  cache: Map<number, string>,
): string {
  if (cur === model.currency) return '1';
  const policy = model.policy;
  if (policy.fx === 'contract') return rateText(exactRate(model.book.fxRate[j0]) ?? RATE_ONE);
  const c = model.currencyIdx[i];
  let text = cache.get(c);
  if (text === undefined) {
    let r: ExactRate | CellError;
    if (policy.fx === 'fixed') r = model.rates ? boardRate(model.rates, cur) : RATE_ONE;
    else r = spot.get(c);
    text = rateText(r instanceof CellError ? RATE_ONE : r);
    cache.set(c, text);
  }
  return text;
}
