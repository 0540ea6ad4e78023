/**
 * Reconcile tab: a NetSuite export (a file's text picked in the pane, or a sheet holding a pasted
 * export) read by the core importer, previewed (which column plays which NetSuite field, which
 * NetSuite customer matches which RunRate customer), then reconciled against the contracts in use
 * (src/reconcile reconcile(), as `runrate reconcile` does) and written as the reconciliation sheet.
 */
import { CellError } from '../../../src/cells/error.js';
import { parseContracts } from '../../../src/contracts/parse.js';
import { parseRates } from '../../../src/money/rates.js';
import { matchCustomers, readNetSuiteExport } from '../../../src/netsuite/index.js';
import type { NetSuiteField } from '../../../src/netsuite/types.js';
import { buildContractSide } from '../../../src/reconcile/contract.js';
import { reconcile as reconcileCore, reconciliationSheet } from '../../../src/reconcile/index.js';
import type { NetSuiteSource } from '../../../src/reconcile/importer.js';
import { io, type Action } from '../drive.js';
import type { ReconcilePreview, ReconcileRun, ReconcileSetup } from '../host.js';
import type { WorkbookIO } from '../workbook.js';
import { ActionError, dayArg, loadInputs, must, type Inputs } from './common.js';
import { writeReports } from './reports.js';

/** UTF-8 bytes of a string, without TextEncoder (Apps Script has none). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function* exportSource(wb: WorkbookIO, setup: ReconcileSetup): Action<NetSuiteSource> {
  const x = setup.export;
  if (x.kind === 'file') return { label: x.name, data: utf8(x.text) };
  const values = yield* io(wb.readSheet(x.sheet));
  if (!values) throw new ActionError(`there is no sheet named "${x.sheet}"`);
  return { label: x.sheet, data: values };
}

function contractSide(inputs: Inputs) {
  const policy = inputs.state.policy;
  const rates = inputs.rates
    ? must(parseRates(inputs.rates.values, policy.reportingCurrency, { timeZone: inputs.timeZone }), 'rates')
    : null;
  const book = must(parseContracts(inputs.table, policy, { timeZone: inputs.timeZone }));
  return { policy, rates, book };
}

export function* previewReconcile(wb: WorkbookIO, setup: ReconcileSetup): Action<ReconcilePreview> {
  const inputs = yield* loadInputs(wb);
  const source = yield* exportSource(wb, setup);
  const { policy, rates, book } = contractSide(inputs);
  const x = readNetSuiteExport(source.data, {
    label: source.label,
    dateFormat: policy.netsuiteDateFormat,
    timeZone: inputs.timeZone,
  });
  if (x instanceof CellError) return { columns: [], customers: [], problems: [x.message] };
  const fieldAt = new Map<number, NetSuiteField>();
  for (const [f, col] of Object.entries(x.columns)) if (col) fieldAt.set(col.index, f as NetSuiteField);
  const columns = x.headers.map((header, i) => ({ header, field: fieldAt.get(i) ?? null }));

  const problems: string[] = [];
  const side = buildContractSide(book, policy, rates);
  if (side instanceof CellError) return { columns, customers: [], problems: [side.message] };
  const entities = x.entities.map((name, i) => ({ name, id: x.entityIds[i] }));
  const m = matchCustomers(side.keys, entities, null);
  if (m instanceof CellError) return { columns, customers: [], problems: [m.message] };
  const customers = entities.map((e, i) => {
    const k = m.entityCustomer[i];
    return { netsuite: e.name, runrate: k >= 0 ? side.keys[k] : null, how: m.rule[i] ?? 'unmatched' };
  });
  if (x.lines.length === 0 && x.kind !== 'customers')
    problems.push(`${source.label}: no lines with an amount`);
  if (x.kind === 'customers') {
    problems.push(
      `${source.label}: a customer list has names only; reconcile a transaction or income statement export`,
    );
  }
  return { columns, customers, problems };
}

export function* reconcile(
  wb: WorkbookIO,
  setup: ReconcileSetup,
  customerMap: Record<string, string>,
): Action<ReconcileRun> {
  const from = dayArg('from', setup.from);
  const to = dayArg('to', setup.to);
  const inputs = yield* loadInputs(wb);
  const source = yield* exportSource(wb, setup);
  const { policy, rates, book } = contractSide(inputs);
  const pairs = Object.entries(customerMap).filter(([ns, rr]) => ns.trim() !== '' && rr.trim() !== '');
  const mapping =
    pairs.length > 0 ? [['Contract customer', 'NetSuite name'], ...pairs.map(([ns, rr]) => [rr, ns])] : null;
  const r = must(
    reconcileCore({ book, policy, rates, netsuite: [source], mapping, from, to, timeZone: inputs.timeZone }),
  );
  const written = yield* writeReports(wb, [reconciliationSheet(r)]);
  return {
    sheets: written.sheets,
    skipped: written.skipped,
    varianceCents: r.revenue.total.varianceCents,
    unexplainedCents: r.revenue.total.unexplainedCents,
  };
}
