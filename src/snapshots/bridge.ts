/**
 * The bridge and retention between two locked snapshots, A (d0) and B (d1), with the live
 * computation's own lane decision (`laneOf`) and retention arithmetic (`retentionOfDiff`), so on the
 * same data they give the same lanes, detail and ratios as `bridge(model, d0, d1)` and
 * `retention(model, d0, d1)`.
 *
 * Per movement key (customer, or customer and product under `grain: customer_product`, the grain of
 * the snapshots' policy): a = A's ARR, b = B's ARR, b' = B at A's rates (constant currency):
 * - a B row in the reporting currency, or under `fx: contract` (each line converts at its own rate,
 *   whatever the date): b' = its ARR;
 * - otherwise (`fx: spot` or `fixed`): its exact local ARR at the rate A used for its currency, rounded
 *   once; when A has no row in that currency, at the rates table's rate for A's date (`spot`) or its
 *   board rate (`fixed`); without a rates table that is an error.
 * Reactivation reads B's First ARR (the customer's first day with ARR) against A's date.
 *
 * Decisions:
 * - Both snapshots are verified first; a discrepancy in either is an error naming it.
 * - Both must have been locked under the same policy (the same policy hash); that policy is the
 *   one used (it is recorded in the snapshots). A policy given as well must hash to it.
 * - B must not be dated before A. Two snapshots of the same date bridge too: the moves are then
 *   restatements (see restatement.ts for their causes).
 * - `bridgeMethod: monthly` sums the diffs at every month end between the dates, which two snapshots
 *   do not hold: the bridge is then an error (bridge the contracts, or lock a snapshot per month end),
 *   and the quick ratio, which comes from that bridge, is null with the reason in
 *   `quickRatioUnavailable`; GRR, NRR, logo retention and the bands do not depend on it.
 */
import { formatDay } from '../cells/days.js';
import { CellError, fail } from '../cells/error.js';
import { NEVER, convertCents } from '../arr/model.js';
import { withRates } from '../arr/evaluate.js';
import {
  CHURN,
  CONTRACTION,
  EXPANSION,
  FX,
  LANES,
  NEW,
  REACTIVATION,
  laneOf,
  type BridgeDetail,
  type BridgeResult,
} from '../bridge/bridge.js';
import type { KeyDiff } from '../bridge/diff.js';
import { gainsAndLosses, retentionOfDiff, type RetentionResult } from '../retention/retention.js';
import { boardRate, exactRate, spotRate, type ExactRate, type FxRates } from '../money/rates.js';
import { parsePolicy } from '../policy/parse.js';
import type { Policy } from '../policy/keys.js';
import { NO_DAY } from '../cells/days.js';
import type { Snapshot, SnapshotRows } from './types.js';

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The policy a snapshot was locked under, from its policy rows. */
export function snapshotPolicy(s: Snapshot): Policy | CellError {
  const p = parsePolicy(s.policy.map(([k, v]) => [k, v]));
  if (p instanceof CellError) {
    return new CellError(
      '#VALUE!',
      `snapshot of ${formatDay(s.asOf)}: its policy rows do not read: ${p.message}`,
    );
  }
  return p;
}

/** A's and B's figures per movement key, in the live computation's shapes. */
export interface SnapshotDiff {
  policy: Policy;
  currency: string;
  customers: string[];
  products: string[];
  nKeys: number;
  keyCustomer: Int32Array;
  /** Product index of a key, -1 at customer grain. */
  keyProduct: Int32Array;
  firstDay: Int32Array;
  diff: KeyDiff;
  /** Contract labels (contract id, or `row N`) of each key's rows in A and B. */
  keyContracts: Set<string>[];
}

export interface SnapshotPairOptions {
  /** Rates for B's currencies that A has no row in. */
  rates?: FxRates | null;
}

/** The per-key diff of two verified snapshots (see the module comment). */
export function snapshotDiff(
  a: Snapshot,
  b: Snapshot,
  opts: SnapshotPairOptions = {},
): SnapshotDiff | CellError {
  if (b.asOf < a.asOf) {
    return new CellError(
      '#VALUE!',
      `snapshots: the second snapshot (${formatDay(b.asOf)}) is dated before the first (${formatDay(a.asOf)}); give the earlier one first`,
    );
  }
  if (a.policyHash !== b.policyHash) {
    return new CellError(
      '#VALUE!',
      `snapshots: locked under different policies (${formatDay(a.asOf)}: ${a.policyHash}, ${formatDay(b.asOf)}: ${b.policyHash}); a bridge needs one policy (restate one with RESTATEMENT, or lock both again under one policy)`,
    );
  }
  const policy = snapshotPolicy(a);
  if (policy instanceof CellError) return policy;
  return withRates(() => diffOf(a, b, policy, opts.rates ?? null));
}

