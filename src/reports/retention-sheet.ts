/**
 * The `Retention` sheet:
 * - GRR, NRR, logo retention and the quick ratio over the trailing twelve months and over each of
 *   the last four quarters, with the cohort (customers with ARR at the start) and its start ARR;
 * - net dollar retention by ARR band over the trailing twelve months, the bands' customers and
 *   start ARR totalled by formulas and checked against the cohort;
 * - NRR, GRR and logo retention over the trailing twelve months at each of the last eight quarter
 *   ends, with a line chart beside them;
 * - the cohort table: customers grouped by the quarter of their first ARR (the last 16 quarters at
 *   most), each cell the cohort's ARR k quarters later over its ARR in its first quarter (net),
 *   shaded as a heat map.
 * Money and ratios are the core's (retention, cohorts); constant currency as the methodology says.
 */
import { formatDay, startOfQuarter, addMonths, type Day } from '../cells/days.js';
import { NEVER } from '../arr/model.js';
import { retention, type RetentionResult } from '../retention/retention.js';
import { cohorts, type CohortResult } from '../retention/cohorts.js';
import {
  addNote,
  count,
  date,
  formula,
  grouped,
  money,
  moneyCheck,
  multiple,
  percent,
  text,
} from './cells.js';
import { CellError, CellErrorSignal } from '../cells/error.js';
import { isMissingRate, must, type PackContext } from './context.js';
import { Grid, address, columnName } from './grid.js';
import type { HeatMap, ReportCell, ReportSheet } from './model.js';
import {
  COHORT_QUARTERS,
  RETENTION_QUARTERS,
  RETENTION_TREND_QUARTERS,
  monthsBefore,
  quarterLabel,
} from './periods.js';
import { addTitleBlock, TITLE_ROWS } from './title.js';

export const RETENTION_SHEET = 'Retention';

export interface RetentionRefs {
  /** The trailing-twelve-month row's cells. */
  grr: string;
  nrr: string;
  logo: string;
  startArr: string;
  customers: string;
}

/** `0 - 25,000`, `25,000 - 100,000`, `100,000 and above`. */
export function bandLabel(from: number, to: number | null): string {
  return to === null ? `${grouped(from)} and above` : `${grouped(from)} - ${grouped(to)}`;
}

/** The first quarter of the cohort table: the last COHORT_QUARTERS quarters, not before the first ARR. */
export function cohortStart(ctx: PackContext): Day {
  const { model, periods } = ctx;
  let first = NEVER;
  for (const d of model.firstDay) if (d < first) first = d;
  const earliest = startOfQuarter(addMonths(startOfQuarter(periods.asOf), -3 * (COHORT_QUARTERS - 1)));
  if (first === NEVER || first > periods.asOf) return startOfQuarter(periods.asOf);
  return Math.max(earliest, startOfQuarter(first));
}

export interface RetentionFigures {
  trailing: RetentionResult;
  quarters: RetentionResult[];
  trend: RetentionResult[];
  /** Why the trend has fewer than 8 quarters (a spot rate missing further back), or null. */
  trendCut: CellError | null;
  cohorts: CohortResult;
}

export function retentionFigures(ctx: PackContext): RetentionFigures {
  const { model, periods } = ctx;
  const asOf = periods.asOf;
  const trailing = must(retention(model, periods.yearStart, asOf));
  const quarters: RetentionResult[] = [];
  for (let i = RETENTION_QUARTERS - 1; i >= 0; i--) {
    quarters.push(must(retention(model, monthsBefore(asOf, 3 * (i + 1)), monthsBefore(asOf, 3 * i))));
  }
  // Newest first, so a rates table that starts too late shortens the trend instead of failing it.
  const trend: RetentionResult[] = [];
  let cut: CellError | null = null;
  for (let i = 0; i < RETENTION_TREND_QUARTERS; i++) {
    const r = retention(model, monthsBefore(asOf, 3 * i + 12), monthsBefore(asOf, 3 * i));
    if (r instanceof CellError) {
      if (trend.length === 0 || !isMissingRate(r)) throw new CellErrorSignal(r);
      cut = r;
      break;
    }
    trend.unshift(r);
  }
  const table = must(cohorts(model, cohortStart(ctx), asOf, 'quarter', 'net'));
  return { trailing, quarters, trend, trendCut: cut, cohorts: table };
}

const RATIO_NOTE =
  'GRR = ARR kept, capped at each start figure, over start ARR; NRR = ARR at the end (constant currency) of the customers with ARR at the start over their start ARR; logos = logo retention, those customers still with ARR; quick ratio = (new + reactivation + expansion) / -(contraction + churn). n/a: nothing to divide by.';

