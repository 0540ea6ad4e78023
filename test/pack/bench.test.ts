/** The board pack benchmark's own machinery, on a small book: it runs the command end to end and checks its result. */
import { describe, expect, it } from 'vitest';
import { formatPackBench, runPackBench } from '../../bench/pack.js';

describe('bench/pack.ts', () => {
  it('runs runrate pack on a synthetic CSV book and reports every step', async () => {
    const r = await runPackBench({ n: 2000 });
    expect(r.problems).toEqual([]);
    expect(r.summary).toMatch(
      /^Board pack written to board-pack\.xlsx \(7 sheets, \d+ check formulas, 4 charts\)$/,
    );
    expect(r.steps[0].step).toMatch(/^reading .*contracts\.csv$/);
    expect(r.steps.map((s) => s.step)).toContain('xlsx: packing the workbook');
    expect(r.bytes).toBeGreaterThan(0);
    expect(formatPackBench(r)).toContain('check: OK');
  });
});