function diffOf(a: Snapshot, b: Snapshot, policy: Policy, rates: FxRates | null): SnapshotDiff {
  const productGrain = policy.grain === 'customer_product';
  const customers: string[] = [];
  const customerIdx = new Map<string, number>();
  const products: string[] = [];
  const productIdx = new Map<string, number>();
  const keyIdx = new Map<string, number>();
  const keyCustomer: number[] = [];
  const keyProduct: number[] = [];
  const keyContracts: Set<string>[] = [];
  const keyOf = (r: SnapshotRows, i: number): number => {
    const cust = r.customer[i];
    const id = productGrain ? `${cust}\u0001${r.product[i]}` : cust;
    let k = keyIdx.get(id);
    if (k === undefined) {
      k = keyCustomer.length;
      keyIdx.set(id, k);
      let c = customerIdx.get(cust);
      if (c === undefined) {
        c = customers.length;
        customerIdx.set(cust, c);
        customers.push(cust);
      }
      keyCustomer.push(c);
      if (productGrain) {
        let p = productIdx.get(r.product[i]);
        if (p === undefined) {
          p = products.length;
          productIdx.set(r.product[i], p);
          products.push(r.product[i]);
        }
        keyProduct.push(p);
      } else keyProduct.push(-1);
      keyContracts.push(new Set());
    }
    keyContracts[k].add(r.contract[i] !== '' ? r.contract[i] : `row ${r.firstRow[i]}`);
    return k;
  };
  const ka = Int32Array.from({ length: a.rows.n }, (_, i) => keyOf(a.rows, i));
  const kb = Int32Array.from({ length: b.rows.n }, (_, i) => keyOf(b.rows, i));
  const K = keyCustomer.length;
  const C = customers.length;
  const aCents = new Float64Array(K);
  const bCents = new Float64Array(K);
  const bConst = new Float64Array(K);
  for (let i = 0; i < a.rows.n; i++) aCents[ka[i]] += a.rows.arrCents[i];

  // A's rate per currency (every A row of a currency has it under spot and fixed).
  const rateOfA = new Map<string, ExactRate>();
  for (let i = 0; i < a.rows.n; i++) {
    const cur = a.rows.currency[i];
    if (!rateOfA.has(cur)) {
      const r = exactRate(a.rows.rate[i]);
      if (r) rateOfA.set(cur, r);
    }
  }
  const rateAt = (cur: string): ExactRate => {
    let r = rateOfA.get(cur);
    if (r !== undefined) return r;
    if (!rates) {
      fail(
        new CellError(
          '#VALUE!',
          `snapshots: the ${formatDay(b.asOf)} snapshot has ${cur} lines and the ${formatDay(a.asOf)} one has none, so it gives no ${cur} rate for the constant-currency figures; give the rates table`,
        ),
      );
    }
    const found = policy.fx === 'fixed' ? boardRate(rates, cur) : spotRate(rates, cur, a.asOf);
    if (found instanceof CellError) fail(found);
    r = found;
    rateOfA.set(cur, r);
    return r;
  };
  const mode = policy.rounding;
  const own = policy.fx === 'contract';
  for (let i = 0; i < b.rows.n; i++) {
    const k = kb[i];
    const cents = b.rows.arrCents[i];
    bCents[k] += cents;
    const cur = b.rows.currency[i];
    if (cur === b.currency || own) bConst[k] += cents;
    else {
      const r = b.rows;
      const num = r.exactDen[i] === 0 ? r.localCents[i] : r.exactNum[i];
      const den = r.exactDen[i] === 0 ? 1 : r.exactDen[i];
      bConst[k] += convertCents(num, den, num / den, rateAt(cur), mode);
    }
  }

  const firstDay = new Int32Array(C).fill(NEVER);
  for (let i = 0; i < b.rows.n; i++) {
    const f = b.rows.firstArr[i];
    if (f !== NO_DAY) firstDay[keyCustomer[kb[i]]] = f;
  }
  const customerA = new Float64Array(C);
  const customerBConst = new Float64Array(C);
  for (let k = 0; k < K; k++) {
    customerA[keyCustomer[k]] += aCents[k];
    customerBConst[keyCustomer[k]] += bConst[k];
  }
  return {
    policy,
    currency: a.currency,
    customers,
    products,
    nKeys: K,
    keyCustomer: Int32Array.from(keyCustomer),
    keyProduct: Int32Array.from(keyProduct),
    firstDay,
    diff: {
      d0: a.asOf,
      d1: b.asOf,
      a: aCents,
      bConst,
      b: bCents,
      customerA,
      customerBConst,
    },
    keyContracts,
  };
}

