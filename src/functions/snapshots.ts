/**
 * SNAPSHOT and RESTATEMENT, and the snapshot forms of BRIDGE and the retention functions
 * (docs/snapshots.md).
 *
 * When the first argument of BRIDGE, NRR, GRR, LOGORETENTION, QUICKRATIO or NDRBANDS is a snapshot
 * (its first cell reads `RunRate snapshot`), the second must be the later snapshot and the third
 * (`to`) must be left empty: the snapshots carry their dates. `policy` may be omitted (the policy
 * recorded in the snapshots is used) or given (it must hash to theirs); `rates` is read only to
 * convert a currency the later snapshot has and the earlier one has not. Both snapshots are
 * verified first.
 */
import { CellError } from '../cells/error.js';
import { formatDay } from '../cells/days.js';
import { parseRates, type FxRates } from '../money/rates.js';
import { policyHash } from '../policy/parse.js';
import { MARKER } from '../snapshots/layout.js';
import { readSnapshot } from '../snapshots/read.js';
import { buildSnapshot } from '../snapshots/build.js';
import { snapshotTable } from '../snapshots/table.js';
import { snapshotBridge, snapshotRetention } from '../snapshots/bridge.js';
import { restateContracts, type RestatementResult } from '../snapshots/restatement.js';
import type { Snapshot } from '../snapshots/types.js';
import {
  asRange,
  booleanArg,
  dateArg,
  isOmitted,
  money,
  type CallContext,
  type SheetResult,
  type SheetTable,
} from './args.js';
import { bandsTable, bridgeTable, retentionValue, type RetentionPick } from './arr-tables.js';
import { loadModel, loadPolicy } from './load.js';
import { guard, type ArgSpec, type FunctionSpec } from './spec.js';

const ASOF_NOTE = 'a cell holding the date (not TODAY(): Sheets refuses volatile arguments)';

/** True when a range argument is a snapshot table (its first cell reads `RunRate snapshot`). */
export function isSnapshotArg(value: unknown): boolean {
  if (!Array.isArray(value) || !Array.isArray(value[0])) return false;
  const first = value[0][0];
  return typeof first === 'string' && first.trim().toLowerCase() === MARKER.toLowerCase();
}

/** A snapshot argument, read and verified; a discrepancy is an error naming the first few. */
export function loadSnapshot(name: string, value: unknown, ctx: CallContext): Snapshot | CellError {
  if (isOmitted(value))
    return new CellError('#VALUE!', `${name}: a snapshot range (from SNAPSHOT) is required`);
  const read = readSnapshot(asRange(value), { timeZone: ctx.timeZone });
  if (read instanceof CellError)
    return new CellError(read.code, `${name}: ${read.message}`, read.row, read.column);
  const list = read.discrepancies;
  if (list.length > 0) {
    const shown = list.slice(0, 5).map((d) => d.message);
    if (list.length > 5) shown.push(`and ${list.length - 5} more`);
    return new CellError(
      '#VALUE!',
      `${name}: the snapshot was altered after it was locked: ${shown.join('; ')}`,
      list[0].row ?? undefined,
      list[0].column ?? undefined,
    );
  }
  return read.snapshot;
}

interface SnapshotPair {
  a: Snapshot;
  b: Snapshot;
  rates: FxRates | null;
}

/** The arguments of a snapshot-form BRIDGE or retention function. */
function loadPair(
  first: unknown,
  second: unknown,
  to: unknown,
  policyArg: unknown,
  ratesArg: unknown,
  ctx: CallContext,
): SnapshotPair | CellError {
  const a = loadSnapshot('contracts (the first snapshot)', first, ctx);
  if (a instanceof CellError) return a;
  if (!isSnapshotArg(second)) {
    return new CellError(
      '#VALUE!',
      'from: when the first argument is a snapshot, the second must be the later snapshot (a SNAPSHOT range)',
    );
  }
  const b = loadSnapshot('from (the second snapshot)', second, ctx);
  if (b instanceof CellError) return b;
  if (!isOmitted(to)) {
    return new CellError(
      '#VALUE!',
      `to: leave it empty when bridging two snapshots (their dates are ${formatDay(a.asOf)} and ${formatDay(b.asOf)})`,
    );
  }
  if (!isOmitted(policyArg)) {
    const p = loadPolicy(policyArg);
    if (p instanceof CellError) return p;
    const hash = policyHash(p);
    if (hash !== a.policyHash) {
      return new CellError(
        '#VALUE!',
        `policy: its hash is ${hash}, but the snapshot of ${formatDay(a.asOf)} was locked under ${a.policyHash}; omit the policy to use the one recorded in the snapshots`,
      );
    }
  }
  let rates: FxRates | null = null;
  if (!isOmitted(ratesArg)) {
    const r = parseRates(asRange(ratesArg), a.currency, { timeZone: ctx.timeZone });
    if (r instanceof CellError) return r;
    rates = r;
  }
  return { a, b, rates };
}

/** BRIDGE(snapshotA, snapshotB, , [policy], [rates], [detail]). */
export function bridgeOfSnapshots(args: unknown[], ctx: CallContext): SheetResult {
  const [first, second, to, policy, rates, detail] = args;
  const pair = loadPair(first, second, to, policy, rates, ctx);
  if (pair instanceof CellError) return pair;
  const withDetail = booleanArg('detail', detail, false);
  if (withDetail instanceof CellError) return withDetail;
  const r = snapshotBridge(pair.a, pair.b, { rates: pair.rates, detail: withDetail });
  if (r instanceof CellError) return r;
  return bridgeTable(r, withDetail);
}

