/**
 * The ARR bridge d0 -> d1 (methodology section 3): start + new + reactivation + expansion +
 * contraction + churn + fx = end, exactly, in cents, because every lane is a part of the diff of
 * the same per-key figures.
 *
 * Per movement key with a (d0), b' (d1 at d0 rates) and b (d1):
 * - the customer had no ARR at d0 and has some at d1: new, or reactivation when it had ARR on any
 *   day before d0 (unless `reactivation: as_new`); amount b' - a;
 * - the customer had ARR at d0 and has none at d1: churn, amount b' - a (= -a);
 * - otherwise: expansion when b' > a, contraction when b' < a (at product grain a new product of a
 *   staying customer is expansion, a dropped one contraction);
 * - fx: b - b' for every key.
 * New and churn are decided on the customer's total, at either grain.
 *
 * `bridgeMethod: monthly` chains the diffs d0 -> each month end strictly between -> d1 and adds them
 * up per key and lane, each step at its own rates; it balances for the same reason.
 */
import { endOfMonth, type Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import type { ArrModel } from '../arr/model.js';
import type { Policy } from '../policy/keys.js';
import { withRates } from '../arr/evaluate.js';
import { keyDiff, type KeyDiff } from './diff.js';

export const LANES = ['new', 'reactivation', 'expansion', 'contraction', 'churn', 'fx'] as const;
export type Lane = (typeof LANES)[number];
/** Lane indexes, in LANES order. */
export const NEW = 0;
export const REACTIVATION = 1;
export const EXPANSION = 2;
export const CONTRACTION = 3;
export const CHURN = 4;
export const FX = 5;

export interface BridgeDetail {
  customer: string;
  /** '' at customer grain. */
  product: string;
  lane: Lane;
  startArrCents: number;
  endArrCents: number;
  amountCents: number;
  /** Contract ids (or `row N`) of the key's lines counting at either end of the steps that moved it. */
  contracts: string[];
}

export interface BridgeResult {
  from: Day;
  to: Day;
  currency: string;
  startCents: number;
  newCents: number;
  reactivationCents: number;
  expansionCents: number;
  contractionCents: number;
  churnCents: number;
  fxCents: number;
  endCents: number;
  detail: BridgeDetail[];
}

/** The dates a bridge steps through: [d0, d1], or d0, the month ends strictly between, d1. */
export function bridgeSteps(model: ArrModel, d0: Day, d1: Day): Day[] {
  const steps = [d0];
  if (model.policy.bridgeMethod === 'monthly') {
    for (let m = endOfMonth(d0); m < d1; m = endOfMonth(m + 1)) if (m > d0) steps.push(m);
  }
  if (d1 !== d0) steps.push(d1);
  return steps;
}

/** What the lane decision reads: an ArrModel, or the same fields built from two snapshots. */
export interface LaneContext {
  readonly keyCustomer: Int32Array;
  /** First day each customer key has ARR (NEVER when it never has). */
  readonly firstDay: Int32Array;
  readonly policy: Pick<Policy, 'reactivation'>;
}

/** Lane of one key's move in one diff. */
export function laneOf(model: LaneContext, diff: KeyDiff, k: number, t0: Day): number {
  const c = model.keyCustomer[k];
  const ca = diff.customerA[c];
  const cb = diff.customerBConst[c];
  if (ca <= 0 && cb > 0) {
    return model.policy.reactivation === 'separate' && model.firstDay[c] < t0 ? REACTIVATION : NEW;
  }
  if (ca > 0 && cb <= 0) return CHURN;
  return diff.bConst[k] > diff.a[k] ? EXPANSION : CONTRACTION;
}

export interface BridgeOptions {
  /** Build the per-key detail (default true); lane totals are the same either way. */
  detail?: boolean;
}

export function bridge(model: ArrModel, d0: Day, d1: Day, options?: BridgeOptions): BridgeResult | CellError {
  if (d1 < d0)
    return new CellError('#VALUE!', 'to: the end date of a bridge must not be before its start date');
  return withRates(() => computeBridge(model, d0, d1, options?.detail ?? true));
}

function computeBridge(model: ArrModel, d0: Day, d1: Day, withDetail: boolean): BridgeResult {
  const steps = bridgeSteps(model, d0, d1);
  const K = model.nKeys;
  const lanes = new Float64Array(6);
  const perKeyLane = new Float64Array(K * 6);
  const moved = new Uint8Array(K * 6);
  // Days at which each (key, lane) moved: the ends of its steps (for the contract ids).
  // (Single diff: always d0 and d1, so nothing is recorded.)
  const movedDays = steps.length > 2 ? new Map<number, Set<Day>>() : null;
  let startArr: Float64Array | null = null;
  let endArr: Float64Array = new Float64Array(K);
  if (steps.length === 1) {
    const d = keyDiff(model, d0, d0);
    startArr = d.a;
    endArr = d.a;
  }
  for (let s = 0; s + 1 < steps.length; s++) {
    const t0 = steps[s];
    const t1 = steps[s + 1];
    const diff = keyDiff(model, t0, t1);
    if (startArr === null) startArr = diff.a;
    endArr = diff.b;
    for (let k = 0; k < K; k++) {
      const move = diff.bConst[k] - diff.a[k];
      if (move !== 0) {
        const lane = laneOf(model, diff, k, t0);
        lanes[lane] += move;
        perKeyLane[k * 6 + lane] += move;
        mark(moved, movedDays, k * 6 + lane, t0, t1);
      }
      const fx = diff.b[k] - diff.bConst[k];
      if (fx !== 0) {
        lanes[FX] += fx;
        perKeyLane[k * 6 + FX] += fx;
        mark(moved, movedDays, k * 6 + FX, t0, t1);
      }
    }
  }
  const start = startArr ?? new Float64Array(K);
  let startCents = 0;
  let endCents = 0;
  for (let k = 0; k < K; k++) {
    startCents += start[k];
    endCents += endArr[k];
  }

  const detail: BridgeDetail[] = [];
  if (withDetail) {
    const { order, position, offsets, memberFrom, memberStop, memberLabel } = keyIndex(model);
    // The moved (lane, key) cells as lane x K + display position, sorted: the detail comes out in
    // lane order, then customer, then product, and walks the key index front to back.
    const cells: number[] = [];
    for (let k = 0; k < K; k++) {
      for (let lane = 0; lane < 6; lane++) {
        const cell = k * 6 + lane;
        if (moved[cell] && perKeyLane[cell] !== 0) cells.push(lane * K + position[k]);
      }
    }
    const sorted = Float64Array.from(cells).sort();
    for (const code of sorted) {
      const lane = Math.floor(code / K);
      const pos = code - lane * K;
      const k = order[pos];
      const cell = k * 6 + lane;
      const days = movedDays ? [...(movedDays.get(cell) as Set<Day>)] : null;
      const contracts: string[] = [];
      for (let m = offsets[pos]; m < offsets[pos + 1]; m++) {
        const f = memberFrom[m];
        const t = memberStop[m];
        const counts = days
          ? days.some((day) => f <= day && day <= t)
          : (f <= d0 && d0 <= t) || (f <= d1 && d1 <= t);
        // Members are in contract-label order: the list comes out sorted, duplicates adjacent.
        if (counts && contracts[contracts.length - 1] !== memberLabel[m]) contracts.push(memberLabel[m]);
      }
      const p = model.keyProduct[k];
      detail.push({
        customer: model.customers[model.keyCustomer[k]],
        product: p < 0 ? '' : model.products[p],
        lane: LANES[lane],
        startArrCents: start[k],
        endArrCents: endArr[k],
        amountCents: perKeyLane[cell],
        contracts,
      });
    }
  }

  const result: BridgeResult = {
    from: d0,
    to: d1,
    currency: model.currency,
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
  const sum = startCents + lanes.reduce((s, v) => s + v, 0);
  if (sum !== endCents) throw new Error(`bridge does not balance: ${sum} != ${endCents}`);
  return result;
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

function mark(moved: Uint8Array, days: Map<number, Set<Day>> | null, cell: number, t0: Day, t1: Day): void {
  moved[cell] = 1;
  if (days === null) return;
  let set = days.get(cell);
  if (!set) {
    set = new Set();
    days.set(cell, set);
  }
  set.add(t0);
  set.add(t1);
}

interface KeyIndex {
  /** order[p]: the movement key at display position p (by customer, then product). */
  order: Int32Array;
  /** position[k]: the display position of key k. */
  position: Int32Array;
  /** Members of the key at position p: offsets[p] .. offsets[p + 1] - 1, in contract-label order. */
  offsets: Int32Array;
  /** Each member's from, stop and contract label, side by side, so a key's members are read in one sweep. */
  memberFrom: Int32Array;
  memberStop: Int32Array;
  memberLabel: string[];
}

const keyIndexes = new WeakMap<ArrModel, KeyIndex>();

/** Keys in display order and their contributors grouped by key, computed once per model. */
function keyIndex(model: ArrModel): KeyIndex {
  const cached = keyIndexes.get(model);
  if (cached) return cached;
  const K = model.nKeys;
  const customerRank = rank(model.customers);
  const productRank = rank(model.products);
  const order = Int32Array.from({ length: K }, (_, k) => k).sort((x, y) => {
    const c = customerRank[model.keyCustomer[x]] - customerRank[model.keyCustomer[y]];
    if (c !== 0) return c;
    const px = model.keyProduct[x];
    const py = model.keyProduct[y];
    return (px < 0 ? -1 : productRank[px]) - (py < 0 ? -1 : productRank[py]);
  });
  const position = new Int32Array(K);
  for (let p = 0; p < K; p++) position[order[p]] = p;
  const offsets = new Int32Array(K + 1);
  for (let i = 0; i < model.n; i++) offsets[position[model.key[i]] + 1]++;
  for (let p = 0; p < K; p++) offsets[p + 1] += offsets[p];
  const fill = offsets.slice(0, K);
  const members = new Int32Array(model.n);
  for (let i = 0; i < model.n; i++) members[fill[position[model.key[i]]]++] = i;
  const labels = model.contractLabel;
  for (let p = 0; p < K; p++) {
    if (offsets[p + 1] - offsets[p] > 1) {
      members.subarray(offsets[p], offsets[p + 1]).sort((a, b) => cmp(labels[a], labels[b]));
    }
  }
  const memberFrom = new Int32Array(model.n);
  const memberStop = new Int32Array(model.n);
  const memberLabel: string[] = new Array(model.n);
  for (let m = 0; m < model.n; m++) {
    const i = members[m];
    memberFrom[m] = model.from[i];
    memberStop[m] = model.stop[i];
    memberLabel[m] = labels[i];
  }
  const index = { order, position, offsets, memberFrom, memberStop, memberLabel };
  keyIndexes.set(model, index);
  return index;
}

/** Sort rank of each string in the list. */
function rank(values: string[]): Int32Array {
  const idx = Int32Array.from({ length: values.length }, (_, i) => i).sort((a, b) =>
    cmp(values[a], values[b]),
  );
  const out = new Int32Array(values.length);
  idx.forEach((v, r) => (out[v] = r));
  return out;
}
