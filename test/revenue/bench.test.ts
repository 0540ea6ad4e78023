/** The revenue benchmark runs on a small book and its tie-out holds (every cent recognised and billed once). */
import { describe, expect, it } from 'vitest';
import { formatRevenueBench, runRevenueBench } from '../../bench/revenue.js';

describe('bench/revenue.ts', () => {
  it('runs SCHEDULE over 36 months and ties out', () => {
    const r = runRevenueBench({ n: 2000, reps: 1 });
    expect(r.months).toBe(36);
    expect(r.problems).toEqual([]);
    expect(formatRevenueBench(r)).toContain('check: OK');
  });
});
