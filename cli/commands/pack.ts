/**
 * `runrate pack --contracts FILE [--policy FILE] [--set k=v] [--rates FILE] [--netsuite FILE ...
 * [--mapping FILE]] --as-of DATE --out board-pack.xlsx [--company NAME] [--json]`: the board pack.
 * The core builds the report models (`buildBoardPack`, src/reports/pack.ts) from the ranges as read;
 * cli/pack/write-xlsx.ts renders them. This file reads the files, shows progress on stderr (one
 * line a step: reading, each step of the model, each sheet and chart written, writing; nothing with
 * --json) and says where the pack is.
 *
 * `--netsuite` adds the Reconciliation sheet: the reconciliation against NetSuite (runrate
 * reconcile) over the three whole months ending on the as-of date, which must then be a month end.
 *
 * stdout: `Board pack written to FILE (N sheets, M check formulas, K charts)`, or with --json
 * `{"out","asOf","sheets":[...],"formulas","charts","bytes"}` (`out` relative to the working folder).
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type ArrModel,
  type CellError,
  type Day,
  type Policy,
  addMonths,
  endOfMonth,
  formatDay,
  isCellError,
  isProblem,
  parsePolicy,
  parseRates,
  readDate,
  startOfMonth,
} from '../../src/index.js';
import { reconcile, type Reconciliation } from '../../src/reconcile/index.js';
import { type BoardPackInput, buildBoardPack } from '../../src/reports/pack.js';
import type { ReportBook } from '../../src/reports/model.js';
import { type Options, overrides } from '../args.js';
import { InputError, type ReadTable, readTable } from '../read-table.js';
import { type WriteResult, writeXlsx } from '../pack/write-xlsx.js';

export interface PackIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** The parsed inputs (main.ts's loadInputs), needed only for the reconciliation. */
export type LoadInputs = () => Promise<{ policy: Policy; model: () => ArrModel }>;

export interface PackDeps {
  load: LoadInputs;
  build?: (input: BoardPackInput) => ReportBook | CellError;
  now?: () => Date;
}

/** Runs the command; bad input throws InputError (exit 2 in main). */
export async function runPack(options: Options, io: PackIo, deps: PackDeps): Promise<number> {
  const asOf = asOfDate(options.asOf);
  const out = outPath(options.out, io.cwd);
  const progress = options.json ? undefined : (m: string) => io.stderr.write(`runrate: ${m}\n`);
  if (options.mapping !== undefined && options.netsuite === undefined) {
    throw new InputError("--mapping is the reconciliation's customer mapping: it needs --netsuite");
  }
  if (options.netsuite !== undefined && asOf !== endOfMonth(asOf)) {
    throw new InputError(
      `--netsuite: the reconciliation covers whole months; give an --as-of at a month end (not ${formatDay(asOf)})`,
    );
  }

  progress?.(`reading ${options.contracts}`);
  const contracts = await readTable(options.contracts as string, io.cwd);
  const policy = options.policy !== undefined ? await readTable(options.policy, io.cwd) : null;
  const rates = options.rates !== undefined ? await readTable(options.rates, io.cwd) : null;

  let reconciliation: Reconciliation | null = null;
  if (options.netsuite !== undefined) {
    progress?.(`reconciling against ${options.netsuite.join(', ')}`);
    reconciliation = await reconcileQuarter(options, io.cwd, asOf, deps.load);
  }

  const input: BoardPackInput = {
    contracts: contracts.table,
    policy: policy?.table ?? null,
    overrides: overrides(options.set),
    rates: rates?.table ?? null,
    asOf,
    company: options.company ?? '',
    generatedAt: (deps.now ?? (() => new Date()))().toISOString(),
    timeZone: contracts.timeZone,
    ratesTimeZone: rates?.timeZone,
    reconciliation,
    onProgress: progress && ((m) => progress(`model: ${m}`)),
  };
  const book = (deps.build ?? buildBoardPack)(input);
  if (isCellError(book)) throw new InputError(attribute(book, options, contracts, policy, rates));

  const result = await writeBook(book, out, progress && ((m) => progress(`xlsx: ${m}`)));
  const shown = shownPath(out, io.cwd);
  io.stdout.write(
    options.json
      ? JSON.stringify({
          out: shown,
          asOf: formatDay(asOf),
          sheets: result.sheets,
          formulas: result.formulas,
          charts: result.charts,
          bytes: result.bytes,
        }) + '\n'
      : `${packWritten(shown, result)}\n`,
  );
  return 0;
}

