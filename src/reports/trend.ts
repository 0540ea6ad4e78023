/**
 * The `ARR trend` sheet: ARR at each of the 24 month ends up to the as-of date, with the lanes of
 * each month's bridge (from the previous month end, under the policy) and the customers with ARR,
 * a check per row (previous ARR + lanes = ARR), a total row whose check ties the opening ARR and
 * the 24 months of lanes to the closing ARR, and two charts: month-end ARR (line) and the monthly
 * movements stacked by lane.
 */
import { formatDay, type Day } from '../cells/days.js';
import { arrOn } from '../arr/arr-on.js';
import { bridge, LANES } from '../bridge/bridge.js';
import { addNote, count, date, formula, money, moneyCheck, text } from './cells.js';
import { CellError, CellErrorSignal } from '../cells/error.js';
import { isMissingRate, must, type PackContext } from './context.js';
import { Grid, address } from './grid.js';
import type { ReportCell, ReportSheet } from './model.js';
import { LANE_LABELS, laneCents } from './bridge-sheet.js';
import { TREND_MONTHS, monthsBefore } from './periods.js';
import { addTitleBlock, TITLE_ROWS } from './title.js';

export const TREND_SHEET = 'ARR trend';

/** Columns: A date, B..G the lanes, H ARR, I customers, J check. */
const C_FIRST_LANE = 1;
const C_ARR = C_FIRST_LANE + LANES.length;
const C_CUSTOMERS = C_ARR + 1;
const C_CHECK = C_CUSTOMERS + 1;

export interface TrendMonth {
  day: Day;
  lanes: number[];
  arrCents: number;
  customers: number;
}

export interface TrendRefs {
  /** The as-of row's ARR and customers cells. */
  lastArr: string;
  lastCustomers: string;
  /** Their figures. */
  lastArrCents: number;
  lastCustomersCount: number;
}

/**
 * The opening point and the 24 months, each with its bridge from the point before. A book whose
 * rates table starts after the earliest points (a spot rate missing there) gets a shorter trend,
 * from the first point that can be computed, and `cut` says why; any other error is the pack's.
 */
export function trendMonths(ctx: PackContext): {
  opening: TrendMonth;
  months: TrendMonth[];
  cut: CellError | null;
} {
  const { model, periods } = ctx;
  const months: TrendMonth[] = [];
  let cur = periods.asOf;
  let curArr = must(arrOn(model, cur));
  let cut: CellError | null = null;
  for (let k = 1; k <= TREND_MONTHS; k++) {
    const prev = monthsBefore(periods.asOf, k);
    const b = bridge(model, prev, cur, { detail: false });
    const prevArr = arrOn(model, prev);
    if (b instanceof CellError || prevArr instanceof CellError) {
      const e = b instanceof CellError ? b : (prevArr as CellError);
      if (months.length === 0 || !isMissingRate(e)) throw new CellErrorSignal(e);
      cut = e;
      break;
    }
    const lanes = laneCents(b);
    months.unshift({
      day: cur,
      lanes: LANES.map((l) => lanes[l]),
      arrCents: b.endCents,
      customers: curArr.customers,
    });
    cur = prev;
    curArr = prevArr;
  }
  // `cur` is the earliest point computed: the opening of the first month.
  const opening: TrendMonth = { day: cur, lanes: [], arrCents: curArr.arrCents, customers: curArr.customers };
  return { opening, months, cut };
}

