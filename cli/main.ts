/**
 * `runrate` in-process: argv in, text out, exit status back. Reads the files, hands the cells to the
 * core, prints what the core returns. Bad input (file, flag, date, any CellError) is exit 2 with a
 * one-line message (the core's row/column message) on stderr; anything unexpected is exit 1 with a
 * one-line message. Nothing is thrown out of `main`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ArrModel,
  type CellError,
  type Day,
  type FxRates,
  type Policy,
  addMonths,
  arrOn,
  bridge,
  buildModel,
  cohorts,
  defaultPolicy,
  explain,
  endOfMonth,
  formatDay,
  isCellError,
  isProblem,
  parseContracts,
  parsePolicy,
  parseRates,
  policyHash,
  policyTable,
  readDate,
  retention,
} from '../src/index.js';
import { type Options, USAGE, overrides, parseCommandLine } from './args.js';
import {
  formatArr,
  formatBridge,
  formatCohorts,
  formatPolicy,
  formatRetention,
  type PolicyTag,
} from './format.js';
import { arrJson, bridgeJson, cohortJson, policyJson, retentionJson, stringify } from './json.js';
import { InputError, readTable } from './read-table.js';
import { runDeals } from './commands/deals.js';
import { explainJson, formatExplain } from './commands/explain.js';
import { runRevenue } from './commands/revenue.js';
import { runReconcile } from './commands/reconcile.js';
import { runCheck } from './commands/check.js';
import { runPack, shownPath, writeDemoPack } from './commands/pack.js';
import { runSnapshot, runSnapshotPair } from './commands/snapshot.js';
import { runRestatement } from './commands/restatement.js';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Directory that relative file names are resolved against. */
  cwd: string;
  /** Where `demo` finds contracts.csv, policy.csv and fx-rates.csv; default: the package's examples/. */
  examplesDir?: string;
  /** Where `demo` writes board-pack.xlsx; default: out/ in `cwd`. */
  outDir?: string;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr.write(`runrate: ${indentLines(e.message)}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`runrate: internal error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

/** Continuation lines of a multi-line message (parseContracts lists one error a line) are indented. */
function indentLines(message: string): string {
  return message.replace(/\r?\n/g, '\n  ');
}

/** A CellError from the core as bad input, named after the file it came from when there is one. */
function check<T>(result: T | CellError, source?: string): T {
  if (isCellError(result)) throw new InputError(source ? `${source}: ${result.message}` : result.message);
  return result;
}

async function run(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    if (argv.length === 0) io.stderr.write(USAGE);
    else io.stderr.write(`runrate: ${parsed.message}\nRun 'runrate --help' for usage.\n`);
    return 2;
  }
  const { command, options } = parsed;
  if (command === 'demo') return demo(options, io);
  // check reads its files itself: bad cells (policy and rates included) are findings, not exit 2.
  if (command === 'check') return runCheck(options, io);
  if (command === 'pack') return runPack(options, io, { load: () => loadInputs(options, io) });
  // The snapshot commands read their files themselves (two snapshots; contracts under two policies).
  if (command === 'snapshot') return runSnapshot(options, io, () => loadInputs(options, io));
  if (command === 'restatement') return runRestatement(options, io);
  if ((command === 'bridge' || command === 'retention') && options.snapshots) {
    return runSnapshotPair(command, options, io);
  }

  const inputs = await loadInputs(options, io);
  const tag = inputs.tag;
  const out = (text: string) => io.stdout.write(text);

  switch (command) {
    case 'policy': {
      const table = policyTable(inputs.policy);
      if (options.json) out(stringify(policyJson(inputs.policy.version, tag.hash, table)));
      else out(formatPolicy(table, policyTable(defaultPolicy()), tag));
      return 0;
    }
    case 'arr': {
      const asOf = flagDate('--as-of', options.asOf);
      const r = check(arrOn(inputs.model(), asOf, options.by));
      out(options.json ? stringify(arrJson(r, options.by !== undefined)) : formatArr(r, tag, options.by));
      return 0;
    }
    case 'bridge': {
      const [from, to] = fromTo(options);
      const r = check(bridge(inputs.model(), from, to));
      out(options.json ? stringify(bridgeJson(r, options.detail)) : formatBridge(r, tag, options.detail));
      return 0;
    }
    case 'retention': {
      const [from, to] = fromTo(options);
      const r = check(retention(inputs.model(), from, to));
      out(options.json ? stringify(retentionJson(r)) : formatRetention(r, tag));
      return 0;
    }
    case 'cohort': {
      const [from, to] = fromTo(options);
      const r = check(cohorts(inputs.model(), from, to, options.period, options.basis));
      out(options.json ? stringify(cohortJson(r)) : formatCohorts(r, from, to, tag));
      return 0;
    }
    case 'deals': {
      out(await runDeals(options.deals as string, io.cwd, inputs.policy, tag, options.json));
      return 0;
    }
    case 'explain': {
      const asOf = flagDate('--as-of', options.asOf);
      const r = check(explain(inputs.model(), options.customer as string, asOf));
      out(options.json ? stringify(explainJson(r)) : formatExplain(r, tag));
      return 0;
    }
    case 'revenue': {
      const [from, to] = fromTo(options);
      const by = options.byLine ? 'line' : options.by;
      const { book, rates } = inputs.model();
      const source = options.contracts as string;
      out(runRevenue({ book, policy: inputs.policy, rates, source }, from, to, by, tag, options.json));
      return 0;
    }
    case 'reconcile': {
      const [from, to] = fromTo(options);
      const { book, rates } = inputs.model();
      const netsuite = options.netsuite ?? [];
      const args = { book, policy: inputs.policy, rates, netsuite, mapping: options.mapping, from, to };
      out(await runReconcile(args, io.cwd, tag, options.json));
      return 0;
    }
  }
}

