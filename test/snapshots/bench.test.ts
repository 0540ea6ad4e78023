/** The snapshots benchmark runs on a small book and its check holds. */
import { describe, expect, it } from 'vitest';
import { formatSnapshotsBench, runSnapshotsBench } from '../../bench/snapshots.js';

describe('bench/snapshots.ts', () => {
  it('locks and verifies a snapshot that ties to arrOn, and names an edited cell', () => {
    const r = runSnapshotsBench({ n: 20_000, reps: 1 });
    expect(r.problems).toEqual([]);
    expect(r.rows).toBeGreaterThan(0);
    expect(formatSnapshotsBench(r)).toContain('check: OK');
    expect(formatSnapshotsBench(r)).toContain('(the target is for 1,000,000 lines)');
  });
});
