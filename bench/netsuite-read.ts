/**
 * NetSuite importer benchmark: reading 200,000 NetSuite lines (target well under 1 s, the
 * reconciliation's end-to-end budget being 2 s) and matching their entities to the contract keys.
 *
 * The same two files as the reconciliation benchmark (bench/reconcile.ts: a transaction saved
 * search with one invoice per contract line of a 20,000-line synthetic book, and an income
 * statement detail report with the monthly revenue recognition journals, 200,000 lines in all),
 * read from their bytes: decoding, CSV, header and columns, every money, date and period cell,
 * totals and sections. Best of `reps` after a warm-up.
 *
 * `runNetSuiteReadBench()` is called by bench/bench.ts; `node dist/bench/netsuite-read.js` runs it alone.
 */
import { parseContracts, defaultPolicy } from '../src/index.js';
import { buildContractSide } from '../src/reconcile/contract.js';
import { matchCustomers, readNetSuiteExport, type NetSuiteExport } from '../src/netsuite/index.js';
import { reconcileBenchInputs } from './reconcile.js';
import { unwrap, best } from './timing.js';

export const NETSUITE_READ_TARGET_MS = 1000;

export interface NetSuiteReadBenchResult {
  lines: number;
  megabytes: number;
  readMs: number;
  matchMs: number;
  entities: number;
  customers: number;
  targetMs: number;
  met: boolean;
  problems: string[];
}

export function runNetSuiteReadBench(
  opts: { n?: number; nsLines?: number; reps?: number } = {},
): NetSuiteReadBenchResult {
  const reps = opts.reps ?? 5;
  const gc = (globalThis as { gc?: () => void }).gc;
  const input = reconcileBenchInputs(opts.n ?? 20_000, opts.nsLines ?? 200_000);
  const policy = defaultPolicy();
  const side = unwrap(
    buildContractSide(unwrap(parseContracts(input.cells, policy), 'contracts'), policy),
    'side',
  );

  const read = best(
    () => input.files.map((f) => unwrap(readNetSuiteExport(f.data, { label: f.label }), f.label)),
    reps,
    gc,
  );
  const exports: NetSuiteExport[] = read.result;
  const names = new Map<string, string | null>();
  for (const x of exports) x.entities.forEach((e, i) => names.set(e, x.entityIds[i]));
  const entities = [...names].map(([name, id]) => ({ name, id }));
  const match = best(() => unwrap(matchCustomers(side.keys, entities, null), 'match'), reps, gc);

  const lines = exports.reduce((s, x) => s + x.lines.length, 0);
  const problems: string[] = [];
  if (lines !== input.netsuiteLines) problems.push(`read ${lines} lines, wrote ${input.netsuiteLines}`);
  const unmatched = match.result.unmatched.contracts.length + match.result.unmatched.netsuite.length;
  if (unmatched > 0) problems.push(`${unmatched} unmatched names`);
  const bytes = input.files.reduce((s, f) => s + f.data.length, 0);
  return {
    lines,
    megabytes: bytes / 1e6,
    readMs: read.ms,
    matchMs: match.ms,
    entities: entities.length,
    customers: side.keys.length,
    targetMs: NETSUITE_READ_TARGET_MS,
    met: read.ms + match.ms <= NETSUITE_READ_TARGET_MS,
    problems,
  };
}

export function formatNetSuiteReadBench(r: NetSuiteReadBenchResult): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return (
    `NetSuite importer: ${r.lines.toLocaleString('en-US')} lines (${r.megabytes.toFixed(1)} MB of CSV, a saved search and an income statement detail report)\n` +
    `  read ${ms(r.readMs)} ms, match ${r.entities.toLocaleString('en-US')} entities to ${r.customers.toLocaleString('en-US')} customers ${ms(r.matchMs)} ms` +
    ` (target <= ${r.targetMs} ms: ${r.met ? 'met' : 'MISSED'})\n` +
    `  check (every line read, every entity matched): ${r.problems.length === 0 ? 'OK' : r.problems.join('; ')}\n`
  );
}

if (process.argv[1] && /[\\/]netsuite-read\.[jt]s$/.test(process.argv[1])) {
  const r = runNetSuiteReadBench();
  process.stdout.write(formatNetSuiteReadBench(r));
  if (r.problems.length > 0) process.exit(1);
}
