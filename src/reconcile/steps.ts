/**
 * Timing analysis of one customer's recurring service on the two sides (docs/reconcile.md,
 * "Timing: steps and pairs").
 *
 * Each side's recurring lines are turned into *steps*: the days on which the customer's run-rate
 * changes (a line starting adds its run-rate, a line ending takes it off the day after its last
 * day; steps of one day are netted, and a step that nets to nothing, a renewal at the same rate, is
 * dropped). Each side *stops* on the last day its run-rate is above `tolerance` of its peak.
 * Steps after the earlier of the two stops belong to churn timing and are left out here.
 *
 * Pairs: a contract step and a NetSuite step are the same change when they move the run-rate the
 * same way by amounts within `tolerance` of each other (the contract's net change, or its change at
 * list amounts: evidence that NetSuite carries those lines at list) and are at most 366 days
 * apart. Candidate pairs are taken closest in time first (then the closer amount, then the earlier
 * day), each step at most once.
 */
import type { Day } from '../cells/days.js';

/** Columns of service lines, indexed by line: both sides use this shape. */
export interface ServiceColumns {
  start: Int32Array;
  end: Int32Array;
  /** Last day served (a cancel), <= end. */
  last: Int32Array;
  /** Total in cents (net). */
  total: Float64Array;
  /** Annual run-rate of the total, cents. */
  run: Float64Array;
  /** Run-rate at list (the contract side); equal to run when there is no list amount. */
  runList: Float64Array;
}

export interface Step {
  day: Day;
  /** Change of the run-rate (net), cents a year. */
  run: number;
  /** Change of the run-rate at list amounts. */
  runList: number;
  /** Lines starting on `day`. */
  starts: number[];
  /** Lines whose last day is `day - 1`. */
  ends: number[];
}

export interface Timeline {
  steps: Step[];
  /** Last day with a run-rate above tolerance of the peak (NEVER_STOPPED when none ever). */
  stop: Day;
  /** Highest run-rate reached. */
  peak: number;
}

export const NO_STOP = -2147483648;
const MAX_GAP_DAYS = 366;

/** The steps of a set of lines (indexes into `c`), in day order. */
export function timeline(c: ServiceColumns, ids: readonly number[], tolerance: number): Timeline {
  const byDay = new Map<number, Step>();
  const at = (day: Day): Step => {
    let s = byDay.get(day);
    if (!s) {
      s = { day, run: 0, runList: 0, starts: [], ends: [] };
      byDay.set(day, s);
    }
    return s;
  };
  for (const j of ids) {
    if (c.last[j] < c.start[j]) continue;
    const a = at(c.start[j]);
    a.run += c.run[j];
    a.runList += c.runList[j];
    a.starts.push(j);
    const b = at(c.last[j] + 1);
    b.run -= c.run[j];
    b.runList -= c.runList[j];
    b.ends.push(j);
  }
  const all = [...byDay.values()].sort((x, y) => x.day - y.day);
  let level = 0;
  let peak = 0;
  for (const s of all) {
    level += s.run;
    if (Math.abs(level) > peak) peak = Math.abs(level);
  }
  // The stop: the day before the last step after which the level stays within tolerance of 0.
  let stop = NO_STOP;
  level = 0;
  for (let i = 0; i < all.length; i++) {
    level += all[i].run;
    if (Math.abs(level) > tolerance * peak && peak > 0)
      stop = i + 1 < all.length ? all[i + 1].day - 1 : NO_STOP;
  }
  const steps = all.filter((s) => Math.abs(s.run) >= 0.5 || Math.abs(s.runList) >= 0.5);
  return { steps, stop, peak };
}

export interface Pair {
  c: Step;
  n: Step;
  /** Whether the contract step matched at its net change or at its list change. */
  basis: 'net' | 'list';
}

function close(a: number, b: number, tolerance: number): number | null {
  if (a === 0 || b === 0 || a > 0 !== b > 0) return null;
  const m = Math.max(Math.abs(a), Math.abs(b));
  const d = Math.abs(a - b) / m;
  return d <= tolerance ? d : null;
}

/** Pairs the two timelines' steps on or before `cutoff` (see the module comment). */
export function pairSteps(c: Step[], n: Step[], cutoff: Day, tolerance: number): Pair[] {
  const cand: { ci: number; ni: number; gap: number; diff: number; basis: 'net' | 'list' }[] = [];
  for (let ci = 0; ci < c.length; ci++) {
    const cs = c[ci];
    if (cs.day > cutoff) break;
    for (let ni = 0; ni < n.length; ni++) {
      const ns = n[ni];
      if (ns.day > cutoff) break;
      const gap = Math.abs(ns.day - cs.day);
      if (gap > MAX_GAP_DAYS) continue;
      const net = close(cs.run, ns.run, tolerance);
      const list = cs.runList !== cs.run ? close(cs.runList, ns.run, tolerance) : null;
      if (net === null && list === null) continue;
      const basis = list !== null && (net === null || list < net) ? 'list' : 'net';
      cand.push({ ci, ni, gap, diff: basis === 'list' ? (list as number) : (net as number), basis });
    }
  }
  cand.sort(
    (x, y) =>
      x.gap - y.gap ||
      x.diff - y.diff ||
      c[x.ci].day - c[y.ci].day ||
      n[x.ni].day - n[y.ni].day ||
      x.ci - y.ci,
  );
  const usedC = new Uint8Array(c.length);
  const usedN = new Uint8Array(n.length);
  const pairs: Pair[] = [];
  for (const x of cand) {
    if (usedC[x.ci] || usedN[x.ni]) continue;
    usedC[x.ci] = 1;
    usedN[x.ni] = 1;
    pairs.push({ c: c[x.ci], n: n[x.ni], basis: x.basis });
  }
  return pairs.sort((x, y) => x.c.day - y.c.day);
}
