/**
 * The `Checks` sheet: the data checks' findings on the book as of the as-of date (src/checks,
 * docs/checks.md): a count per severity (COUNTIF formulas over the table, so the counts prove
 * themselves), then one row per finding: severity, sheet row, customer, contract, rule, message.
 * Customer and contract come from the data and are text cells, whatever they start with.
 */
import { formatDay } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import { checkContracts, type CheckResult } from '../checks/check.js';
import type { Severity } from '../checks/rules.js';
import { count, formula, grouped, text, wrapText } from './cells.js';
import type { PackContext } from './context.js';
import { Grid, address } from './grid.js';
import type { ReportSheet } from './model.js';
import { addTitleBlock, TITLE_ROWS } from './title.js';

export const CHECKS_SHEET = 'Checks';

/** The raw ranges the checks read (they read them leniently, on their own). */
export interface CheckRanges {
  contracts: unknown[][];
  policy?: unknown[][] | null;
  overrides?: Record<string, string>;
  rates?: unknown[][] | null;
  timeZone?: string;
  ratesTimeZone?: string;
}

/** Characters of a message a row. */
const MESSAGE_WIDTH = 95;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SEVERITY_LABELS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

export function checkFigures(ctx: PackContext, ranges: CheckRanges): CheckResult | CellError {
  return checkContracts({
    contracts: ranges.contracts,
    policy: ranges.policy ?? null,
    overrides: ranges.overrides,
    rates: ranges.rates ?? null,
    asOf: ctx.periods.asOf,
    timeZone: ranges.timeZone,
    ratesTimeZone: ranges.ratesTimeZone,
  });
}

export function checksSheet(ctx: PackContext, ranges: CheckRanges): ReportSheet {
  const asOf = ctx.periods.asOf;
  const title = `Data checks: the contract book as of ${formatDay(asOf)}`;
  const g = new Grid();
  addTitleBlock(g, title, ctx.title);
  const columns = [10, 8, 30, 16, 22, MESSAGE_WIDTH + 2].map((width) => ({ width }));
  const result = checkFigures(ctx, ranges);
  if (result instanceof CellError) {
    g.add([text('The data checks could not run:', 'label')]);
    g.add([text(result.message)]);
    return {
      name: CHECKS_SHEET,
      title,
      columns,
      rows: g.rows,
      freezeRows: TITLE_ROWS - 1,
      charts: [],
      heatMaps: [],
    };
  }
  const findings = result.findings;
  const messages = findings.map((f) => wrapText(f.message.replace(/\s*\n\s*/g, '; '), MESSAGE_WIDTH));

  g.add([text('Findings', 'header'), text('Count', 'header')]);
  const countsFirst = g.nextRow;
  // The findings table's rows, known before it is written: the counts refer to them.
  const tableHeader = countsFirst + SEVERITIES.length + 2;
  const tableLast = tableHeader + messages.reduce((n, m) => n + Math.max(1, m.length), 0);
  const severities = `${address(tableHeader, 0)}:${address(tableLast, 0)}`;
  for (const s of SEVERITIES) {
    const n = findings.filter((f) => f.severity === s).length;
    g.add([text(SEVERITY_LABELS[s], 'label'), formula(`COUNTIF(${severities},"${s}")`, 'count', n)]);
  }
  g.add([
    text('All findings', 'total'),
    formula(
      `SUM(${address(countsFirst, 1)}:${address(g.nextRow - 1, 1)})`,
      'count',
      findings.length,
      'total',
    ),
    text(`in ${grouped(result.lines)} contract lines`, 'note'),
  ]);
  g.add([]);
  g.add([
    text('Severity', 'header'),
    text('Row', 'header'),
    text('Customer', 'header'),
    text('Contract', 'header'),
    text('Rule', 'header'),
    text('Message', 'header'),
  ]);
  if (g.nextRow - 1 !== tableHeader) throw new Error('checks layout');
  findings.forEach((f, i) => {
    // Long messages go on as many rows as they need, below their finding.
    const [first, ...rest] = messages[i];
    g.add([
      text(f.severity),
      f.row === null ? null : count(f.row),
      text(f.customer),
      text(f.contract),
      text(f.rule),
      text(first ?? ''),
    ]);
    for (const line of rest) g.add([null, null, null, null, null, text(line)]);
  });
  if (g.nextRow - 1 !== tableLast) throw new Error('checks layout');
  if (findings.length === 0) g.add([text(`No findings in ${grouped(result.lines)} lines.`, 'note')]);
  return {
    name: CHECKS_SHEET,
    title,
    columns,
    rows: g.rows,
    freezeRows: TITLE_ROWS - 1,
    charts: [],
    heatMaps: [],
  };
}
