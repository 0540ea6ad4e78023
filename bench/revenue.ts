/**
 * Revenue schedule benchmark: SCHEDULE over 100k contract lines and 36 months (target <= 1 s).
 *
 * The synthetic book (bench/synthetic.ts) with a billing column cycling annual, quarterly, monthly
 * and upfront. Timed, best of `reps` after a warm-up:
 * - `sheet`: the SCHEDULE sheet function on the cell range (Excel serial dates), parsing included:
 *   the figure the target applies to;
 * - `core`: compileRevenue + revenueSchedule on the parsed book (no cell parsing);
 * - `byCustomer`: the same with one block per customer.
 * A check: over the whole history of the book the recognised months and the invoices each sum to
 * the book's total amount, to the cent.
 *
 * `runRevenueBench()` is called by bench/bench.ts; `node dist/bench/revenue.js [--n 100000]` runs it alone.
 */
import { parseArgs } from 'node:util';
import {
  CellError,
  compileRevenue,
  dayFromYmd,
  defaultPolicy,
  excelSerialFromDay,
  revenueSchedule,
  type ContractBook,
} from '../src/index.js';
import { SCHEDULE } from '../src/functions/index.js';
import { CELL_HEADER, syntheticBook, toCells, toContractBook } from './synthetic.js';
import { unwrap, best } from './timing.js';

export const REVENUE_TARGET_MS = 1000;
const FROM = dayFromYmd(2023, 1, 1);
const TO = dayFromYmd(2025, 12, 31); // 36 months
const BILLING = ['annual', 'quarterly', 'monthly', 'upfront'] as const;

export interface RevenueBenchResult {
  n: number;
  months: number;
  /** SCHEDULE on the cell range, parsing included (the target's figure). */
  sheetMs: number;
  /** compileRevenue + revenueSchedule on the parsed book. */
  coreMs: number;
  /** The same, one block per customer. */
  byCustomerMs: number;
  customers: number;
  targetMs: number;
  met: boolean;
  /** Problems found by the check (empty when the sums tie). */
  problems: string[];
}

export function runRevenueBench(opts: { n?: number; reps?: number } = {}): RevenueBenchResult {
  const n = opts.n ?? 100_000;
  const reps = opts.reps ?? 5;
  const gc = (globalThis as { gc?: () => void }).gc;
  const synthetic = syntheticBook(n);
  const book: ContractBook = toContractBook(synthetic);
  book.billing = Array.from({ length: n }, (_, j) => BILLING[j % BILLING.length]);
  book.columns.billing = 'Billing';
  const cells = toCells(synthetic);
  cells[0] = [...CELL_HEADER, 'Billing'];
  for (let j = 1; j < cells.length; j++) cells[j] = [...cells[j], BILLING[(j - 1) % BILLING.length]];
  const policy = defaultPolicy();
  const from = excelSerialFromDay(FROM);
  const to = excelSerialFromDay(TO);

  const sheet = best(() => SCHEDULE(cells, from, to), reps, gc);
  if (sheet.result instanceof CellError) throw new Error(`SCHEDULE: ${sheet.result.message}`);
  const core = best(
    () => unwrap(revenueSchedule(unwrap(compileRevenue(book, policy), 'compile'), FROM, TO), 'schedule'),
    reps,
    gc,
  );
  const byCustomer = best(
    () =>
      unwrap(
        revenueSchedule(unwrap(compileRevenue(book, policy), 'compile'), FROM, TO, 'customer'),
        'schedule',
      ),
    reps,
    gc,
  );

  // The check: over the book's whole history every cent is recognised and billed once.
  const problems: string[] = [];
  let first = Infinity;
  let last = -Infinity;
  let amount = 0;
  for (let j = 0; j < n; j++) {
    first = Math.min(first, book.start[j]);
    last = Math.max(last, book.end[j]);
    amount += book.amountCents[j];
  }
  const all = unwrap(
    revenueSchedule(unwrap(compileRevenue(book, policy), 'compile'), first, last),
    'schedule',
  );
  let rec = 0;
  let bil = 0;
  for (let x = 0; x < all.months.length; x++) {
    rec += all.total.recognizedCents[x];
    bil += all.total.billedCents[x];
  }
  if (rec !== amount) problems.push(`recognised over the whole history ${rec} != amounts ${amount}`);
  if (bil !== amount) problems.push(`billed over the whole history ${bil} != amounts ${amount}`);
  const sheetRows = Array.isArray(sheet.result) ? sheet.result.length - 1 : -1;
  if (sheetRows !== core.result.months.length) problems.push(`SCHEDULE returned ${sheetRows} months`);

  return {
    n,
    months: core.result.months.length,
    sheetMs: sheet.ms,
    coreMs: core.ms,
    byCustomerMs: byCustomer.ms,
    customers: byCustomer.result.groups?.length ?? 0,
    targetMs: REVENUE_TARGET_MS,
    met: sheet.ms <= REVENUE_TARGET_MS,
    problems,
  };
}

export function formatRevenueBench(r: RevenueBenchResult): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return (
    `Revenue: SCHEDULE over ${r.n.toLocaleString('en-US')} lines x ${r.months} months\n` +
    `  SCHEDULE sheet function (parsing included) ${ms(r.sheetMs)} ms (target <= ${r.targetMs} ms: ${r.met ? 'met' : 'MISSED'})\n` +
    `  core compile + schedule ${ms(r.coreMs)} ms; by customer (${r.customers.toLocaleString('en-US')} blocks) ${ms(r.byCustomerMs)} ms\n` +
    `  check: ${r.problems.length === 0 ? 'OK, recognised and billed each sum to the book total over its history' : r.problems.join('; ')}\n`
  );
}

// Run alone only when this file is the entry point (bench/bench.ts bundles it into bench.js).
if (process.argv[1] && /[\\/]revenue\.[jt]s$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { n: { type: 'string' }, reps: { type: 'string' } } });
  const r = runRevenueBench({
    n: values.n ? Number(values.n) : undefined,
    reps: values.reps ? Number(values.reps) : undefined,
  });
  process.stdout.write(formatRevenueBench(r));
  process.exit(r.problems.length === 0 ? 0 : 1);
}
