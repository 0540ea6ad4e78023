/**
 * `npm run bench`: RunRate against DuckDB on the same synthetic book, with the figures checked to
 * the cent.
 *
 * For each book size the book is generated, compiled once (RunRate: `buildModel`; DuckDB: an
 * in-memory table filled with an appender) and then each operation is timed, best of 5 after a
 * warm-up, the two engines alternating: ARR on a date, the bridge between two dates and NRR. Then the 100k -> 1M scaling and the
 * sheet-function path (a 50k-row cell range through `BRIDGE`, parsing included).
 *
 * Options: `--sizes 10000,100000` (default 10k, 100k, 1M), `--reps 5`, `--out FILE` (default
 * dist/bench/results.json). Exits 1 when a figure disagrees with DuckDB; a missed speed target is
 * reported, not an error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  arrOn,
  bridge,
  buildModel,
  dayFromYmd,
  defaultPolicy,
  excelSerialFromDay,
  formatDay,
  parseContracts,
  retention,
  type Day,
} from '../src/index.js';
import { BRIDGE } from '../src/functions/index.js';
import { diffArr, diffBridge, diffDetail, diffRetention, lanesOf, sheetBridgeLanes } from './compare.js';
import { DuckDbReference } from './duckdb-reference.js';
import { syntheticBook, toCells, toContractBook } from './synthetic.js';
import { formatRevenueBench, runRevenueBench } from './revenue.js';
import { formatPackBench, runPackBench } from './pack.js';
import { formatSnapshotsBench, runSnapshotsBench } from './snapshots.js';
import { formatExcelWriterBench, runExcelWriterBench } from './addin-excel-writer.js';
import { formatChecksBench, runChecksBench } from './checks.js';
import { formatReconcileBench, runReconcileBench } from './reconcile.js';
import { formatNetSuiteReadBench, runNetSuiteReadBench } from './netsuite-read.js';
import { formatAddinFunctionsBench, runAddinFunctionsBench } from './addin-functions.js';
import { formatGasFunctionsBench, runGasFunctionsBench } from './gas-functions.js';
import { unwrap } from './timing.js';

const AS_OF: Day = dayFromYmd(2025, 6, 30);
const D0: Day = dayFromYmd(2024, 12, 31);
const D1: Day = dayFromYmd(2025, 12, 31);
const SHEET_ROWS = 50_000;

const TARGETS = {
  /** RunRate time / DuckDB time at 1M lines, each operation. */
  ratioAt1M: 1.0,
  /** (time at 1M / time at 100k) / 10. */
  scaling: 1.3,
  /** Peak resident set at 1M lines, MB (10^6 bytes). */
  peakRssMb: 1500,
  /** 50k-row BRIDGE through the sheet function, parsing included. */
  sheetMs: 150,
};

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    reps: { type: 'string', default: '5' },
    out: { type: 'string', default: 'dist/bench/results.json' },
  },
});
const SIZES = opts.sizes.split(',').map((s) => Number(s.trim()));
const REPS = Number(opts.reps);
if (SIZES.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(REPS) || REPS < 1) {
  console.error('usage: bench.js [--sizes 10000,100000,1000000] [--reps 5] [--out FILE]');
  process.exit(2);
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('note: run with --expose-gc for steadier timings (npm run bench does)');
const collect = (): void => gc?.();

/** Peak resident set of the process so far, MB (10^6 bytes). */
const peakRssMb = (): number => (process.resourceUsage().maxRSS * 1024) / 1e6;

/** Best time in ms of `reps` runs after one warm-up; returns the last result too. */
async function best<T>(fn: () => T | Promise<T>, reps = REPS): Promise<{ ms: number; result: T }> {
  let result = await fn();
  let ms = Infinity;
  for (let r = 0; r < reps; r++) {
    collect();
    const t0 = performance.now();
    result = await fn();
    const t = performance.now() - t0;
    if (t < ms) ms = t;
  }
  return { ms, result };
}

/** `best` for two functions at once, alternating them within each repetition. */
async function bestOfPair<A, B>(
  a: () => A | Promise<A>,
  b: () => B | Promise<B>,
  reps = REPS,
): Promise<[{ ms: number; result: A }, { ms: number; result: B }]> {
  const ra = { ms: Infinity, result: await a() };
  const rb = { ms: Infinity, result: await b() };
  for (let r = 0; r < reps; r++) {
    collect();
    let t0 = performance.now();
    ra.result = await a();
    ra.ms = Math.min(ra.ms, performance.now() - t0);
    collect();
    t0 = performance.now();
    rb.result = await b();
    rb.ms = Math.min(rb.ms, performance.now() - t0);
  }
  return [ra, rb];
}

function timeOnce<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

/**
 * `bridge`: the bridge's lane totals (what BRIDGE returns by default) against the lane query;
 * `bridgeDetail`: the bridge with its per-customer detail (BRIDGE with detail TRUE) against a query
 * returning the same rows with their contract lists.
 */
type Op = 'load' | 'arrOn' | 'bridge' | 'bridgeDetail' | 'retention';
interface Row {
  n: number;
  op: Op;
  runrateMs: number;
  duckdbMs: number;
  ratio: number;
  /** Process peak RSS after RunRate's build and one run of each operation at this size, before DuckDB loads it. */
  peakRssMb: number;
}

/** Share of the machine's CPU time spent busy over `ms` (this process is idle meanwhile). */
async function busyShare(ms: number): Promise<number> {
  const total = (c: ReturnType<typeof cpus>) =>
    c.reduce((s, x) => s + x.times.user + x.times.nice + x.times.sys + x.times.irq + x.times.idle, 0);
  const idle = (c: ReturnType<typeof cpus>) => c.reduce((s, x) => s + x.times.idle, 0);
  const a = cpus();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpus();
  const dt = total(b) - total(a);
  return dt > 0 ? 1 - (idle(b) - idle(a)) / dt : 0;
}

const busyAtStart = await busyShare(500);
if (busyAtStart > 0.1) {
  console.warn(
    `note: the machine was ${(busyAtStart * 100).toFixed(0)}% busy with other work just before the run: timings will be noisy`,
  );
}

const rows: Row[] = [];
const mismatches: string[] = [];
const info: Record<string, unknown> = {};

function check(label: string, problems: string[]): void {
  for (const p of problems) mismatches.push(`${label}: ${p}`);
  console.log(
    `  check ${label}: ${problems.length === 0 ? 'OK' : 'MISMATCH\n    ' + problems.join('\n    ')}`,
  );
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const pad = (s: string | number, w: number): string => String(s).padStart(w);

console.log(
  `RunRate bench: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}; ` +
    `ARR on ${formatDay(AS_OF)}, bridge and NRR ${formatDay(D0)} -> ${formatDay(D1)}; best of ${REPS} after a warm-up`,
);

for (const n of SIZES) {
  console.log(`\nN = ${n.toLocaleString('en-US')} lines`);
  collect();
  const gen = timeOnce(() => syntheticBook(n));
  const book = gen.result;
  console.log(`  generated ${book.customers.toLocaleString('en-US')} customers in ${fmtMs(gen.ms)} ms`);

  // RunRate: compile once, run each operation once (its warm-up) and take the peak RSS before
  // DuckDB shares the process.
  const policy = defaultPolicy();
  const contractBook = toContractBook(book);
  collect();
  const load = timeOnce(() => unwrap(buildModel(contractBook, policy), 'buildModel'));
  const model = load.result;
  const rrArrOnce = () => unwrap(arrOn(model, AS_OF), 'arrOn');
  const rrBridgeOnce = () => unwrap(bridge(model, D0, D1, { detail: false }), 'bridge');
  const rrDetailOnce = () => unwrap(bridge(model, D0, D1), 'bridge');
  const rrRetOnce = () => unwrap(retention(model, D0, D1), 'retention');
  rrArrOnce();
  rrBridgeOnce();
  rrDetailOnce();
  rrRetOnce();
  const rss = peakRssMb();

  // DuckDB: load with an appender (timed separately, not a target).
  collect();
  const duckLoad = performance.now();
  const ref = await DuckDbReference.load(book);
  const duckLoadMs = performance.now() - duckLoad;

  // The timed runs alternate between the engines, so a burst of other load on the machine
  // hits both rather than one.
  const [rrArr, dkArr] = await bestOfPair(rrArrOnce, () => ref.arr(AS_OF));
  const [rrBridge, dkBridge] = await bestOfPair(rrBridgeOnce, () => ref.bridge(D0, D1));
  const [rrDetail, dkDetail] = await bestOfPair(rrDetailOnce, () => ref.bridgeDetail(D0, D1));
  const [rrRet, dkRet] = await bestOfPair(rrRetOnce, () => ref.retention(D0, D1));
  const customersOn = await ref.customersOn(AS_OF);
  const movedKeys = rrDetail.result.detail.length;
  ref.close();

  check(`N=${n} ARR`, diffArr(rrArr.result, dkArr.result, customersOn));
  check(`N=${n} bridge`, diffBridge(lanesOf(rrBridge.result), dkBridge.result));
  check(`N=${n} bridge with detail`, diffBridge(lanesOf(rrDetail.result), dkBridge.result));
  check(`N=${n} bridge detail rows`, diffDetail(rrDetail.result.detail, dkDetail.result));
  check(`N=${n} NRR`, diffRetention(rrRet.result, dkRet.result));
  info[`n${n}`] = {
    customers: book.customers,
    generateMs: gen.ms,
    arrCents: dkArr.result,
    bridge: dkBridge.result,
    nrr: dkRet.result.nrr,
    bridgeDetailRows: movedKeys,
    peakRssAfterDuckDbMb: peakRssMb(),
  };

  const add = (op: Op, r: number, d: number): void => {
    rows.push({ n, op, runrateMs: r, duckdbMs: d, ratio: r / d, peakRssMb: rss });
  };
  add('load', load.ms, duckLoadMs);
  add('arrOn', rrArr.ms, dkArr.ms);
  add('bridge', rrBridge.ms, dkBridge.ms);
  add('bridgeDetail', rrDetail.ms, dkDetail.ms);
  add('retention', rrRet.ms, dkRet.ms);
}

// Sheet-function path: a 50k-row range with Excel serial dates, parsing included.
console.log(`\nSheet function: BRIDGE over a ${SHEET_ROWS.toLocaleString('en-US')}-row cell range`);
const sheetBook = syntheticBook(SHEET_ROWS);
const cells = toCells(sheetBook);
const from = excelSerialFromDay(D0);
const to = excelSerialFromDay(D1);
const sheet = await best(() => BRIDGE(cells, from, to));
const sheetParse = await best(() => unwrap(parseContracts(cells, defaultPolicy()), 'parseContracts'));
const sheetBuild = await best(() => unwrap(buildModel(sheetParse.result, defaultPolicy()), 'buildModel'));
{
  const ref = await DuckDbReference.load(sheetBook);
  const want = await ref.bridge(D0, D1);
  ref.close();
  const got = sheetBridgeLanes(sheet.result);
  check(`sheet BRIDGE ${SHEET_ROWS}`, typeof got === 'string' ? [got] : diffBridge(got, want));
}
console.log(
  `  BRIDGE ${fmtMs(sheet.ms)} ms (of which parseContracts ~${fmtMs(sheetParse.ms)} ms, ` +
    `buildModel ~${fmtMs(sheetBuild.ms)} ms)`,
);

// The Excel function path (issue 6): RR.BRIDGE through its registered wrapper in the built bundle.
console.log('');
const addinFunctions = await runAddinFunctionsBench({ reps: REPS });
process.stdout.write(formatAddinFunctionsBench(addinFunctions));
for (const p of addinFunctions.problems) mismatches.push(`excel functions: ${p}`);

// The Google Sheets function path (issue 7): BRIDGE through the Apps Script top-level function in a
// vm context, Date cells, in Node and under node --jitless.
console.log('');
const gasFunctions = runGasFunctionsBench({ reps: REPS });
process.stdout.write(formatGasFunctionsBench(gasFunctions));
for (const p of gasFunctions.problems) mismatches.push(`sheets functions: ${p}`);

// Revenue schedules (issue 3, section 1): SCHEDULE over 100k lines x 36 months.
console.log('');
const revenue = runRevenueBench({ reps: REPS });
process.stdout.write(formatRevenueBench(revenue));
for (const p of revenue.problems) mismatches.push(`revenue: ${p}`);

// Data checks (issue 3, section 3): CHECK over 100k lines.
console.log('');
const dataChecks = runChecksBench({ reps: REPS });
process.stdout.write(formatChecksBench(dataChecks));
for (const p of dataChecks.problems) mismatches.push(`data checks: ${p}`);

// Reconciliation against NetSuite (issue 4): 200k NetSuite lines against 20k contract lines.
console.log('');
const reconciliation = runReconcileBench({ reps: REPS });
process.stdout.write(formatReconcileBench(reconciliation));
for (const p of reconciliation.problems) mismatches.push(`reconcile: ${p}`);

// The NetSuite importer alone (issue 4, section 1): reading the same 200k lines, and matching.
console.log('');
const netsuiteRead = runNetSuiteReadBench({ reps: REPS });
process.stdout.write(formatNetSuiteReadBench(netsuiteRead));
for (const p of netsuiteRead.problems) mismatches.push(`netsuite import: ${p}`);

// The board pack (issue 5): runrate pack on 100k lines (about 10k customers), CSV in, xlsx out.
console.log('');
const pack = await runPackBench();
process.stdout.write(formatPackBench(pack));
for (const p of pack.problems) mismatches.push(`pack: ${p}`);

// Locked snapshots (issue 3, section 4): SNAPSHOT + verify of 1M lines.
console.log('');
const snapshots = runSnapshotsBench({ reps: REPS });
process.stdout.write(formatSnapshotsBench(snapshots));
for (const p of snapshots.problems) mismatches.push(`snapshots: ${p}`);

// The Excel add-in's writer (issue 6): a 10k-row bridge detail sheet through Office.js (mock).
console.log('');
const excelWriter = await runExcelWriterBench({ reps: REPS });
process.stdout.write(formatExcelWriterBench(excelWriter));
for (const p of excelWriter.problems) mismatches.push(`excel writer: ${p}`);

// The table.
const ops: Op[] = ['arrOn', 'bridge', 'bridgeDetail', 'retention'];
console.log(
  '\n' +
    ['N', 'operation', 'RunRate ms', 'DuckDB ms', 'ratio', 'peak RSS MB']
      .map((h, i) => pad(h, [9, 12, 11, 10, 7, 12][i]))
      .join(' '),
);
for (const r of rows) {
  console.log(
    [
      pad(r.n.toLocaleString('en-US'), 9),
      pad(r.op, 12),
      pad(fmtMs(r.runrateMs), 11),
      pad(fmtMs(r.duckdbMs), 10),
      pad(r.ratio.toFixed(2), 7),
      pad(r.peakRssMb.toFixed(0), 12),
    ].join(' '),
  );
}
console.log(
  '(load: RunRate buildModel vs DuckDB appender load, not a target; bridge: lane totals; bridgeDetail: lanes and\n' +
    ' the per-customer detail rows with their contracts, against a DuckDB query returning the same rows;\n' +
    ' peak RSS: after the RunRate build and operations at that N, before DuckDB loads it)',
);

// Targets.
interface Target {
  name: string;
  value: number;
  target: string;
  met: boolean;
}
const targets: Target[] = [];
const at = (n: number, op: Op): Row | undefined => rows.find((r) => r.n === n && r.op === op);
const scaling: Record<string, { runrate: number; duckdb: number }> = {};
for (const op of ops) {
  const big = at(1_000_000, op);
  if (big) {
    targets.push({
      name: `1M ${op}: RunRate / DuckDB`,
      value: big.ratio,
      target: `<= ${TARGETS.ratioAt1M.toFixed(1)}x`,
      met: big.ratio <= TARGETS.ratioAt1M,
    });
  }
  const mid = at(100_000, op);
  if (big && mid) {
    const s = { runrate: big.runrateMs / mid.runrateMs / 10, duckdb: big.duckdbMs / mid.duckdbMs / 10 };
    scaling[op] = s;
    targets.push({
      name: `100k -> 1M ${op}: (t1M / t100k) / 10`,
      value: s.runrate,
      target: `<= ${TARGETS.scaling}`,
      met: s.runrate <= TARGETS.scaling,
    });
  }
}
const big = at(1_000_000, 'arrOn');
if (big) {
  targets.push({
    name: 'peak RSS at 1M, MB',
    value: big.peakRssMb,
    target: `< ${TARGETS.peakRssMb}`,
    met: big.peakRssMb < TARGETS.peakRssMb,
  });
}
targets.push({
  name: `${SHEET_ROWS / 1000}k-row BRIDGE sheet function, ms`,
  value: sheet.ms,
  target: `<= ${TARGETS.sheetMs}`,
  met: sheet.ms <= TARGETS.sheetMs,
});
targets.push({
  name: `${addinFunctions.n / 1000}k-row RR.BRIDGE (Excel wrapper), ms`,
  value: addinFunctions.bridgeMs,
  target: `<= ${addinFunctions.targetMs}`,
  met: addinFunctions.met,
});
targets.push({
  name: `${gasFunctions.n / 1000}k-row BRIDGE (Sheets custom function, vm), ms`,
  value: gasFunctions.bridgeMs,
  target: `<= ${gasFunctions.targetMs}`,
  met: gasFunctions.bridgeMs <= gasFunctions.targetMs,
});
if (gasFunctions.jitlessMs !== null) {
  targets.push({
    name: `${gasFunctions.n / 1000}k-row BRIDGE (Sheets custom function) under node --jitless, ms`,
    value: gasFunctions.jitlessMs,
    target: `<= ${gasFunctions.jitlessTargetMs}`,
    met: gasFunctions.jitlessMs <= gasFunctions.jitlessTargetMs,
  });
}
targets.push({
  name: `${revenue.n / 1000}k-line SCHEDULE x ${revenue.months} months, ms`,
  value: revenue.sheetMs,
  target: `<= ${revenue.targetMs}`,
  met: revenue.met,
});
targets.push({
  name: `${dataChecks.n / 1000}k-line CHECK, ms`,
  value: dataChecks.sheetMs,
  target: `<= ${dataChecks.targetMs}`,
  met: dataChecks.met,
});
targets.push({
  name: `${reconciliation.netsuiteLines / 1000}k NetSuite vs ${reconciliation.contractLines / 1000}k lines, ms`,
  value: reconciliation.ms,
  target: `<= ${reconciliation.targetMs}`,
  met: reconciliation.met,
});
targets.push({
  name: `${netsuiteRead.lines / 1000}k NetSuite lines read and matched, ms`,
  value: netsuiteRead.readMs + netsuiteRead.matchMs,
  target: `<= ${netsuiteRead.targetMs}`,
  met: netsuiteRead.met,
});
targets.push({
  name: `${pack.n / 1000}k-line board pack (runrate pack), ms`,
  value: pack.ms,
  target: `<= ${pack.targetMs}`,
  met: pack.met,
});
targets.push({
  name: `${snapshots.n / 1_000_000}M-line SNAPSHOT + verify, ms`,
  value: snapshots.totalMs,
  target: `<= ${snapshots.targetMs}`,
  met: snapshots.met,
});
targets.push({
  name: `${(excelWriter.rows / 1000).toFixed(0)}k-row Bridge sheet via Office.js, syncs`,
  value: excelWriter.syncs,
  target: `<= ${excelWriter.maxSyncs}`,
  met: excelWriter.met,
});

if (Object.keys(scaling).length > 0) {
  console.log('\nScaling 100k -> 1M, (t1M / t100k) / 10 (1.0 = linear):');
  for (const [op, s] of Object.entries(scaling)) {
    console.log(`  ${pad(op, 10)}  RunRate ${s.runrate.toFixed(2)}   DuckDB ${s.duckdb.toFixed(2)}`);
  }
}
console.log('\nTargets:');
for (const t of targets) {
  console.log(
    `  ${t.met ? 'met    ' : 'MISSED '} ${t.name.padEnd(44)} ${pad(t.value.toFixed(2), 9)}  (target ${t.target})`,
  );
}
console.log(
  `\nFigures vs DuckDB: ${mismatches.length === 0 ? 'OK, equal to the cent' : `MISMATCH (${mismatches.length})`}`,
);
console.log(`Peak RSS of the whole run: ${peakRssMb().toFixed(0)} MB`);
console.log(
  `Other work on the machine: ${(busyAtStart * 100).toFixed(0)}% CPU busy just before the run, ` +
    `${((await busyShare(500)) * 100).toFixed(0)}% just after; load average ${loadavg()[0].toFixed(2)}`,
);

const results = {
  when: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  dates: { asOf: formatDay(AS_OF), from: formatDay(D0), to: formatDay(D1) },
  reps: REPS,
  otherWork: { busyShareAtStart: busyAtStart, loadAverageAtEnd: loadavg()[0] },
  rows,
  scaling,
  sheet: {
    rows: SHEET_ROWS,
    bridgeMs: sheet.ms,
    parseContractsMs: sheetParse.ms,
    buildModelMs: sheetBuild.ms,
  },
  addinFunctions,
  gasFunctions,
  revenue,
  dataChecks,
  reconciliation,
  pack,
  snapshots,
  excelWriter,
  targets,
  figures: info,
  checks: { ok: mismatches.length === 0, mismatches },
  peakRssMb: peakRssMb(),
};
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
console.log(`Results written to ${opts.out}`);
process.exit(mismatches.length === 0 ? 0 : 1);
