/**
 * The built Google Sheets sidebar (dist/gas/sidebar.html, one inlined file) in headless Chromium.
 * `google.script.run` is replaced by a stand-in that calls the BUILT server (dist/gas/runrate.js and
 * functions.js, loaded into the page as plain scripts, as Apps Script loads them) over the
 * in-memory SpreadsheetApp holding the example book, pasted into Sheets as a user would (zone
 * Pacific/Auckland). A finance user sets a policy value and saves, picks the example book, runs the
 * checks, generates the reports and locks a snapshot; the assertions read the fake spreadsheet.
 * Screenshots of each tab at 300 px (the sidebar's width) go to test-artifacts/gas/.
 *
 * No network: every request is recorded and anything not to 127.0.0.1 is aborted and fails the test.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_TAB_META } from '../../gas/server/index.js';
import { BOARD_PACK_SHEETS } from '../../src/reports/pack.js';
import { ensureGasBuilt, repoRoot } from './support/load-gas.js';

const ROOT = repoRoot();
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'gas');
const AS_OF = '2025-12-31';
const EXAMPLE_ARR = 17_938_426.95; // examples/README.md, ARR on 2025-12-31 under the example policy
const WIDTH = 300;

/** Runs in the page before the sidebar: the fake spreadsheet with the example book, google.script.run. */
const HARNESS = `
import Papa from 'papaparse';
import { createFakeServices, installGlobals } from './support/fake-spreadsheet-app.ts';
import contracts from '../../examples/contracts.csv';
import rates from '../../examples/fx-rates.csv';

const parse = (text) => Papa.parse(text, { skipEmptyLines: true }).data;
const gas = createFakeServices({ timeZone: 'Pacific/Auckland', user: 'finance@example.com' });
const book = gas.SpreadsheetApp.book;
book.addUserSheet('Data', parse(contracts), { textColumns: [0, 1, 2] });
book.addUserSheet('Rates', parse(rates));
book.addUserSheet('Checks', [['My own checks: keep']]);
installGlobals(gas);
globalThis.__fake = gas;
globalThis.__calls = [];

// google.script.run: a fresh runner per chain, asynchronous, the server function by name.
function runner(success, failure) {
  return new Proxy({}, {
    get(_, prop) {
      if (prop === 'withSuccessHandler') return (f) => runner(f, failure);
      if (prop === 'withFailureHandler') return (f) => runner(success, f);
      return (...args) => {
        globalThis.__calls.push(String(prop) + ' ' + String(args[0]));
        setTimeout(() => {
          let result;
          try {
            const fn = globalThis[prop];
            if (typeof fn !== 'function') throw new Error('Script function not found: ' + String(prop));
            result = fn(...JSON.parse(JSON.stringify(args)));
          } catch (e) {
            if (failure) failure(e);
            return;
          }
          if (success) success(result);
        }, 0);
      };
    },
  });
}
globalThis.google = { script: { run: runner(null, null) } };
`;

let browser: Browser;
let page: Page;
let server: Server;
let siteDir: string;
const requests: string[] = [];
const offHost: string[] = [];
const pageErrors: string[] = [];

/** Runs `fn(fakeServices, arg)` in the page and returns its JSON result. */
function inSheets<T>(fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    ({ fn, arg }) =>
      new Function('gas', 'arg', `return (${fn})(gas, arg);`)(
        (globalThis as Record<string, unknown>).__fake,
        arg,
      ),
    { fn, arg },
  ) as Promise<T>;
}

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(400); // the tab indicator's slide ends
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function openTab(name: string): Promise<void> {
  await page.getByTestId(`tab-${name}`).click();
  await page.getByTestId(`${name}-tab`).waitFor({ state: 'visible' });
}

