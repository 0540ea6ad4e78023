/**
 * The Excel function path (issue 6, acceptance): `RR.BRIDGE` through its registered wrapper on a
 * 50k-row Excel-shaped range (serial dates, numbers as numbers), target <= 150 ms.
 *
 * The functions bundle is built by the project's webpack config (`--env functionsOnly`, production
 * mode: the generated wrappers with the metadata plugin's associate calls) into
 * dist/bench/addin-functions/, run in this process's global scope with a CustomFunctions stub
 * (bench/addin-bundle.ts: a `vm` context would add the cost of its intercepted global object,
 * which Excel's runtime does not have), and the function the bundle associated as BRIDGE is
 * timed: best of `reps` after a warm-up, alternating with the core's BRIDGE on the same cells,
 * Excel's argument shapes (the from date as a 1x1 range, omitted optional arguments as null). A check: the lanes equal the core's BRIDGE on the same cells, and nothing in
 * the bundle touched the network.
 *
 * `runAddinFunctionsBench()` is called by bench/bench.ts; `node dist/bench/addin-functions.js
 * [--n 50000]` runs it alone.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dayFromYmd, excelSerialFromDay } from '../src/index.js';
import { BRIDGE } from '../src/functions/index.js';
import { buildFunctionsBundle, loadFunctionsBundle, repoRoot } from './addin-bundle.js';
import { syntheticBook, toCells } from './synthetic.js';
import { best } from './timing.js';

export const ADDIN_BRIDGE_TARGET_MS = 150;
export const ADDIN_BRIDGE_ROWS = 50_000;
const D0 = dayFromYmd(2024, 12, 31);
const D1 = dayFromYmd(2025, 12, 31);

export interface AddinFunctionsBenchResult {
  n: number;
  /** RR.BRIDGE through the associated wrapper, best of reps (the target's figure). */
  bridgeMs: number;
  /** The core's BRIDGE on the same cells, for comparison (no wrapper, no conversion). */
  coreMs: number;
  /** Generating the wrappers and the webpack build of functions.js + functions.json, once. */
  buildMs: number;
  functionsJsBytes: number;
  functionsJsonBytes: number;
  targetMs: number;
  met: boolean;
  problems: string[];
}

export async function runAddinFunctionsBench(
  opts: { n?: number; reps?: number } = {},
): Promise<AddinFunctionsBenchResult> {
  const n = opts.n ?? ADDIN_BRIDGE_ROWS;
  const reps = opts.reps ?? 5;
  const gc = (globalThis as { gc?: () => void }).gc;
  const problems: string[] = [];

  const built = await buildFunctionsBundle(path.join(repoRoot(), 'dist', 'bench', 'addin-functions'));
  // In this process's global scope, as Excel's runtime runs it (see loadFunctionsBundle).
  const fns = loadFunctionsBundle(built.js, 'here');
  const bridgeFn = fns.associated.get('BRIDGE');
  if (!bridgeFn) throw new Error('the functions bundle did not associate BRIDGE');

  const cells = toCells(syntheticBook(n));
  const from = excelSerialFromDay(D0);
  const to = excelSerialFromDay(D1);
  // Alternating, so a burst of other work on the machine hits both.
  const viaExcel = { ms: Infinity, result: bridgeFn(cells, [[from]], to, null, null, null) };
  const core = { ms: Infinity, result: BRIDGE(cells, from, to) };
  for (let r = 0; r < reps; r++) {
    const a = best(() => bridgeFn(cells, [[from]], to, null, null, null), 1, gc);
    viaExcel.ms = Math.min(viaExcel.ms, a.ms);
    viaExcel.result = a.result;
    const b = best(() => BRIDGE(cells, from, to), 1, gc);
    core.ms = Math.min(core.ms, b.ms);
    core.result = b.result;
  }
  fns.dispose();

  const want = core.result;
  const got = viaExcel.result;
  if (!Array.isArray(want)) problems.push(`core BRIDGE failed: ${String(want)}`);
  else if (JSON.stringify(got) !== JSON.stringify(want)) {
    problems.push(`RR.BRIDGE ${JSON.stringify(got)} differs from the core's ${JSON.stringify(want)}`);
  }
  if (fns.network.length > 0) problems.push(`network use: ${JSON.stringify(fns.network)}`);

  return {
    n,
    bridgeMs: viaExcel.ms,
    coreMs: core.ms,
    buildMs: built.ms,
    functionsJsBytes: statSync(built.js).size,
    functionsJsonBytes: statSync(built.json).size,
    targetMs: ADDIN_BRIDGE_TARGET_MS,
    met: viaExcel.ms <= ADDIN_BRIDGE_TARGET_MS,
    problems,
  };
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export function formatAddinFunctionsBench(r: AddinFunctionsBenchResult): string {
  return (
    `Excel functions: RR.BRIDGE through its registered wrapper over a ${r.n.toLocaleString('en-US')}-row range (serial dates)\n` +
    `  RR.BRIDGE ${fmt(r.bridgeMs)} ms (core BRIDGE on the same cells ${fmt(r.coreMs)} ms); target <= ${r.targetMs} ms: ${r.met ? 'met' : 'MISSED'}\n` +
    `  build (generate + webpack, once) ${fmt(r.buildMs)} ms; functions.js ${(r.functionsJsBytes / 1024).toFixed(0)} KiB, functions.json ${(r.functionsJsonBytes / 1024).toFixed(1)} KiB\n` +
    `  check RR.BRIDGE = core BRIDGE, no network: ${r.problems.length === 0 ? 'OK' : 'MISMATCH\n    ' + r.problems.join('\n    ')}\n`
  );
}

// Run on its own only as dist/bench/addin-functions.js: bench.js bundles this module too, and must
// not take this branch (import.meta.url there is bench.js).
if (process.argv[1] && /^addin-functions[\w-]*\.[cm]?[jt]s$/.test(path.basename(process.argv[1]))) {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: String(ADDIN_BRIDGE_ROWS) },
      reps: { type: 'string', default: '5' },
    },
  });
  const r = await runAddinFunctionsBench({ n: Number(values.n), reps: Number(values.reps) });
  process.stdout.write(formatAddinFunctionsBench(r));
  process.exit(r.problems.length === 0 ? 0 : 1);
}
