/**
 * The built Excel task pane (dist/addin/taskpane.html, from `npm run build:addin`) in headless
 * Chromium over an in-memory workbook holding the example book: a finance user sets the example
 * policy and saves it, picks the contract table and the rates, runs the data checks, generates the
 * reports, locks and verifies a snapshot and reconciles the example NetSuite exports (several files
 * and the mapping table, under fx contract); the assertions read the workbook back. A screenshot of each tab at 350 x 900 goes to test-artifacts/addin/.
 *
 * No network: every request is recorded; the only one that is not to 127.0.0.1 is Microsoft's
 * office.js, which Office requires on the page and which is answered locally by the stand-in
 * (harness/office-stub.ts); anything else off the machine is aborted and fails the test.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callFunction } from '../../../src/functions/registry.js';
import { excelSerialFromDay, dayFromYmd } from '../../../src/cells/days.js';
import { CellError } from '../../../src/cells/error.js';
import { parseContracts } from '../../../src/contracts/parse.js';
import { parseRates } from '../../../src/money/rates.js';
import { parsePolicy } from '../../../src/policy/parse.js';
import { reconcile, RECONCILIATION_SHEET } from '../../../src/reconcile/index.js';
import { parseCsv } from '../../../cli/read-table.js';
import { formatMoney } from '../../../addin/taskpane/components/format.js';
import { exampleBook, ROOT } from './harness/example-book.js';
import { ARTIFACTS, builtPane, officeStub, openPane, serve, type PaneSession } from './harness/page.js';

const AS_OF = '2025-12-31';
/** A user sheet with the name of a report sheet: generating reports must leave it alone. */
const USER_CHECKS_NOTE = 'My own checks: keep';

let session: PaneSession;
let server: Server;
let origin: string;
let siteDir: string;

/**
 * The tab as a user scrolls through it: `<name>.png` is the first 350 x 900 screen, `<name>-2.png`
 * and on the screens below it (at most four in all).
 */
async function shot(page: Page, name: string): Promise<void> {
  // In-page code is given as text: this file is type-checked without the DOM library.
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  const screens = Math.min(4, Math.ceil(height / 900));
  for (let i = 0; i < screens; i++) {
    // Scrolled as a user scrolls, so what stays in view (the policy's Save bar) shows where it stays.
    await page.evaluate(`window.scrollTo(0, ${i * 900})`);
    await page.screenshot({
      path: path.join(ARTIFACTS, i === 0 ? `${name}.png` : `${name}-${i + 1}.png`),
      animations: 'disabled',
    });
  }
  await page.evaluate('window.scrollTo(0, 0)');
}

/** Runs `fn` on the injected in-memory workbook in the page and returns its JSON result. */
function inWorkbook<T>(page: Page, fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    ({ fn, arg }) => {
      const wb = (globalThis as Record<string, unknown>).__RUNRATE_TEST_WORKBOOK__;
      return new Function('wb', 'arg', `return (${fn})(wb, arg);`)(wb, arg);
    },
    { fn, arg },
  ) as Promise<T>;
}

/** A key's value on the workbook's RR Policy sheet. */
function policyValue(page: Page, key: string): Promise<unknown> {
  return inWorkbook(
    page,
    `(wb, key) => (wb.readSheet('RR Policy') ?? []).find((r) => r[0] === key)?.[1]`,
    key,
  );
}

const NETSUITE = path.join(ROOT, 'examples', 'netsuite');
const NETSUITE_EXPORTS = [
  'transactions.csv',
  'income-statement-detail.csv',
  'deferred-revenue-waterfall.csv',
  'customers.csv',
];

/**
 * The core's reconciliation of the README's command (examples/netsuite/README.md): the example
 * book, policy with `fx: contract` and rates, the four exports' bytes, mapping.csv as the command
 * line reads a table, FY2025.
 */
