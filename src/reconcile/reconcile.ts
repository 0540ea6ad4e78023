/**
 * The three reconciliations and the walk (methodology section 7; every rule is written out in
 * docs/reconcile.md). Per customer and in total:
 * 1. revenue: contract revenue recognised over from..to vs NetSuite GL revenue of the period;
 * 2. ARR: contract ARR on `to` vs NetSuite's billing run-rate on `to`;
 * 3. deferred revenue at `to`: contract billed - recognised vs NetSuite's.
 * Each row's variance is NetSuite - contract, split into causes computed from the data, each on its
 * own; `unexplained` = variance - the causes, so the row always adds up, and nothing is plugged.
 */
import { formatDay, ymdFromDay, type Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { roundMulDiv, roundRatio } from '../money/round.js';
import { contributorCents, SpotRates, withRates } from '../arr/evaluate.js';
import { instalment, invoiceDay, newPlan, planBilling, type BillingPlan } from '../revenue/billing.js';
import { recognisedThrough } from '../revenue/recognize.js';
import type { RevenueLines } from '../revenue/lines.js';
import { absMonth, monthStartDay } from '../revenue/months.js';
import { CAT_ONE_TIME, CAT_RECURRING, CAT_USAGE, runRate, type ContractSide } from './contract.js';
import type { NetSuiteSide } from './netsuite-side.js';
import { earnedBetween, earnedThrough, overlapDays } from './ratable.js';
import { NO_STOP, pairSteps, timeline, type Pair, type ServiceColumns } from './steps.js';
import {
  CAUSE_KEYS,
  type CauseKey,
  type Causes,
  type ReconKind,
  type ReconRow,
  type ReconTable,
  type Reconciliation,
  type UnmatchedName,
  type WalkStep,
} from './types.js';

export interface CustomerMatch {
  /** Contract customer key index (into ContractSide.keys) of each NetSuite entity, or -1. */
  entityCustomer: Int32Array;
  unmatched: { contracts: UnmatchedName[]; netsuite: UnmatchedName[] };
}

const NC = CAUSE_KEYS.length;
const CAUSE_INDEX = Object.fromEntries(CAUSE_KEYS.map((k, i) => [k, i])) as Record<CauseKey, number>;

/** Per-row figures of one reconciliation while it is computed. */
class Acc {
  readonly contract: Float64Array;
  readonly netsuite: Float64Array;
  readonly causes: Float64Array;
  constructor(readonly rows: number) {
    this.contract = new Float64Array(rows);
    this.netsuite = new Float64Array(rows);
    this.causes = new Float64Array(rows * NC);
  }
  add(row: number, cause: CauseKey, cents: number): void {
    this.causes[row * NC + CAUSE_INDEX[cause]] += cents;
  }
}

/** Day -> [absolute month, first day of that month], for recognisedThrough. */
function monthOf(day: Day): [number, Day] {
  const y = ymdFromDay(day);
  const a = absMonth(y.year, y.month);
  return [a, monthStartDay(a)];
}

/** Contract revenue of book line j on days a..b (the revenue schedule's own rule). */
function contractRevenue(lines: RevenueLines, j: number, a: Day, b: Day): number {
  if (b < a || b < lines.start[j]) return 0;
  const [bm, bs] = monthOf(b);
  const through = recognisedThrough(lines, j, b, bm, bs);
  if (a <= lines.start[j]) return through;
  const [am, as] = monthOf(a - 1);
  return through - recognisedThrough(lines, j, a - 1, am, as);
}

/** Invoices of a plan dated in lo..hi (inclusive). */
function billedIn(plan: BillingPlan, lo: Day, hi: Day): number {
  let sum = 0;
  for (let k = 0; k < plan.count; k++) {
    const d = invoiceDay(plan, k);
    if (d > hi) break;
    if (d >= lo) sum += instalment(plan, k);
  }
  return sum;
}

/** A one-line view of a contract line with another total (its list total), for its billing plan. */
function planWithTotal(lines: RevenueLines, j: number, total: number, plan: BillingPlan): BillingPlan {
  const one = {
    totalCents: Float64Array.of(total),
    billingMonths: Uint8Array.of(lines.billingMonths[j]),
    startMonth: Int32Array.of(lines.startMonth[j]),
    startDom: Uint8Array.of(lines.startDom[j]),
    end: Int32Array.of(lines.end[j]),
  } as unknown as RevenueLines;
  return planBilling(one, 0, plan);
}

/** Checks that from..to is whole calendar months (GL revenue is counted by posting period). */
export function checkPeriod(from: Day, to: Day): [number, number] | CellError {
  if (from > to) return new CellError('#VALUE!', `from ${formatDay(from)} is after to ${formatDay(to)}`);
  const f = ymdFromDay(from);
  const t = ymdFromDay(to);
  if (f.day !== 1) {
    return new CellError(
      '#VALUE!',
      `from ${formatDay(from)}: a reconciliation covers whole months (GL revenue is counted by posting period); start on the first of a month`,
    );
  }
  if (to + 1 !== monthStartDay(absMonth(t.year, t.month) + 1)) {
    return new CellError(
      '#VALUE!',
      `to ${formatDay(to)}: a reconciliation covers whole months (GL revenue is counted by posting period); end on the last day of a month`,
    );
  }
  return [absMonth(f.year, f.month), absMonth(t.year, t.month)];
}

export function reconcileSides(
  c: ContractSide,
  ns: NetSuiteSide,
  match: CustomerMatch,
  from: Day,
  to: Day,
): Reconciliation | CellError {
  const period = checkPeriod(from, to);
  if (period instanceof CellError) return period;
  const [a0, a1] = period;
  const result = withRates(() => compute(c, ns, match, from, to, a0, a1));
  return result;
}

function compute(
  c: ContractSide,
  ns: NetSuiteSide,
  match: CustomerMatch,
  from: Day,
  to: Day,
  a0: number,
  a1: number,
): Reconciliation | CellError {
  const { policy, book, lines, model } = c;
  const mode = policy.rounding;
  const tol = policy.reconTolerancePct / 100;
  const K = c.keys.length;
  const E = ns.entities.length;

  // Rows: one per contract customer key, then one per NetSuite entity no customer matched.
  const rowOfEntity = new Int32Array(E);
  const matched = new Uint8Array(K);
  const entityRows: number[] = [];
  for (let e = 0; e < E; e++) {
    const k = match.entityCustomer[e] ?? -1;
    if (k >= 0) {
      rowOfEntity[e] = k;
      matched[k] = 1;
    } else {
      rowOfEntity[e] = K + entityRows.length;
      entityRows.push(e);
    }
  }
  const R = K + entityRows.length;
  const rowEntities: number[][] = Array.from({ length: R }, () => []);
  for (let e = 0; e < E; e++) rowEntities[rowOfEntity[e]].push(e);

  const rev = new Acc(R);
  const arr = new Acc(R);
  const def = new Acc(R);
  // Per category (CAT_*), per row.
  const cRevCat = new Float64Array(3 * R);
  const nRevCat = new Float64Array(3 * R);
  const cDefCat = new Float64Array(3 * R);
  const nDefCat = new Float64Array(3 * R);
  const nRunCat = new Float64Array(3 * R);
  const aPending = new Float64Array(R);
  const aStarted = new Float64Array(3 * R);

  // --- Contract side: revenue in the period and deferred revenue at its end, per line.
  const plan = newPlan();
  const cDefLine = new Float64Array(book.n);
  for (let j = 0; j < book.n; j++) {
    if (lines.start[j] > to) continue;
    const k = c.customer[j];
    const cat = c.category[j];
    const r = contractRevenue(lines, j, from, to);
    cRevCat[cat * R + k] += r;
    planBilling(lines, j, plan);
    const billed = billedIn(plan, -Infinity, Math.min(to, lines.last[j]));
    const d = billed - contractRevenue(lines, j, lines.start[j], to);
    cDefLine[j] = d;
    cDefCat[cat * R + k] += d;
  }

  // --- Contract ARR on `to`: pending (counted, not started) and started, by category.
  let spotTo: SpotRates | null = null;
  const arrCents = (i: number): number => {
    const f = model.fixedCents[i];
    if (!Number.isNaN(f)) return f;
    spotTo ??= new SpotRates(model, to);
    return contributorCents(model, i, spotTo);
  };
  for (let i = 0; i < model.n; i++) {
    if (model.from[i] > to || model.stop[i] < to) continue;
    const k = c.modelCustomer[model.customer[i]];
    const v = arrCents(i);
    if (to < c.contributorStart[i]) aPending[k] += v;
    else aStarted[c.contributorCategory[i] * R + k] += v;
  }

  // --- NetSuite: GL revenue of the period's posting periods.
  const nr = ns.revenue;
  for (let x = 0; x < nr.n; x++) {
    const m = nr.month[x];
    if (m < a0 || m > a1) continue;
    nRevCat[nr.category[x] * R + rowOfEntity[nr.entity[x]]] += nr.cents[x];
  }

  // --- NetSuite service lines: run-rate on `to`; implied deferred revenue when no export is given.
  const sv = ns.service;
  const svRun = new Float64Array(sv.n);
  for (let x = 0; x < sv.n; x++) {
    if (sv.category[x] !== CAT_ONE_TIME && sv.end[x] >= sv.start[x]) {
      svRun[x] = runRate(sv.cents[x], sv.start[x], sv.end[x], policy);
    }
  }
  const svDef = (x: number, day: Day): number =>
    (sv.day[x] <= day ? sv.cents[x] : 0) -
    earnedThrough(sv.cents[x], sv.start[x], sv.end[x], sv.end[x], day, mode);
  for (let x = 0; x < sv.n; x++) {
    const row = rowOfEntity[sv.entity[x]];
    const cat = sv.category[x];
    if (cat !== CAT_ONE_TIME && sv.start[x] <= to && to <= sv.end[x]) nRunCat[cat * R + row] += svRun[x];
    if (!ns.deferred) nDefCat[cat * R + row] += svDef(x, to);
  }
  if (ns.deferred) {
    const nd = ns.deferred;
    for (let x = 0; x < nd.n; x++) nDefCat[nd.category[x] * R + rowOfEntity[nd.entity[x]]] += nd.cents[x];
  }

  // --- The figures and the category causes.
  for (let row = 0; row < R; row++) {
    for (let cat = 0; cat < 3; cat++) {
      rev.contract[row] += cRevCat[cat * R + row];
      rev.netsuite[row] += nRevCat[cat * R + row];
      def.contract[row] += cDefCat[cat * R + row];
      def.netsuite[row] += nDefCat[cat * R + row];
      arr.netsuite[row] += nRunCat[cat * R + row];
      arr.contract[row] += aStarted[cat * R + row];
    }
    arr.contract[row] += aPending[row];
    const isMatched = row < K && matched[row] === 1;
    if (!isMatched) {
      for (const a of [rev, arr, def]) a.add(row, 'unmatched', a.netsuite[row] - a.contract[row]);
      continue;
    }
    const o = CAT_ONE_TIME * R + row;
    const u = CAT_USAGE * R + row;
    rev.add(row, 'oneTime', nRevCat[o] - cRevCat[o]);
    rev.add(row, 'usage', nRevCat[u] - cRevCat[u]);
    def.add(row, 'oneTime', nDefCat[o] - cDefCat[o]);
    def.add(row, 'usage', nDefCat[u] - cDefCat[u]);
    arr.add(row, 'pendingStart', -aPending[row]);
    arr.add(row, 'usage', nRunCat[u] - aStarted[u]);
  }

  // --- Recurring timing and discount, per matched customer with recurring lines on both sides.
  const cCols: ServiceColumns = {
    start: book.start,
    end: book.end,
    last: lines.last,
    total: lines.totalCents,
    run: c.run,
    runList: c.runList,
  };
  const nCols: ServiceColumns = {
    start: sv.start,
    end: sv.end,
    last: sv.end,
    total: sv.cents,
    run: svRun,
    runList: svRun,
  };
  const cIds: number[][] = Array.from({ length: K }, () => []);
  for (let j = 0; j < book.n; j++) if (c.category[j] === CAT_RECURRING) cIds[c.customer[j]].push(j);
  const nIds: number[][] = Array.from({ length: K }, () => []);
  for (let x = 0; x < sv.n; x++) {
    const row = rowOfEntity[sv.entity[x]];
    if (row < K && sv.category[x] === CAT_RECURRING) nIds[row].push(x);
  }
  const gross = policy.discounts === 'gross';
  for (let k = 0; k < K; k++) {
    if (!matched[k] || cIds[k].length === 0 || nIds[k].length === 0) continue;
    const tc = timeline(cCols, cIds[k], tol);
    const tn = timeline(nCols, nIds[k], tol);
    if (tc.stop === NO_STOP || tn.stop === NO_STOP) continue;
    const cut = Math.min(tc.stop, tn.stop);
    const pairs = pairSteps(tc.steps, tn.steps, cut, tol);
    timingCauses(k, pairs, tc.stop, tn.stop, cut);
  }

  function timingCauses(k: number, pairs: Pair[], stopC: Day, stopN: Day, cut: Day): void {
    // Churn timing: service on one side after the other side stopped.
    let rChurn = 0;
    let dChurn = 0;
    for (const x of nIds[k]) {
      const s = sv.start[x];
      const e = sv.end[x];
      rChurn += earnedBetween(sv.cents[x], s, e, e, Math.max(from, stopC + 1), to, mode);
      dChurn -= earnedBetween(sv.cents[x], s, e, e, stopC + 1, to, mode);
      if (s > stopC && sv.day[x] <= to) dChurn += sv.cents[x];
    }
    for (const j of cIds[k]) {
      rChurn -= contractRevenue(lines, j, Math.max(from, stopN + 1), to);
      dChurn += contractRevenue(lines, j, stopN + 1, to);
      if (stopN < to) {
        planBilling(lines, j, plan);
        dChurn -= billedIn(plan, stopN + 1, Math.min(to, lines.last[j]));
      }
    }
    rev.add(k, 'churnTiming', rChurn);
    def.add(k, 'churnTiming', dChurn);
    if (to > cut) {
      arr.add(k, 'churnTiming', nRunCat[CAT_RECURRING * R + k] - aStarted[CAT_RECURRING * R + k]);
    }

    // Modification timing: a paired change effective on different days.
    for (const p of pairs) {
      if (p.c.day === p.n.day) continue;
      const nsFirst = p.n.day < p.c.day;
      const first = nsFirst ? p.n : p.c;
      const cols = nsFirst ? nCols : cCols;
      const sign = nsFirst ? 1 : -1;
      const lo = first.day;
      const hi = (nsFirst ? p.c.day : p.n.day) - 1;
      const days = overlapDays(lo, hi, from, to);
      if (days > 0) {
        let amt = 0;
        for (const j of first.starts) {
          amt += roundMulDiv(cols.total[j], days, cols.end[j] - cols.start[j] + 1, mode);
        }
        for (const j of first.ends) {
          amt -= roundMulDiv(cols.total[j], days, cols.end[j] - cols.start[j] + 1, mode);
        }
        rev.add(k, 'modificationTiming', sign * amt);
      }
      if (lo <= to && to <= hi && to <= cut) {
        arr.add(k, 'modificationTiming', nsFirst ? p.n.run : -(gross ? p.c.runList : p.c.run));
        let d = 0;
        if (nsFirst) for (const x of p.n.starts) d += svDef(x, to);
        else for (const j of p.c.starts) d -= cDefLine[j];
        def.add(k, 'modificationTiming', d);
      }
    }

    // Discount gross vs net: lines whose start NetSuite carries at list (or, under a gross policy, at net).
    for (const p of pairs) {
      for (const j of p.c.starts) {
        const T = lines.totalCents[j];
        const L = c.listTotal[j];
        if (L === T) continue;
        const s = lines.start[j];
        const e = lines.end[j];
        const l = lines.last[j];
        const pit = lines.pointInTime[j] === 1;
        if (p.basis === 'list') {
          rev.add(
            k,
            'discount',
            earnedBetween(L, s, e, l, from, to, mode, pit) - earnedBetween(T, s, e, l, from, to, mode, pit),
          );
          let d = -earnedThrough(L, s, e, l, to, mode, pit) + earnedThrough(T, s, e, l, to, mode, pit);
          d += billedIn(planWithTotal(lines, j, L, plan), -Infinity, Math.min(to, l));
          d -= billedIn(planBilling(lines, j, plan), -Infinity, Math.min(to, l));
          def.add(k, 'discount', d);
        }
        if (s <= to && to <= l && to <= cut) {
          if (p.basis === 'list' && !gross) arr.add(k, 'discount', c.runList[j] - c.run[j]);
          if (p.basis === 'net' && gross) arr.add(k, 'discount', c.run[j] - c.runList[j]);
        }
      }
    }
  }

  // --- Rows.
  const label = (row: number): { customer: string | null; netsuite: string[] } => ({
    customer: row < K ? c.keys[row] : null,
    netsuite: rowEntities[row].map((e) => ns.entities[e]),
  });
  const active = new Uint8Array(R);
  for (const a of [rev, arr, def]) {
    for (let row = 0; row < R; row++) {
      if (a.contract[row] !== 0 || a.netsuite[row] !== 0) active[row] = 1;
    }
  }
  const order: number[] = [];
  const keyOrder = Array.from({ length: K }, (_, k) => k).sort((x, y) => cmp(c.keys[x], c.keys[y]));
  for (const k of keyOrder) if (active[k]) order.push(k);
  const nsOrder = entityRows
    .map((e, i) => ({ e, row: K + i }))
    .sort((x, y) => cmp(ns.entities[x.e], ns.entities[y.e]));
  for (const { row } of nsOrder) if (active[row]) order.push(row);

  const table = (kind: ReconKind, a: Acc, contractLabel: string, netsuiteLabel: string): ReconTable => {
    const rows = order.map((row) => {
      const causes = {} as Causes;
      CAUSE_KEYS.forEach((key, i) => (causes[key] = a.causes[row * NC + i]));
      return makeRow(label(row), a.contract[row], a.netsuite[row], causes, policy.reconTolerancePct);
    });
    const totalCauses = {} as Causes;
    for (const key of CAUSE_KEYS) totalCauses[key] = rows.reduce((s, r) => s + r.causes[key], 0);
    const total = makeRow(
      { customer: 'Total', netsuite: [] },
      rows.reduce((s, r) => s + r.contractCents, 0),
      rows.reduce((s, r) => s + r.netsuiteCents, 0),
      totalCauses,
      policy.reconTolerancePct,
    );
    return { kind, contractLabel, netsuiteLabel, rows, total };
  };

  const revenue = table('revenue', rev, 'Contract revenue', 'GL revenue');
  const arrTable = table('arr', arr, 'Contract ARR', 'Billing run-rate');
  const deferred = table('deferred', def, 'Contract deferred', 'NetSuite deferred');

  const walk = walkSteps(c, from, to, revenue);
  if (walk instanceof CellError) return walk;

  const activeNames = new Set(order.map((row) => (row < K ? c.keys[row] : null)).filter((x) => x !== null));
  const activeEntities = new Set(order.filter((row) => row >= K).flatMap((row) => label(row).netsuite));
  return {
    from,
    to,
    currency: policy.reportingCurrency,
    tolerancePct: policy.reconTolerancePct,
    revenue,
    arr: arrTable,
    deferred,
    deferredSource: ns.deferred ? 'export' : 'invoices',
    walk,
    unmatched: {
      contracts: match.unmatched.contracts.filter((u) => activeNames.has(u.name)),
      netsuite: match.unmatched.netsuite.filter((u) => activeEntities.has(u.name)),
    },
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function makeRow(
  who: { customer: string | null; netsuite: string[] },
  contract: number,
  netsuite: number,
  causes: Causes,
  tolerancePct: number,
): ReconRow {
  const variance = netsuite - contract;
  let explained = 0;
  for (const key of CAUSE_KEYS) explained += causes[key];
  const pct = contract === 0 ? null : (variance / Math.abs(contract)) * 100;
  return {
    customer: who.customer,
    netsuite: who.netsuite,
    contractCents: contract,
    netsuiteCents: netsuite,
    varianceCents: variance,
    variancePct: pct,
    flag: pct === null ? variance !== 0 : Math.abs(pct) > tolerancePct,
    causes,
    unexplainedCents: variance - explained,
  };
}

/** sum / 365 rounded once (exact: sum is an integer number of cent-days). */
function perDay(sum: number, mode: ContractSide['policy']['rounding']): number {
  return Number(roundRatio(BigInt(sum), 365n, mode));
}

export const WALK_LABELS = {
  arrImplied: 'ARR-implied revenue',
  pending: 'Pending starts (in ARR, not yet live)',
  discount1: 'Discounts (ARR at list, revenue net)',
  churn1: 'Churn timing (ARR vs service end)',
  oneTime1: 'One-time and services revenue',
  usage1: 'Usage revenue outside ARR',
  unexplained1: 'Unexplained (ARR to contract revenue)',
  contract: 'Contract revenue',
  oneTime2: 'One-time and services (GL vs contract)',
  usage2: 'Usage (GL vs contract)',
  discount2: 'Discount gross vs net (GL at list)',
  modification2: 'Modification timing',
  churn2: 'Churn timing (GL vs contract end)',
  unmatched2: 'Unmatched customers',
  unexplained2: 'Unexplained (contract to GL revenue)',
  gl: 'GL revenue',
} as const;

/**
 * The walk: ARR-implied revenue -> leg 1 causes -> contract revenue -> leg 2 causes (the revenue
 * table's totals) -> GL revenue. Leg 1 (docs/reconcile.md, "The walk"): every ARR contributor's
 * counted days in the period split into days before its service starts (pending starts), days after
 * its last service day (churn timing, with the revenue its lines earn after it stops counting) and
 * service days, where a gross policy's list rate is brought back to net (discounts); one-time
 * revenue and the revenue of usage lines that are not ARR are added.
 */
function walkSteps(c: ContractSide, from: Day, to: Day, revenue: ReconTable): WalkStep[] | CellError {
  const { model, netModel, lines, policy } = c;
  const mode = policy.rounding;
  let all = 0;
  let pending = 0;
  let post = 0;
  let disc = 0;
  let afterStop = 0;
  const spot = new Map<typeof model, Map<Day, SpotRates>>();
  const centsOn = (m: typeof model, i: number, d: Day): number => {
    const f = m.fixedCents[i];
    if (!Number.isNaN(f)) return f;
    let byDay = spot.get(m);
    if (!byDay) spot.set(m, (byDay = new Map()));
    let r = byDay.get(d);
    if (!r) byDay.set(d, (r = new SpotRates(m, d)));
    return contributorCents(m, i, r);
  };
  for (let i = 0; i < model.n; i++) {
    const lo = Math.max(model.from[i], from);
    const hi = Math.min(model.stop[i], to);
    const s = c.contributorStart[i];
    let last = -Infinity;
    for (let m = model.lineStart[i]; m < model.lineStart[i + 1]; m++) {
      const j = model.lineIdx[m];
      if (lines.last[j] > last) last = lines.last[j];
    }
    if (hi >= lo) {
      const fixed = !Number.isNaN(model.fixedCents[i]) && !Number.isNaN(netModel.fixedCents[i]);
      if (fixed) {
        const v = model.fixedCents[i];
        all += v * (hi - lo + 1);
        pending += v * overlapDays(lo, hi, -Infinity, s - 1);
        post += v * overlapDays(lo, hi, last + 1, Infinity);
        if (netModel !== model) disc += (v - netModel.fixedCents[i]) * overlapDays(lo, hi, s, last);
      } else {
        for (let d = lo; d <= hi; d++) {
          const v = centsOn(model, i, d);
          all += v;
          if (d < s) pending += v;
          else if (d > last) post += v;
          else if (netModel !== model) disc += v - centsOn(netModel, i, d);
        }
      }
    }
    if (model.stop[i] < to) {
      for (let m = model.lineStart[i]; m < model.lineStart[i + 1]; m++) {
        afterStop += contractRevenue(lines, model.lineIdx[m], Math.max(from, model.stop[i] + 1), to);
      }
    }
  }
  if (![all, pending, post, disc].every(Number.isSafeInteger)) {
    return new CellError('#NUM!', 'ARR over the period is too large to sum exactly');
  }
  // Revenue outside ARR: one-time lines, and usage lines the policy does not count as ARR.
  let oneTime = 0;
  let usage = 0;
  const inArr = new Uint8Array(c.book.n);
  for (let i = 0; i < model.n; i++) {
    for (let m = model.lineStart[i]; m < model.lineStart[i + 1]; m++) inArr[model.lineIdx[m]] = 1;
  }
  for (let j = 0; j < c.book.n; j++) {
    if (inArr[j]) continue;
    const r = contractRevenue(lines, j, from, to);
    if (c.category[j] === CAT_ONE_TIME) oneTime += r;
    else usage += r; // recurring lines are always ARR; what is left is usage outside ARR
  }

  const arrImplied = perDay(all, mode);
  const steps1: [string, number, CauseKey | null][] = [
    [WALK_LABELS.pending, -perDay(pending, mode), 'pendingStart'],
    [WALK_LABELS.discount1, -perDay(disc, mode), 'discount'],
    [WALK_LABELS.churn1, afterStop - perDay(post, mode), 'churnTiming'],
    [WALK_LABELS.oneTime1, oneTime, 'oneTime'],
    [WALK_LABELS.usage1, usage, 'usage'],
  ];
  const contract = revenue.total.contractCents;
  const explained1 = steps1.reduce((s, x) => s + x[1], 0);
  const t = revenue.total;
  const walk: WalkStep[] = [{ step: WALK_LABELS.arrImplied, cents: arrImplied, kind: 'start', leg: 1 }];
  for (const [step, cents, cause] of steps1) walk.push({ step, cents, kind: 'cause', cause: cause!, leg: 1 });
  walk.push({
    step: WALK_LABELS.unexplained1,
    cents: contract - arrImplied - explained1,
    kind: 'unexplained',
    leg: 1,
  });
  walk.push({ step: WALK_LABELS.contract, cents: contract, kind: 'subtotal', leg: 2 });
  const steps2: [string, CauseKey][] = [
    [WALK_LABELS.oneTime2, 'oneTime'],
    [WALK_LABELS.usage2, 'usage'],
    [WALK_LABELS.discount2, 'discount'],
    [WALK_LABELS.modification2, 'modificationTiming'],
    [WALK_LABELS.churn2, 'churnTiming'],
    [WALK_LABELS.unmatched2, 'unmatched'],
  ];
  for (const [step, cause] of steps2)
    walk.push({ step, cents: t.causes[cause], kind: 'cause', cause, leg: 2 });
  // pendingStart is 0 in the revenue table by construction (revenue never counts a pending start).
  walk.push({
    step: WALK_LABELS.unexplained2,
    cents: t.unexplainedCents + t.causes.pendingStart,
    kind: 'unexplained',
    leg: 2,
  });
  walk.push({ step: WALK_LABELS.gl, cents: t.netsuiteCents, kind: 'end', leg: 2 });
  return walk;
}
