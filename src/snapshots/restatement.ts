/**
 * RESTATEMENT: the snapshot's as-of date recomputed from today's contracts, and every key whose ARR
 * moved since the lock, with its causes, so that locked total + restatements = recomputed total.
 *
 * It walks in two steps, each one exact:
 * 1. Data: today's contracts under the *locked* policy (recorded in the snapshot) against the
 *    locked rows, contributor by contributor. Lines are matched across time by customer, contract id,
 *    product and start date (a contract line keeps these when it is edited), the remaining ones by
 *    customer, product and sheet row (so an edited start date is a change, not a removal and an
 *    addition); several matches of one key pair up in sheet-row order. Then per matched pair:
 *    - it no longer counts on the date: `dates changed` (its start, end, cancel or notice, or a
 *      renewal, moved it off the date);
 *    - its local ARR changed: valued at the locked rate, the change is `line added` / `line removed`
 *      (a pooled contract gained or lost a line), `amount changed`, `dates changed` (its term), or
 *      `amount and dates changed`; `line changed` when none of these moved (e.g. free months);
 *    - its rate changed (a revised spot rate, a new board rate, an edited contract rate): the rest,
 *      `rate changed`.
 *    A locked row with no match is `line removed`; a line counting today with no match is
 *    `line added` (a new line, or one whose dates now cover the date).
 * 2. Policy: when today's policy is not the locked one (another hash), today's contracts under
 *    today's policy against step 1's result, key by key: `policy changed`.
 * Keys are customers, or customer and product when today's policy has `grain: customer_product`.
 *
 * Decisions:
 * - The snapshot is verified first; a discrepancy is an error naming it.
 * - A policy with another reporting currency is an error: the totals would not be in one currency.
 * - Rates are today's rates table (rate changed = today's rate for the date vs the one locked).
 */
