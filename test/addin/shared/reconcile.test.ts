/**
 * Reconcile tab over the in-memory workbook: the example NetSuite transaction search, as a file's
 * text and as a pasted sheet, reconciled against the example book; then every example export with
 * the mapping table under `fx: contract`, as examples/netsuite/README.md runs them. The pane's
 * figures are the core reconcile()'s on the same inputs (the README lists the disagreements).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CellError } from '../../../src/cells/error.js';
import { parseContracts } from '../../../src/contracts/parse.js';
import { parseRates } from '../../../src/money/rates.js';
import { parsePolicy } from '../../../src/policy/parse.js';
import { reconcile, RECONCILIATION_SHEET } from '../../../src/reconcile/index.js';
import { readDate } from '../../../src/cells/read.js';
import type { ReconcileSetup } from '../../../addin/shared/host.js';
import { parseCsv } from '../../../cli/read-table.js';
import { csv, exampleBook, examplePolicyValues } from './fixture.js';

const FILE = path.resolve(__dirname, '../../../examples/netsuite/transactions.csv');
const TEXT = readFileSync(FILE, 'utf8');
const FROM = '2025-01-01';
const TO = '2025-12-31';

describe('reconcile', () => {
  const fileSetup: ReconcileSetup = {
    export: { kind: 'file', name: 'transactions.csv', text: TEXT },
    from: FROM,
    to: TO,
  };

  it('previews the column mapping and the customer matching', async () => {
    const { host } = await exampleBook('serial');
    const p = await host.previewReconcile(fileSetup);
    expect(p.problems).toEqual([]);
    expect(p.columns.find((c) => c.header === 'Amount')?.field).toBe('amount');
    expect(p.columns.find((c) => c.header === 'Name')?.field).toBe('entity');
    const northgate = p.customers.find((c) => c.netsuite.includes('Northgate Advisory'));
    expect(northgate).toMatchObject({ runrate: null, how: 'unmatched' });
    const ambermoor = p.customers.find((c) => c.netsuite === 'C1052 Ambermoor Devices Co.');
    expect(ambermoor?.runrate).not.toBeNull();
  });

  it('writes the reconciliation sheet with the core figures, from a file and from a pasted sheet alike', async () => {
    const mappingRows = csv('netsuite/mapping.csv');
    const customerMap = Object.fromEntries(mappingRows.slice(1).map(([rr, ns]) => [ns, rr]));
    const core = coreRun(mappingRows);

    const { wb, host } = await exampleBook('serial');
    const run = await host.reconcile(fileSetup, customerMap);
    expect(run.skipped).toEqual([]);
    expect(run.sheets.map((s) => s.name)).toEqual([RECONCILIATION_SHEET]);
    expect(wb.sheet(RECONCILIATION_SHEET)?.kind).toBe('report');
    expect(run.varianceCents).toBe(core.revenue.total.varianceCents);
    expect(run.unexplainedCents).toBe(core.revenue.total.unexplainedCents);
    expect(run.varianceCents).not.toBe(0);

    const pasted = Papa.parse<string[]>(TEXT, { skipEmptyLines: true }).data;
    const b = await exampleBook('iso');
    b.wb.setSheet('NetSuite export', pasted);
    const fromSheet = await b.host.reconcile(
      { export: { kind: 'sheet', sheet: 'NetSuite export' }, from: FROM, to: TO },
      customerMap,
    );
    expect(fromSheet.varianceCents).toBe(run.varianceCents);
    expect(fromSheet.unexplainedCents).toBe(run.unexplainedCents);
  });

  it('never overwrites a user sheet with the reconciliation sheet', async () => {
    const { wb, host } = await exampleBook('serial');
    wb.setSheet(RECONCILIATION_SHEET, [['kept']]);
    const run = await host.reconcile(fileSetup, {});
    expect(run.skipped).toEqual([RECONCILIATION_SHEET]);
    expect(wb.readSheet(RECONCILIATION_SHEET)).toEqual([['kept']]);
  });
});

const NETSUITE = path.resolve(__dirname, '../../../examples/netsuite');
/** The four exports in the order of the README's command. */
const EXPORTS = [
  'transactions.csv',
  'income-statement-detail.csv',
  'deferred-revenue-waterfall.csv',
  'customers.csv',
];
const fileText = (name: string) => readFileSync(path.join(NETSUITE, name), 'utf8');
const THISTLEDOWN = 'C1142 Thistledown Underwriting Ltd';
const NORTHGATE = 'C1303 Northgate Advisory LLC';

