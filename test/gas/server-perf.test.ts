/**
 * Performance proxy for the 6-minute Apps Script limit: "Generate reports" on a 100k-line book,
 * through the BUILT server (dist/gas in a vm, as Apps Script loads it) over the in-memory
 * spreadsheet. Node is faster than Apps Script's servers and the fake has no per-call latency, so
 * the test bounds both what it can measure: the server's own work (<= 60 s here, a sixth of the
 * limit) and the number of SpreadsheetApp calls that write (each real call costs a round trip; a
 * per-cell or per-row write would show up here as tens of thousands).
 *
 * The book: the example contracts copied 63 times with their customers and contract numbers
 * renamed per copy (100,800 lines, 18,900 customers), pasted into a sheet as a user would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ensureGasBuilt, gasScripts, repoRoot } from './support/load-gas.js';
import { createFakeServices } from './support/fake-spreadsheet-app.js';

const COPIES = 63;
const csv = (name: string): string[][] =>
  Papa.parse<string[]>(readFileSync(path.join(repoRoot(), 'examples', name), 'utf8'), {
    skipEmptyLines: true,
  }).data;

describe('Generate reports on a 100k-line book (server on the in-memory spreadsheet)', () => {
  it('stays far inside Apps Script’s 6 minutes, with batched writes', () => {
    ensureGasBuilt();
    const example = csv('contracts.csv');
    const header = example[0];
    const customer = header.indexOf('Customer');
    const parent = header.indexOf('Parent');
    const contract = header.indexOf('Contract');
    const rows = [header];
    for (let k = 0; k < COPIES; k++) {
      for (const r of example.slice(1)) {
        const copy = r.slice();
        copy[customer] = `${r[customer]} #${k}`;
        if (copy[parent]) copy[parent] = `${r[parent]} #${k}`;
        copy[contract] = `${r[contract]}-${k}`;
        rows.push(copy);
      }
    }
    expect(rows.length - 1).toBe(1600 * COPIES);

    const gas = createFakeServices({ timeZone: 'America/Los_Angeles' });
    const book = gas.SpreadsheetApp.book;
    book.addUserSheet('Data', rows, { textColumns: [0, 1, 2] });
    book.addUserSheet('Rates', csv('fx-rates.csv'));
    const context = vm.createContext({ ...gas, Logger: { log: () => undefined } });
    for (const s of gasScripts()) vm.runInContext(s.code, context, { filename: s.name });
    const VmDate = vm.runInContext('Date', context) as DateConstructor;
    gas.SpreadsheetApp.makeDate = (ms) => new VmDate(ms);
    const action = (name: string, ...args: unknown[]) => {
      const fn = (context as Record<string, (n: string, a: string) => string>).runrateAction;
      return JSON.parse(fn(name, JSON.stringify(args)));
    };

    const policy = Object.fromEntries(
      csv('policy.csv')
        .slice(1)
        .map(([k, v]) => [k, v]),
    );
    const t0 = performance.now();
    action('savePolicy', policy);
    const info = action('describeSource', { kind: 'sheet', name: 'Data' });
    action('useContracts', { kind: 'sheet', name: 'Data' }, info.mapping, { kind: 'sheet', name: 'Rates' });
    const t1 = performance.now();
    const writesBefore = gas.SpreadsheetApp.counts.writes;
    const readsBefore = gas.SpreadsheetApp.counts.reads;
    const run = action('generateReports', '2025-12-31');
    const t2 = performance.now();
    const writes = gas.SpreadsheetApp.counts.writes - writesBefore;
    const reads = gas.SpreadsheetApp.counts.reads - readsBefore;
    const rowsWritten = (run.sheets as { rows: number }[]).reduce((a, s) => a + s.rows, 0);
    console.log(
      `100k-line book: policy + pick ${((t1 - t0) / 1000).toFixed(1)} s; generate reports ${((t2 - t1) / 1000).toFixed(1)} s ` +
        `(${run.sheets.length} sheets, ${rowsWritten} rows, ${writes} SpreadsheetApp write calls, ${reads} reads, ` +
        `${run.syncs} batches reported); ARR ${(run.arrCents / 100).toFixed(2)}`,
    );
    expect(run.skipped).toEqual([]);
    expect(run.sheets).toHaveLength(7);
    // Every copy of the book carries the example's ARR (17,938,426.95 on 2025-12-31, examples/README.md).
    expect(run.arrCents).toBe(1_793_842_695 * COPIES);
    expect(t2 - t1).toBeLessThan(60_000);
    expect(writes).toBeLessThan(1000);
  }, 600_000);
});
