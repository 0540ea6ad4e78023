/**
 * Reconcile tab: every NetSuite export of the reconciliation (files' text picked in the pane, or
 * sheets holding pasted exports) and the customer mapping table, read as `runrate reconcile
 * --netsuite F ... --mapping F` reads them (each export's bytes to the core importer, the mapping
 * file as a CSV table), previewed (which column of which export plays which NetSuite field, which
 * NetSuite customer matches which RunRate customer after the mapping table), then reconciled
 * against the contracts in use (src/reconcile reconcile()) and written as the reconciliation sheet.
 */
import { CellError } from '../../../src/cells/error.js';
import { csvRows } from '../../../src/cells/csv.js';
import { parseContracts } from '../../../src/contracts/parse.js';
import { parseRates } from '../../../src/money/rates.js';
import { matchCustomers, readNetSuiteExport } from '../../../src/netsuite/index.js';
import { trimCell } from '../../../src/netsuite/cells.js';
import type { NetSuiteField } from '../../../src/netsuite/types.js';
import { parseRevenueAccounts } from '../../../src/reconcile/classify.js';
import { buildContractSide } from '../../../src/reconcile/contract.js';
import { netsuiteSide } from '../../../src/reconcile/from-exports.js';
import { reconcile as reconcileCore, reconciliationSheet } from '../../../src/reconcile/index.js';
import { readExports, type NetSuiteSource } from '../../../src/reconcile/importer.js';
import { io, type Action } from '../drive.js';
import type {
  ReconcileColumn,
  ReconcileExport,
  ReconcilePreview,
  ReconcileRun,
  ReconcileSetup,
} from '../host.js';
import type { WorkbookIO } from '../workbook.js';
import { ActionError, dayArg, loadInputs, must, mustIn, type Inputs } from './common.js';
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

/** The exports of a setup, in the order read: `export` first, then `exports`. */
function exportList(setup: ReconcileSetup): ReconcileExport[] {
  const all = [...(setup.export ? [setup.export] : []), ...(setup.exports ?? [])];
  if (all.length === 0) throw new ActionError('Add a NetSuite export (a file or a sheet) first.');
  return all;
}

function* exportSource(wb: WorkbookIO, x: ReconcileExport): Action<NetSuiteSource> {
  if (x.kind === 'file') return { label: x.name, data: utf8(x.text) };
  const values = yield* io(wb.readSheet(x.sheet));
  if (!values) throw new ActionError(`there is no sheet named "${x.sheet}"`);
  return { label: x.sheet, data: values };
}

function* exportSources(wb: WorkbookIO, setup: ReconcileSetup): Action<NetSuiteSource[]> {
  const out: NetSuiteSource[] = [];
  for (const x of exportList(setup)) out.push(yield* exportSource(wb, x));
  return out;
}

/** A CSV file's text as a table of text cells, as the command line reads `--mapping FILE` (src/cells/csv.ts). */
export function csvTable(text: string, label: string): unknown[][] {
  const rows = csvRows(text, label);
  if (rows instanceof CellError) throw new ActionError(rows.message, rows.row);
  return rows;
}

/** The mapping table of a setup (label and rows), or null for none. */
function* mappingTable(
  wb: WorkbookIO,
  setup: ReconcileSetup,
): Action<{ label: string; table: unknown[][] } | null> {
  const m = setup.mapping;
  if (!m) return null;
  if (m.kind === 'file') return { label: m.name, table: csvTable(m.text, m.name) };
  const values = yield* io(wb.readSheet(m.sheet));
  if (!values) throw new ActionError(`there is no sheet named "${m.sheet}" (the mapping table)`);
  return { label: m.sheet, table: values };
}

/** A core error about the mapping table (`mapping row 3: ...`) names the table it is in. */
function mappingError(e: CellError, mapping: { label: string } | null): CellError {
  if (!mapping || !e.message.startsWith('mapping row')) return e;
  return new CellError(e.code, `${mapping.label}: ${e.message}`, e.row, e.column);
}

function contractSide(inputs: Inputs) {
  const policy = inputs.state.policy;
  const rates = inputs.rates
    ? must(parseRates(inputs.rates.values, policy.reportingCurrency, { timeZone: inputs.timeZone }), 'rates')
    : null;
  const book = mustIn(parseContracts(inputs.table, policy, { timeZone: inputs.timeZone }), [
    { ...inputs.contracts, values: inputs.table },
  ]);
  return { policy, rates, book };
}