/** The example policy with `fx: contract`, the policy the exports are written under. */
function contractFxPolicy(): Record<string, string> {
  return { ...examplePolicyValues(), fx: 'contract' };
}

/** The example book in a workbook, the policy saved with `fx: contract`. */
async function contractFxBook() {
  const b = await exampleBook('serial', { setUp: false });
  await b.host.savePolicy(contractFxPolicy());
  const info = await b.host.describeSource({ kind: 'table', name: 'Contracts' });
  await b.host.useContracts({ kind: 'table', name: 'Contracts' }, info.mapping, {
    kind: 'table',
    name: 'Rates',
  });
  return b;
}

/** The core on the same inputs, as `runrate reconcile` runs it: each export's bytes, the policy rows given. */
function coreOn(policyRows: unknown[][], files: string[], mapping: unknown[][] | null) {
  const policy = parsePolicy(policyRows);
  if (policy instanceof CellError) throw new Error(policy.message);
  const book = parseContracts(csv('contracts.csv'), policy);
  if (book instanceof CellError) throw new Error(book.message);
  const rates = parseRates(csv('fx-rates.csv'), policy.reportingCurrency);
  if (rates instanceof CellError) throw new Error(rates.message);
  const r = reconcile({
    book,
    policy,
    rates,
    netsuite: files.map((f) => ({ label: path.basename(f), data: new Uint8Array(readFileSync(f)) })),
    mapping,
    from: readDate(FROM) as number,
    to: readDate(TO) as number,
  });
  if (r instanceof CellError) throw new Error(r.message);
  return r;
}

/** The transaction search alone under the example policy. */
const coreRun = (mapping: unknown[][] | null) => coreOn(csv('policy.csv'), [FILE], mapping);

/**
 * The core on the README's command: every export, `fx: contract`, and the mapping file read as the
 * command line reads a table (`'file'`), or the table given, or none.
 */
function coreAll(mapping: 'file' | null | unknown[][]) {
  const policyRows = csv('policy.csv').map((r) => (r[0] === 'fx' ? ['fx', 'contract'] : r));
  expect(policyRows.some((r) => r[0] === 'fx' && r[1] === 'contract')).toBe(true);
  const table =
    mapping === 'file' ? parseCsv(new Uint8Array(readFileSync(path.join(NETSUITE, 'mapping.csv')))) : mapping;
  return coreOn(
    policyRows,
    EXPORTS.map((f) => path.join(NETSUITE, f)),
    table,
  );
}

/**
 * Customer and NetSuite name of every row of the reconciliation sheet written, in order, and the
 * names listed under "Unmatched NetSuite entities".
 */
function sheetRows(rows: unknown[][] | null) {
  const all = (rows ?? []).map((r) => `${String(r[0] ?? '')} | ${String(r[1] ?? '')}`);
  const at = (rows ?? []).findIndex((r) => r[0] === 'Unmatched NetSuite entities');
  const unmatched: string[] = [];
  for (let i = at + 2; at >= 0 && i < (rows ?? []).length && rows![i].length > 0; i++)
    unmatched.push(String(rows![i][0]));
  return { all, unmatched };
}

/** The core's revenue rows as the sheet shows them: customer, then its NetSuite names. */
function coreRows(r: ReturnType<typeof coreAll>): string[] {
  return r.revenue.rows.map(
    (row) =>
      `${row.customer ?? '(no contract customer)'} | ${row.netsuite.length ? row.netsuite.join('; ') : '(no NetSuite entity)'}`,
  );
}

/** `part` occurs in `whole` in order (not necessarily next to each other). */
function inOrder(whole: string[], part: string[]): boolean {
  let i = 0;
  for (const w of whole) if (i < part.length && w === part[i]) i++;
  return i === part.length;
}

