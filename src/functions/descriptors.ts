/**
 * The sheet functions, defined once: name, description, arguments with their help text, and the
 * implementation `(args, ctx) -> number | table | CellError`. The Excel (`RR.` namespace) and
 * Google Sheets wrappers and their help text are generated from this list; a test keeps them in step.
 *
 * Conventions for every function: the contracts range includes its header row; dates are cells
 * (Sheets refuses volatile arguments such as TODAY() in custom functions, so put the date in a
 * cell); the policy is the key/value range of the `RR Policy` sheet (omit it for the defaults); the
 * rates range has currency, date and rate columns. Money comes back in the reporting currency,
 * ratios unrounded, tables with a header row.
 */
import { CellError } from '../cells/error.js';
import { guard, type ArgSpec, type FunctionSpec } from './spec.js';
import { arrOn, parseDimension, type Dimension } from '../arr/arr-on.js';
import { bridge } from '../bridge/bridge.js';
import { retention, type RetentionResult } from '../retention/retention.js';
import { cohorts } from '../retention/cohorts.js';
import { policyTable } from '../policy/index.js';
import { roundCentsDivision } from '../arr/round-total.js';
import { booleanArg, choiceArg, dateArg, isOmitted, money, textArg, type SheetTable } from './args.js';
import { loadModel, loadPolicy } from './load.js';
import { bandsTable, bridgeTable, retentionValue } from './arr-tables.js';
import { bandsOfSnapshots, bridgeOfSnapshots, isSnapshotArg, retentionOfSnapshots } from './snapshots.js';

export const ASOF_NOTE = 'a cell holding the date (not TODAY(): Sheets refuses volatile arguments)';
export const A = {
  contracts: {
    name: 'contracts',
    type: 'range',
    optional: false,
    help: 'Contract lines with their header row (customer, start date, end date, amount, ...).',
  },
  asOf: { name: 'asOf', type: 'date', optional: false, help: `The as-of date: ${ASOF_NOTE}.` },
  from: { name: 'from', type: 'date', optional: false, help: `Start of the period: ${ASOF_NOTE}.` },
  to: { name: 'to', type: 'date', optional: false, help: `End of the period: ${ASOF_NOTE}.` },
  policy: {
    name: 'policy',
    type: 'range',
    optional: true,
    help: 'The ARR policy as a 2-column key/value range (RR_POLICY); omit for the defaults.',
  },
  rates: {
    name: 'rates',
    type: 'range',
    optional: true,
    help: 'FX rates to the reporting currency: currency, date, rate columns with a header row.',
  },
  snapshotFrom: {
    name: 'from',
    type: 'range',
    optional: false,
    help: `Start of the period: ${ASOF_NOTE}. Or, when contracts is a snapshot, the later snapshot.`,
  },
  snapshotTo: {
    name: 'to',
    type: 'date',
    optional: true,
    help: `End of the period: ${ASOF_NOTE}. Leave empty when the first two arguments are snapshots.`,
  },
  contractsOrSnapshot: {
    name: 'contracts',
    type: 'range',
    optional: false,
    help: 'Contract lines with their header row; or a snapshot (SNAPSHOT range) to start from.',
  },
  by: {
    name: 'by',
    type: 'text',
    optional: true,
    help: 'Group by customer, parent, product, segment, region, rep, entity, currency or contract.',
  },
} satisfies Record<string, ArgSpec>;

/** The column header of each group-by dimension in a function's table. */
export const DIMENSION_HEADER: Record<Dimension, string> = {
  customer: 'Customer',
  parent: 'Parent',
  product: 'Product',
  segment: 'Segment',
  region: 'Region',
  rep: 'Rep',
  entity: 'Entity',
  currency: 'Currency',
  contract: 'Contract',
};

