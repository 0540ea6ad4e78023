/**
 * Reconciliation benchmark: 200,000 NetSuite lines against 20,000 contract lines, end to end,
 * parsing included (target <= 2 s).
 *
 * The synthetic book (bench/synthetic.ts, 20k lines, billed upfront) and the NetSuite export written
 * from it (bench/netsuite-export.ts): a transaction saved search with one invoice per contract line
 * and an income statement detail report with the monthly revenue recognition journals, the oldest months
 * left out so the two files hold 200,000 lines; entities named `C<number> <customer>`,
 * so every customer is matched by its normalised name. Timed, best of `reps` after a warm-up, from the
 * contract cells and the two files' bytes to the reconciliation: parsing the contracts, importing
 * both exports, matching, and the three reconciliations with the walk, over 2025.
 *
 * The check: the export agrees with the book over 2025 (its journals cover 2025 in full and the
 * invoices are all there), so every variance is 0 and the walk foots.
 *
 * `runReconcileBench()` is called by bench/bench.ts; `node dist/bench/reconcile.js [--n 20000]` runs it alone.
 */
import { parseArgs } from 'node:util';
import { dayFromYmd, defaultPolicy, parseContracts, type Day } from '../src/index.js';
import { buildContractSide } from '../src/reconcile/contract.js';
import { reconcile, type Reconciliation } from '../src/reconcile/index.js';
import { exportFromBook, incomeStatementCells, savedSearchCells, type NsRecord } from './netsuite-export.js';
import { CELL_HEADER, syntheticBook, toCells } from './synthetic.js';
import { unwrap, best } from './timing.js';

export const RECONCILE_TARGET_MS = 2000;
const FROM: Day = dayFromYmd(2025, 1, 1);
const TO: Day = dayFromYmd(2025, 12, 31);

export interface ReconcileBenchResult {
  contractLines: number;
  netsuiteLines: number;
  customers: number;
  /** End to end, parsing included (the target's figure). */
  ms: number;
  targetMs: number;
  met: boolean;
  problems: string[];
}

const csv = (rows: string[][]): Uint8Array =>
  new TextEncoder().encode(
    rows
      .map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\r\n') + '\r\n',
  );

/** The contract cells (billed upfront, as the export invoices them) and the two export files. */
export function reconcileBenchInputs(n: number, nsLines: number) {
  const synthetic = syntheticBook(n);
  const cells = toCells(synthetic);
  cells[0] = [...CELL_HEADER, 'Billing'];
  for (let j = 1; j < cells.length; j++) cells[j] = [...cells[j], 'upfront'];
  const policy = defaultPolicy();
  const side = unwrap(buildContractSide(unwrap(parseContracts(cells, policy), 'contracts'), policy), 'side');
  const ids = new Map<string, number>();
  const entity = (key: string): string => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = 10001 + ids.size));
    return `C${id} ${key}`;
  };
  const { transactions, gl } = exportFromBook(side, entity);
  // The journals of every month, trimmed to the line budget from the oldest month (2025 stays
  // complete: the check below would see it otherwise).
  let journals: NsRecord[] = gl.slice();
  journals.sort((a, b) => a.period - b.period);
  const room = nsLines - transactions.length;
  if (journals.length > room) journals = journals.slice(journals.length - room);
  return {
    cells,
    customers: side.keys.length,
    files: [
      { label: 'transactions.csv', data: csv(savedSearchCells(transactions)) },
      { label: 'income-statement.csv', data: csv(incomeStatementCells(journals, FROM, TO)) },
    ],
    netsuiteLines: transactions.length + journals.length,
  };
}

export function runReconcileBench(
  opts: { n?: number; nsLines?: number; reps?: number } = {},
): ReconcileBenchResult {
  const n = opts.n ?? 20_000;
  const reps = opts.reps ?? 5;
  const gc = (globalThis as { gc?: () => void }).gc;
  const input = reconcileBenchInputs(n, opts.nsLines ?? 200_000);
  const policy = defaultPolicy();
  const run = (): Reconciliation =>
    unwrap(
      reconcile({
        book: unwrap(parseContracts(input.cells, policy), 'contracts'),
        policy,
        netsuite: input.files,
        from: FROM,
        to: TO,
      }),
      'reconcile',
    );
  const timed = best(run, reps, gc);
  const r = timed.result;

  const problems: string[] = [];
  for (const t of [r.revenue, r.arr, r.deferred]) {
    if (t.total.varianceCents !== 0)
      problems.push(`${t.kind}: total variance ${t.total.varianceCents} cents`);
    const off = t.rows.filter((row) => row.varianceCents !== 0).length;
    if (off > 0) problems.push(`${t.kind}: ${off} customers with a variance`);
  }
  if (r.unmatched.contracts.length + r.unmatched.netsuite.length > 0) {
    problems.push(`${r.unmatched.contracts.length + r.unmatched.netsuite.length} unmatched names`);
  }
  if (r.revenue.total.contractCents === 0) problems.push('no revenue in the period');

  return {
    contractLines: n,
    netsuiteLines: input.netsuiteLines,
    customers: input.customers,
    ms: timed.ms,
    targetMs: RECONCILE_TARGET_MS,
    met: timed.ms <= RECONCILE_TARGET_MS,
    problems,
  };
}

export function formatReconcileBench(r: ReconcileBenchResult): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return (
    `Reconciliation: ${r.netsuiteLines.toLocaleString('en-US')} NetSuite lines against ` +
    `${r.contractLines.toLocaleString('en-US')} contract lines (${r.customers.toLocaleString('en-US')} customers), 2025\n` +
    `  end to end, parsing included ${ms(r.ms)} ms (target <= ${r.targetMs} ms: ${r.met ? 'met' : 'MISSED'})\n` +
    `  check (export written from the book ties to zero): ${r.problems.length === 0 ? 'OK' : r.problems.join('; ')}\n`
  );
}

if (process.argv[1] && /[\\/]reconcile\.[jt]s$/.test(process.argv[1])) {
  const { values } = parseArgs({
    options: { n: { type: 'string', default: '20000' }, lines: { type: 'string', default: '200000' } },
  });
  const r = runReconcileBench({ n: Number(values.n), nsLines: Number(values.lines) });
  process.stdout.write(formatReconcileBench(r));
  if (r.problems.length > 0) process.exit(1);
}
