/**
 * `runrate pack` and the demo's pack, through the CLI's `main`: progress lines on stderr (none with
 * --json), where the pack is on stdout, the workbook on disk with every sheet, the Reconciliation
 * sheet with --netsuite, and the refusals as exit 2 with one line naming the problem.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BOARD_PACK_SHEETS } from '../../src/reports/pack.js';
import { FIXTURES, run } from '../cli/run.js';
import { readWorkbook } from './compare.js';

const RECON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reconcile');
const dir = mkdtempSync(path.join(tmpdir(), 'runrate-pack-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const C = ['--contracts', 'contracts.csv', '--policy', 'policy.csv'];

describe('runrate pack', () => {
  it('writes the pack, shows each step on stderr and says where the pack is', async () => {
    const out = path.join(dir, 'board-pack.xlsx');
    const r = await run(['pack', ...C, '--as-of', '2023-09-30', '--out', out, '--company', 'Fixture & Co']);
    expect(r.code).toBe(0);
    const steps = r.err.split('\n').filter(Boolean);
    expect(steps[0]).toBe('runrate: reading contracts.csv');
    expect(steps).toContain('runrate: model: sheet Bridge');
    expect(steps).toContain('runrate: xlsx: sheet Summary');
    expect(steps).toContain('runrate: xlsx: chart ARR bridge, year to 2023-09-30');
    expect(steps.at(-1)).toBe(`runrate: xlsx: writing ${out}`);
    // Outside the working folder: the full path.
    expect(r.out).toMatch(
      new RegExp(
        `^Board pack written to ${out.replace(/[.\\]/g, '\\$&')} \\(7 sheets, \\d+ check formulas, 4 charts\\)\\n$`,
      ),
    );
    const wb = await readWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...BOARD_PACK_SHEETS]);
    expect(wb.title).toBe('Fixture & Co: board pack as of 2023-09-30');
  });

  it('--json: one JSON document on stdout, nothing on stderr', async () => {
    const r = await run(['pack', ...C, '--as-of', '2023-09-30', '--out', path.join(dir, 'p.xlsx'), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['out', 'asOf', 'sheets', 'formulas', 'charts', 'bytes']);
    expect(j).toMatchObject({ asOf: '2023-09-30', sheets: [...BOARD_PACK_SHEETS], charts: 4 });
  });

  it('--netsuite adds the Reconciliation sheet for the three months to the as-of date', async () => {
    const out = path.join(dir, 'recon.xlsx');
    const r = await run(
      [
        'pack',
        ...['--contracts', 'contracts.csv', '--policy', 'policy.csv', '--mapping', 'mapping.csv'],
        ...[
          '--netsuite',
          'transactions.csv',
          '--netsuite',
          'income-statement.csv',
          '--netsuite',
          'customers.csv',
        ],
        ...['--as-of', '2025-03-31', '--out', out, '--json'],
      ],
      { cwd: RECON },
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { sheets: string[] }).sheets).toEqual([
      ...BOARD_PACK_SHEETS,
      'Reconciliation',
    ]);
    const wb = await readWorkbook(out);
    expect(wb.getWorksheet('Reconciliation')!.getCell('A1').value).toBe(
      'Reconciliation against NetSuite, 2025-01-01 to 2025-03-31',
    );
  });

  it('refuses bad input with exit 2 and one line, writing nothing', async () => {
    const out = path.join(dir, 'refused.xlsx');
    const cases: [string[], RegExp][] = [
      [['--as-of', '2023-09-30', '--out', 'x.pdf'], /--out "x.pdf": the board pack is an .xlsx file/],
      [['--as-of', '2023-09-30'], /pack needs --out/],
      [['--as-of', 'soon', '--out', out], /--as-of/],
      [['--as-of', '2023-09-30', '--out', out, '--mapping', 'm.csv'], /--mapping .* needs --netsuite/],
      [
        ['--as-of', '2023-09-15', '--out', out, '--netsuite', 'n.csv'],
        /--netsuite: the reconciliation covers whole months/,
      ],
      [
        ['--as-of', '2023-09-30', '--out', path.join(dir, 'no', 'p.xlsx')],
        /cannot write .*: its folder does not exist/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(['pack', ...C, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(
        r.err
          .split('\n')
          .filter((l) => !l.startsWith('runrate: reading'))
          .join('\n'),
      ).toMatch(message);
    }
    const bad = await run(['pack', '--contracts', 'bad-date.csv', '--as-of', '2023-09-30', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^runrate: bad-date\.csv: /m);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the demo', () => {
  it('writes out/board-pack.xlsx and says where it is', async () => {
    const outDir = path.join(dir, 'demo-out');
    const r = await run(['demo', '--as-of', '2023-09-30'], { examplesDir: FIXTURES, outDir, cwd: dir });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.endsWith('\nBoard pack written to demo-out/board-pack.xlsx\n')).toBe(true);
    const wb = await readWorkbook(path.join(outDir, 'board-pack.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...BOARD_PACK_SHEETS]);
  });
});