/**
 * The demo's pack: the example book's files as of `asOf`, written to `out` (its folder created),
 * without progress lines.
 */
export async function writeDemoPack(
  files: { contracts: string; policy: string; rates: string },
  asOf: Day,
  out: string,
  company: string,
): Promise<WriteResult> {
  const [contracts, policy, rates] = await Promise.all([
    readTable(files.contracts, '/'),
    readTable(files.policy, '/'),
    readTable(files.rates, '/'),
  ]);
  const book = buildBoardPack({
    contracts: contracts.table,
    policy: policy.table,
    rates: rates.table,
    asOf,
    company,
    generatedAt: new Date().toISOString(),
    timeZone: contracts.timeZone,
    ratesTimeZone: rates.timeZone,
  });
  if (isCellError(book)) throw new InputError(`${contracts.label}: ${book.message}`);
  await mkdir(path.dirname(out), { recursive: true });
  return writeBook(book, out);
}

/** Writes the book; file-system failures become InputError (exit 2) naming the file. */
export async function writeBook(
  book: ReportBook,
  out: string,
  progress?: (message: string) => void,
): Promise<WriteResult> {
  try {
    return await writeXlsx(book, out, { onProgress: progress });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new InputError(`cannot write ${out}: ${fsReason(code)}`);
    }
    throw e;
  }
}

/** The file relative to the working folder when it is inside it, else in full. */
export function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function packWritten(shown: string, r: WriteResult): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return (
    `Board pack written to ${shown} (${n(r.sheets.length, 'sheet', 'sheets')}, ` +
    `${n(r.formulas, 'check formula', 'check formulas')}, ${n(r.charts, 'chart', 'charts')})`
  );
}

/**
 * A CellError from the pack builder, named after the file it came from: the policy's and the
 * rates' own errors are found by reading them again (only on this error path); anything else is
 * the contract table's.
 */
function attribute(
  e: CellError,
  options: Options,
  contracts: ReadTable,
  policy: ReadTable | null,
  rates: ReadTable | null,
): string {
  if (policy && isCellError(parsePolicy(policy.table))) return `${policy.label}: ${e.message}`;
  const p = parsePolicy(policy?.table ?? null, overrides(options.set));
  if (isCellError(p)) return `--set: ${e.message}`;
  if (rates && isCellError(parseRates(rates.table, p.reportingCurrency, { timeZone: rates.timeZone }))) {
    return `${rates.label}: ${e.message}`;
  }
  return `${contracts.label}: ${e.message}`;
}

/** The reconciliation over the three whole months ending on the as-of date (a month end). */
async function reconcileQuarter(
  options: Options,
  cwd: string,
  asOf: Day,
  load: LoadInputs,
): Promise<Reconciliation> {
  const inputs = await load();
  const { book, rates } = inputs.model();
  const netsuite = [];
  for (const f of options.netsuite ?? []) netsuite.push({ label: f, data: await readBytes(f, cwd) });
  const mapping = options.mapping !== undefined ? (await readTable(options.mapping, cwd)).table : null;
  const r = reconcile({
    book,
    policy: inputs.policy,
    rates,
    netsuite,
    mapping,
    from: startOfMonth(addMonths(asOf, -2)),
    to: asOf,
  });
  if (isCellError(r)) throw new InputError(r.message);
  return r;
}

async function readBytes(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path.resolve(cwd, file)));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code ? fsReason(code) : String(e)}`,
    );
  }
}

function fsReason(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code;
  }
}

function asOfDate(text: string | undefined): Day {
  if (text === undefined) throw new InputError('pack needs --as-of');
  const d = readDate(text);
  if (d === null) throw new InputError('--as-of needs a date');
  if (isProblem(d)) throw new InputError(`--as-of ${JSON.stringify(text)} ${d.text}`);
  return d;
}

function outPath(out: string | undefined, cwd: string): string {
  if (out === undefined) throw new InputError('pack needs --out FILE.xlsx');
  if (!/\.xlsx$/i.test(out))
    throw new InputError(`--out ${JSON.stringify(out)}: the board pack is an .xlsx file`);
  return path.resolve(cwd, out);
}
