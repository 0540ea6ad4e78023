/**
 * The Google Sheets function path (issue 7, performance proxy): `BRIDGE` through the top-level
 * custom function of the built Apps Script project (dist/gas, loaded into a vm context as Apps
 * Script loads it: test/gas/support/load-gas.ts) on a 50k-row Sheets-shaped range: date cells as
 * `Date` objects at midnight in the spreadsheet's zone (Pacific/Auckland), numbers as numbers.
 * Targets: <= 150 ms in Node, and <= 3 s under `node --jitless` (a child process running this
 * file with --child), a pessimistic stand-in for Apps Script's servers against the 30 s limit of
 * a custom function.
 *
 * Timed: best of `reps` after a warm-up (the jitless child: best of min(reps, 3)), the range
 * already in the context's realm (Sheets hands the script its own arrays and Dates), without a
 * forced collection between runs: on this machine a `gc()` before each run doubled both this path
 * and the core's (it throws away warmed-up state), so the figures would measure re-warming. The
 * cold, unoptimised case is what the `--jitless` figure stands for. A check: the result equals the
 * core's BRIDGE on the same book with Excel serial dates, and no network call.
 *
 * `runGasFunctionsBench()` is called by bench/bench.ts; `node dist/bench/gas-functions.js
 * [--n 50000] [--reps 5]` runs it alone (`--child` prints the one timing as JSON).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dayFromYmd, excelSerialFromDay, ymdFromDay, type Day } from '../src/index.js';
import { BRIDGE } from '../src/functions/index.js';
import { ensureGasBuilt, loadGas, type GasRuntime } from '../test/gas/support/load-gas.js';
import { CELL_HEADER, syntheticBook, toCells } from './synthetic.js';
import { best } from './timing.js';

export const GAS_BRIDGE_ROWS = 50_000;
export const GAS_BRIDGE_TARGET_MS = 150;
export const GAS_BRIDGE_JITLESS_TARGET_MS = 3000;
export const GAS_SHEET_ZONE = 'Pacific/Auckland';
const D0 = dayFromYmd(2024, 12, 31);
const D1 = dayFromYmd(2025, 12, 31);
const DATE_COLUMNS = ['Start', 'End'].map((h) => CELL_HEADER.indexOf(h));

export interface GasFunctionsBenchResult {
  n: number;
  sheetTimeZone: string;
  /** BRIDGE through the top-level function in the vm context, best of reps (the target's figure). */
  bridgeMs: number;
  /** The first, cold call (nothing compiled yet): Apps Script runs every custom function call cold. */
  firstMs: number;
  /** The same under `node --jitless` (a child process), or null when not run. */
  jitlessMs: number | null;
  /** The core's BRIDGE on the same book with serial dates, for comparison. */
  coreMs: number;
  targetMs: number;
  jitlessTargetMs: number;
  met: boolean;
  problems: string[];
}

const sheetDate = (gas: GasRuntime, d: Day): Date => {
  const { year, month, day } = ymdFromDay(d);
  return gas.sheetDate(year, month, day);
};

/** The synthetic book as Sheets hands it to a custom function, in the context's realm. */
function sheetsCells(gas: GasRuntime, n: number): { cells: unknown; serialCells: unknown[][] } {
  const serialCells = toCells(syntheticBook(n));
  const dated = serialCells.map((row, i) =>
    i === 0 ? row : row.map((v, j) => (DATE_COLUMNS.includes(j) ? sheetDate(gas, (v as number) - 25569) : v)),
  );
  return { cells: gas.toRealm(dated), serialCells };
}

/** One timing of BRIDGE through the vm-loaded function: { ms, result }. */
function timeGasBridge(
  n: number,
  reps: number,
): { ms: number; firstMs: number; result: unknown; gas: GasRuntime; serialCells: unknown[][] } {
  ensureGasBuilt();
  const gas = loadGas({ spreadsheetTimeZone: GAS_SHEET_ZONE });
  const { cells, serialCells } = sheetsCells(gas, n);
  const from = sheetDate(gas, D0);
  const to = sheetDate(gas, D1);
  const t0 = performance.now();
  gas.callRaw('BRIDGE', cells, from, to);
  const firstMs = performance.now() - t0;
  const r = best(() => gas.callRaw('BRIDGE', cells, from, to), reps);
  return { ...r, firstMs, gas, serialCells };
}

