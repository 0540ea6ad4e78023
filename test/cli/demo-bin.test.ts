/** `runrate demo`, and the bundled bin run as a real process. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './run.js';

const exec = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('demo', () => {
  it('prints ARR by segment, the quarter and year bridges and the year retention', async () => {
    // On the fixture book as of 2023-09-30: the quarter starts 2023-06-30, the year 2022-09-30.
    const r = await run(['demo', '--as-of', '2023-09-30'], { examplesDir: FIXTURES });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const titles = r.out.split('\n').filter((l) => / policy /.test(l));
    expect(titles).toEqual([
      expect.stringMatching(/^ARR as of 2023-09-30, USD, policy fixture-1 \([0-9a-f]{12}\)$/),
      expect.stringMatching(/^ARR bridge 2023-06-30 to 2023-09-30, USD, policy fixture-1 /),
      expect.stringMatching(/^ARR bridge 2022-09-30 to 2023-09-30, USD, policy fixture-1 /),
      expect.stringMatching(/^Retention 2022-09-30 to 2023-09-30, USD, policy fixture-1 /),
    ]);
    expect(r.out).toMatch(/\nARR +202,434\.78\n/);
    expect(r.out).toMatch(/\nSegment +ARR +Customers\n/);
    // 2023-06-30: Acme 100,828.73 + Beta 12,000 + Gamma 36,500 + Delta 36,500; 2022-09-30: Echo 10,000.
    expect(r.out).toMatch(/\nStart +185,828\.73\n/);
    expect(r.out).toMatch(/\nStart +10,000\.00\n/);
  });

  it('refuses a bad --as-of and flags it does not take', async () => {
    expect((await run(['demo', '--as-of', 'soon'], { examplesDir: FIXTURES })).code).toBe(2);
    const r = await run(['demo', '--json'], { examplesDir: FIXTURES });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^runrate: --json does not apply to demo\n/);
  });

  it.runIf(
    ['contracts.csv', 'policy.csv', 'fx-rates.csv'].every((f) => existsSync(path.join(ROOT, 'examples', f))),
  )('runs on the bundled example book, found from the package root', async () => {
    const r = await run(['demo'], { cwd: '/' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ARR as of 2025-12-31, /);
    expect(r.out).toContain('ARR bridge 2025-09-30 to 2025-12-31, ');
    expect(r.out).toContain('ARR bridge 2024-12-31 to 2025-12-31, ');
    expect(r.out).toContain('Retention 2024-12-31 to 2025-12-31, ');
  });
});

describe('the bin', () => {
  it('builds with scripts/build-cli.mjs and runs as node dist/cli/runrate.js', async () => {
    await exec(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
    const bin = path.join(ROOT, 'dist/cli/runrate.js');
    const { stdout, stderr } = await exec(
      process.execPath,
      [bin, 'arr', '--contracts', 'contracts.csv', '--as-of', '2023-03-31', '--json'],
      { cwd: FIXTURES },
    );
    expect(stderr).toBe('');
    expect(stdout).toBe(
      '{"asOf":"2023-03-31","currency":"USD","arr":149328.73,"mrr":12444.06,"customers":3}\n',
    );

    // Bad input: exit status 2, the message, no stack trace.
    const bad = await exec(
      process.execPath,
      [bin, 'arr', '--contracts', 'bad-date.csv', '--as-of', '2023-03-31'],
      {
        cwd: FIXTURES,
      },
    ).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(bad?.code).toBe(2);
    expect(bad?.stdout).toBe('');
    expect(bad?.stderr).toBe(
      'runrate: bad-date.csv: row 3, End Date: "2023-02-30" is not a date (no day 30 in that month)\n',
    );
  });
});
