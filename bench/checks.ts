/**
 * Data checks benchmark: CHECK over 100k contract lines (target <= 1 s).
 *
 * The synthetic book (bench/synthetic.ts: renewals, late renewals with gaps, co-termed add-ons,
 * churn and win-backs) with more columns so that every kind of rule has work to do: a Signed Date
 * (per contract, 0-29 days before its first start), a Status (`active` on lines live on the as-of
 * date, `expired` before it, and `active` on every 97th ended line: findings) and every 20,000th
 * amount written as `n/a` (bad cells). Timed, best of `reps` after a warm-up:
 * - `sheet`: the CHECK sheet function on the cell range (Excel serial dates) as of 2025-12-31,
 *   parsing included: the figure the target applies to;
 * - `noAsOf`: the same without an as-of date (no status or ARR-move rules).
 * A check: the arr-anomaly findings name exactly the customers whose ARR (arrOn by customer) moved
 * by more than anomalyThreshold between 2025-09-30 and 2025-12-31, and every bad amount is a
 * bad-cell finding on its row.
 *
 * `runChecksBench()` is called by bench/bench.ts; `node dist/bench/checks.js [--n 100000]` runs it
 * alone (the target is for 100,000 lines; at another size the time is reported only).
 */
import { parseArgs } from 'node:util';
import {
  CellError,
  arrOn,
  buildModel,
  dayFromYmd,
  defaultPolicy,
  excelSerialFromDay,
  parseContracts,
} from '../src/index.js';
import { CHECK } from '../src/functions/index.js';
import { CELL_HEADER, syntheticBook, toCells } from './synthetic.js';
import { best } from './timing.js';

export const CHECKS_TARGET_MS = 1000;
/** The book size the target is for. */
export const CHECKS_TARGET_LINES = 100_000;
const AS_OF = dayFromYmd(2025, 12, 31);
const QUARTER_BEFORE = dayFromYmd(2025, 9, 30);
const BAD_EVERY = 20_000;
const WRONG_STATUS_EVERY = 97;

export interface ChecksBenchResult {
  n: number;
  /** CHECK on the cell range as of 2025-12-31, parsing included (the target's figure). */
  sheetMs: number;
  /** The same without an as-of date. */
  noAsOfMs: number;
  findings: number;
  /** Findings per rule id. */
  byRule: Record<string, number>;
  targetMs: number;
  met: boolean;
  /** Problems found by the check (empty when it ties out). */
  problems: string[];
}

/** The synthetic book as cells with Signed Date, Status and a few bad amounts. */
export function checksCells(n: number): { cells: unknown[][]; badRows: number[] } {
  const book = syntheticBook(n);
  const cells = toCells(book);
  cells[0] = [...CELL_HEADER, 'Signed Date', 'Status'];
  const amount = CELL_HEADER.indexOf('Amount');
  const badRows: number[] = [];
  // One signed date per contract: 0-29 days before its first line's start.
  const signed = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    if (!signed.has(book.contract[j])) signed.set(book.contract[j], book.start[j] - (signed.size % 30));
  }
  for (let j = 0; j < n; j++) {
    const row = cells[j + 1];
    const ended = book.end[j] < AS_OF;
    const status = !ended || j % WRONG_STATUS_EVERY === 0 ? 'active' : 'expired';
    row.push(excelSerialFromDay(signed.get(book.contract[j]) as number), status);
    if (j % BAD_EVERY === BAD_EVERY - 1) {
      row[amount] = 'n/a';
      badRows.push(j + 2);
    }
  }
  return { cells, badRows };
}

