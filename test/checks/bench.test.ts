/** The data-checks benchmark runs on a small book and its check holds. */
import { describe, expect, it } from 'vitest';
import { formatChecksBench, runChecksBench } from '../../bench/checks.js';

describe('bench/checks.ts', () => {
  it('runs CHECK and its findings agree with arrOn and the planted bad cells', () => {
    // 40,000 lines: every 20,000th amount is bad, so rows 20,001 and 40,001
    const r = runChecksBench({ n: 40_000, reps: 1 });
    expect(r.problems).toEqual([]);
    expect(r.byRule['bad-cell']).toBe(2);
    expect(r.byRule['arr-anomaly']).toBeGreaterThan(0);
    expect(r.byRule['status-active-ended']).toBeGreaterThan(0);
    expect(formatChecksBench(r)).toContain('check: OK');
    expect(formatChecksBench(r)).toContain('(the target is for 100,000 lines)');
  });
});