interface Inputs {
  policy: Policy;
  tag: PolicyTag;
  /** The ARR model; throws InputError when there is no contract table or it is bad. */
  model: () => ArrModel;
}

async function loadInputs(options: Options, io: Io): Promise<Inputs> {
  // The policy first: the contracts and rates are read under it.
  let policyCells: unknown[][] | null = null;
  if (options.policy !== undefined) {
    const t = await readTable(options.policy, io.cwd);
    policyCells = t.table;
    check(parsePolicy(policyCells), t.label);
  }
  const policy = check(parsePolicy(policyCells, overrides(options.set)), '--set');
  const tag: PolicyTag = { version: policy.version, hash: policyHash(policy) };

  let rates: FxRates | null = null;
  if (options.rates !== undefined) {
    const t = await readTable(options.rates, io.cwd);
    rates = check(parseRates(t.table, policy.reportingCurrency, { timeZone: t.timeZone }), t.label);
  }

  let model: ArrModel | null = null;
  if (options.contracts !== undefined) {
    const t = await readTable(options.contracts, io.cwd);
    const book = check(parseContracts(t.table, policy, { timeZone: t.timeZone }), t.label);
    for (const w of book.warnings) io.stderr.write(`runrate: warning: ${t.label}: ${warningText(w)}\n`);
    model = check(buildModel(book, policy, rates), t.label);
  }
  return {
    policy,
    tag,
    model: () => {
      if (!model) throw new InputError('no contract table: give --contracts FILE');
      return model;
    },
  };
}

function warningText(w: { row: number; column: string; message: string }): string {
  return /^row \d+/.test(w.message) ? w.message : `row ${w.row}, ${w.column}: ${w.message}`;
}

function flagDate(flag: string, text: string | undefined): Day {
  if (text === undefined) throw new InputError(`${flag} is required`);
  const d = readDate(text);
  if (d === null) throw new InputError(`${flag} needs a date`);
  if (isProblem(d)) throw new InputError(`${flag} ${JSON.stringify(text)} ${d.text}`);
  return d;
}

function fromTo(options: Options): [Day, Day] {
  const from = flagDate('--from', options.from);
  const to = flagDate('--to', options.to);
  if (from > to) throw new InputError(`--from ${formatDay(from)} is after --to ${formatDay(to)}`);
  return [from, to];
}

/**
 * The demo: the bundled example book as of 2025-12-31 (or --as-of): ARR with ARR by segment, the
 * last quarter's bridge, the last year's bridge and retention over the last year, as tables; then
 * the board pack of the same book, written to out/board-pack.xlsx.
 */
async function demo(options: Options, io: Io): Promise<number> {
  const dir = io.examplesDir ?? path.join(packageRoot(), 'examples');
  const file = (name: string) => path.join(dir, name);
  const asOfText = options.asOf ?? '2025-12-31';
  const asOf = flagDate('--as-of', asOfText);
  const inputs = await loadInputs(
    {
      contracts: file('contracts.csv'),
      policy: file('policy.csv'),
      rates: file('fx-rates.csv'),
      set: [],
      detail: false,
      json: false,
      period: 'quarter',
      basis: 'net',
    },
    io,
  );
  const model = inputs.model();
  const quarterAgo = monthsBefore(asOf, 3);
  const yearAgo = monthsBefore(asOf, 12);
  const sections = [
    formatArr(check(arrOn(model, asOf, 'segment')), inputs.tag, 'segment'),
    formatBridge(check(bridge(model, quarterAgo, asOf)), inputs.tag, false),
    formatBridge(check(bridge(model, yearAgo, asOf)), inputs.tag, false),
    formatRetention(check(retention(model, yearAgo, asOf)), inputs.tag),
  ];
  io.stdout.write(sections.join('\n'));
  const pack = path.join(io.outDir ?? path.join(io.cwd, 'out'), 'board-pack.xlsx');
  const files = { contracts: file('contracts.csv'), policy: file('policy.csv'), rates: file('fx-rates.csv') };
  await writeDemoPack(files, asOf, pack, 'RunRate Demo');
  io.stdout.write(`\nBoard pack written to ${shownPath(pack, io.cwd)}\n`);
  return 0;
}

/** The same day `months` months earlier; a month end maps to a month end (2025-12-31 -> 2025-09-30). */
function monthsBefore(d: Day, months: number): Day {
  const back = addMonths(d, -months);
  return d === endOfMonth(d) ? endOfMonth(back) : back;
}

/** The package root: the nearest directory above this module whose package.json is runrate's. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'runrate') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new InputError('cannot find the runrate package (for its examples/ folder)');
    dir = up;
  }
}