export function runChecksBench(opts: { n?: number; reps?: number } = {}): ChecksBenchResult {
  const n = opts.n ?? 100_000;
  const reps = opts.reps ?? 5;
  const gc = (globalThis as { gc?: () => void }).gc;
  const { cells, badRows } = checksCells(n);
  const asOf = excelSerialFromDay(AS_OF);

  const sheet = best(() => CHECK(cells, asOf), reps, gc);
  if (sheet.result instanceof CellError) throw new Error(`CHECK: ${sheet.result.message}`);
  const noAsOf = best(() => CHECK(cells), reps, gc);
  if (noAsOf.result instanceof CellError) throw new Error(`CHECK: ${noAsOf.result.message}`);

  const rows = (sheet.result as unknown[][]).slice(1);
  const byRule: Record<string, number> = {};
  for (const r of rows) byRule[String(r[4])] = (byRule[String(r[4])] ?? 0) + 1;

  // The check, with the engine's public functions on the readable lines.
  const problems: string[] = [];
  const policy = defaultPolicy();
  const bad = new Set(badRows);
  const good = cells.filter((_, i) => i === 0 || !bad.has(i + 1));
  const book = parseContracts(good, policy);
  if (book instanceof CellError) throw new Error(book.message);
  const model = buildModel(book, policy);
  if (model instanceof CellError) throw new Error(model.message);
  const before = arrOn(model, QUARTER_BEFORE, 'customer');
  const after = arrOn(model, AS_OF, 'customer');
  if (before instanceof CellError || after instanceof CellError) throw new Error('arrOn failed');
  const arr = new Map<string, number>();
  for (const g of before.by ?? []) arr.set(g.key, -g.arrCents);
  for (const g of after.by ?? []) arr.set(g.key, (arr.get(g.key) ?? 0) + g.arrCents);
  const limit = policy.anomalyThreshold * 100;
  const moved = [...arr].filter(([, v]) => Math.abs(v) > limit).map(([k]) => k);
  const flagged = rows.filter((r) => r[4] === 'arr-anomaly').map((r) => String(r[2]));
  if (moved.sort().join('\n') !== flagged.sort().join('\n')) {
    problems.push(`arr-anomaly names ${flagged.length} customers, arrOn finds ${moved.length}`);
  }
  const badFound = rows.filter((r) => r[4] === 'bad-cell').map((r) => Number(r[1]));
  if (badFound.join(',') !== badRows.join(',')) {
    problems.push(`bad-cell rows ${badFound.join(',')} != ${badRows.join(',')}`);
  }

  return {
    n,
    sheetMs: sheet.ms,
    noAsOfMs: noAsOf.ms,
    findings: rows.length,
    byRule,
    targetMs: CHECKS_TARGET_MS,
    met: n !== CHECKS_TARGET_LINES || sheet.ms <= CHECKS_TARGET_MS,
    problems,
  };
}

export function formatChecksBench(r: ChecksBenchResult): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const rules = Object.entries(r.byRule)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
    .join(', ');
  const target =
    r.n === CHECKS_TARGET_LINES
      ? `(target <= ${r.targetMs} ms: ${r.met ? 'met' : 'MISSED'})`
      : `(the target is for ${CHECKS_TARGET_LINES.toLocaleString('en-US')} lines)`;
  return (
    `Data checks: CHECK over ${r.n.toLocaleString('en-US')} lines\n` +
    `  CHECK sheet function as of 2025-12-31 (parsing included) ${ms(r.sheetMs)} ms ${target}\n` +
    `  without an as-of date ${ms(r.noAsOfMs)} ms\n` +
    `  ${r.findings.toLocaleString('en-US')} findings: ${rules}\n` +
    `  check: ${r.problems.length === 0 ? 'OK, arr-anomaly matches arrOn by customer and every bad amount is a bad-cell finding' : r.problems.join('; ')}\n`
  );
}

// Run alone only when this file is the entry point (bench/bench.ts bundles it into bench.js).
if (process.argv[1] && /[\\/]checks\.[jt]s$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { n: { type: 'string' }, reps: { type: 'string' } } });
  const r = runChecksBench({
    n: values.n ? Number(values.n) : undefined,
    reps: values.reps ? Number(values.reps) : undefined,
  });
  process.stdout.write(formatChecksBench(r));
  process.exit(r.problems.length === 0 ? 0 : 1);
}