export function* previewReconcile(wb: WorkbookIO, setup: ReconcileSetup): Action<ReconcilePreview> {
  const inputs = yield* loadInputs(wb);
  const sources = yield* exportSources(wb, setup);
  const mapping = yield* mappingTable(wb, setup);
  const mappingInfo = mapping ? { label: mapping.label, rows: mapping.table.length } : null;
  const { policy, rates, book } = contractSide(inputs);

  // Each export on its own: its kind, lines and columns.
  const problems: string[] = [];
  const columns: ReconcileColumn[] = [];
  const exports: NonNullable<ReconcilePreview['exports']> = [];
  let withAmounts = 0;
  for (const source of sources) {
    const x = readNetSuiteExport(source.data, {
      label: source.label,
      dateFormat: policy.netsuiteDateFormat,
      timeZone: inputs.timeZone,
    });
    if (x instanceof CellError) {
      problems.push(x.message.startsWith(source.label) ? x.message : `${source.label}: ${x.message}`);
      exports.push({ label: source.label, kind: 'unreadable', lines: 0, columns: [] });
      continue;
    }
    const fieldAt = new Map<number, NetSuiteField>();
    for (const [f, col] of Object.entries(x.columns)) if (col) fieldAt.set(col.index, f as NetSuiteField);
    const own = x.headers.map((header, i) => ({
      header,
      field: fieldAt.get(i) ?? null,
      export: source.label,
    }));
    columns.push(...own);
    exports.push({ label: source.label, kind: x.kind, lines: x.lines.length, columns: own });
    if (x.kind === 'customers' || x.kind === 'revrec_forecast') continue;
    if (x.lines.length === 0) problems.push(`${source.label}: no lines with an amount`);
    else withAmounts++;
  }
  const result = (customers: ReconcilePreview['customers'], more: string[] = []): ReconcilePreview => ({
    columns,
    exports,
    mapping: mappingInfo,
    customers,
    problems: [...problems, ...more],
  });
  if (problems.length > 0) return result([]);
  if (withAmounts === 0) {
    problems.push(
      'a customer list has names only; add a transaction search, an income statement detail or a deferred revenue export',
    );
  }

  // The customers of every export, matched as the reconciliation matches them.
  const side = buildContractSide(book, policy, rates);
  if (side instanceof CellError) return result([], [side.message]);
  const accounts = parseRevenueAccounts(policy.glRevenueAccounts);
  if (typeof accounts === 'string') return result([], [`policy glRevenueAccounts: ${accounts}`]);
  const views = readExports(sources, policy, inputs.timeZone);
  if (views instanceof CellError) return result([], [views.message]);
  const ns = netsuiteSide(views, accounts);
  if (ns instanceof CellError) return result([], [ns.message]);
  const m = matchCustomers(side.keys, ns.entities, mapping?.table ?? null);
  if (m instanceof CellError) return result([], [mappingError(m, mapping).message]);
  const withLines = new Uint8Array(ns.entities.length);
  for (const cols of [ns.revenue, ns.service, ns.deferred]) {
    if (cols) for (let i = 0; i < cols.n; i++) withLines[cols.entity[i]] = 1;
  }
  return result(
    ns.entities.map((name, i) => {
      const k = m.entityCustomer[i];
      return {
        netsuite: name,
        runrate: k >= 0 ? side.keys[k] : null,
        how: k >= 0 ? (m.rule[i] ?? 'matched') : 'unmatched',
        lines: withLines[i] === 1,
      };
    }),
  );
}

/** A NetSuite name as the mapping table compares it: trimmed, spaces collapsed, lower case. */
const loose = (s: string): string =>
  trimCell(s)
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .toLowerCase();

const cellText = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : trimCell(String(v));

/**
 * The mapping table with the pane's overrides (NetSuite name -> RunRate customer) added: a table
 * row naming an overridden NetSuite name is blanked (its row numbers kept, so a message about
 * another row still names the row of the table), the overrides follow as rows of their own.
 */
export function withOverrides(table: unknown[][] | null, overrides: [string, string][]): unknown[][] | null {
  if (overrides.length === 0) return table;
  const over = new Set(overrides.map(([ns]) => loose(ns)));
  const base =
    table && table.length > 0
      ? table.map((row) => (over.has(loose(cellText(row[1]))) ? [] : row))
      : [['Contract customer', 'NetSuite name']];
  return [...base, ...overrides.map(([ns, rr]) => [rr, ns])];
}

export function* reconcile(
  wb: WorkbookIO,
  setup: ReconcileSetup,
  customerMap: Record<string, string>,
): Action<ReconcileRun> {
  const from = dayArg('from', setup.from);
  const to = dayArg('to', setup.to);
  const inputs = yield* loadInputs(wb);
  const sources = yield* exportSources(wb, setup);
  const mapping = yield* mappingTable(wb, setup);
  const { policy, rates, book } = contractSide(inputs);
  const overrides = Object.entries(customerMap)
    .map(([ns, rr]) => [ns.trim(), rr.trim()] as [string, string])
    .filter(([ns, rr]) => ns !== '' && rr !== '');
  if (overrides.length > 0) {
    const side = must(buildContractSide(book, policy, rates));
    const keys = new Set(side.keys);
    const wrong = overrides.find(([, rr]) => !keys.has(rr));
    if (wrong) {
      throw new ActionError(
        `"${wrong[1]}", chosen for the NetSuite customer "${wrong[0]}", is not a RunRate customer of the contracts in use`,
      );
    }
  }
  const r = reconcileCore({
    book,
    policy,
    rates,
    netsuite: sources,
    mapping: withOverrides(mapping?.table ?? null, overrides),
    from,
    to,
    timeZone: inputs.timeZone,
  });
  const done = must(r instanceof CellError ? mappingError(r, mapping) : r);
  const written = yield* writeReports(wb, [reconciliationSheet(done)]);
  return {
    sheets: written.sheets,
    skipped: written.skipped,
    varianceCents: done.revenue.total.varianceCents,
    unexplainedCents: done.revenue.total.unexplainedCents,
  };
}
