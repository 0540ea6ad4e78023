/**
 * functions.test.ts again, in child processes whose TZ (the script's zone, for Node the process's)
 * differs from the spreadsheet's zone: Pacific/Auckland against America/Los_Angeles and
 * Pacific/Kiritimati (a zone ahead of it, where a date cell's midnight falls on the previous day
 * of the process's calendar), America/Los_Angeles against Pacific/Auckland, and UTC against both.
 * Each child is a whole Vitest run of that file; its JSON report must show every test passed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureGasBuilt, repoRoot } from './support/load-gas.js';

const RUNS: { tz: string; sheets: string[] }[] = [
  { tz: 'Pacific/Auckland', sheets: ['America/Los_Angeles', 'Pacific/Kiritimati'] },
  { tz: 'America/Los_Angeles', sheets: ['Pacific/Auckland'] },
  { tz: 'UTC', sheets: ['Pacific/Auckland', 'America/Los_Angeles'] },
];

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

const dir = mkdtempSync(path.join(tmpdir(), 'runrate-gas-tz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs test/gas/functions.test.ts under a TZ; resolves with its JSON report. */
function runUnder(tz: string, sheets: string[]): Promise<{ report: Report; output: string }> {
  const out = path.join(dir, `${tz.replace(/\W/g, '_')}.json`);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('VITEST') && k !== 'NODE_OPTIONS') env[k] = v;
  Object.assign(env, { TZ: tz, RR_SHEET_TZ: sheets.join(','), FORCE_COLOR: '0' });
  const vitest = path.join(repoRoot(), 'node_modules', 'vitest', 'vitest.mjs');
  const args = [vitest, 'run', 'test/gas/functions.test.ts', '--reporter=json', `--outputFile=${out}`];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve({ report: JSON.parse(readFileSync(out, 'utf8')) as Report, output });
      } catch (e) {
        reject(new Error(`no report from the run under TZ=${tz}: ${String(e)}\n${output.slice(-2000)}`));
      }
    });
  });
}

describe('the Sheets custom functions under three process time zones', () => {
  let results: Map<string, { report: Report; output: string }>;
  beforeAll(async () => {
    ensureGasBuilt();
    const done = await Promise.all(RUNS.map((r) => runUnder(r.tz, r.sheets)));
    results = new Map(RUNS.map((r, i) => [r.tz, done[i]]));
  }, 300_000);

  it.each(RUNS)('TZ=$tz, spreadsheet zones $sheets: every test passes', ({ tz, sheets }) => {
    const { report } = results.get(tz)!;
    const tests = report.testResults.flatMap((f) => f.assertionResults);
    const failed = tests.filter((t) => t.status !== 'passed');
    expect(failed.map((t) => `${t.fullName}: ${t.failureMessages.join('\n').slice(0, 500)}`)).toEqual([]);
    expect(report.numFailedTests).toBe(0);
    // The run saw this process zone and tried each spreadsheet zone (the example book in each).
    for (const zone of sheets) {
      const ran = tests.filter((t) => t.fullName.includes(`spreadsheet zone ${zone} (process zone ${tz})`));
      expect(ran.length, zone).toBeGreaterThan(30);
    }
  });
});