describe('reconcile with every export and the mapping table', () => {
  const files = EXPORTS.map((name) => ({ kind: 'file' as const, name, text: fileText(name) }));
  const mappingFile = { kind: 'file' as const, name: 'mapping.csv', text: fileText('mapping.csv') };
  const allSetup: ReconcileSetup = { exports: files, mapping: mappingFile, from: FROM, to: TO };

  it('previews each export with its kind and columns, and the matching after the mapping table', async () => {
    const { host } = await contractFxBook();
    const p = await host.previewReconcile(allSetup);
    expect(p.problems).toEqual([]);
    expect(p.exports?.map((x) => [x.label, x.kind])).toEqual([
      ['transactions.csv', 'transactions'],
      ['income-statement-detail.csv', 'income_statement'],
      ['deferred-revenue-waterfall.csv', 'deferred_waterfall'],
      ['customers.csv', 'customers'],
    ]);
    // The README's counts: 1288 transaction lines, 5340 journal lines + 12 hosting bills, 447 invoices.
    expect(p.exports?.[0].lines).toBe(1288);
    expect(p.exports?.[1].lines).toBe(5340 + 12);
    // Every column names its export, export after export.
    expect(p.columns.length).toBe(p.exports?.reduce((n, x) => n + x.columns.length, 0));
    expect(new Set(p.columns.map((c) => c.export))).toEqual(new Set(EXPORTS));
    expect(
      p.columns.filter((c) => c.export === 'transactions.csv').find((c) => c.header === 'Amount')?.field,
    ).toBe('amount');
    expect(p.mapping).toEqual({ label: 'mapping.csv', rows: 2 });
    expect(p.customers.find((c) => c.netsuite === THISTLEDOWN)).toEqual({
      netsuite: THISTLEDOWN,
      runrate: 'Thistledown Insurance',
      how: 'mapping',
      lines: true,
    });
    expect(p.customers.find((c) => c.netsuite === NORTHGATE)).toMatchObject({
      runrate: null,
      how: 'unmatched',
    });
    // The customer list adds the customers with no transaction (the pending starts among them).
    expect(p.customers.find((c) => c.netsuite.includes('Glimmerstone Pharma'))?.runrate).toBe(
      'Glimmerstone Pharma',
    );

    // Without the mapping table the renamed customer is unmatched, as the README says.
    const bare = await host.previewReconcile({ ...allSetup, mapping: null });
    expect(bare.mapping).toBeNull();
    expect(bare.customers.find((c) => c.netsuite === THISTLEDOWN)).toMatchObject({ runrate: null });
  });

  it('writes the reconciliation with the core figures for the same inputs', async () => {
    const core = coreAll('file');
    const { wb, host } = await contractFxBook();
    const run = await host.reconcile(allSetup, {});
    expect(run.sheets.map((s) => s.name)).toEqual([RECONCILIATION_SHEET]);
    expect(run.varianceCents).toBe(core.revenue.total.varianceCents);
    expect(run.unexplainedCents).toBe(core.revenue.total.unexplainedCents);
    // The transaction search alone leaves revenue on deferred revenue: not the same figures.
    expect(run.varianceCents).not.toBe(coreRun(csv('netsuite/mapping.csv')).revenue.total.varianceCents);

    // The README's disagreements: Northgate's 6,500.00 training invoice is the unmatched cause, and
    // Amberfield's July upsell month is July's share of 20,788.04 over 2025-08-01..2025-12-31 (153 days).
    expect(core.revenue.total.causes.unmatched).toBe(650000);
    const amberfield = core.revenue.rows.find((r) => r.customer === 'Amberfield Health');
    expect(amberfield?.causes.modificationTiming).toBe(-Math.round((2078804 * 31) / 153));
    for (const who of ['Marigold Systems', 'Amberfield Health', 'Bluefin Logistics']) {
      const row = core.revenue.rows.find((r) => r.customer === who);
      expect(row?.varianceCents, who).not.toBe(0);
      expect(row?.unexplainedCents, who).toBe(0);
    }

    // Thistledown matched through the mapping table, Northgate unmatched: in the core and in the sheet.
    expect(core.revenue.rows.find((r) => r.customer === 'Thistledown Insurance')?.netsuite).toEqual([
      THISTLEDOWN,
    ]);
    expect(core.unmatched.netsuite.map((u) => u.name)).toEqual([NORTHGATE]);
    const sheet = sheetRows(wb.readSheet(RECONCILIATION_SHEET));
    expect(inOrder(sheet.all, coreRows(core))).toBe(true);
    expect(sheet.all).toContain(`Thistledown Insurance | ${THISTLEDOWN}`);
    expect(sheet.unmatched).toEqual([NORTHGATE]);

    // Without the mapping table: the core's rows without it, Thistledown on both unmatched lists.
    const bareCore = coreAll(null);
    const b = await contractFxBook();
    const bare = await b.host.reconcile({ ...allSetup, mapping: null }, {});
    expect(bare.varianceCents).toBe(bareCore.revenue.total.varianceCents);
    expect(bare.unexplainedCents).toBe(bareCore.revenue.total.unexplainedCents);
    const bareSheet = sheetRows(b.wb.readSheet(RECONCILIATION_SHEET));
    expect(inOrder(bareSheet.all, coreRows(bareCore))).toBe(true);
    expect(bareSheet.all).toContain('Thistledown Insurance | (no NetSuite entity)');
    expect(bareSheet.unmatched).toEqual([THISTLEDOWN, NORTHGATE]);
  });

  it('reads `export` first, then `exports`, files and pasted sheets alike, the mapping table from a sheet', async () => {
    const core = coreAll('file');
    const { wb, host } = await contractFxBook();
    wb.setSheet(
      'Customer list',
      Papa.parse<string[]>(fileText('customers.csv'), { skipEmptyLines: true }).data,
    );
    wb.setSheet('Name map', csv('netsuite/mapping.csv'));
    const run = await host.reconcile(
      {
        export: files[0],
        exports: [files[1], files[2], { kind: 'sheet', sheet: 'Customer list' }],
        mapping: { kind: 'sheet', sheet: 'Name map' },
        from: FROM,
        to: TO,
      },
      {},
    );
    expect(run.varianceCents).toBe(core.revenue.total.varianceCents);
    expect(run.unexplainedCents).toBe(core.revenue.total.unexplainedCents);
  });

  it("adds the pane's overrides to the mapping table, an override winning over the table's row", async () => {
    // A finance user maps Northgate to a customer of the book: the core with that row added.
    const map = csv('netsuite/mapping.csv');
    const core = coreAll([...map, ['Marigold Systems', NORTHGATE]]);
    expect(core.unmatched.netsuite).toEqual([]);
    const a = await contractFxBook();
    const run = await a.host.reconcile(allSetup, { [NORTHGATE]: 'Marigold Systems' });
    expect(run.varianceCents).toBe(core.revenue.total.varianceCents);
    expect(run.unexplainedCents).toBe(core.revenue.total.unexplainedCents);
    const rows = sheetRows(a.wb.readSheet(RECONCILIATION_SHEET));
    expect(inOrder(rows.all, coreRows(core))).toBe(true);
    expect(rows.unmatched).toEqual(['None']);

    // Overriding the table's own row takes the override, not an error about a name mapped twice.
    const overridden = coreAll([map[0], ['Marigold Systems', THISTLEDOWN]]);
    const b = await contractFxBook();
    await b.host.reconcile(allSetup, { [THISTLEDOWN]: 'Marigold Systems' });
    const again = sheetRows(b.wb.readSheet(RECONCILIATION_SHEET));
    expect(inOrder(again.all, coreRows(overridden))).toBe(true);
    expect(again.all.find((r) => r.startsWith('Marigold Systems |'))).toContain(THISTLEDOWN);

    await expect(a.host.reconcile(allSetup, { [NORTHGATE]: 'Nobody Ltd' })).rejects.toThrow(
      /"Nobody Ltd", chosen for the NetSuite customer "C1303 Northgate Advisory LLC", is not a RunRate customer/,
    );
  });

  it('names the mapping file and row of a bad mapping row, and asks for an export when there is none', async () => {
    const { host } = await contractFxBook();
    const bad = {
      kind: 'file' as const,
      name: 'mapping.csv',
      text: `${mappingFile.text.trimEnd()}\nNo Such Customer,${NORTHGATE}\n`,
    };
    await expect(host.reconcile({ ...allSetup, mapping: bad }, {})).rejects.toThrow(
      /^mapping\.csv: mapping row 3: "No Such Customer" is not a contract customer key/,
    );
    const p = await host.previewReconcile({ ...allSetup, mapping: bad });
    expect(p.customers).toEqual([]);
    expect(p.problems).toEqual([expect.stringMatching(/^mapping\.csv: mapping row 3:/)]);
    await expect(host.previewReconcile({ from: FROM, to: TO })).rejects.toThrow(/Add a NetSuite export/);
  });
});
