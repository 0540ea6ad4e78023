/**
 * Compares RunRate's figures with the DuckDB reference, to the cent. Each function returns the list
 * of disagreements (empty when everything matches), so the benchmark can print them and the tests can
 * assert on them.
 */
import type { RefBridge, RefDetailRow, RefRetention } from './duckdb-reference.js';

export const LANE_FIELDS = [
  'startCents',
  'newCents',
  'reactivationCents',
  'expansionCents',
  'contractionCents',
  'churnCents',
  'fxCents',
  'endCents',
] as const;

/** The rows of the BRIDGE sheet function, in order, with the lane field each one carries. */
export const SHEET_LANES: [string, (typeof LANE_FIELDS)[number]][] = [
  ['Start', 'startCents'],
  ['New', 'newCents'],
  ['Reactivation', 'reactivationCents'],
  ['Expansion', 'expansionCents'],
  ['Contraction', 'contractionCents'],
  ['Churn', 'churnCents'],
  ['FX', 'fxCents'],
  ['End', 'endCents'],
];

export function lanesOf(bridge: Record<(typeof LANE_FIELDS)[number], number>): RefBridge {
  const out = {} as RefBridge;
  for (const f of LANE_FIELDS) out[f] = bridge[f];
  return out;
}

export function diffArr(
  got: { arrCents: number; customers?: number },
  wantCents: number,
  wantCustomers?: number,
): string[] {
  const out: string[] = [];
  if (got.arrCents !== wantCents) out.push(`ARR ${got.arrCents} != ${wantCents} cents`);
  if (wantCustomers !== undefined && got.customers !== wantCustomers) {
    out.push(`customers ${got.customers} != ${wantCustomers}`);
  }
  return out;
}

export function diffBridge(got: RefBridge, want: RefBridge): string[] {
  const out: string[] = [];
  for (const f of LANE_FIELDS) {
    if (got[f] !== want[f]) out.push(`bridge ${f} ${got[f]} != ${want[f]}`);
  }
  return out;
}

/**
 * NRR agrees to the cent when the cohort's starting ARR is equal and the retained ARR implied by the
 * ratio (nrr x start, rounded) is the reference's retained ARR.
 */
export function diffRetention(
  got: { startArrCents: number; cohortCustomers: number; nrr: number | null },
  want: RefRetention,
): string[] {
  const out: string[] = [];
  if (got.startArrCents !== want.startArrCents) {
    out.push(`NRR cohort start ARR ${got.startArrCents} != ${want.startArrCents}`);
  }
  if (got.cohortCustomers !== want.cohortCustomers) {
    out.push(`NRR cohort customers ${got.cohortCustomers} != ${want.cohortCustomers}`);
  }
  if (want.nrr === null || got.nrr === null) {
    if (want.nrr !== got.nrr) out.push(`NRR ${got.nrr} != ${want.nrr}`);
  } else if (Math.round(got.nrr * want.startArrCents) !== want.retainedCents) {
    out.push(`NRR ${got.nrr} != ${want.nrr} (retained ${want.retainedCents} cents)`);
  }
  return out;
}

/** Reads the lanes (in cents) out of a BRIDGE sheet-function result, or explains why it cannot. */
export function sheetBridgeLanes(result: unknown): RefBridge | string {
  if (!Array.isArray(result)) return `BRIDGE returned ${String(result)}`;
  const out = {} as RefBridge;
  for (let r = 0; r < SHEET_LANES.length; r++) {
    const row: unknown = result[r + 1];
    const [label, field] = SHEET_LANES[r];
    if (!Array.isArray(row) || row[0] !== label || typeof row[1] !== 'number') {
      return `BRIDGE row ${r + 1} is ${JSON.stringify(row)}, expected [${JSON.stringify(label)}, amount]`;
    }
    out[field] = Math.round(row[1] * 100);
  }
  return out;
}

/** RunRate's bridge detail against the reference's, row by row (same order: lane, then customer). */
export function diffDetail(
  got: {
    customer: string;
    lane: string;
    startArrCents: number;
    endArrCents: number;
    amountCents: number;
    contracts: string[];
  }[],
  want: RefDetailRow[],
): string[] {
  const out: string[] = [];
  if (got.length !== want.length) out.push(`detail rows ${got.length} != ${want.length}`);
  for (let i = 0; i < Math.min(got.length, want.length) && out.length < 5; i++) {
    const g = got[i];
    const w = want[i];
    const same =
      g.customer === w.customer &&
      g.lane === w.lane &&
      g.startArrCents === w.startArrCents &&
      g.endArrCents === w.endArrCents &&
      g.amountCents === w.amountCents &&
      g.contracts.join('|') === w.contracts.join('|');
    if (!same) out.push(`detail row ${i}: ${JSON.stringify(g)} != ${JSON.stringify(w)}`);
  }
  return out;
}
