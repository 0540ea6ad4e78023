/**
 * The diff of two dates per movement key: ARR at d0 (d0 rates) = a, at d1 (d1 rates) = b, and at d1
 * in d0's rates = b' (constant currency). Bridge and retention both start here, so they cannot
 * disagree (methodology sections 3-4).
 */
import type { Day } from '../cells/days.js';
import type { ArrModel } from '../arr/model.js';
import { sumOn } from '../arr/evaluate.js';

export interface KeyDiff {
  d0: Day;
  d1: Day;
  /** Per movement key, in cents. */
  a: Float64Array;
  bConst: Float64Array;
  b: Float64Array;
  /** Per customer key, in cents. */
  customerA: Float64Array;
  customerBConst: Float64Array;
}

/** Throws SpotRateMissing (see evaluate.ts) when a spot rate is missing. */
export function keyDiff(model: ArrModel, d0: Day, d1: Day): KeyDiff {
  const a = sumOn(model, d0, d0, model.key, new Float64Array(model.nKeys));
  const bConst = sumOn(model, d1, d0, model.key, new Float64Array(model.nKeys));
  const b = model.hasSpot ? sumOn(model, d1, d1, model.key, new Float64Array(model.nKeys)) : bConst;
  const C = model.customers.length;
  const customerA = new Float64Array(C);
  const customerBConst = new Float64Array(C);
  const kc = model.keyCustomer;
  for (let k = 0; k < model.nKeys; k++) {
    customerA[kc[k]] += a[k];
    customerBConst[kc[k]] += bConst[k];
  }
  return { d0, d1, a, bConst, b, customerA, customerBConst };
}
