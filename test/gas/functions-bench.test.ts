/**
 * bench/gas-functions.ts on a small book: BRIDGE through the vm-loaded Sheets custom function
 * equals the core's BRIDGE, nothing reached for the network, and the `node --jitless` child
 * (the bench file built as a Node script) reports a time.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatGasFunctionsBench, runGasFunctionsBench } from '../../bench/gas-functions.js';
import { repoRoot } from './support/load-gas.js';

const dir = path.join(repoRoot(), 'dist', '.gen');
const script = path.join(dir, `gas-functions-bench-${process.pid}.mjs`);

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await build({
    absWorkingDir: repoRoot(),
    entryPoints: [path.join(repoRoot(), 'bench', 'gas-functions.ts')],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(script, { force: true }));

describe('bench/gas-functions.ts', () => {
  it('BRIDGE through the Sheets custom function equals the core on 5,000 lines, in Node and under --jitless', () => {
    const r = runGasFunctionsBench({ n: 5000, reps: 1, jitlessScript: script });
    expect(r.problems).toEqual([]);
    expect(r.bridgeMs).toBeGreaterThan(0);
    expect(r.jitlessMs).toBeGreaterThan(0);
    const text = formatGasFunctionsBench(r);
    expect(text).toContain('check BRIDGE in Sheets = core BRIDGE, no network: OK');
    expect(text).toContain('node --jitless');
  });
});
