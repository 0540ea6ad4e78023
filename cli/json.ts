/**
 * The `--json` shapes. Keys are built in the documented order (object literals keep insertion
 * order), money is cents / 100 (an integer divided by 100 prints without float noise), ratios are
 * unrounded, dates `YYYY-MM-DD`. `stringify` prints one compact document and a newline, so the same
 * inputs give byte-identical output.
 */
import {
  type ArrResult,
  type BridgeResult,
  type CohortResult,
  type RetentionResult,
  formatDay,
} from '../src/index.js';

/** Cents to currency units. Refuses anything but whole cents, so no float noise can reach the output. */
export function units(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new Error(`money amount ${cents} is not a whole number of cents`);
  return cents / 100;
}

/** A ratio as the core gives it; a non-finite value (which the core should never return) becomes null. */
const ratio = (r: number | null): number | null => (r === null || !Number.isFinite(r) ? null : r);

export function arrJson(r: ArrResult, withBy: boolean) {
  return {
    asOf: formatDay(r.asOf),
    currency: r.currency,
    arr: units(r.arrCents),
    mrr: units(r.mrrCents),
    customers: r.customers,
    ...(withBy
      ? { by: (r.by ?? []).map((g) => ({ key: g.key, arr: units(g.arrCents), customers: g.customers })) }
      : {}),
  };
}

export function bridgeJson(r: BridgeResult, withDetail: boolean) {
  return {
    from: formatDay(r.from),
    to: formatDay(r.to),
    currency: r.currency,
    start: units(r.startCents),
    new: units(r.newCents),
    reactivation: units(r.reactivationCents),
    expansion: units(r.expansionCents),
    contraction: units(r.contractionCents),
    churn: units(r.churnCents),
    fx: units(r.fxCents),
    end: units(r.endCents),
    ...(withDetail
      ? {
          detail: r.detail.map((d) => ({
            customer: d.customer,
            product: d.product,
            lane: d.lane,
            startArr: units(d.startArrCents),
            endArr: units(d.endArrCents),
            amount: units(d.amountCents),
            contracts: [...d.contracts],
          })),
        }
      : {}),
  };
}

export function retentionJson(r: RetentionResult) {
  return {
    from: formatDay(r.from),
    to: formatDay(r.to),
    currency: r.currency,
    startArr: units(r.startArrCents),
    cohortCustomers: r.cohortCustomers,
    grr: ratio(r.grr),
    nrr: ratio(r.nrr),
    logoRetention: ratio(r.logoRetention),
    quickRatio: ratio(r.quickRatio),
    bands: r.bands.map((b) => ({
      from: b.from,
      to: b.to,
      customers: b.customers,
      startArr: units(b.startArrCents),
      nrr: ratio(b.nrr),
    })),
  };
}

export function cohortJson(r: CohortResult) {
  return {
    period: r.period,
    basis: r.basis,
    rows: r.rows.map((row) => ({
      cohort: row.cohort,
      customers: row.customers,
      startArr: units(row.startArrCents),
      values: row.values.map(ratio),
    })),
  };
}

/**
 * `policy --json`: `{"version","hash","policy":{key: value, ...}}` with every key in POLICY_KEYS
 * order and every value as the text of the policy table (the canonical form the hash covers), so
 * each pair can be fed back as `--set key=value` or pasted into a policy sheet.
 */
export function policyJson(version: string, hash: string, table: string[][]) {
  const policy: Record<string, string> = {};
  for (const [key, value] of table.slice(1)) policy[key] = value;
  return { version, hash, policy };
}

export function stringify(doc: unknown): string {
  return JSON.stringify(doc) + '\n';
}