function coreReconciliation() {
  const table = (file: string) => parseCsv(new Uint8Array(readFileSync(path.join(ROOT, 'examples', file))));
  const ok = <T>(x: T | CellError): T => {
    if (x instanceof CellError) throw new Error(x.message);
    return x;
  };
  const policy = ok(parsePolicy(table('policy.csv').map((r) => (r[0] === 'fx' ? ['fx', 'contract'] : r))));
  return ok(
    reconcile({
      book: ok(parseContracts(table('contracts.csv'), policy)),
      policy,
      rates: ok(parseRates(table('fx-rates.csv'), policy.reportingCurrency)),
      netsuite: NETSUITE_EXPORTS.map((f) => ({
        label: f,
        data: new Uint8Array(readFileSync(path.join(NETSUITE, f))),
      })),
      mapping: table('netsuite/mapping.csv'),
      from: dayFromYmd(2025, 1, 1),
      to: dayFromYmd(2025, 12, 31),
    }),
  );
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByTestId(`tab-${name}`).click();
  await page.getByTestId(`${name}-tab`).waitFor({ state: 'visible' });
}

/** Picks an option of a Fluent Dropdown by its text. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

beforeAll(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const html = builtPane();
  // Serve a copy of the build, so another test rebuilding dist/addin meanwhile cannot pull files away.
  siteDir = mkdtempSync(path.join(tmpdir(), 'runrate-pane-'));
  cpSync(path.dirname(html), siteDir, { recursive: true });
  const stub = await officeStub();
  const served = await serve(siteDir);
  server = served.server;
  origin = served.origin;
  session = await openPane(origin, stub);
  session.page.setDefaultTimeout(15_000);
  await session.page.getByTestId('policy-tab').waitFor({ state: 'visible', timeout: 20_000 });
});

// A failed step leaves a picture of the pane behind, to see what the user would have seen.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && session?.page) {
    const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await session.page.screenshot({
      path: path.join(ARTIFACTS, `failed-${name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
});

afterAll(async () => {
  await session?.browser.close();
  await new Promise((resolve) => server?.close(resolve));
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

describe('the task pane in headless Chromium over the example book', () => {
  it('opens on the Policy tab with the defaults, not yet from a sheet', async () => {
    const { page } = session;
    expect(await page.getByTestId('policy-status').textContent()).toContain('defaults (not saved yet)');
    expect(await page.getByTestId('policy-renewalGraceDays').inputValue()).toBe('0');
    await shot(page, 'policy');
  });

  it('sets the example policy (renewalGraceDays 30, fx spot, ...) and saves it to the RR Policy sheet', async () => {
    const { page } = session;
    const policy = exampleBook().policy;
    // A number key refuses words before anything is sent to the workbook.
    await page.getByTestId('policy-renewalGraceDays').fill('thirty');
    await page.getByText('Enter a number (default 0).').waitFor();
    for (const [key, value] of policy) {
      const control = page.getByTestId(`policy-${key}`);
      const tag = await control.evaluate((el) => el.tagName);
      if (tag === 'INPUT') await control.fill(value);
      else if ((await control.textContent())?.trim() !== value) await choose(page, `policy-${key}`, value);
    }
    await shot(page, 'policy-edited');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-saved').waitFor();
    await page.getByTestId('policy-changelog').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'policy-saved.png'), animations: 'disabled' });
    await expect.poll(() => page.getByTestId('policy-saved').textContent()).toContain('Renewal grace days');
    expect(await page.getByTestId('policy-status').textContent()).toContain('from the RR Policy sheet');
    expect(await page.getByTestId('policy-status-version').textContent()).toBe('FY2025-Q4');

    const sheet = await inWorkbook<{ kind: string; rows: unknown[][] } | null>(
      page,
      `(wb) => { const s = wb.sheet('RR Policy'); return s ? { kind: s.kind, rows: wb.readSheet('RR Policy') } : null; }`,
    );
    expect(sheet?.kind).toBe('policy');
    const valueOf = (key: string) => sheet?.rows.find((r) => r[0] === key)?.[1];
    for (const [key, value] of policy) expect(String(valueOf(key)), key).toBe(value);
    await page.getByTestId('policy-changelog').waitFor();
    expect(await page.getByTestId('policy-changelog').textContent()).toContain('Renewal grace days: 0 → 30');
    // The policy in words, from the saved policy.
    await page.getByRole('button', { name: /The policy in words/ }).click();
    await page.getByTestId('policy-document').waitFor();
    expect(await page.getByTestId('policy-document').locator('p').count()).toBeGreaterThan(0);
    await page.getByTestId('policy-document').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'policy-document.png'), animations: 'disabled' });
  });

  it('picks the contract table and the rates, and runs the data checks', async () => {
    const { page } = session;
    await openTab(page, 'data');
    // The selection: the header and ten lines selected on the Data sheet.
    await inWorkbook(page, `(wb) => { wb.selection = { sheet: 'Data', address: 'A1:U11' }; }`);
    await page.getByTestId('use-selection').click();
    await expect.poll(() => page.getByTestId('source-info').textContent()).toMatch(/^Selection.*10 lines/);
    await choose(page, 'source-picker', /^Table Contracts/);
    await expect
      .poll(() => page.getByTestId('source-info').textContent())
      .toMatch(/^Table Contracts.*1,600 lines/);
    await page.getByTestId('mapping').waitFor();
    expect(await page.getByTestId('mapping-missing').count()).toBe(0);
    await choose(page, 'rates-picker', /^Table Rates/);
    await page.getByTestId('use-range').click();
    await page.getByTestId('contracts-in-use').waitFor();
    expect(await page.getByTestId('contracts-in-use').textContent()).toContain('1,600 lines');
    expect(await page.getByTestId('contracts-in-use').textContent()).toContain('FX rates from table Rates');
    // In use, the column list folds away; a button shows it again.
    expect(await page.getByTestId('mapping').count()).toBe(0);
    await page.getByTestId('toggle-mapping').click();
    await page.getByTestId('mapping').waitFor();
    await page.getByTestId('toggle-mapping').click();

    await page.getByTestId('data-asof').fill(AS_OF);
    await page.getByTestId('run-checks').click();
    await page.getByTestId('check-summary').waitFor();
    expect(await page.getByTestId('check-summary').textContent()).toContain('1,600 lines checked');
    // Clicking a finding that names a cell selects it in the workbook.
    const located = page.locator('[data-testid=findings] button:not([disabled])').first();
    if ((await located.count()) > 0) {
      const title = (await located.getAttribute('title')) ?? '';
      await located.click();
      await expect
        .poll(() => inWorkbook<{ sheet: string; address: string } | null>(page, '(wb) => wb.selection'))
        .toEqual({
          sheet: title.replace(/^Select /, '').split('!')[0],
          address: title.split('!')[1],
        });
    }
    await shot(page, 'data');
  });

  it('generates the reports: a Bridge sheet whose start + lanes = end, end = ARR on the date', async () => {
    const { page } = session;
    const before = await inWorkbook<unknown[][]>(page, `(wb) => wb.readSheet('Data')`);
    await inWorkbook(page, `(wb, note) => wb.setSheet('Checks', [[note]])`, USER_CHECKS_NOTE);
    await openTab(page, 'reports');
    expect(await page.getByTestId('reports-asof').inputValue()).toBe(AS_OF);
    // Record what the progress bar says while the reports are written.
    await page.evaluate(`{
      const seen = (globalThis.__progressSeen = []);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=report-progress]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }`);
    await page.getByTestId('generate-reports').click();
    await page.getByTestId('reports-done').waitFor({ timeout: 30_000 });
    const progress = await page.evaluate<string[]>('globalThis.__progressSeen');
    // The host's own messages reached the bar (beyond the pane's "Starting...").
    expect(progress.filter((m) => m !== 'Starting...').length, progress.join(' | ')).toBeGreaterThan(0);
    await shot(page, 'reports');

    const written = await page.getByTestId('sheets-written').textContent();
    expect(written).toContain('Bridge');
    expect(await page.getByTestId('sheets-skipped').textContent()).toContain('Checks');
    const bridge = await inWorkbook<{ kind: string; values: number[][] }>(
      page,
      `(wb) => ({ kind: wb.sheet('Bridge').kind, values: wb.rangeValues('Bridge', 'B8:C15') })`,
    );
    expect(bridge.kind).toBe('report');
    const cents = (v: number) => Math.round(v * 100);
    for (const col of [0, 1]) {
      const column = bridge.values.map((r) => cents(r[col]));
      const [start, ...rest] = column;
      const end = rest.pop()!;
      expect(start + rest.reduce((a, b) => a + b, 0), `column ${col}`).toBe(end);
    }
    // The year bridge ends at ARR on the as-of date, computed here by the core's ARR sheet function
    // over the same example book and policy.
    const book = exampleBook();
    const arr = callFunction('ARR', [
      book.contracts,
      excelSerialFromDay(dayFromYmd(2025, 12, 31)),
      [['Key', 'Value'], ...book.policy],
      book.rates,
    ]);
    expect(typeof arr).toBe('number');
    expect(cents(bridge.values[7][1])).toBe(cents(arr as number));
    expect(await page.getByTestId('reports-done').textContent()).toContain(
      (arr as number).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );

    // The user's sheets are as they were.
    expect(await inWorkbook(page, `(wb) => wb.readSheet('Data')`)).toEqual(before);
    expect(await inWorkbook(page, `(wb) => [wb.sheet('Checks').kind, wb.readSheet('Checks')]`)).toEqual([
      'user',
      [[USER_CHECKS_NOTE]],
    ]);
  });

  it('locks a snapshot into a protected sheet and verifies it intact', async () => {
    const { page } = session;
    await openTab(page, 'snapshots');
    await page.getByTestId('lock-snapshot').click();
    await page.getByTestId('locked').waitFor({ timeout: 30_000 });
    const snapshots = await inWorkbook<{ name: string; protected: boolean }[]>(
      page,
      `(wb) => wb.listSheets().filter((s) => s.kind === 'snapshot')`,
    );
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0].protected).toBe(true);
    const card = page.getByTestId(`snapshot-${snapshots[0].name}`);
    await card.getByTestId('verify').click();
    await card.getByTestId('verify-status').waitFor();
    expect(await card.getByTestId('verify-status').textContent()).toBe('intact');
    await card.getByTestId('restate').click();
    await card.getByTestId('restatement').waitFor();
    await shot(page, 'snapshots');

    // Someone unprotects the snapshot and changes a figure: Verify says altered and where.
    const changed = await inWorkbook<string>(
      page,
      `(wb, name) => {
        const rows = wb.readSheet(name);
        for (let r = rows.length - 1; r >= 0; r--) {
          const c = rows[r].findIndex((v) => typeof v === 'number' && v !== 0);
          if (c >= 0) {
            const a1 = String.fromCharCode(65 + c) + (r + 1);
            wb.unprotect(name);
            wb.setCell(name, a1, rows[r][c] + 1);
            return a1;
          }
        }
        return '';
      }`,
      snapshots[0].name,
    );
    expect(changed).not.toBe('');
    await card.getByTestId('verify').click();
    await expect.poll(() => card.getByTestId('verify-status').textContent()).toBe('altered');
    expect(await card.getByTestId('discrepancies').locator('li').count()).toBeGreaterThan(0);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'snapshots-altered.png'), animations: 'disabled' });
  });

  it('reconciles every NetSuite export with the mapping table under fx contract, as the core does', async () => {
    const { page } = session;
    // The exports are written under `fx: contract` (examples/netsuite/README.md): set it for this step.
    await openTab(page, 'policy');
    await choose(page, 'policy-fx', 'contract');
    await page.getByTestId('policy-save').click();
    await expect.poll(() => policyValue(page, 'fx')).toBe('contract');

    await openTab(page, 'reconcile');
    await page.getByTestId('export-file').setInputFiles(NETSUITE_EXPORTS.map((f) => path.join(NETSUITE, f)));
    await expect.poll(() => page.locator('[data-testid=recon-exports] li').count()).toBe(4);
    await page.getByTestId('mapping-file').setInputFiles(path.join(NETSUITE, 'mapping.csv'));
    await page.getByTestId('recon-mapping').waitFor();
    // A file picked twice is read again, not listed twice; Remove takes one off the list.
    await page.getByTestId('export-file').setInputFiles(path.join(NETSUITE, 'customers.csv'));
    await page.getByTestId('recon-exports').getByRole('button', { name: 'Remove customers.csv' }).click();
    await expect.poll(() => page.locator('[data-testid=recon-exports] li').count()).toBe(3);
    await page.getByTestId('export-file').setInputFiles(path.join(NETSUITE, 'customers.csv'));
    await expect
      .poll(() => page.locator('[data-testid=recon-exports] li').allTextContents())
      .toEqual(NETSUITE_EXPORTS.map((f) => expect.stringContaining(f)));
    await page.getByTestId('recon-from').fill('2025-01-01');
    await page.getByTestId('recon-to').fill(AS_OF);
    await page.getByTestId('recon-preview').click();
    await page.getByTestId('recon-customers').waitFor({ timeout: 30_000 });
    expect(
      await page.getByTestId('recon-read').locator('[data-testid=recon-export]').allTextContents(),
    ).toEqual([
      expect.stringMatching(/^transactions\.csvtransaction search1,288 lines/),
      expect.stringMatching(/^income-statement-detail\.csvincome statement detail/),
      expect.stringMatching(/^deferred-revenue-waterfall\.csvdeferred revenue/),
      expect.stringMatching(/^customers\.csvcustomer list/),
    ]);
    expect(await page.getByTestId('recon-mapping-read').textContent()).toContain('mapping.csv');
    // The summary's three counts add up to the total; the one name left unmatched comes first.
    const summary = (await page.getByTestId('recon-match-summary').textContent()) ?? '';
    const [total, sure, loose, unmatched, nameOnly] = (summary.match(/\d[\d,]*/g) ?? []).map((n) =>
      Number(n.replace(/,/g, '')),
    );
    expect(sure + loose + unmatched + nameOnly, summary).toBe(total);
    // 303 customers in customers.csv (README); the parents of the hierarchies have no amounts.
    expect(total, summary).toBe(303);
    expect(unmatched, summary).toBe(1);
    expect(nameOnly, summary).toBeGreaterThan(0);
    const first = page.locator('[data-testid=recon-customers] li').first();
    expect(await first.textContent()).toMatch(/Northgate Advisory.*unmatched/);
    await shot(page, 'reconcile');
    // Thistledown, renamed in NetSuite, matched through the mapping table.
    await page.getByRole('textbox', { name: 'Find a customer' }).fill('Thistledown');
    const thistledown = page.locator('[data-testid=recon-customers] li').first();
    expect(await thistledown.textContent()).toContain('mapping table');
    expect(await thistledown.getByRole('textbox').inputValue()).toBe('Thistledown Insurance');
    await page.getByRole('textbox', { name: 'Find a customer' }).fill('');

    await page.getByTestId('recon-generate').click();
    await page.getByTestId('recon-result').waitFor({ timeout: 30_000 });
    const core = coreReconciliation();
    const written = await inWorkbook<{ kind: string; rows: unknown[][] } | null>(
      page,
      `(wb, name) => { const s = wb.sheet(name); return s ? { kind: s.kind, rows: wb.readSheet(name) } : null; }`,
      RECONCILIATION_SHEET,
    );
    expect(written?.kind).toBe('report');
    expect(await page.getByTestId('recon-sheets').textContent()).toContain(RECONCILIATION_SHEET);
    const result = (await page.getByTestId('recon-result').textContent()) ?? '';
    expect(result).toContain(`Variance${formatMoney(core.revenue.total.varianceCents, 'USD')}`);
    expect(result).toContain(`Unexplained${formatMoney(core.revenue.total.unexplainedCents, 'USD')}`);
    // In the sheet: Thistledown beside its NetSuite name, Northgate the one unmatched NetSuite entity.
    const rows = written?.rows ?? [];
    expect(rows.find((r) => r[0] === 'Thistledown Insurance')?.[1]).toBe(
      'C1142 Thistledown Underwriting Ltd',
    );
    const at = rows.findIndex((r) => r[0] === 'Unmatched NetSuite entities');
    expect(rows[at + 2]?.[0]).toBe('C1303 Northgate Advisory LLC');
    expect(core.unmatched.netsuite.map((u) => u.name)).toEqual(['C1303 Northgate Advisory LLC']);
    await shot(page, 'reconcile-result');

    // The policy back to the example's fx spot for the steps after this one.
    await openTab(page, 'policy');
    await choose(page, 'policy-fx', 'spot');
    await page.getByTestId('policy-save').click();
    await expect.poll(() => policyValue(page, 'fx')).toBe('spot');
  });

  it("shows the host's error, naming the row and column, and stays usable", async () => {
    const { page } = session;
    // A finance user types text into an end date (row 6 of the sheet: the fifth contract line).
    const original = await inWorkbook<unknown>(page, `(wb) => wb.cell('Data', 'G6').value`);
    await inWorkbook(page, `(wb) => wb.setCell('Data', 'G6', 'next spring')`);
    await openTab(page, 'reports');
    await page.getByTestId('generate-reports').click();
    const error = page.getByTestId('reports-tab').getByTestId('error');
    await error.waitFor();
    const message = (await error.getByTestId('error-message').textContent()) ?? '';
    await page.screenshot({ path: path.join(ARTIFACTS, 'reports-error.png'), animations: 'disabled' });
    expect(message).toContain('next spring');
    expect(message).toMatch(/row 6|line 5/i);
    expect(message).toMatch(/End Date/i);
    // Fixed, the same button works again.
    await inWorkbook(page, `(wb, v) => wb.setCell('Data', 'G6', v)`, original);
    await page.getByTestId('generate-reports').click();
    await page.getByTestId('reports-done').waitFor();
    expect(await error.count()).toBe(0);
  });

  it('fits a 300 px Sheets sidebar: no tab scrolls sideways', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 300, height: 900 });
    // The five tabs stay on one row, inside the width.
    const tabs = await page.evaluate<{ top: number; right: number }[]>(
      `[...document.querySelectorAll('[role=tab]')].map((t) => {
        const r = t.getBoundingClientRect();
        return { top: Math.round(r.top), right: r.right };
      })`,
    );
    expect(tabs).toHaveLength(5);
    expect(new Set(tabs.map((t) => t.top)).size).toBe(1);
    expect(Math.max(...tabs.map((t) => t.right))).toBeLessThanOrEqual(300);
    for (const tab of ['policy', 'data', 'snapshots', 'reports', 'reconcile']) {
      await openTab(page, tab);
      const widths = await page.evaluate<number[]>(
        '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
      );
      expect(widths[0], tab).toBeLessThanOrEqual(widths[1]);
      await page.screenshot({ path: path.join(ARTIFACTS, `narrow-${tab}.png`), animations: 'disabled' });
    }
  });

  it('reads back a policy sheet saved in an earlier session when the pane opens', async () => {
    const saved = Object.fromEntries(exampleBook().policy);
    const again = await openPane(origin, await officeStub(saved));
    try {
      const { page } = again;
      await page.getByTestId('policy-tab').waitFor();
      expect(await page.getByTestId('policy-status').textContent()).toContain('from the RR Policy sheet');
      expect(await page.getByTestId('policy-status-version').textContent()).toBe(saved.version);
      expect(await page.getByTestId('policy-renewalGraceDays').inputValue()).toBe(saved.renewalGraceDays);
      expect((await page.getByTestId('policy-fx').textContent())?.trim()).toBe(saved.fx);
      expect(again.offHost).toEqual([]);
      expect(again.pageErrors).toEqual([]);
    } finally {
      await again.browser.close();
    }
  });

  it('made no request off the machine and raised no page error', () => {
    expect(session.offHost).toEqual([]);
    expect(session.requests).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(session.requests.some((u) => u.startsWith('http://127.0.0.1:'))).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});