export function retentionSheet(
  ctx: PackContext,
  f: RetentionFigures = retentionFigures(ctx),
): { sheet: ReportSheet; refs: RetentionRefs } {
  const { periods } = ctx;
  const title = `Retention: the twelve months to ${formatDay(periods.asOf)}`;
  const g = new Grid();
  addTitleBlock(g, title, ctx.title);

  // 1. Trailing twelve months and the last four quarters.
  g.add([text('Retention over the trailing twelve months and the last four quarters', 'subtitle')]);
  g.add([
    text('Period', 'header'),
    text('Customers', 'header'),
    text('Start ARR', 'header'),
    text('GRR', 'header'),
    text('NRR', 'header'),
    text('Logos', 'header'),
    text('Quick ratio', 'header'),
    text('From', 'header'),
    text('To', 'header'),
  ]);
  const periodRow = (label: string, r: RetentionResult, style?: 'total'): number =>
    g.add([
      text(label, style ?? 'label'),
      count(r.cohortCustomers, style),
      money(r.startArrCents, style),
      percent(r.grr, style),
      percent(r.nrr, style),
      percent(r.logoRetention, style),
      multiple(r.quickRatio, style),
      date(r.from),
      date(r.to),
    ]);
  const t12 = periodRow('Trailing twelve months', f.trailing, 'total');
  for (const q of f.quarters) periodRow(quarterLabel(q.to), q);
  addNote(g, RATIO_NOTE);
  g.add([]);

  // 2. Net dollar retention by band.
  g.add([
    text(
      `Net dollar retention by ARR band at the start, trailing twelve months (${ctx.title.currency})`,
      'subtitle',
    ),
  ]);
  g.add([
    text('Band', 'header'),
    text('Customers', 'header'),
    text('Start ARR', 'header'),
    text('NRR', 'header'),
  ]);
  const bandFirst = g.nextRow;
  for (const b of f.trailing.bands) {
    g.add([text(bandLabel(b.from, b.to)), count(b.customers), money(b.startArrCents), percent(b.nrr)]);
  }
  const bandLast = g.nextRow - 1;
  const bandTotal = g.nextRow;
  const bandCustomers = f.trailing.bands.reduce((s, b) => s + b.customers, 0);
  const bandStart = f.trailing.bands.reduce((s, b) => s + b.startArrCents, 0);
  g.add([
    text('All bands', 'total'),
    formula(`SUM(${address(bandFirst, 1)}:${address(bandLast, 1)})`, 'count', bandCustomers, 'total'),
    formula(`SUM(${address(bandFirst, 2)}:${address(bandLast, 2)})`, 'money', bandStart, 'total'),
    percent(f.trailing.nrr, 'total'),
  ]);
  g.add([
    text('Check: bands = cohort', 'check'),
    moneyCheck(`${address(bandTotal, 1)}-${address(t12, 1)}`, bandCustomers - f.trailing.cohortCustomers),
    moneyCheck(`${address(bandTotal, 2)}-${address(t12, 2)}`, bandStart - f.trailing.startArrCents),
  ]);
  g.add([]);

  // 3. Trailing-twelve-month NRR and GRR at each of the last eight quarter ends, and its chart.
  g.add([text('NRR and GRR over the trailing twelve months, at each quarter end', 'subtitle')]);
  const trendHeader = g.add([
    text('Quarter end', 'header'),
    text('NRR', 'header'),
    text('GRR', 'header'),
    text('Logos', 'header'),
  ]);
  const trendFirst = g.nextRow;
  for (const r of f.trend) {
    g.add([date(r.to), percent(r.nrr), percent(r.grr), percent(r.logoRetention)]);
  }
  const trendLast = g.nextRow - 1;
  if (f.trendCut) addNote(g, `Earlier quarters are left out: ${f.trendCut.message}.`, 60);
  const chartCol = 5;
  const chartHeight = 12;
  const chart = {
    kind: 'line' as const,
    title: 'NRR and GRR, trailing twelve months',
    categories: `${address(trendFirst, 0)}:${address(trendLast, 0)}`,
    series: [
      { name: 'NRR', values: `${address(trendFirst, 1)}:${address(trendLast, 1)}` },
      { name: 'GRR', values: `${address(trendFirst, 2)}:${address(trendLast, 2)}` },
    ],
    anchor: address(trendHeader - 1, chartCol),
    width: 5,
    height: chartHeight,
  };
  g.add([]);
  while (g.nextRow < trendHeader - 1 + chartHeight + 1) g.add([]);

  // 4. The cohort table, shaded, on a page of its own.
  const cohortSection = g.nextRow;
  const table = f.cohorts;
  const P = table.rows.reduce((m, r) => Math.max(m, r.values.length), 0);
  g.add([text('Cohorts by quarter of first ARR: net ARR retained k quarters later', 'subtitle')]);
  addNote(
    g,
    "Each cell: the cohort's ARR at the end of the k-th quarter after its first (or on the as-of date) over its ARR at the end of its first quarter; constant currency at the as-of date's rates.",
  );
  const header: ReportCell[] = [
    text('Cohort', 'header'),
    text('Customers', 'header'),
    text('Start ARR', 'header'),
  ];
  for (let k = 0; k < P; k++) header.push(text(`Q+${k}`, 'header'));
  g.add(header);
  const cohortFirst = g.nextRow;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of table.rows) {
    const cells: ReportCell[] = [text(r.cohort), count(r.customers), money(r.startArrCents)];
    for (const v of r.values) {
      cells.push(percent(v));
      if (v !== null) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    g.add(cells);
  }
  const cohortLast = g.nextRow - 1;
  const heatMaps: HeatMap[] = [];
  if (table.rows.length === 0) g.add([text('No customer had its first ARR in these quarters.', 'note')]);
  else if (P > 0 && lo <= hi) {
    heatMaps.push({
      range: `${address(cohortFirst, 3)}:${columnName(3 + P - 1)}${cohortLast}`,
      min: lo,
      max: hi === lo ? lo + 1 : hi,
    });
  }

  const widths = [24, 11, 16, 9, 9, 9, 12, 12, 12];
  for (let c = widths.length; c < 3 + P; c++) widths.push(9);
  const sheet: ReportSheet = {
    name: RETENTION_SHEET,
    title,
    columns: widths.map((width) => ({ width })),
    rows: g.rows,
    freezeRows: TITLE_ROWS - 1,
    charts: [chart],
    heatMaps,
    pageBreaks: [cohortSection],
  };
  return {
    sheet,
    refs: {
      grr: address(t12, 3),
      nrr: address(t12, 4),
      logo: address(t12, 5),
      startArr: address(t12, 2),
      customers: address(t12, 1),
    },
  };
}