async function choose(testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

function serve(dir: string, files: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const s = createServer((req, res) => {
    const name =
      decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\//, '') || 'index.html';
    const body = files[name] ?? (/^[\w.-]+$/.test(name) ? tryRead(path.join(dir, name)) : null);
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': `${types[path.extname(name)] ?? 'text/plain'}; charset=utf-8` })
      .end(body);
  });
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () =>
      resolve({ server: s, origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}` }),
    ),
  );
}

function tryRead(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ensureGasBuilt();
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-sidebar.mjs')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  // Serve a copy, so another test rebuilding dist/gas meanwhile cannot pull files away.
  siteDir = mkdtempSync(path.join(tmpdir(), 'runrate-sidebar-'));
  cpSync(path.join(ROOT, 'dist', 'gas'), siteDir, { recursive: true });
  const harness = await build({
    stdin: {
      contents: HARNESS,
      resolveDir: path.join(ROOT, 'test', 'gas'),
      loader: 'js',
      sourcefile: 'harness.js',
    },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    loader: { '.csv': 'text' },
    logLevel: 'warning',
  });
  const sidebar = readFileSync(path.join(siteDir, 'sidebar.html'), 'utf8');
  // The server side first (plain scripts: their top-level functions become the page's globals, as
  // in Apps Script), then the sidebar exactly as built.
  const page0 = sidebar.replace(
    '<title>',
    '<script src="harness.js"></script><script src="runrate.js"></script><script src="functions.js"></script><title>',
  );
  const served = await serve(siteDir, { 'index.html': page0, 'harness.js': harness.outputFiles[0].text });
  server = served.server;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(served.origin + '/') || url.startsWith('data:')) return route.continue();
    offHost.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(`${served.origin}/index.html`);
  await page.getByTestId('policy-tab').waitFor({ state: 'visible', timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

describe('the built sidebar', () => {
  it('is one self-contained file carrying the start-tab marker the server replaces', () => {
    const html = readFileSync(path.join(siteDir, 'sidebar.html'), 'utf8');
    expect(html).toContain(START_TAB_META);
    // Booleans, not toMatch: a failure must not print half a megabyte of page.
    expect(/<script[^>]+src=/i.test(html), 'a script loaded from elsewhere').toBe(false);
    expect(/<link[^>]+href=/i.test(html), 'a stylesheet or font link').toBe(false);
    expect(/url\(\s*['"]?(https?:)?\/\//i.test(html), 'a CSS url() off the page').toBe(false);
    expect(/@import\s+(url|["'])/i.test(html), 'a CSS @import').toBe(false);
  });
});

describe('the sidebar in headless Chromium over the in-memory spreadsheet', () => {
  it('opens on Policy with the defaults, as "Google Sheets"', async () => {
    expect(await page.getByText('Google Sheets').first().textContent()).toContain('Google Sheets');
    expect(await page.getByTestId('policy-status').textContent()).toContain('defaults (not saved yet)');
    await shot('policy');
  });

  it('sets a policy value and saves: RR Policy and RR_POLICY in the spreadsheet', async () => {
    await page.getByTestId('policy-renewalGraceDays').fill('45');
    if ((await page.getByTestId('policy-fx').textContent())?.trim() !== 'spot')
      await choose('policy-fx', 'spot');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-saved').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('policy-status').textContent()).toContain('from the RR Policy sheet');
    const policy = await inSheets<{
      named: string;
      sheet: string;
      kind: string;
      rows: unknown[][];
    }>(`(gas) => {
      const book = gas.SpreadsheetApp.getActiveSpreadsheet();
      const r = book.getRangeByName('RR_POLICY');
      const s = book.getSheetByName('RR Policy');
      return { named: r.getA1Notation(), sheet: r.getSheet().getName(),
        kind: s.getDeveloperMetadata()[0].getValue(), rows: r.getValues() };
    }`);
    expect(policy.sheet).toBe('RR Policy');
    expect(policy.kind).toBe('policy');
    expect(policy.rows[0]).toEqual(['Key', 'Value']);
    // The policy sheet holds its values as text (a number typed there reads back the same way).
    expect(policy.rows.find((r) => r[0] === 'renewalGraceDays')?.[1]).toBe('45');
    expect(policy.rows.find((r) => r[0] === 'fx')?.[1]).toBe('spot');
  });

  it('picks the example book and the rates, and runs the data checks', async () => {
    await openTab('data');
    await choose('source-picker', /^Sheet Data/);
    await page.getByTestId('mapping').waitFor();
    expect(await page.getByTestId('mapping-missing').count()).toBe(0);
    await choose('rates-picker', /^Sheet Rates/);
    await page.getByTestId('use-range').click();
    await page.getByTestId('contracts-in-use').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('contracts-in-use').textContent()).toContain('1,600 lines');
    await page.getByTestId('data-asof').fill(AS_OF);
    await page.getByTestId('run-checks').click();
    await page.getByTestId('check-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('check-summary').textContent()).toContain('1,600 lines checked');
    await shot('data');
  });

  it('generates the reports into the spreadsheet, leaving the user sheet named Checks alone', async () => {
    await openTab('reports');
    await page.getByTestId('reports-asof').fill(AS_OF);
    await page.getByTestId('generate-reports').click();
    await page.getByTestId('reports-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('sheets-skipped').textContent()).toContain('Checks');
    await shot('reports');
    const sheets = await inSheets<{ name: string; kind: string }[]>(`(gas) =>
      gas.SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => ({
        name: s.getName(), kind: (s.getDeveloperMetadata().find((m) => m.getKey() === 'runrate.kind') || { getValue: () => 'user' }).getValue() }))`);
    for (const name of BOARD_PACK_SHEETS.filter((n) => n !== 'Checks')) {
      expect(sheets.find((s) => s.name === name)?.kind, name).toBe('report');
    }
    expect(sheets.find((s) => s.name === 'Checks')?.kind).toBe('user');
    const summary = await inSheets<unknown[][]>(
      `(gas) => gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Summary').getDataRange().getValues()`,
    );
    // The policy saved above differs from the example's (grace 45 days, not 30), so the ARR here is
    // the core's figure under that policy; under the example policy it is the README's figure.
    const arr = summary.find((r) => r[0] === 'ARR')?.[1];
    expect(typeof arr).toBe('number');
    expect(
      await inSheets(
        `(gas) => gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Checks').getDataRange().getValues()`,
      ),
    ).toEqual([['My own checks: keep']]);
    expect(await page.getByTestId('reports-done').textContent()).toContain(
      (arr as number).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
  });

  it("with the example policy's grace days and spot rates the Summary ARR is the README figure", async () => {
    await openTab('policy');
    await page.getByTestId('policy-renewalGraceDays').fill('30');
    await page.getByTestId('policy-save').click();
    await expect
      .poll(() => page.getByTestId('policy-saved').textContent(), { timeout: 30_000 })
      .toContain('Renewal grace days');
    await shot('policy-saved');
    await openTab('reports');
    await page.getByTestId('generate-reports').click();
    await expect
      .poll(async () => (await page.getByTestId('reports-done').textContent()) ?? '', { timeout: 60_000 })
      .toContain('17,938,426.95');
    const summary = await inSheets<unknown[][]>(
      `(gas) => gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Summary').getDataRange().getValues()`,
    );
    expect(summary.find((r) => r[0] === 'ARR')?.[1]).toBe(EXAMPLE_ARR);
  });

  it('locks a snapshot: a protected (warning-only) snapshot sheet that verifies intact', async () => {
    await openTab('snapshots');
    await page.getByTestId('lock-snapshot').click();
    await page.getByTestId('locked').waitFor({ timeout: 60_000 });
    const snap = await inSheets<{ name: string; warningOnly: boolean[]; kind: string } | null>(`(gas) => {
      const s = gas.SpreadsheetApp.getActiveSpreadsheet().getSheets().find((x) => x.getName().startsWith('RR Snapshot'));
      return s ? { name: s.getName(), kind: s.getDeveloperMetadata()[0].getValue(),
        warningOnly: s.getProtections('SHEET').map((p) => p.isWarningOnly()) } : null;
    }`);
    expect(snap).toMatchObject({ name: `RR Snapshot ${AS_OF}`, kind: 'snapshot', warningOnly: [true] });
    const card = page.getByTestId(`snapshot-${snap!.name}`);
    await card.getByTestId('verify').click();
    await card.getByTestId('verify-status').waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('verify-status').textContent()).toBe('intact');
    await shot('snapshots');
  });

  it('shows the reconcile tab', async () => {
    await openTab('reconcile');
    await shot('reconcile');
  });

  it('went through google.script.run only, raised no page error, and made no request off 127.0.0.1', async () => {
    const calls = await page.evaluate(() => (globalThis as Record<string, unknown>).__calls as string[]);
    expect(calls.every((c) => c.startsWith('runrateAction '))).toBe(true);
    expect(calls).toContain('runrateAction generateReports');
    expect(pageErrors).toEqual([]);
    expect(offHost).toEqual([]);
    expect(requests.every((u) => u.startsWith('http://127.0.0.1:'))).toBe(true);
  });
});
