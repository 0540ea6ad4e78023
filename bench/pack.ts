/**
 * Board pack benchmark: `runrate pack` on a 100k-line synthetic book (about 10k customers), end to
 * end as a user runs it: the book is written as a CSV file, then the command reads it, builds the
 * model and the report models, renders every sheet and chart and writes the .xlsx. Target <= 10 s.
 *
 * One cold run (a user runs the pack once); the per-step times come from the command's own
 * progress lines (reading, computing, each sheet, each chart, writing), timestamped as they arrive.
 * A check: the command exits 0 and the workbook it wrote opens with every sheet it reported.
 *
 * `runPackBench()` is called by bench/bench.ts; `node dist/bench/pack.js [--n 100000] [--keep FILE]`
 * runs it alone (--keep leaves the pack there to look at).
 */
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDay } from '../src/cells/days.js';
import { main } from '../cli/main.js';
import { CELL_HEADER, syntheticBook } from './synthetic.js';

export const PACK_TARGET_MS = 10_000;
const AS_OF = '2025-12-31';

export interface PackBenchResult {
  n: number;
  customers: number;
  asOf: string;
  /** The whole command, reading the CSV included (the target's figure). */
  ms: number;
  /** Time from each progress line to the next (the last one to the end). */
  steps: { step: string; ms: number }[];
  bytes: number;
  summary: string;
  targetMs: number;
  met: boolean;
  problems: string[];
}

/** The synthetic book as the CSV file a user would give `--contracts` (ISO dates, dollar amounts). */
function writeCsv(file: string, n: number): number {
  const b = syntheticBook(n);
  const lines: string[] = [CELL_HEADER.join(',')];
  for (let j = 0; j < b.n; j++) {
    lines.push(
      [
        b.customer[j],
        b.contract[j],
        b.product[j],
        formatDay(b.start[j]),
        formatDay(b.end[j]),
        (b.amountCents[j] / 100).toFixed(2),
        'USD',
      ].join(','),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return b.customers;
}

export async function runPackBench(opts: { n?: number; keep?: string } = {}): Promise<PackBenchResult> {
  const n = opts.n ?? 100_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'runrate-bench-pack-'));
  try {
    const csv = path.join(dir, 'contracts.csv');
    const customers = writeCsv(csv, n);
    const out = path.join(dir, 'board-pack.xlsx');
    const marks: { step: string; at: number }[] = [];
    let stdout = '';
    let stderr = '';
    const t0 = performance.now();
    const code = await main(
      ['pack', '--contracts', csv, '--as-of', AS_OF, '--out', out, '--company', 'Bench Co'],
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: {
          write: (s: string) => {
            stderr += s;
            for (const line of s.split('\n').filter(Boolean)) {
              marks.push({ step: line.replace(/^runrate: /, ''), at: performance.now() });
            }
          },
        },
        cwd: dir,
      },
    );
    const end = performance.now();
    const ms = end - t0;
    const problems: string[] = [];
    if (code !== 0) problems.push(`runrate pack exited ${code}: ${stderr.trim().split('\n').pop()}`);
    const steps = marks.map((m, i) => ({ step: m.step, ms: (marks[i + 1]?.at ?? end) - m.at }));
    let bytes = 0;
    if (code === 0) {
      bytes = statSync(out).size;
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const reported = /\((\d+) sheets?/.exec(stdout);
      if (!reported || Number(reported[1]) !== wb.worksheets.length) {
        problems.push(`the pack has ${wb.worksheets.length} sheets; the command said: ${stdout.trim()}`);
      }
      if (opts.keep) copyFileSync(out, opts.keep);
    }
    return {
      n,
      customers,
      asOf: AS_OF,
      ms,
      steps,
      bytes,
      summary: stdout.trim(),
      targetMs: PACK_TARGET_MS,
      met: code === 0 && ms <= PACK_TARGET_MS,
      problems,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatPackBench(r: PackBenchResult): string {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const steps = r.steps.map((s) => `    ${ms(s.ms).padStart(7)} ms  ${s.step}`).join('\n');
  return (
    `Board pack: runrate pack on ${r.n.toLocaleString('en-US')} lines (${r.customers.toLocaleString('en-US')} customers) as of ${r.asOf}, CSV in, xlsx out\n` +
    `  ${ms(r.ms)} ms (target <= ${r.targetMs} ms: ${r.met ? 'met' : 'MISSED'}); ${(r.bytes / 1e6).toFixed(2)} MB\n` +
    (steps ? `${steps}\n` : '') +
    `  ${r.summary}\n` +
    `  check: ${r.problems.length === 0 ? 'OK, the workbook opens with every sheet reported' : r.problems.join('; ')}\n`
  );
}

// Run alone only when this file is the entry point (bench/bench.ts bundles it into bench.js).
if (process.argv[1] && /[\\/]pack\.[jt]s$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { n: { type: 'string' }, keep: { type: 'string' } } });
  const r = await runPackBench({ n: values.n ? Number(values.n) : undefined, keep: values.keep });
  process.stdout.write(formatPackBench(r));
  process.exit(r.problems.length === 0 ? 0 : 1);
}
