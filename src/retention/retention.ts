/**
 * Retention over d0 -> d1 (methodology section 4), from the same per-key diff as the bridge.
 * The cohort is the customers with ARR > 0 at d0; b' is their ARR at d1 in d0's rates.
 * - GRR = sum over the cohort of min(a, b') / sum of a; at product grain the min is per product.
 * - NRR = sum over the cohort of b' / sum of a: new and reactivated customers are never counted.
 * - Logo retention = cohort customers with b' > 0 / cohort customers.
 * - Quick ratio = (new + reactivation + expansion) / -(churn + contraction), from the bridge under
 *   the policy's bridgeMethod; null when there are no losses (the sheet function shows #DIV/0!).
 * - NDR by band: NRR of the cohort split by the band of a (edges from `bands`: a band holds
 *   from <= a < to).
 * Ratios are unrounded; null when there is nothing to divide by (an empty cohort).
 */
import type { Day } from '../cells/days.js';
import { CellError, CellErrorSignal } from '../cells/error.js';
import type { ArrModel } from '../arr/model.js';
import { withRates } from '../arr/evaluate.js';
import { bridge, CHURN, CONTRACTION, laneOf, type LaneContext } from '../bridge/bridge.js';
import { keyDiff, type KeyDiff } from '../bridge/diff.js';
import type { Policy } from '../policy/keys.js';

export interface RetentionBand {
  /** Lower edge in currency units (inclusive). */
  from: number;
  /** Upper edge in currency units (exclusive), null for the top band. */
  to: number | null;
  customers: number;
  startArrCents: number;
  nrr: number | null;
}

export interface RetentionResult {
  from: Day;
  to: Day;
  currency: string;
  startArrCents: number;
  cohortCustomers: number;
  grr: number | null;
  nrr: number | null;
  logoRetention: number | null;
  quickRatio: number | null;
  bands: RetentionBand[];
}

export function retention(model: ArrModel, d0: Day, d1: Day): RetentionResult | CellError {
  if (d1 < d0) return new CellError('#VALUE!', 'to: the end date must not be before the start date');
  return withRates(() => {
    const diff = keyDiff(model, d0, d1);
    // Gains and losses for the quick ratio: from this same diff under the single method, else
    // from the monthly bridge.
    let moves: GainsAndLosses;
    if (model.policy.bridgeMethod === 'single') moves = gainsAndLosses(model, diff);
    else {
      const br = bridge(model, d0, d1, { detail: false });
      if (br instanceof CellError) throw new CellErrorSignal(br);
      moves = {
        gains: br.newCents + br.reactivationCents + br.expansionCents,
        losses: -(br.churnCents + br.contractionCents),
      };
    }
    return retentionOfDiff(model, diff, moves);
  });
}

export interface GainsAndLosses {
  /** new + reactivation + expansion, in cents. */
  gains: number;
  /** -(churn + contraction), in cents. */
  losses: number;
}

/** The quick ratio's gains and losses from one diff's lanes (the single bridge method). */
export function gainsAndLosses(
  model: LaneContext & { readonly nKeys: number },
  diff: KeyDiff,
): GainsAndLosses {
  let gains = 0;
  let losses = 0;
  for (let k = 0; k < model.nKeys; k++) {
    const move = diff.bConst[k] - diff.a[k];
    if (move === 0) continue;
    const lane = laneOf(model, diff, k, diff.d0);
    if (lane === CHURN || lane === CONTRACTION) losses -= move;
    else gains += move;
  }
  return { gains, losses };
}

/** What retention reads besides the diff: an ArrModel, or the same fields built from two snapshots. */
export interface RetentionContext {
  readonly nKeys: number;
  readonly keyCustomer: Int32Array;
  readonly currency: string;
  readonly policy: Pick<Policy, 'bands'>;
}

/**
 * Retention from a diff; `moves` null leaves the quick ratio null (when it cannot be had, see
 * src/snapshots/bridge.ts).
 */
export function retentionOfDiff(
  model: RetentionContext,
  diff: KeyDiff,
  moves: GainsAndLosses | null,
): RetentionResult {
  const { gains, losses } = moves ?? { gains: 0, losses: 0 };
  const { customerA, customerBConst } = diff;
  const C = customerA.length;
  let startArr = 0;
  let kept = 0;
  let retainedLogos = 0;
  let cohort = 0;
  const d0 = diff.d0;
  const d1 = diff.d1;
  const edges = model.policy.bands.map((e) => Math.round(e * 100));
  const bandStart = new Float64Array(edges.length + 1);
  const bandEnd = new Float64Array(edges.length + 1);
  const bandCustomers = new Int32Array(edges.length + 1);
  const inCohort = new Uint8Array(C);
  for (let c = 0; c < C; c++) {
    const a = customerA[c];
    if (!(a > 0)) continue;
    inCohort[c] = 1;
    cohort++;
    startArr += a;
    kept += customerBConst[c];
    if (customerBConst[c] > 0) retainedLogos++;
    let band = 0;
    while (band < edges.length && a >= edges[band]) band++;
    bandStart[band] += a;
    bandEnd[band] += customerBConst[c];
    bandCustomers[band]++;
  }
  // Gross: min per movement key (per customer, or per product at product grain).
  let gross = 0;
  for (let k = 0; k < model.nKeys; k++) {
    if (inCohort[model.keyCustomer[k]]) gross += Math.min(diff.a[k], diff.bConst[k]);
  }
  const ratioOrNull = (x: number, y: number): number | null => (y === 0 ? null : x / y);
  const bands: RetentionBand[] = [];
  for (let b = 0; b <= edges.length; b++) {
    bands.push({
      from: b === 0 ? 0 : model.policy.bands[b - 1],
      to: b === edges.length ? null : model.policy.bands[b],
      customers: bandCustomers[b],
      startArrCents: bandStart[b],
      nrr: ratioOrNull(bandEnd[b], bandStart[b]),
    });
  }
  return {
    from: d0,
    to: d1,
    currency: model.currency,
    startArrCents: startArr,
    cohortCustomers: cohort,
    grr: ratioOrNull(gross, startArr),
    nrr: ratioOrNull(kept, startArr),
    logoRetention: ratioOrNull(retainedLogos, cohort),
    quickRatio: moves === null || losses === 0 ? null : gains / losses,
    bands,
  };
}