export interface SnapshotBridgeOptions extends SnapshotPairOptions {
  /** Build the per-key detail (default true). */
  detail?: boolean;
}

const MONTHLY =
  'bridgeMethod: monthly sums the diffs at every month end between the dates, and two snapshots hold only their own dates';

/** The bridge from snapshot A to snapshot B (verified, same policy). */
export function snapshotBridge(
  a: Snapshot,
  b: Snapshot,
  opts: SnapshotBridgeOptions = {},
): BridgeResult | CellError {
  const d = snapshotDiff(a, b, opts);
  if (d instanceof CellError) return d;
  if (d.policy.bridgeMethod === 'monthly') {
    return new CellError(
      '#VALUE!',
      `snapshots: ${MONTHLY}; bridge the contracts instead, or set bridgeMethod: single`,
    );
  }
  const { diff } = d;
  const K = d.nKeys;
  const lanes = new Float64Array(6);
  const perKeyLane = new Float64Array(K * 6);
  for (let k = 0; k < K; k++) {
    const move = diff.bConst[k] - diff.a[k];
    if (move !== 0) {
      const lane = laneOf(d, diff, k, diff.d0);
      lanes[lane] += move;
      perKeyLane[k * 6 + lane] += move;
    }
    const fx = diff.b[k] - diff.bConst[k];
    if (fx !== 0) {
      lanes[FX] += fx;
      perKeyLane[k * 6 + FX] += fx;
    }
  }
  let startCents = 0;
  let endCents = 0;
  for (let k = 0; k < K; k++) {
    startCents += diff.a[k];
    endCents += diff.b[k];
  }
  const detail: BridgeDetail[] = [];
  if (opts.detail ?? true) {
    // Lane, then customer, then product (customer grain first), as the live bridge orders it.
    const order = Int32Array.from({ length: K }, (_, k) => k).sort((x, y) => {
      const c = cmp(d.customers[d.keyCustomer[x]], d.customers[d.keyCustomer[y]]);
      if (c !== 0) return c;
      const px = d.keyProduct[x];
      const py = d.keyProduct[y];
      return px < 0 || py < 0 ? px - py : cmp(d.products[px], d.products[py]);
    });
    for (let lane = 0; lane < 6; lane++) {
      for (const k of order) {
        const amount = perKeyLane[k * 6 + lane];
        if (amount === 0) continue;
        const p = d.keyProduct[k];
        detail.push({
          customer: d.customers[d.keyCustomer[k]],
          product: p < 0 ? '' : d.products[p],
          lane: LANES[lane],
          startArrCents: diff.a[k],
          endArrCents: diff.b[k],
          amountCents: amount,
          contracts: [...d.keyContracts[k]].sort(cmp),
        });
      }
    }
  }
  const sum = startCents + lanes.reduce((s, v) => s + v, 0);
  if (sum !== endCents) throw new Error(`snapshot bridge does not balance: ${sum} != ${endCents}`);
  return {
    from: a.asOf,
    to: b.asOf,
    currency: d.currency,
    startCents,
    newCents: lanes[NEW],
    reactivationCents: lanes[REACTIVATION],
    expansionCents: lanes[EXPANSION],
    contractionCents: lanes[CONTRACTION],
    churnCents: lanes[CHURN],
    fxCents: lanes[FX],
    endCents,
    detail,
  };
}

export interface SnapshotRetentionResult extends RetentionResult {
  /** Why the quick ratio is null when it cannot be had from two snapshots (bridgeMethod: monthly). */
  quickRatioUnavailable: string | null;
}

/** Retention from snapshot A to snapshot B (verified, same policy). */
export function snapshotRetention(
  a: Snapshot,
  b: Snapshot,
  opts: SnapshotPairOptions = {},
): SnapshotRetentionResult | CellError {
  const d = snapshotDiff(a, b, opts);
  if (d instanceof CellError) return d;
  const monthly = d.policy.bridgeMethod === 'monthly';
  const r = retentionOfDiff(d, d.diff, monthly ? null : gainsAndLosses(d, d.diff));
  return { ...r, quickRatioUnavailable: monthly ? `quick ratio: ${MONTHLY}` : null };
}
