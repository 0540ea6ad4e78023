/**
 * Flag parsing for `runrate`. Turns argv into a checked `Command` or a usage error; no file is read
 * and no figure computed here. Built on Node's `util.parseArgs` (strict: unknown flags are errors).
 */
import { parseArgs } from 'node:util';
import { DIMENSIONS, type Dimension, isCellError, parseDimension } from '../src/index.js';
import { snapshotForm } from './commands/snapshot-args.js';

export const COMMANDS = [
  'arr',
  'bridge',
  'retention',
  'cohort',
  'policy',
  'demo',
  'deals',
  'explain',
  'revenue',
  'reconcile',
  'check',
  'pack',
  'snapshot',
  'restatement',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export const USAGE = `runrate: ARR, bridge and retention from a contract table, under one written policy.

Usage:
  runrate arr       --contracts FILE --as-of DATE [--by FIELD]
  runrate bridge    --contracts FILE --from DATE --to DATE [--detail]
  runrate retention --contracts FILE --from DATE --to DATE
  runrate cohort    --contracts FILE --from DATE --to DATE [--period month|quarter] [--basis net|gross]
  runrate policy    [--contracts FILE]
  runrate demo      [--as-of DATE]
  runrate deals     --deals FILE
  runrate explain   --contracts FILE --customer KEY --as-of DATE
  runrate revenue   --contracts FILE --from DATE --to DATE [--by FIELD|line]
  runrate reconcile --contracts FILE --netsuite FILE [--netsuite FILE ...] --from DATE --to DATE
                    [--mapping FILE]
  runrate check     --contracts FILE [--as-of DATE]
  runrate pack      --contracts FILE --as-of DATE --out FILE.xlsx [--company NAME]
                    [--netsuite FILE ... [--mapping FILE]]
  runrate snapshot lock --contracts FILE --as-of DATE --out FILE.csv [--force]
  runrate snapshot verify FILE
  runrate bridge    --snapshots A B [--detail]
  runrate retention --snapshots A B
  runrate restatement --contracts FILE --snapshot FILE

Options for every command but demo:
  --policy FILE       policy table (two columns: key, value); defaults fill in the rest
  --set key=value     override one policy key (repeatable; applied after --policy)
  --rates FILE        FX rate table
  --json              print one JSON document instead of tables
  -h, --help          print this help

FILE is a CSV file (UTF-8, comma separated) or an .xlsx workbook: its first sheet, or
FILE.xlsx#Sheet Name for another one. DATE is YYYY-MM-DD or M/D/YYYY.
--by FIELD is one of: ${DIMENSIONS.join(', ')}.

Exit status: 0 success, 2 bad input (file, flag, date or cell), 1 internal error.
check exits 0 whatever it finds (bad cells are findings), 2 only for a file it cannot read or a bad flag.
snapshot verify exits 0 when the snapshot is intact, 1 when it was altered (each discrepancy listed), 2 when
the file is not a readable snapshot.
`;

export interface Options {
  contracts?: string;
  /** deals: the deals table. */
  deals?: string;
  /** explain: the customer key. */
  customer?: string;
  policy?: string;
  set: string[];
  rates?: string;
  asOf?: string;
  from?: string;
  to?: string;
  by?: Dimension;
  /** revenue: `--by line`, one block per contract line. */
  byLine?: boolean;
  /** reconcile: the NetSuite exports (repeatable) and the customer mapping table. */
  netsuite?: string[];
  mapping?: string;
  /** pack: the workbook to write and the company named on it. */
  out?: string;
  company?: string;
  /** snapshot: lock or verify, and verify's file. */
  snapshotAction?: 'lock' | 'verify';
  verifyFile?: string;
  /** bridge and retention --snapshots A B. */
  snapshots?: [string, string];
  /** restatement: the snapshot file. */
  snapshot?: string;
  /** snapshot lock: replace an existing --out file. */
  force?: boolean;
  detail: boolean;
  json: boolean;
  period: 'month' | 'quarter';
  basis: 'net' | 'gross';
}

export type Parsed =
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string }
  | { kind: 'command'; command: CommandName; options: Options };

/** The flags each command accepts (besides --help). */
const ALLOWED: Record<CommandName, readonly string[]> = {
  arr: ['contracts', 'policy', 'set', 'rates', 'as-of', 'by', 'json'],
  bridge: ['contracts', 'policy', 'set', 'rates', 'from', 'to', 'detail', 'json'],
  retention: ['contracts', 'policy', 'set', 'rates', 'from', 'to', 'json'],
  cohort: ['contracts', 'policy', 'set', 'rates', 'from', 'to', 'period', 'basis', 'json'],
  policy: ['contracts', 'policy', 'set', 'rates', 'json'],
  demo: ['as-of'],
  deals: ['deals', 'policy', 'set', 'json'],
  explain: ['contracts', 'customer', 'as-of', 'policy', 'set', 'rates', 'json'],
  revenue: ['contracts', 'policy', 'set', 'rates', 'from', 'to', 'by', 'json'],
  reconcile: ['contracts', 'netsuite', 'mapping', 'policy', 'set', 'rates', 'from', 'to', 'json'],
  check: ['contracts', 'as-of', 'policy', 'set', 'rates', 'json'],
  pack: ['contracts', 'policy', 'set', 'rates', 'netsuite', 'mapping', 'as-of', 'out', 'company', 'json'],
  snapshot: [], // the forms in commands/snapshot-args.ts
  restatement: ['contracts', 'snapshot', 'policy', 'set', 'rates', 'json'],
};