/** NRR, GRR, LOGORETENTION, QUICKRATIO (snapshotA, snapshotB, , [policy], [rates]). */
export function retentionOfSnapshots(
  args: unknown[],
  ctx: CallContext,
  pick: RetentionPick,
  what: string,
): SheetResult {
  const [first, second, to, policy, rates] = args;
  const pair = loadPair(first, second, to, policy, rates, ctx);
  if (pair instanceof CellError) return pair;
  const r = snapshotRetention(pair.a, pair.b, { rates: pair.rates });
  if (r instanceof CellError) return r;
  if (what === 'quick ratio' && r.quickRatioUnavailable) {
    return new CellError('#VALUE!', `${r.quickRatioUnavailable}; compute it from the contracts`);
  }
  return retentionValue(r, pick, what, pair.a.asOf, pair.b.asOf);
}

/** NDRBANDS(snapshotA, snapshotB, , [policy], [rates]). */
export function bandsOfSnapshots(args: unknown[], ctx: CallContext): SheetResult {
  const [first, second, to, policy, rates] = args;
  const pair = loadPair(first, second, to, policy, rates, ctx);
  if (pair instanceof CellError) return pair;
  const r = snapshotRetention(pair.a, pair.b, { rates: pair.rates });
  if (r instanceof CellError) return r;
  return bandsTable(r);
}

/** The restatement's table: one row per key and cause, then the row that proves the tie. */
export function restatementTable(r: RestatementResult): SheetTable {
  const table: SheetTable = [
    ['Customer', 'Product', 'Cause', 'Locked ARR', 'Recomputed ARR', 'Amount', 'Rows'],
  ];
  for (const row of r.rows) {
    const rows = row.rows.length > 0 ? row.rows : row.lockedRows.map((x) => `locked ${x}`);
    table.push([
      row.customer,
      row.product,
      row.cause,
      money(row.lockedCents),
      money(row.recomputedCents),
      money(row.amountCents),
      rows.join(', '),
    ]);
  }
  table.push([
    'Total',
    '',
    'locked + restatements = recomputed',
    money(r.lockedCents),
    money(r.recomputedCents),
    money(r.restatedCents),
    '',
  ]);
  return table;
}

const SNAPSHOT_ARG: ArgSpec = {
  name: 'snapshot',
  type: 'range',
  optional: false,
  help: 'A snapshot range from SNAPSHOT (its locked sheet), header block included.',
};

export const SNAPSHOT_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'SNAPSHOT',
    description:
      'Sealed per-line ARR table on a date, to paste into a locked sheet: as-of date, policy and data hashes, total, checks.',
    returns: 'table',
    args: [
      {
        name: 'contracts',
        type: 'range',
        optional: false,
        help: 'Contract lines with their header row (customer, start date, end date, amount, ...).',
      },
      { name: 'asOf', type: 'date', optional: false, help: `The as-of date: ${ASOF_NOTE}.` },
      {
        name: 'policy',
        type: 'range',
        optional: true,
        help: 'The ARR policy as a 2-column key/value range (RR_POLICY); omit for the defaults.',
      },
      {
        name: 'rates',
        type: 'range',
        optional: true,
        help: 'FX rates to the reporting currency: currency, date, rate columns with a header row.',
      },
    ],
    impl: ([contracts, asOf, policy, rates], ctx) =>
      guard(() => {
        const model = loadModel(contracts, policy, rates, ctx);
        if (model instanceof CellError) return model;
        const day = dateArg('asOf', asOf, ctx);
        if (day instanceof CellError) return day;
        const s = buildSnapshot(model, day);
        if (s instanceof CellError) return s;
        return snapshotTable(s);
      }),
  },
  {
    name: 'RESTATEMENT',
    description:
      "What moved a locked snapshot's ARR since the lock, per customer and cause, recomputed from today's contracts.",
    returns: 'table',
    args: [
      {
        name: 'contracts',
        type: 'range',
        optional: false,
        help: "Today's contract lines with their header row.",
      },
      SNAPSHOT_ARG,
      {
        name: 'policy',
        type: 'range',
        optional: true,
        help: "Today's ARR policy (RR_POLICY); omit for the defaults. Another policy than the snapshot's is a cause.",
      },
      {
        name: 'rates',
        type: 'range',
        optional: true,
        help: "Today's FX rates: currency, date, rate columns with a header row.",
      },
    ],
    impl: ([contracts, snapshotArg, policyArg, ratesArg], ctx) =>
      guard(() => {
        const policy = loadPolicy(policyArg);
        if (policy instanceof CellError) return policy;
        if (isOmitted(contracts)) {
          return new CellError(
            '#VALUE!',
            'contracts: the contracts range is empty; it needs a header row and at least one line',
          );
        }
        const snapshot = loadSnapshot('snapshot', snapshotArg, ctx);
        if (snapshot instanceof CellError) return snapshot;
        let rates: FxRates | null = null;
        if (!isOmitted(ratesArg)) {
          const r = parseRates(asRange(ratesArg), policy.reportingCurrency, { timeZone: ctx.timeZone });
          if (r instanceof CellError) return r;
          rates = r;
        }
        const r = restateContracts(snapshot, asRange(contracts), policy, rates, { timeZone: ctx.timeZone });
        if (r instanceof CellError) return r;
        return restatementTable(r);
      }),
  },
];
