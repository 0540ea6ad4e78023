/**
 * Snapshots benchmark: SNAPSHOT + verify of 1M contract lines (target <= 3 s).
 *
 * The synthetic book (bench/synthetic.ts) as the cell range a sheet hands the function (Excel
 * serial dates, amounts in dollars). Timed, best of `reps` after a warm-up:
 * - `snapshot`: the SNAPSHOT sheet function as of 2025-12-31, parsing and the ARR model included;
 * - `verify`: reading that table back and verifying it (every check, the seal, the count, the total,
 *   every row's arithmetic and order);
 * - the target's figure is the two together (timed as one);
 * - for reference, `verifyCsv`: verifying the same table as CSV text cells (every cell a string),
 *   and `core`: buildSnapshot from a model already built (no parsing).
 * A check: the snapshot's total and row count are arrOn's total and the contributors counting on
 * the date, the verification finds nothing, and one edited cell is found and named.
 *
 * `runSnapshotsBench()` is called by bench/bench.ts; `node dist/bench/snapshots.js [--n 1000000]`
 * runs it alone (the target is for 1,000,000 lines; at another size the time is reported only).
 */
import { parseArgs } from 'node:util';
import {
  CellError,
  arrOn,
  buildModel,
  buildSnapshot,
  dayFromYmd,
  defaultPolicy,
  excelSerialFromDay,
  parseContracts,
  readSnapshot,
  snapshotTable,
} from '../src/index.js';
import { SNAPSHOT } from '../src/functions/index.js';
import { syntheticBook, toCells } from './synthetic.js';
import { best } from './timing.js';

export const SNAPSHOTS_TARGET_MS = 3000;
/** The book size the target is for. */
export const SNAPSHOTS_TARGET_LINES = 1_000_000;
const AS_OF = dayFromYmd(2025, 12, 31);

export interface SnapshotsBenchResult {
  n: number;
  /** Snapshot rows (contributors counting on the date). */
  rows: number;
  /** SNAPSHOT + verify, timed together: the target's figure. */
  totalMs: number;
  snapshotMs: number;
  verifyMs: number;
  verifyCsvMs: number;
  coreMs: number;
  targetMs: number;
  met: boolean;
  problems: string[];
}

function table(x: unknown, what: string): unknown[][] {
  if (x instanceof CellError) throw new Error(`${what}: ${x.message}`);
  return x as unknown[][];
}

export function runSnapshotsBench(opts: { n?: number; reps?: number } = {}): SnapshotsBenchResult {
  const n = opts.n ?? SNAPSHOTS_TARGET_LINES;
  const reps = opts.reps ?? 5;
  const gc = (globalThis as { gc?: () => void }).gc;
  const cells = toCells(syntheticBook(n));
  const asOf = excelSerialFromDay(AS_OF);

  const total = best(
    () => {
      const t = table(SNAPSHOT(cells, asOf), 'SNAPSHOT');
      return readSnapshot(t);
    },
    reps,
    gc,
  );
  const snap = best(() => table(SNAPSHOT(cells, asOf), 'SNAPSHOT'), reps, gc);
  const verify = best(() => readSnapshot(snap.result), reps, gc);
  const text = snap.result.map((row) => row.map((c) => String(c)));
  const verifyCsv = best(() => readSnapshot(text), reps, gc);

  const policy = defaultPolicy();
  const book = parseContracts(cells, policy);
  if (book instanceof CellError) throw new Error(book.message);
  const model = buildModel(book, policy);
  if (model instanceof CellError) throw new Error(model.message);
  const core = best(() => buildSnapshot(model, AS_OF), reps, gc);

  // The check.
  const problems: string[] = [];
  const read = verify.result;
  if (read instanceof CellError) throw new Error(`verify: ${read.message}`);
  if (read.discrepancies.length > 0) problems.push(`verify found ${read.discrepancies[0].message}`);
  const csvRead = verifyCsv.result;
  if (csvRead instanceof CellError || csvRead.discrepancies.length > 0)
    problems.push('the CSV text did not verify');
  const arr = arrOn(model, AS_OF);
  if (arr instanceof CellError) throw new Error(arr.message);
  if (read.snapshot.totalCents !== arr.arrCents) {
    problems.push(`snapshot total ${read.snapshot.totalCents} != arrOn ${arr.arrCents}`);
  }
  let counting = 0;
  for (let i = 0; i < model.n; i++) if (model.from[i] <= AS_OF && AS_OF <= model.stop[i]) counting++;
  if (read.snapshot.rows.n !== counting)
    problems.push(`snapshot rows ${read.snapshot.rows.n} != ${counting}`);
  if (core.result instanceof CellError || snapshotTable(core.result).length !== snap.result.length) {
    problems.push('buildSnapshot and SNAPSHOT disagree');
  }
  const edited = text.map((row) => row.slice());
  const r = Math.floor(edited.length / 2);
  edited[r][11] = String(Number(edited[r][11]) + 0.01);
  const found = readSnapshot(edited);
  const named =
    !(found instanceof CellError) &&
    found.discrepancies.some((d) => d.row === r + 1 && d.column === 'ARR Reporting');
  if (!named) problems.push(`an edit of row ${r + 1}, ARR Reporting was not named`);

  return {
    n,
    rows: read.snapshot.rows.n,
    totalMs: total.ms,
    snapshotMs: snap.ms,
    verifyMs: verify.ms,
    verifyCsvMs: verifyCsv.ms,
    coreMs: core.ms,
    targetMs: SNAPSHOTS_TARGET_MS,
    met: n !== SNAPSHOTS_TARGET_LINES || total.ms <= SNAPSHOTS_TARGET_MS,
    problems,
  };
}

export function formatSnapshotsBench(r: SnapshotsBenchResult): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const target =
    r.n === SNAPSHOTS_TARGET_LINES
      ? `(target <= ${r.targetMs} ms: ${r.met ? 'met' : 'MISSED'})`
      : `(the target is for ${SNAPSHOTS_TARGET_LINES.toLocaleString('en-US')} lines)`;
  return (
    `Snapshots: SNAPSHOT + verify of ${r.n.toLocaleString('en-US')} lines (${r.rows.toLocaleString('en-US')} rows on 2025-12-31)\n` +
    `  SNAPSHOT sheet function (parsing included) + verify ${ms(r.totalMs)} ms ${target}\n` +
    `  SNAPSHOT ${ms(r.snapshotMs)} ms, verify ${ms(r.verifyMs)} ms (as CSV text ${ms(r.verifyCsvMs)} ms); ` +
    `buildSnapshot from a built model ${ms(r.coreMs)} ms\n` +
    `  check: ${r.problems.length === 0 ? 'OK, total and rows tie to arrOn, verified intact, an edited cell named' : r.problems.join('; ')}\n`
  );
}

// Run alone only when this file is the entry point (bench/bench.ts bundles it into bench.js).
if (process.argv[1] && /[\\/]snapshots\.[jt]s$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { n: { type: 'string' }, reps: { type: 'string' } } });
  const r = runSnapshotsBench({
    n: values.n ? Number(values.n) : undefined,
    reps: values.reps ? Number(values.reps) : undefined,
  });
  process.stdout.write(formatSnapshotsBench(r));
  process.exit(r.problems.length === 0 ? 0 : 1);
}