function arrFunction(kind: 'ARR' | 'MRR' | 'CARR'): FunctionSpec['impl'] {
  return ([contracts, asOf, policy, rates, by], ctx) =>
    guard(() => {
      const model = loadModel(
        contracts,
        policy,
        rates,
        ctx,
        kind === 'CARR' ? { basis: 'contracted' } : undefined,
      );
      if (model instanceof CellError) return model;
      const day = dateArg('asOf', asOf, ctx);
      if (day instanceof CellError) return day;
      let dim: Dimension | undefined;
      if (!isOmitted(by)) {
        const t = textArg('by', by, '');
        if (t instanceof CellError) return t;
        const d = parseDimension(t);
        if (d instanceof CellError) return d;
        dim = d;
      }
      const r = arrOn(model, day, dim);
      if (r instanceof CellError) return r;
      const pick = (arrCents: number) =>
        kind === 'MRR' ? roundCentsDivision(arrCents, 12, model.rounding) : arrCents;
      if (!dim || !r.by) return money(kind === 'MRR' ? r.mrrCents : r.arrCents);
      const table: SheetTable = [[DIMENSION_HEADER[dim], kind, 'Customers']];
      for (const g of r.by) table.push([g.key, money(pick(g.arrCents)), g.customers]);
      return table;
    });
}

type RetentionPick = (r: RetentionResult) => number | null;

function retentionFunction(pick: RetentionPick, what: string): FunctionSpec['impl'] {
  return ([contracts, from, to, policy, rates], ctx) =>
    guard(() => {
      if (isSnapshotArg(contracts))
        return retentionOfSnapshots([contracts, from, to, policy, rates], ctx, pick, what);
      const model = loadModel(contracts, policy, rates, ctx);
      if (model instanceof CellError) return model;
      const d0 = dateArg('from', from, ctx);
      if (d0 instanceof CellError) return d0;
      const d1 = dateArg('to', to, ctx);
      if (d1 instanceof CellError) return d1;
      const r = retention(model, d0, d1);
      if (r instanceof CellError) return r;
      return retentionValue(r, pick, what, d0, d1);
    });
}

