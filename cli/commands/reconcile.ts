/**
 * `runrate reconcile --contracts FILE --netsuite FILE [--netsuite FILE ...] --from DATE --to DATE
 * [--mapping FILE] [--json]`: the reconciliation against NetSuite (docs/reconcile.md). Each NetSuite
 * file is read as bytes and handed to the core importer (it detects the encoding and the export's
 * layout); the mapping file is a table like any other. JSON, exactly:
 * `{"from","to","currency","walk":[{"step","amount"}],"customers":[{"customer","netsuite","contract",
 * "gl","variance","variancePct","flag","causes":{...},"unexplained"}],"unmatched":{"contracts":[...],"netsuite":[...]}}`
 * where `customers` are the revenue reconciliation's rows (money = cents / 100, variancePct in
 * percent to two decimals or null) and the unmatched entries are `{"name","candidates":[{"name","score"}]}`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type ContractBook,
  type Day,
  type FxRates,
  type Policy,
  formatDay,
  isCellError,
  CAUSE_KEYS,
  CAUSE_LABELS,
  reconcile,
  type NetSuiteSource,
  type ReconRow,
  type ReconTable,
  type Reconciliation,
  type ReconUnmatchedName as UnmatchedName,
} from '../../src/index.js';
import { type PolicyTag, money, percent, table } from '../format.js';
import { units } from '../json.js';
import { InputError, readTable } from '../read-table.js';

export interface ReconcileArgs {
  book: ContractBook;
  policy: Policy;
  rates: FxRates | null;
  netsuite: string[];
  mapping?: string;
  from: Day;
  to: Day;
}

async function readBytes(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path.resolve(cwd, file)));
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : e instanceof Error
              ? e.message
              : String(e);
    throw new InputError(`${file}: ${why}`);
  }
}

export async function runReconcile(
  a: ReconcileArgs,
  cwd: string,
  tag: PolicyTag,
  json: boolean,
): Promise<string> {
  const sources: NetSuiteSource[] = [];
  for (const f of a.netsuite) {
    if (f === '') throw new InputError('--netsuite needs a file name');
    sources.push({ label: f, data: await readBytes(f, cwd) });
  }
  let mapping: unknown[][] | null = null;
  if (a.mapping !== undefined) {
    if (a.mapping === '') throw new InputError('--mapping needs a file name');
    mapping = (await readTable(a.mapping, cwd)).table;
  }
  const r = reconcile({
    book: a.book,
    policy: a.policy,
    rates: a.rates,
    netsuite: sources,
    mapping,
    from: a.from,
    to: a.to,
  });
  if (isCellError(r)) throw new InputError(r.message);
  return json ? JSON.stringify(reconcileJson(r)) + '\n' : formatReconcile(r, tag);
}

const pct2 = (p: number | null): number | null => (p === null ? null : Math.round(p * 100) / 100);

function causesJson(row: ReconRow): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of CAUSE_KEYS) out[k] = units(row.causes[k]);
  return out;
}

const unmatchedJson = (u: UnmatchedName[]) =>
  u.map((x) => ({ name: x.name, candidates: x.candidates.map((c) => ({ name: c.name, score: c.score })) }));

export function reconcileJson(r: Reconciliation) {
  return {
    from: formatDay(r.from),
    to: formatDay(r.to),
    currency: r.currency,
    walk: r.walk.map((s) => ({ step: s.step, amount: units(s.cents) })),
    customers: r.revenue.rows.map((row) => ({
      customer: row.customer,
      netsuite: row.netsuite.length ? row.netsuite.join('; ') : null,
      contract: units(row.contractCents),
      gl: units(row.netsuiteCents),
      variance: units(row.varianceCents),
      variancePct: pct2(row.variancePct),
      flag: row.flag,
      causes: causesJson(row),
      unexplained: units(row.unexplainedCents),
    })),
    unmatched: {
      contracts: unmatchedJson(r.unmatched.contracts),
      netsuite: unmatchedJson(r.unmatched.netsuite),
    },
  };
}

const TITLES: Record<ReconTable['kind'], string> = {
  revenue: 'Revenue: contract revenue vs GL revenue',
  arr: 'ARR: contract ARR vs NetSuite billing run-rate',
  deferred: 'Deferred revenue: contract (billed - recognised) vs NetSuite',
};

function causesText(row: ReconRow): string {
  return CAUSE_KEYS.filter((k) => row.causes[k] !== 0)
    .map((k) => `${CAUSE_LABELS[k]} ${money(row.causes[k])}`)
    .join('; ');
}

function reconTable(t: ReconTable): string {
  const line = (row: ReconRow, name: string): string[] => [
    name,
    row.netsuite.join('; '),
    money(row.contractCents),
    money(row.netsuiteCents),
    money(row.varianceCents),
    row.variancePct === null ? 'n/a' : percent(row.variancePct / 100),
    row.flag ? 'FLAG' : '',
    money(row.unexplainedCents),
    causesText(row),
  ];
  const rows = t.rows.map((row) => line(row, row.customer ?? '(no contract customer)'));
  rows.push(line(t.total, 'Total'));
  return (
    `${TITLES[t.kind]}\n` +
    table(
      [
        'Customer',
        'NetSuite',
        t.contractLabel,
        t.netsuiteLabel,
        'Variance',
        'Var %',
        'Flag',
        'Unexplained',
        'Causes',
      ],
      rows,
      ['left', 'left', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
    )
  );
}

function unmatchedText(title: string, names: UnmatchedName[]): string {
  if (names.length === 0) return `${title}: none\n`;
  return (
    `${title}:\n` +
    names
      .map((u) => {
        const c = u.candidates.map((x) => `${x.name} (${x.score.toFixed(2)})`).join(', ');
        return `  ${u.name}${c ? `  candidates: ${c}` : '  no candidate'}\n`;
      })
      .join('')
  );
}

export function formatReconcile(r: Reconciliation, p: PolicyTag): string {
  const walk = table(
    ['Step', 'Amount'],
    r.walk.map((s) => [
      s.kind === 'cause' || s.kind === 'unexplained' ? `  ${s.step}` : s.step,
      money(s.cents),
    ]),
    ['left', 'right'],
  );
  return [
    `Reconciliation against NetSuite ${formatDay(r.from)} to ${formatDay(r.to)}, ${r.currency}, policy ${p.version} (${p.hash})\n` +
      `Variance = NetSuite - contract; flagged above ${r.tolerancePct}%. NetSuite deferred revenue from ${
        r.deferredSource === 'export' ? 'the deferred revenue export' : 'the invoices'
      }.\n`,
    `Walk: ARR-implied revenue to GL revenue\n${walk}`,
    reconTable(r.revenue),
    reconTable(r.arr),
    reconTable(r.deferred),
    unmatchedText('Unmatched contract customers', r.unmatched.contracts) +
      unmatchedText('Unmatched NetSuite entities', r.unmatched.netsuite),
  ].join('\n');
}
