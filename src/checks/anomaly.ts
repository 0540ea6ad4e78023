/**
 * arr-anomaly: a customer whose ARR moved by more than the policy's `anomalyThreshold` (currency
 * units, either direction) between two dates: the same day one quarter before the as-of date (a
 * month end maps to a month end: 2025-12-31 -> 2025-09-30) and the as-of date. The move is the
 * engine's: ARR at the as-of date (its rates) minus ARR a quarter before (that day's rates), per
 * customer key (the parent under `rollupToParent: yes`), so it includes the fx lane. The lanes and
 * contracts that moved it come from the engine's bridge between the two dates (`bridge(...).detail`).
 */
import { addMonths, endOfMonth, formatDay, type Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { sumOn, withRates } from '../arr/evaluate.js';
import type { ArrModel } from '../arr/model.js';
import { bridge } from '../bridge/bridge.js';
import type { CheckContext } from './context.js';
import { showMoney } from './finding.js';

/** The same day three months earlier; a month end maps to a month end. */
export function quarterBefore(d: Day): Day {
  const back = addMonths(d, -3);
  return d === endOfMonth(d) ? endOfMonth(back) : back;
}

export function anomalyRule(ctx: CheckContext, model: ArrModel, asOf: Day): void {
  const { findings, policy } = ctx;
  const d0 = quarterBefore(asOf);
  const C = model.customers.length;
  const sums = withRates(() => ({
    a: sumOn(model, d0, d0, model.customer, new Float64Array(C)),
    b: sumOn(model, asOf, asOf, model.customer, new Float64Array(C)),
  }));
  const limit = Math.round(policy.anomalyThreshold * 100);
  const skipped = (e: CellError): void =>
    findings.add('info', 'rule-skipped', null, '', '', `arr-anomaly was not checked: ${e.message}`);
  if (sums instanceof CellError) return skipped(sums);
  const { a, b } = sums;
  const flagged: number[] = [];
  for (let c = 0; c < C; c++) if (Math.abs(b[c] - a[c]) > limit) flagged.push(c);
  if (flagged.length === 0) return;

  const r = bridge(model, d0, asOf);
  if (r instanceof CellError) return skipped(r);
  const index = new Map<string, number>(model.customers.map((name, c) => [name, c]));
  const lanes = new Map<number, Map<string, number>>();
  const contracts = new Map<number, Set<string>>();
  for (const d of r.detail) {
    const c = index.get(d.customer) as number;
    let l = lanes.get(c);
    if (!l) lanes.set(c, (l = new Map()));
    l.set(d.lane, (l.get(d.lane) ?? 0) + d.amountCents);
    let s = contracts.get(c);
    if (!s) contracts.set(c, (s = new Set()));
    for (const k of d.contracts) s.add(k);
  }

  // The first sheet row of each flagged customer's moving contracts.
  const book = model.book;
  const rollup = policy.rollupToParent === 'yes';
  const firstRow = new Map<number, number>();
  const want = new Set(flagged);
  for (let j = 0; j < book.n; j++) {
    const name = rollup && book.parent[j] !== '' ? book.parent[j] : book.customer[j];
    const c = index.get(name);
    if (c === undefined || !want.has(c)) continue;
    const lbl = book.contract[j] !== '' ? book.contract[j] : `row ${book.row[j]}`;
    if (!contracts.get(c)?.has(lbl)) continue;
    const seen = firstRow.get(c);
    if (seen === undefined || book.row[j] < seen) firstRow.set(c, book.row[j]);
  }

  for (const c of flagged) {
    const move = b[c] - a[c];
    const list = [...(contracts.get(c) ?? [])].sort();
    const how = [...(lanes.get(c) ?? new Map<string, number>())]
      .filter(([, v]) => v !== 0)
      .map(([lane, v]) => `${lane} ${showMoney(v, true)}`)
      .join(', ');
    findings.add(
      'warning',
      'arr-anomaly',
      firstRow.get(c) ?? null,
      model.customers[c],
      list.join(', '),
      `ARR of ${model.customers[c]} moved ${showMoney(move, true)} ${model.currency} from ` +
        `${showMoney(a[c])} on ${formatDay(d0)} to ${showMoney(b[c])} on ${formatDay(asOf)}, more than ` +
        `anomalyThreshold (${showMoney(limit)}): ${how}; contracts ${list.join(', ')}`,
    );
  }
}
