/**
 * The cells BRIDGE, the retention functions and NDRBANDS give back, from a bridge or retention
 * result, whether it was computed from the contracts or from two snapshots.
 */
import { CellError } from '../cells/error.js';
import { formatDay, type Day } from '../cells/days.js';
import { LANES, type BridgeResult } from '../bridge/bridge.js';
import type { RetentionResult } from '../retention/retention.js';
import { money, type SheetResult, type SheetTable } from './args.js';

export const LANE_LABEL: Record<string, string> = {
  new: 'New',
  reactivation: 'Reactivation',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churn',
  fx: 'FX',
};

/** `Lane, Amount` from Start to End, or with `detail` one row per key and lane with its contracts. */
export function bridgeTable(r: BridgeResult, withDetail: boolean): SheetTable {
  if (withDetail) {
    const table: SheetTable = [
      ['Customer', 'Product', 'Lane', 'Start ARR', 'End ARR', 'Amount', 'Contracts'],
    ];
    for (const d of r.detail) {
      table.push([
        d.customer,
        d.product,
        LANE_LABEL[d.lane],
        money(d.startArrCents),
        money(d.endArrCents),
        money(d.amountCents),
        d.contracts.join(', '),
      ]);
    }
    return table;
  }
  const lanes: Record<string, number> = {
    new: r.newCents,
    reactivation: r.reactivationCents,
    expansion: r.expansionCents,
    contraction: r.contractionCents,
    churn: r.churnCents,
    fx: r.fxCents,
  };
  return [
    ['Lane', 'Amount'],
    ['Start', money(r.startCents)],
    ...LANES.map((l): [string, number] => [LANE_LABEL[l], money(lanes[l])]),
    ['End', money(r.endCents)],
  ];
}

export type RetentionPick = (r: RetentionResult) => number | null;

/** A retention ratio, or #DIV/0! saying what there was nothing to divide by. */
export function retentionValue(
  r: RetentionResult,
  pick: RetentionPick,
  what: string,
  d0: Day,
  d1: Day,
): SheetResult {
  const v = pick(r);
  if (v === null) {
    return new CellError(
      '#DIV/0!',
      what === 'quick ratio'
        ? `quick ratio: no churn or contraction between ${formatDay(d0)} and ${formatDay(d1)}, nothing to divide by`
        : `${what}: no customer has ARR on ${formatDay(d0)}, nothing to divide by`,
    );
  }
  return v;
}

/** NDRBANDS' table. */
export function bandsTable(r: RetentionResult): SheetTable {
  const table: SheetTable = [['From', 'To', 'Customers', 'Start ARR', 'NRR']];
  for (const b of r.bands) table.push([b.from, b.to ?? '', b.customers, money(b.startArrCents), b.nrr ?? '']);
  return table;
}
