/**
 * The `Reconciliation` report model (architecture.md, "report models"): one sheet with
 * - the walk from ARR-implied revenue to GL revenue, its two subtotals written as SUM formulas that
 *   foot the steps above them;
 * - the per-customer tables of the three reconciliations (revenue, ARR, deferred revenue): both
 *   figures, variance and variance % as formulas, the flag, the causes and `unexplained` as a formula
 *   (variance less the causes), and a total row of SUM formulas;
 * - the unmatched names on each side with their best candidates.
 * Every formula carries RunRate's own figure as `expect`, so a test can recalculate the sheet in a
 * spreadsheet engine and prove each one. Names from the data are written as text, never formulas.
 */
import { formatDay } from '../cells/days.js';
import { Grid, address, columnName } from '../reports/grid.js';
import type { ReportBook, ReportCell, ReportSheet, TitleBlock } from '../reports/model.js';
import {
  CAUSE_KEYS,
  CAUSE_LABELS,
  type ReconRow,
  type ReconTable,
  type Reconciliation,
  type UnmatchedName,
} from './types.js';

export const RECONCILIATION_SHEET = 'Reconciliation';

const TABLE_TITLES: Record<ReconTable['kind'], string> = {
  revenue: 'Revenue: contract revenue vs GL revenue',
  arr: 'ARR: contract ARR vs NetSuite billing run-rate',
  deferred: 'Deferred revenue: contract (billed - recognised) vs NetSuite',
};

const text = (
  t: string,
  style?: 'title' | 'subtitle' | 'header' | 'label' | 'total' | 'note' | 'check',
): ReportCell => (style ? { kind: 'text', text: t, style } : { kind: 'text', text: t });
const money = (cents: number, style?: 'total'): ReportCell =>
  style ? { kind: 'money', cents, style } : { kind: 'money', cents };
const formula = (
  f: string,
  format: 'money' | 'percent' | 'text',
  expect: number | string,
  style?: 'total' | 'check',
): ReportCell =>
  style
    ? { kind: 'formula', formula: f, format, expect, style }
    : { kind: 'formula', formula: f, format, expect };

// Table columns: A customer, B NetSuite, C contract, D NetSuite figure, E variance, F variance %,
// G flag, H.. causes, then unexplained.
const C_CONTRACT = 2;
const C_NETSUITE = 3;
const C_VARIANCE = 4;
const C_CAUSE0 = 7; // after variance % (F) and the flag (G)
const C_UNEXPLAINED = C_CAUSE0 + CAUSE_KEYS.length;

function percentCell(row: number, r: ReconRow, style?: 'total'): ReportCell {
  const c = address(row, C_CONTRACT);
  const v = address(row, C_VARIANCE);
  const expect = r.contractCents === 0 ? '' : r.varianceCents / Math.abs(r.contractCents);
  return formula(`IF(${c}=0,"",${v}/ABS(${c}))`, 'percent', expect, style);
}

function tableRows(g: Grid, t: ReconTable): void {
  g.add([text(TABLE_TITLES[t.kind], 'subtitle')]);
  g.add([
    text('Customer', 'header'),
    text('NetSuite', 'header'),
    text(t.contractLabel, 'header'),
    text(t.netsuiteLabel, 'header'),
    text('Variance', 'header'),
    text('Variance %', 'header'),
    text('Flag', 'header'),
    ...CAUSE_KEYS.map((k) => text(CAUSE_LABELS[k], 'header')),
    text('Unexplained', 'header'),
  ]);
  const first = g.nextRow;
  for (const r of t.rows) {
    const row = g.nextRow;
    const causeRange = `${address(row, C_CAUSE0)}:${address(row, C_UNEXPLAINED - 1)}`;
    g.add([
      text(r.customer ?? '(no contract customer)'),
      text(r.netsuite.length ? r.netsuite.join('; ') : '(no NetSuite entity)'),
      money(r.contractCents),
      money(r.netsuiteCents),
      formula(`${address(row, C_NETSUITE)}-${address(row, C_CONTRACT)}`, 'money', r.varianceCents),
      percentCell(row, r),
      text(r.flag ? 'Flag' : ''),
      ...CAUSE_KEYS.map((k) => money(r.causes[k])),
      formula(`${address(row, C_VARIANCE)}-SUM(${causeRange})`, 'money', r.unexplainedCents),
    ]);
  }
  const last = g.nextRow - 1;
  const row = g.nextRow;
  const sum = (col: number, expect: number): ReportCell =>
    t.rows.length === 0
      ? money(0, 'total')
      : formula(`SUM(${address(first, col)}:${address(last, col)})`, 'money', expect, 'total');
  g.add([
    text('Total', 'total'),
    text('', 'total'),
    sum(C_CONTRACT, t.total.contractCents),
    sum(C_NETSUITE, t.total.netsuiteCents),
    sum(C_VARIANCE, t.total.varianceCents),
    percentCell(row, t.total, 'total'),
    text(t.total.flag ? 'Flag' : '', 'total'),
    ...CAUSE_KEYS.map((k, i) => sum(C_CAUSE0 + i, t.total.causes[k])),
    sum(C_UNEXPLAINED, t.total.unexplainedCents),
  ]);
  g.add([]);
}

