/**
 * Reconcile tab over the in-memory workbook: the example NetSuite transaction search, as a file's
 * text and as a pasted sheet, reconciled against the example book; the pane's figures are the core
 * reconcile()'s on the same inputs (examples/netsuite/README.md lists the disagreements).
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
import { csv, exampleBook } from './fixture.js';

const FILE = path.resolve(__dirname, '../../../examples/netsuite/transactions.csv');
const TEXT = readFileSync(FILE, 'utf8');
const FROM = '2025-01-01';
const TO = '2025-12-31';

/** The core on the same inputs, as `runrate reconcile` runs it (file bytes). */
function coreRun(mapping: unknown[][] | null) {
  const policy = parsePolicy(csv('policy.csv'));
  if (policy instanceof CellError) throw new Error(policy.message);
  const book = parseContracts(csv('contracts.csv'), policy);
  if (book instanceof CellError) throw new Error(book.message);
  const rates = parseRates(csv('fx-rates.csv'), policy.reportingCurrency);
  if (rates instanceof CellError) throw new Error(rates.message);
  const r = reconcile({
    book,
    policy,
    rates,
    netsuite: [{ label: 'transactions.csv', data: new Uint8Array(readFileSync(FILE)) }],
    mapping,
    from: readDate(FROM) as number,
    to: readDate(TO) as number,
  });
  if (r instanceof CellError) throw new Error(r.message);
  return r;
}

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