export function trendSheet(ctx: PackContext): { sheet: ReportSheet; refs: TrendRefs } {
  const { periods } = ctx;
  const { opening, months, cut } = trendMonths(ctx);
  const title = `ARR trend: month-end ARR for the ${months.length} months to ${formatDay(periods.asOf)}`;
  const g = new Grid();
  addTitleBlock(g, title, ctx.title);

  const headerRow = g.add([
    text('Date', 'header'),
    ...LANES.map((l) => text(LANE_LABELS[l], 'header')),
    text('ARR', 'header'),
    text('Customers', 'header'),
    text('Check', 'header'),
  ]);
  const openingRow = g.add([
    date(opening.day, 'label'),
    ...LANES.map(() => null),
    money(opening.arrCents, 'label'),
    count(opening.customers, 'label'),
  ]);
  let prev = opening;
  for (const m of months) {
    const row = g.nextRow;
    const lanes = `SUM(${address(row, C_FIRST_LANE)}:${address(row, C_ARR - 1)})`;
    const diff = prev.arrCents + m.lanes.reduce((s, v) => s + v, 0) - m.arrCents;
    g.add([
      date(m.day),
      ...m.lanes.map((v) => money(v)),
      money(m.arrCents),
      count(m.customers),
      moneyCheck(`${address(row - 1, C_ARR)}+${lanes}-${address(row, C_ARR)}`, diff),
    ]);
    prev = m;
  }
  const firstRow = openingRow + 1;
  const lastRow = g.nextRow - 1;

  // Totals: each lane over the 24 months, and the tie from the opening to the closing ARR.
  const totalRow = g.nextRow;
  const laneTotals = LANES.map((_, i) => months.reduce((s, m) => s + m.lanes[i], 0));
  const totalCells: ReportCell[] = [text(`${months.length} months`, 'total')];
  laneTotals.forEach((cents, i) => {
    const col = C_FIRST_LANE + i;
    totalCells.push(
      formula(`SUM(${address(firstRow, col)}:${address(lastRow, col)})`, 'money', cents, 'total'),
    );
  });
  const closing = months[months.length - 1];
  const tie = opening.arrCents + laneTotals.reduce((s, v) => s + v, 0) - closing.arrCents;
  totalCells.push(
    null,
    null,
    moneyCheck(
      `${address(openingRow, C_ARR)}+SUM(${address(totalRow, C_FIRST_LANE)}:${address(totalRow, C_ARR - 1)})-${address(lastRow, C_ARR)}`,
      tie,
    ),
  );
  g.add(totalCells);
  addNote(
    g,
    "Each month's lanes are the bridge from the previous month end under the policy; the check ties the previous ARR and the lanes to the month's ARR.",
  );
  if (cut) addNote(g, `Earlier months are left out: ${cut.message}.`);
  g.add([]);

  const chartRow = g.nextRow;
  const categories = `${address(firstRow, 0)}:${address(lastRow, 0)}`;
  const sheet: ReportSheet = {
    name: TREND_SHEET,
    title,
    columns: [12, 14, 14, 14, 14, 14, 14, 16, 11, 9].map((width) => ({ width })),
    rows: g.rows,
    freezeRows: headerRow,
    charts: [
      {
        kind: 'line',
        title: 'Month-end ARR',
        categories,
        series: [{ name: 'ARR', values: `${address(firstRow, C_ARR)}:${address(lastRow, C_ARR)}` }],
        anchor: address(chartRow, 0),
        width: 5,
        height: 18,
      },
      {
        kind: 'stackedColumn',
        title: 'ARR movements by month and lane',
        categories,
        series: LANES.map((l, i) => ({
          name: LANE_LABELS[l],
          values: `${address(firstRow, C_FIRST_LANE + i)}:${address(lastRow, C_FIRST_LANE + i)}`,
        })),
        anchor: address(chartRow, 5),
        width: 5,
        height: 18,
      },
    ],
    heatMaps: [],
    pageBreaks: [chartRow],
  };
  if (headerRow !== TITLE_ROWS + 1) throw new Error('trend layout');
  return {
    sheet,
    refs: {
      lastArr: address(lastRow, C_ARR),
      lastCustomers: address(lastRow, C_CUSTOMERS),
      lastArrCents: closing.arrCents,
      lastCustomersCount: closing.customers,
    },
  };
}

export const TREND_COLUMNS = { arr: C_ARR, customers: C_CUSTOMERS, check: C_CHECK, firstLane: C_FIRST_LANE };