/** The flags each command cannot do without. */
const REQUIRED: Record<CommandName, readonly string[]> = {
  arr: ['contracts', 'as-of'],
  bridge: ['contracts', 'from', 'to'],
  retention: ['contracts', 'from', 'to'],
  cohort: ['contracts', 'from', 'to'],
  policy: [],
  demo: [],
  deals: ['deals'],
  explain: ['contracts', 'customer', 'as-of'],
  revenue: ['contracts', 'from', 'to'],
  reconcile: ['contracts', 'netsuite', 'from', 'to'],
  check: ['contracts'],
  pack: ['contracts', 'as-of', 'out'],
  snapshot: [],
  restatement: ['contracts', 'snapshot'],
};

const OPTION_SPEC = {
  contracts: { type: 'string' },
  policy: { type: 'string' },
  set: { type: 'string', multiple: true },
  rates: { type: 'string' },
  'as-of': { type: 'string' },
  deals: { type: 'string' },
  customer: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  by: { type: 'string' },
  detail: { type: 'boolean' },
  json: { type: 'boolean' },
  period: { type: 'string' },
  basis: { type: 'string' },
  netsuite: { type: 'string', multiple: true },
  mapping: { type: 'string' },
  out: { type: 'string' },
  company: { type: 'string' },
  snapshots: { type: 'string', multiple: true },
  snapshot: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCommandLine(argv: string[]): Parsed {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTION_SPEC; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (e) {
    // ERR_PARSE_ARGS_UNKNOWN_OPTION, ERR_PARSE_ARGS_INVALID_OPTION_VALUE, ...
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    return { kind: 'usage-error', message: unknown ? `unknown option ${unknown[1]}` : message };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  if (positionals.length === 0) return { kind: 'usage-error', message: 'no command given' };
  const command = positionals[0] as CommandName;
  if (!COMMANDS.includes(command)) {
    return {
      kind: 'usage-error',
      message: `unknown command ${JSON.stringify(positionals[0])} (use ${COMMANDS.join(', ')})`,
    };
  }
  const form = snapshotForm(command, values.snapshots, positionals);
  if (form && 'error' in form) return { kind: 'usage-error', message: form.error };
  if (!form && positionals.length > 1) {
    return { kind: 'usage-error', message: `unexpected argument ${JSON.stringify(positionals[1])}` };
  }

  const given = Object.keys(values).filter(
    (k) => k !== 'help' && values[k as keyof typeof values] !== undefined,
  );
  for (const flag of given) {
    if (!(form ? form.allowed : ALLOWED[command]).includes(flag)) {
      return { kind: 'usage-error', message: `--${flag} does not apply to ${form ? form.name : command}` };
    }
  }
  for (const flag of form ? form.required : REQUIRED[command]) {
    if (values[flag as keyof typeof values] === undefined) {
      return { kind: 'usage-error', message: `${form ? form.name : command} needs --${flag}` };
    }
  }

  for (const kv of values.set ?? []) {
    if (!/^[^=]+=/.test(kv)) {
      return { kind: 'usage-error', message: `--set ${JSON.stringify(kv)}: expected key=value` };
    }
  }
  let by: Dimension | undefined;
  const byLine = command === 'revenue' && /^\s*(line|row)\s*$/i.test(values.by ?? '');
  if (values.by !== undefined && !byLine) {
    const d = parseDimension(values.by);
    if (isCellError(d)) {
      return {
        kind: 'usage-error',
        message: `--by ${JSON.stringify(values.by)}: expected one of ${DIMENSIONS.join(', ')}`,
      };
    }
    by = d;
  }
  if (values.period !== undefined && values.period !== 'month' && values.period !== 'quarter') {
    return {
      kind: 'usage-error',
      message: `--period ${JSON.stringify(values.period)}: expected month or quarter`,
    };
  }
  if (values.basis !== undefined && values.basis !== 'net' && values.basis !== 'gross') {
    return { kind: 'usage-error', message: `--basis ${JSON.stringify(values.basis)}: expected net or gross` };
  }
  for (const flag of ['contracts', 'policy', 'rates', 'deals', 'mapping', 'out', 'snapshot'] as const) {
    if (values[flag] === '') return { kind: 'usage-error', message: `--${flag} needs a file name` };
  }

  return {
    kind: 'command',
    command,
    options: {
      contracts: values.contracts,
      deals: values.deals,
      customer: values.customer,
      policy: values.policy,
      set: values.set ?? [],
      rates: values.rates,
      asOf: values['as-of'],
      from: values.from,
      to: values.to,
      by,
      ...(byLine ? { byLine } : {}),
      ...(values.netsuite ? { netsuite: values.netsuite } : {}),
      ...(values.mapping !== undefined ? { mapping: values.mapping } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.company !== undefined ? { company: values.company } : {}),
      ...(form ? form.options : {}),
      ...(values.snapshot !== undefined ? { snapshot: values.snapshot } : {}),
      ...(values.force ? { force: true } : {}),
      detail: values.detail ?? false,
      json: values.json ?? false,
      period: (values.period as 'month' | 'quarter' | undefined) ?? 'quarter',
      basis: (values.basis as 'net' | 'gross' | undefined) ?? 'net',
    },
  };
}

/** `--set a=1 --set b=x=y` -> `{ a: '1', b: 'x=y' }` (split at the first `=`; the last one of a key wins). */
export function overrides(set: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of set) {
    const i = kv.indexOf('=');
    out[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
  }
  return out;
}