import type { Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { sumOn, withRates } from '../arr/evaluate.js';
import { buildModel, convertCents, type ArrModel } from '../arr/model.js';
import { parseContracts } from '../contracts/parse.js';
import type { FxRates } from '../money/rates.js';
import type { Policy } from '../policy/keys.js';
import { snapshotPolicy } from './bridge.js';
import { exactRate } from '../money/rates.js';
import { policyHash } from '../policy/parse.js';
import { contributorTerms, contributorWriter, emptyRows } from './build.js';
import { snapshotDataHash } from './data-hash.js';
import type { Snapshot, SnapshotRows } from './types.js';

export const CAUSES = [
  'line added',
  'line removed',
  'amount changed',
  'dates changed',
  'amount and dates changed',
  'line changed',
  'rate changed',
  'policy changed',
] as const;
export type RestatementCause = (typeof CAUSES)[number];

export interface RestatementRow {
  customer: string;
  /** '' at customer grain. */
  product: string;
  cause: RestatementCause;
  /** The key's ARR in the snapshot and recomputed today (the same on each of its rows). */
  lockedCents: number;
  recomputedCents: number;
  /** This cause's part of the key's move. */
  amountCents: number;
  /** Today's sheet rows of the lines behind it (`14`, or `14+15` for a pool). */
  rows: string[];
  /** The locked sheet rows of the lines behind it (what a removed line was). */
  lockedRows: string[];
}

export interface RestatementResult {
  asOf: Day;
  currency: string;
  lockedPolicyHash: string;
  policyHash: string;
  /** The snapshot's data hash, and today's contracts' under the locked policy (equal: no data moved). */
  lockedDataHash: string;
  dataHash: string;
  lockedCents: number;
  recomputedCents: number;
  /** Sum of every row's amount: recomputed - locked. */
  restatedCents: number;
  rows: RestatementRow[];
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const SEP = '\u0001';

/**
 * `snapshot` (verified) against today's contracts: `lockModel` is them under the snapshot's policy,
 * `model` under today's policy (the same object when the policy did not change); both with
 * today's rates.
 */
export function restatement(
  snapshot: Snapshot,
  lockModel: ArrModel,
  model: ArrModel,
): RestatementResult | CellError {
  if (model.currency !== snapshot.currency) {
    return new CellError(
      '#VALUE!',
      `policy: the reporting currency is ${model.currency}, the snapshot's is ${snapshot.currency}; restate under a policy reporting in ${snapshot.currency}`,
    );
  }
  return withRates(() => restate(snapshot, lockModel, model));
}

interface Cell {
  amount: number;
  rows: Set<string>;
  lockedRows: Set<string>;
}

function restate(snapshot: Snapshot, lockModel: ArrModel, model: ArrModel): RestatementResult {
  const asOf = snapshot.asOf;
  const productGrain = model.policy.grain === 'customer_product';
  const keyOf = (customer: string, product: string) => (productGrain ? customer + SEP + product : customer);
  const cells = new Map<string, Map<RestatementCause, Cell>>();
  const add = (
    key: string,
    cause: RestatementCause,
    amount: number,
    row: string | null,
    lockedRow: string | null,
  ) => {
    let byCause = cells.get(key);
    if (!byCause) cells.set(key, (byCause = new Map()));
    let cell = byCause.get(cause);
    if (!cell) byCause.set(cause, (cell = { amount: 0, rows: new Set(), lockedRows: new Set() }));
    cell.amount += amount;
    if (row !== null) cell.rows.add(row);
    if (lockedRow !== null) cell.lockedRows.add(lockedRow);
  };

  // Step 1: today's contributors under the locked policy, every one (counting on the date or not).
  const L = snapshot.rows;
  const all = Int32Array.from({ length: lockModel.n }, (_, i) => i);
  const terms = contributorTerms(lockModel, all);
  const now = emptyRows(lockModel.n);
  const write = contributorWriter(lockModel, asOf, terms);
  const counts = new Uint8Array(lockModel.n);
  for (let i = 0; i < lockModel.n; i++) {
    counts[i] = lockModel.from[i] <= asOf && asOf <= lockModel.stop[i] ? 1 : 0;
    write(i, now, i, counts[i] === 1);
  }
  const primary = (r: SnapshotRows, i: number) =>
    r.customer[i] + SEP + r.contract[i] + SEP + r.product[i] + SEP + r.start[i];
  const secondary = (r: SnapshotRows, i: number) => r.customer[i] + SEP + r.product[i] + SEP + r.firstRow[i];
  const pairOf = new Int32Array(L.n).fill(-1);
  const taken = new Uint8Array(now.n);
  for (const keyFn of [primary, secondary]) {
    const index = new Map<string, number[]>();
    for (let i = 0; i < now.n; i++) {
      if (taken[i]) continue;
      const k = keyFn(now, i);
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
    for (const list of index.values())
      if (list.length > 1) list.sort((x, y) => now.firstRow[x] - now.firstRow[y]);
    const lockedOrder = Int32Array.from({ length: L.n }, (_, i) => i).sort(
      (x, y) => L.firstRow[x] - L.firstRow[y],
    );
    for (const l of lockedOrder) {
      if (pairOf[l] >= 0) continue;
      const list = index.get(keyFn(L, l));
      if (!list || list.length === 0) continue;
      const m = list.shift() as number;
      pairOf[l] = m;
      taken[m] = 1;
    }
  }
  const exactOf = (r: SnapshotRows, i: number): [number, number] =>
    r.exactDen[i] === 0 ? [r.localCents[i], 1] : [r.exactNum[i], r.exactDen[i]];
  const lineCount = (rows: string) => rows.split('+').length;
  for (let l = 0; l < L.n; l++) {
    const key = keyOf(L.customer[l], L.product[l]);
    const m = pairOf[l];
    const lockedCents = L.arrCents[l];
    if (m < 0) {
      if (lockedCents !== 0) add(key, 'line removed', -lockedCents, null, L.rows[l]);
      continue;
    }
    const nowKey = keyOf(now.customer[m], now.product[m]);
    if (!counts[m]) {
      if (lockedCents !== 0) add(nowKey, 'dates changed', -lockedCents, now.rows[m], L.rows[l]);
      continue;
    }
    const cents = now.arrCents[m];
    const [n1, d1] = exactOf(now, m);
    const sameCurrency = now.currency[m] === L.currency[l];
    const lockedRate = sameCurrency ? exactRate(L.rate[l]) : null;
    // Today's local ARR at the locked rate: what the line would be worth had only the data moved.
    const mid = lockedRate ? convertCents(n1, d1, n1 / d1, lockedRate, lockModel.rounding) : cents;
    const localMove = mid - lockedCents;
    if (localMove !== 0) {
      let cause: RestatementCause;
      const before = lineCount(L.rows[l]);
      const after = lineCount(now.rows[m]);
      const amountMoved = L.amountCents[l] !== now.amountCents[m] || !sameCurrency;
      const datesMoved = L.start[l] !== now.start[m] || L.end[l] !== now.end[m];
      if (after > before) cause = 'line added';
      else if (after < before) cause = 'line removed';
      else if (amountMoved && datesMoved) cause = 'amount and dates changed';
      else if (amountMoved) cause = 'amount changed';
      else if (datesMoved) cause = 'dates changed';
      else cause = 'line changed';
      add(nowKey, cause, localMove, now.rows[m], L.rows[l]);
    }
    if (cents !== mid) add(nowKey, 'rate changed', cents - mid, now.rows[m], L.rows[l]);
  }
  for (let i = 0; i < now.n; i++) {
    if (taken[i] || !counts[i] || now.arrCents[i] === 0) continue;
    add(keyOf(now.customer[i], now.product[i]), 'line added', now.arrCents[i], now.rows[i], null);
  }

  // Per key: locked, under the locked policy today (step 1's end), and recomputed.
  const lockedByKey = new Map<string, number>();
  let lockedTotal = 0;
  for (let l = 0; l < L.n; l++) {
    const k = keyOf(L.customer[l], L.product[l]);
    lockedByKey.set(k, (lockedByKey.get(k) ?? 0) + L.arrCents[l]);
    lockedTotal += L.arrCents[l];
  }
  const perKey = (m: ArrModel): Map<string, number> => {
    const out = new Map<string, number>();
    const cents = sumOn(m, asOf, asOf, keyIndex(m), new Float64Array(m.n));
    for (let i = 0; i < m.n; i++) {
      if (cents[i] === 0 && !(m.from[i] <= asOf && asOf <= m.stop[i])) continue;
      const k = keyOf(m.customers[m.customer[i]], m.products[m.product[i]]);
      out.set(k, (out.get(k) ?? 0) + cents[i]);
    }
    return out;
  };
  const recomputed = perKey(model);
  const samePolicy = model === lockModel || policyHash(model.policy) === snapshot.policyHash;
  if (!samePolicy) {
    const before = perKey(lockModel);
    for (const k of new Set([...before.keys(), ...recomputed.keys()])) {
      const move = (recomputed.get(k) ?? 0) - (before.get(k) ?? 0);
      if (move !== 0) add(k, 'policy changed', move, null, null);
    }
  }
  let recomputedTotal = 0;
  for (const v of recomputed.values()) recomputedTotal += v;

  const rows: RestatementRow[] = [];
  let restated = 0;
  const keys = [...cells.keys()].sort(cmp);
  for (const k of keys) {
    const [customer, product = ''] = k.split(SEP);
    for (const cause of CAUSES) {
      const cell = cells.get(k)?.get(cause);
      if (!cell || cell.amount === 0) continue;
      restated += cell.amount;
      rows.push({
        customer,
        product,
        cause,
        lockedCents: lockedByKey.get(k) ?? 0,
        recomputedCents: recomputed.get(k) ?? 0,
        amountCents: cell.amount,
        rows: [...cell.rows].sort(byRow),
        lockedRows: [...cell.lockedRows].sort(byRow),
      });
    }
  }
  if (lockedTotal + restated !== recomputedTotal) {
    throw new Error(`restatement does not tie: ${lockedTotal} + ${restated} != ${recomputedTotal}`);
  }
  return {
    asOf,
    currency: snapshot.currency,
    lockedPolicyHash: snapshot.policyHash,
    policyHash: policyHash(model.policy),
    lockedDataHash: snapshot.dataHash,
    dataHash: snapshotDataHash(lockModel.book, lockModel.policy),
    lockedCents: lockedTotal,
    recomputedCents: recomputedTotal,
    restatedCents: restated,
    rows,
  };
}

/** Contributor i's own index (sumOn adds each contributor into its own slot). */
function keyIndex(m: ArrModel): Int32Array {
  return Int32Array.from({ length: m.n }, (_, i) => i);
}

const byRow = (x: string, y: string): number => parseInt(x, 10) - parseInt(y, 10) || cmp(x, y);

/**
 * Today's contracts (a range with its header row) against a verified snapshot: read and modelled
 * under the snapshot's policy and under today's `policy`, both with today's rates.
 */
export function restateContracts(
  snapshot: Snapshot,
  contracts: unknown[][],
  policy: Policy,
  rates: FxRates | null,
  opts: { timeZone?: string } = {},
): RestatementResult | CellError {
  const locked = snapshotPolicy(snapshot);
  if (locked instanceof CellError) return locked;
  const modelUnder = (p: Policy): ArrModel | CellError => {
    const book = parseContracts(contracts, p, { timeZone: opts.timeZone });
    if (book instanceof CellError) return book;
    return buildModel(book, p, rates);
  };
  const model = modelUnder(policy);
  if (model instanceof CellError) return model;
  const lockModel = policyHash(policy) === snapshot.policyHash ? model : modelUnder(locked);
  if (lockModel instanceof CellError) {
    return new CellError(
      lockModel.code,
      `contracts, read under the snapshot's policy ${snapshot.policyHash}: ${lockModel.message}`,
      lockModel.row,
      lockModel.column,
    );
  }
  return restatement(snapshot, lockModel, model);
}