function unmatchedRows(g: Grid, title: string, names: UnmatchedName[]): void {
  g.add([text(title, 'subtitle')]);
  g.add([text('Name', 'header'), text('Best candidates (similarity)', 'header')]);
  if (names.length === 0) g.add([text('None', 'note')]);
  for (const u of names) {
    const cands = u.candidates.map((x) => `${x.name} (${x.score.toFixed(2)})`).join('; ');
    g.add([text(u.name), text(cands || 'no candidate')]);
  }
  g.add([]);
}

/** The `Reconciliation` sheet of a reconciliation result. */
export function reconciliationSheet(r: Reconciliation): ReportSheet {
  const g = new Grid();
  const title = `Reconciliation against NetSuite, ${formatDay(r.from)} to ${formatDay(r.to)}`;
  g.add([text(title, 'title')]);
  g.add([
    text(
      `${r.currency}; variance = NetSuite - contract; flagged above ${r.tolerancePct}%; NetSuite deferred revenue from ${
        r.deferredSource === 'export'
          ? 'the deferred revenue export'
          : 'the invoices (billed - recognised ratably)'
      }`,
      'note',
    ),
  ]);
  g.add([]);

  g.add([text('Walk: ARR-implied revenue to GL revenue', 'subtitle')]);
  g.add([text('Step', 'header'), text('Amount', 'header')]);
  let legStart = g.nextRow;
  for (const s of r.walk) {
    const row = g.nextRow;
    if (s.kind === 'subtotal' || s.kind === 'end') {
      const f = `SUM(${address(legStart, 1)}:${address(row - 1, 1)})`;
      g.add([text(s.step, 'total'), formula(f, 'money', s.cents, 'total')]);
      legStart = row;
    } else {
      g.add([text(s.step, s.kind === 'start' ? 'label' : undefined), money(s.cents)]);
    }
  }
  const glRow = g.nextRow - 1;
  g.add([]);

  const revenueTotalRow = g.nextRow + 2 + r.revenue.rows.length;
  tableRows(g, r.revenue);
  tableRows(g, r.arr);
  tableRows(g, r.deferred);
  g.add([
    text('Check: the walk ends at the revenue table total', 'check'),
    formula(`${address(glRow, 1)}-${address(revenueTotalRow, C_NETSUITE)}`, 'money', 0, 'check'),
  ]);
  g.add([]);

  unmatchedRows(g, 'Unmatched contract customers', r.unmatched.contracts);
  unmatchedRows(g, 'Unmatched NetSuite entities', r.unmatched.netsuite);

  const widths = [34, 30, 16, 16, 14, 11, 6, ...CAUSE_KEYS.map(() => 14), 14];
  return {
    name: RECONCILIATION_SHEET,
    title,
    columns: widths.map((width) => ({ width })),
    rows: g.rows,
    freezeRows: 2,
    charts: [],
    heatMaps: [],
  };
}

/** A report book holding the `Reconciliation` sheet, for hosts that write it on its own. */
export function reconciliationReport(r: Reconciliation, title: TitleBlock): ReportBook {
  return { title, sheets: [reconciliationSheet(r)] };
}

/** Column letter of a table column, for tests reading the sheet. */
export const RECON_COLUMNS = {
  contract: columnName(C_CONTRACT),
  netsuite: columnName(C_NETSUITE),
  variance: columnName(C_VARIANCE),
  unexplained: columnName(C_UNEXPLAINED),
};
