/**
 * Excel writer benchmark (issue 6): the Bridge sheet of the board pack with at least 10,000 rows
 * (the quarter and year bridge detail of a 75k-line synthetic book) written through the Office.js
 * writer (addin/excel/ExcelWorkbook) against the office-addin-mock workbook of its tests. Target:
 * at most 20 `context.sync()` round trips.
 *
 * The time is the writer's own work (building each block's arrays and style runs, queuing the
 * commands) plus the mock applying them, best of `reps` after a warm-up, a fresh workbook each
 * time; real Excel adds its round-trip and calculation time per sync, which the mock cannot show.
 * A check: every cell of the model is in the sheet as the model says (formulas only where the
 * model has one, text as text, money in currency units).
 *
 * `runExcelWriterBench()` is called by bench/bench.ts; `node dist/bench/addin-excel-writer.js
 * [--n 75000]` runs it alone.
 */
import { parseArgs } from 'node:util';
import { buildBoardPack, dayFromYmd } from '../src/index.js';
import { NUMBER_FORMATS, type ReportSheet } from '../src/reports/model.js';
import { ExcelWorkbook } from '../addin/excel/excel-workbook.js';
import { FakeExcel } from '../test/addin/excel/fake-excel.js';
import { syntheticBook, toCells } from './synthetic.js';
import { unwrap } from './timing.js';

export const EXCEL_WRITER_MAX_SYNCS = 20;
const MIN_ROWS = 10_000;

export interface ExcelWriterBenchResult {
  lines: number;
  rows: number;
  columns: number;
  cells: number;
  syncs: number;
  /** Commands each sync carried (the first is the name check). */
  batches: number[];
  ms: number;
  maxSyncs: number;
  met: boolean;
  problems: string[];
}

/** Differences between the model and the written sheet, by row and column. */
function compare(sheet: ReportSheet, fake: FakeExcel): string[] {
  const s = fake.sheet(sheet.name);
  if (!s) return [`no sheet ${sheet.name}`];
  const out: string[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || (cell.kind === 'text' && cell.text === '') || out.length > 10) return;
      const got = s.cells.get(`${r},${c}`);
      const at = `row ${r + 1} column ${c + 1}`;
      if (!got) out.push(`${at}: missing`);
      else if (cell.kind === 'formula') {
        if (got.kind !== 'formula') out.push(`${at}: a formula written as ${got.kind}`);
      } else if (got.kind === 'formula' || got.parsed)
        out.push(`${at}: ${cell.kind} written as ${got.value}`);
      else if (cell.kind === 'text' && got.value !== cell.text) out.push(`${at}: ${got.value}`);
      else if (
        cell.kind === 'money' &&
        (got.value !== cell.cents / 100 || got.numberFormat !== NUMBER_FORMATS.money)
      ) {
        out.push(`${at}: ${got.value} ${got.numberFormat}`);
      }
    }),
  );
  return out;
}

export async function runExcelWriterBench(
  opts: { n?: number; reps?: number } = {},
): Promise<ExcelWriterBenchResult> {
  const lines = opts.n ?? 75_000;
  const reps = opts.reps ?? 5;
  const book = unwrap(
    buildBoardPack({
      contracts: toCells(syntheticBook(lines)),
      asOf: dayFromYmd(2025, 12, 31),
      generatedAt: '2026-01-01T00:00:00.000Z',
    }),
    'board pack',
  );
  const sheet = book.sheets.find((s) => s.name === 'Bridge');
  if (!sheet) throw new Error('the board pack has no Bridge sheet');
  const g = globalThis as { Excel?: unknown };
  const previous = g.Excel;
  let ms = Infinity;
  let fake = new FakeExcel();
  let syncs = 0;
  try {
    for (let r = 0; r <= reps; r++) {
      fake = new FakeExcel();
      g.Excel = fake.global;
      const t0 = performance.now();
      const stats = await new ExcelWorkbook().writeSheet(sheet, { kind: 'report' });
      if (r > 0) ms = Math.min(ms, performance.now() - t0);
      syncs = stats.syncs;
      if (stats.syncs !== fake.syncs)
        throw new Error(`writer counted ${stats.syncs} syncs, the workbook ${fake.syncs}`);
    }
  } finally {
    g.Excel = previous;
  }
  const problems = compare(sheet, fake);
  if (sheet.rows.length < MIN_ROWS)
    problems.push(`the Bridge sheet has ${sheet.rows.length} rows, under ${MIN_ROWS}`);
  const columns = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length));
  return {
    lines,
    rows: sheet.rows.length,
    columns,
    cells: sheet.rows.length * columns,
    syncs,
    batches: fake.batches,
    ms,
    maxSyncs: EXCEL_WRITER_MAX_SYNCS,
    met: syncs <= EXCEL_WRITER_MAX_SYNCS,
    problems,
  };
}

export function formatExcelWriterBench(r: ExcelWriterBenchResult): string {
  return (
    `Excel writer (Office.js, office-addin-mock): Bridge sheet of a ${r.lines / 1000}k-line book, ` +
    `${r.rows.toLocaleString('en-US')} rows x ${r.columns} columns\n` +
    `  ${r.syncs} context.sync() round trips (target <= ${r.maxSyncs}: ${r.met ? 'met' : 'MISSED'}), ` +
    `${r.ms.toFixed(0)} ms best of the runs (writer + mock, no Excel round-trip time)\n` +
    `  commands per sync: ${r.batches.join(', ')}\n` +
    `  check: ${r.problems.length === 0 ? 'OK, every cell as the model says' : r.problems.join('; ')}\n`
  );
}

// Run alone only when this file is the entry point (bench/bench.ts bundles it into bench.js).
if (process.argv[1] && /[\\/]addin-excel-writer\.[jt]s$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { n: { type: 'string' }, reps: { type: 'string' } } });
  const r = await runExcelWriterBench({
    n: values.n ? Number(values.n) : undefined,
    reps: values.reps ? Number(values.reps) : undefined,
  });
  process.stdout.write(formatExcelWriterBench(r));
  process.exit(r.problems.length === 0 && r.met ? 0 : 1);
}