export const ARR_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'ARR',
    description: 'Annual recurring revenue on a date, under the policy; a table when grouped by a dimension.',
    returns: 'number or table',
    args: [A.contracts, A.asOf, A.policy, A.rates, A.by],
    impl: arrFunction('ARR'),
  },
  {
    name: 'MRR',
    description: 'Monthly recurring revenue (ARR / 12) on a date; a table when grouped by a dimension.',
    returns: 'number or table',
    args: [A.contracts, A.asOf, A.policy, A.rates, A.by],
    impl: arrFunction('MRR'),
  },
  {
    name: 'CARR',
    description: 'Contracted ARR on a date: lines count from their signed date, pending starts included.',
    returns: 'number or table',
    args: [A.contracts, A.asOf, A.policy, A.rates, A.by],
    impl: arrFunction('CARR'),
  },
  {
    name: 'BRIDGE',
    description:
      'ARR bridge between two dates: start, new, reactivation, expansion, contraction, churn, FX, end.',
    returns: 'table',
    args: [
      A.contractsOrSnapshot,
      A.snapshotFrom,
      A.snapshotTo,
      A.policy,
      A.rates,
      {
        name: 'detail',
        type: 'boolean',
        optional: true,
        help: 'TRUE for one row per customer (and product) and lane, with its contracts.',
      },
    ],
    impl: ([contracts, from, to, policy, rates, detail], ctx) =>
      guard(() => {
        if (isSnapshotArg(contracts))
          return bridgeOfSnapshots([contracts, from, to, policy, rates, detail], ctx);
        const model = loadModel(contracts, policy, rates, ctx);
        if (model instanceof CellError) return model;
        const d0 = dateArg('from', from, ctx);
        if (d0 instanceof CellError) return d0;
        const d1 = dateArg('to', to, ctx);
        if (d1 instanceof CellError) return d1;
        const withDetail = booleanArg('detail', detail, false);
        if (withDetail instanceof CellError) return withDetail;
        const r = bridge(model, d0, d1, { detail: withDetail });
        if (r instanceof CellError) return r;
        return bridgeTable(r, withDetail);
      }),
  },
  {
    name: 'NRR',
    description:
      "Net revenue retention: the start cohort's ARR at the end (constant currency) over its ARR at the start.",
    returns: 'number',
    args: [A.contractsOrSnapshot, A.snapshotFrom, A.snapshotTo, A.policy, A.rates],
    impl: retentionFunction((r) => r.nrr, 'NRR'),
  },
  {
    name: 'GRR',
    description: "Gross revenue retention: the start cohort's ARR kept, capped at each customer's start ARR.",
    returns: 'number',
    args: [A.contractsOrSnapshot, A.snapshotFrom, A.snapshotTo, A.policy, A.rates],
    impl: retentionFunction((r) => r.grr, 'GRR'),
  },
  {
    name: 'LOGORETENTION',
    description: 'Logo retention: customers of the start cohort still with ARR at the end over the cohort.',
    returns: 'number',
    args: [A.contractsOrSnapshot, A.snapshotFrom, A.snapshotTo, A.policy, A.rates],
    impl: retentionFunction((r) => r.logoRetention, 'logo retention'),
  },
  {
    name: 'QUICKRATIO',
    description: 'Quick ratio: (new + reactivation + expansion) / (churn + contraction) over the period.',
    returns: 'number',
    args: [A.contractsOrSnapshot, A.snapshotFrom, A.snapshotTo, A.policy, A.rates],
    impl: retentionFunction((r) => r.quickRatio, 'quick ratio'),
  },
  {
    name: 'COHORT',
    description:
      "Cohort table: customers by the period of their first ARR, each cell the cohort's ARR over its first.",
    returns: 'table',
    args: [
      A.contracts,
      A.from,
      A.to,
      A.policy,
      A.rates,
      { name: 'period', type: 'text', optional: true, help: 'month or quarter (default quarter).' },
      {
        name: 'basis',
        type: 'text',
        optional: true,
        help: 'net, or gross (each customer capped at its first ARR).',
      },
    ],
    impl: ([contracts, from, to, policy, rates, period, basis], ctx) =>
      guard(() => {
        const model = loadModel(contracts, policy, rates, ctx);
        if (model instanceof CellError) return model;
        const d0 = dateArg('from', from, ctx);
        if (d0 instanceof CellError) return d0;
        const d1 = dateArg('to', to, ctx);
        if (d1 instanceof CellError) return d1;
        const p = choiceArg('period', period, ['month', 'quarter'] as const, 'quarter');
        if (p instanceof CellError) return p;
        const b = choiceArg('basis', basis, ['net', 'gross'] as const, 'net');
        if (b instanceof CellError) return b;
        const r = cohorts(model, d0, d1, p, b);
        if (r instanceof CellError) return r;
        const width = r.rows.reduce((w, row) => Math.max(w, row.values.length), 0);
        const table: SheetTable = [
          ['Cohort', 'Customers', 'Start ARR', ...Array.from({ length: width }, (_, k) => String(k))],
        ];
        for (const row of r.rows) {
          const cells = Array.from({ length: width }, (_, k) => row.values[k] ?? '');
          table.push([row.cohort, row.customers, money(row.startArrCents), ...cells]);
        }
        return table;
      }),
  },
  {
    name: 'NDRBANDS',
    description: "Net dollar retention by ARR band of the start cohort (band edges from the policy's bands).",
    returns: 'table',
    args: [A.contractsOrSnapshot, A.snapshotFrom, A.snapshotTo, A.policy, A.rates],
    impl: ([contracts, from, to, policy, rates], ctx) =>
      guard(() => {
        if (isSnapshotArg(contracts)) return bandsOfSnapshots([contracts, from, to, policy, rates], ctx);
        const model = loadModel(contracts, policy, rates, ctx);
        if (model instanceof CellError) return model;
        const d0 = dateArg('from', from, ctx);
        if (d0 instanceof CellError) return d0;
        const d1 = dateArg('to', to, ctx);
        if (d1 instanceof CellError) return d1;
        const r = retention(model, d0, d1);
        if (r instanceof CellError) return r;
        return bandsTable(r);
      }),
  },
  {
    name: 'POLICY',
    description:
      'The full ARR policy as a key/value table: the defaults, or the given policy with defaults filled in.',
    returns: 'table',
    args: [{ ...A.policy, help: 'A policy range to check and complete; omit for the default policy.' }],
    impl: ([policy]) =>
      guard(() => {
        const p = loadPolicy(policy);
        if (p instanceof CellError) return p;
        return policyTable(p);
      }),
  },
];