/** Runs this file under `node --jitless --child`; returns its best time in ms. */
function jitlessChild(script: string, n: number, reps: number): number {
  const r = spawnSync(
    process.execPath,
    ['--jitless', script, '--child', '--n', String(n), '--reps', String(reps)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`node --jitless ${script} failed: ${r.stderr || r.stdout}`);
  return (JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as { ms: number }).ms;
}

const THIS_FILE = fileURLToPath(import.meta.url);
/** This section as its own built script (dist/bench/gas-functions.js), also when bundled into bench.js. */
const OWN_SCRIPT = path.join(path.dirname(THIS_FILE), 'gas-functions.js');
const isOwnScript = (file: string | undefined): boolean =>
  !!file && /^gas-functions[\w-]*\.[cm]?[jt]s$/.test(path.basename(file));

export function runGasFunctionsBench(
  opts: { n?: number; reps?: number; jitlessScript?: string | null } = {},
): GasFunctionsBenchResult {
  const n = opts.n ?? GAS_BRIDGE_ROWS;
  const reps = opts.reps ?? 5;
  // The child runs this very file; from the built bench (dist/bench/*.js) it is a script Node runs.
  const script =
    opts.jitlessScript === undefined ? (existsSync(OWN_SCRIPT) ? OWN_SCRIPT : null) : opts.jitlessScript;
  const problems: string[] = [];

  const viaGas = timeGasBridge(n, reps);
  const core = best(() => BRIDGE(viaGas.serialCells, excelSerialFromDay(D0), excelSerialFromDay(D1)), reps);
  if (!Array.isArray(core.result)) problems.push(`core BRIDGE failed: ${String(core.result)}`);
  else if (JSON.stringify(viaGas.result) !== JSON.stringify(core.result)) {
    problems.push(
      `BRIDGE in Sheets ${JSON.stringify(viaGas.result)} differs from the core's ${JSON.stringify(core.result)}`,
    );
  }
  if (viaGas.gas.network.length > 0) problems.push(`network use: ${JSON.stringify(viaGas.gas.network)}`);
  const jitlessMs = script ? jitlessChild(script, n, Math.min(reps, 3)) : null;
  const met =
    viaGas.ms <= GAS_BRIDGE_TARGET_MS && (jitlessMs === null || jitlessMs <= GAS_BRIDGE_JITLESS_TARGET_MS);
  return {
    n,
    sheetTimeZone: GAS_SHEET_ZONE,
    bridgeMs: viaGas.ms,
    firstMs: viaGas.firstMs,
    jitlessMs,
    coreMs: core.ms,
    targetMs: GAS_BRIDGE_TARGET_MS,
    jitlessTargetMs: GAS_BRIDGE_JITLESS_TARGET_MS,
    met,
    problems,
  };
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export function formatGasFunctionsBench(r: GasFunctionsBenchResult): string {
  const jit =
    r.jitlessMs === null
      ? '  node --jitless: not run\n'
      : `  node --jitless ${fmt(r.jitlessMs)} ms; target <= ${r.jitlessTargetMs} ms: ${r.jitlessMs <= r.jitlessTargetMs ? 'met' : 'MISSED'}\n`;
  return (
    `Sheets functions: BRIDGE through the Apps Script top-level function (vm) over a ${r.n.toLocaleString('en-US')}-row range (Date cells, spreadsheet zone ${r.sheetTimeZone})\n` +
    `  BRIDGE ${fmt(r.bridgeMs)} ms (first, cold call ${fmt(r.firstMs)} ms; core BRIDGE on serial dates ${fmt(r.coreMs)} ms); target <= ${r.targetMs} ms: ${r.bridgeMs <= r.targetMs ? 'met' : 'MISSED'}\n` +
    jit +
    `  check BRIDGE in Sheets = core BRIDGE, no network: ${r.problems.length === 0 ? 'OK' : 'MISMATCH\n    ' + r.problems.join('\n    ')}\n`
  );
}

if (isOwnScript(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: String(GAS_BRIDGE_ROWS) },
      reps: { type: 'string', default: '5' },
      child: { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    const r = timeGasBridge(Number(values.n), Number(values.reps));
    console.log(JSON.stringify({ ms: r.ms, firstMs: r.firstMs }));
  } else {
    const r = runGasFunctionsBench({ n: Number(values.n), reps: Number(values.reps) });
    process.stdout.write(formatGasFunctionsBench(r));
    process.exit(r.problems.length === 0 ? 0 : 1);
  }
}
