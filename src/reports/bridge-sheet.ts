/**
 * The `Bridge` sheet: the quarter and the year bridge side by side (start, the six lanes, end),
 * each lane total a SUMIFS formula over the per-customer detail below it, a check row
 * (start + lanes = end), the year bridge as a waterfall chart, then the detail of each bridge
 * (customer, product at product grain, lane, start ARR, end ARR, amount, contracts).
 *
 * Layout: rows 1-4 the title block; row 5 the header (Lane, Quarter, Year); rows 6-7 the from and
 * to dates; row 8 start ARR; rows 9-14 the lanes; row 15 end ARR; row 16 the check. The detail
 * tables start below the chart. A lane total sums its bridge's detail table from the table's header
 * row (text, ignored by SUMIFS) to its last row, so a lane with no detail sums to 0.
 */
import { formatDay } from '../cells/days.js';
import { LANES, type BridgeResult, type Lane } from '../bridge/bridge.js';
import { addNote, date, formula, money, moneyCheck, text } from './cells.js';
import type { PackContext } from './context.js';
import { Grid, address } from './grid.js';
import type { ChartSpec, ReportCell, ReportSheet } from './model.js';
import { quarterLabel } from './periods.js';
import { addTitleBlock, TITLE_ROWS } from './title.js';

export const BRIDGE_SHEET = 'Bridge';

export const LANE_LABELS: Record<Lane, string> = {
  new: 'New',
  reactivation: 'Reactivation',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churn',
  fx: 'FX',
};

/** The lane totals of a bridge result, in LANES order. */
export function laneCents(b: BridgeResult): Record<Lane, number> {
  return {
    new: b.newCents,
    reactivation: b.reactivationCents,
    expansion: b.expansionCents,
    contraction: b.contractionCents,
    churn: b.churnCents,
    fx: b.fxCents,
  };
}

/** Where one bridge's figures are on the sheet (A1 addresses), for the Summary's formulas. */
export interface BridgeColumnRefs {
  start: string;
  end: string;
  lanes: Record<Lane, string>;
}

export interface BridgeRefs {
  quarter: BridgeColumnRefs;
  year: BridgeColumnRefs;
  /** Rows of the start, the first lane, the last lane and the end (the same in both columns). */
  startRow: number;
  endRow: number;
}

const HEADER_ROW = 5;
const START_ROW = 8;
const FIRST_LANE_ROW = START_ROW + 1;
const END_ROW = FIRST_LANE_ROW + LANES.length;
const CHECK_ROW = END_ROW + 1;
const CHART_HEIGHT = 17;

const BRIDGE_NOTE =
  'Each lane total sums its detail below (SUMIFS on the lane). New and churn are decided per customer; FX is the effect of exchange rates on the ARR kept.';

interface DetailColumns {
  customer: number;
  product: number | null;
  lane: number;
  start: number;
  end: number;
  amount: number;
  contracts: number;
  count: number;
}

function detailColumns(productGrain: boolean): DetailColumns {
  const p = productGrain ? 1 : 0;
  return {
    customer: 0,
    product: productGrain ? 1 : null,
    lane: 1 + p,
    start: 2 + p,
    end: 3 + p,
    amount: 4 + p,
    contracts: 5 + p,
    count: 6 + p,
  };
}

/** Writes one bridge's detail table; returns the rows of its header and its last line. */
function detailTable(g: Grid, b: BridgeResult, title: string, cols: DetailColumns): [number, number] {
  g.add([text(title, 'subtitle')]);
  const header: ReportCell[] = [];
  header[cols.customer] = text('Customer', 'header');
  if (cols.product !== null) header[cols.product] = text('Product', 'header');
  header[cols.lane] = text('Lane', 'header');
  header[cols.start] = text('Start ARR', 'header');
  header[cols.end] = text('End ARR', 'header');
  header[cols.amount] = text('Amount', 'header');
  header[cols.contracts] = text('Contracts', 'header');
  const headerRow = g.add(header);
  for (const d of b.detail) {
    const row: ReportCell[] = new Array(cols.count).fill(null);
    // Names from the data are text cells, whatever they start with.
    row[cols.customer] = text(d.customer);
    if (cols.product !== null) row[cols.product] = text(d.product);
    row[cols.lane] = text(LANE_LABELS[d.lane]);
    row[cols.start] = money(d.startArrCents);
    row[cols.end] = money(d.endArrCents);
    row[cols.amount] = money(d.amountCents);
    row[cols.contracts] = text(d.contracts.join(', '));
    g.add(row);
  }
  if (b.detail.length === 0) g.add([text('No customer moved.', 'note')]);
  return [headerRow, headerRow + b.detail.length];
}

export function bridgeSheet(ctx: PackContext): { sheet: ReportSheet; refs: BridgeRefs } {
  const { quarterBridge: q, yearBridge: y, periods } = ctx;
  const productGrain = ctx.policy.grain === 'customer_product';
  const cols = detailColumns(productGrain);
  const title = `ARR bridge: ${quarterLabel(periods.asOf)} and the year to ${formatDay(periods.asOf)}`;
  const g = new Grid();
  addTitleBlock(g, title, ctx.title);

  // The summary table; lane totals are filled in once the detail rows are known.
  g.add([text('', 'header'), text('Quarter', 'header'), text('Year', 'header')]);
  g.add([text('From', 'label'), date(q.from), date(y.from)]);
  g.add([text('To', 'label'), date(q.to), date(y.to)]);
  g.add([text('Start ARR', 'label'), money(q.startCents), money(y.startCents)]);
  for (const lane of LANES) g.add([text(LANE_LABELS[lane])]);
  g.add([text('End ARR', 'total'), money(q.endCents, 'total'), money(y.endCents, 'total')]);
  const checkCell = (col: number, b: BridgeResult): ReportCell => {
    const lanes = `SUM(${address(FIRST_LANE_ROW, col)}:${address(END_ROW - 1, col)})`;
    const diff = b.startCents + LANES.reduce((s, l) => s + laneCents(b)[l], 0) - b.endCents;
    return moneyCheck(`${address(START_ROW, col)}+${lanes}-${address(END_ROW, col)}`, diff);
  };
  g.add([text('Check: start + lanes = end', 'check'), checkCell(1, q), checkCell(2, y)]);
  // Beside the chart: wrapped to the table's width.
  addNote(g, BRIDGE_NOTE, 70);
  if (g.rows[CHECK_ROW - 1][0]?.kind !== 'text') throw new Error('bridge layout');

  // The waterfall beside the table; the detail starts below it.
  const chartCol = 3;
  const chart: ChartSpec = {
    kind: 'waterfall',
    title: `ARR bridge, year to ${formatDay(periods.asOf)}`,
    categories: `${address(START_ROW, 0)}:${address(END_ROW, 0)}`,
    series: [{ name: 'ARR', values: `${address(START_ROW, 2)}:${address(END_ROW, 2)}` }],
    anchor: address(HEADER_ROW, chartCol),
    width: cols.count - chartCol,
    height: CHART_HEIGHT,
  };
  while (g.nextRow < HEADER_ROW + CHART_HEIGHT + 1) g.add([]);
  const detailStart = g.nextRow;

  const [qHead, qLast] = detailTable(
    g,
    q,
    `Quarter detail, ${formatDay(q.from)} to ${formatDay(q.to)}: every customer${productGrain ? ' and product' : ''} that moved, by lane`,
    cols,
  );
  g.add([]);
  const [yHead, yLast] = detailTable(
    g,
    y,
    `Year detail, ${formatDay(y.from)} to ${formatDay(y.to)}: every customer${productGrain ? ' and product' : ''} that moved, by lane`,
    cols,
  );

  const laneFormula = (head: number, last: number, laneRow: number, cents: number): ReportCell => {
    const amounts = `${address(head, cols.amount)}:${address(last, cols.amount)}`;
    const lanes = `${address(head, cols.lane)}:${address(last, cols.lane)}`;
    return formula(`SUMIFS(${amounts},${lanes},${address(laneRow, 0)})`, 'money', cents);
  };
  const laneTotals = (col: number, b: BridgeResult, head: number, last: number): BridgeColumnRefs => {
    const lanes = {} as Record<Lane, string>;
    LANES.forEach((lane, i) => {
      const row = FIRST_LANE_ROW + i;
      g.set(row, col, laneFormula(head, last, row, laneCents(b)[lane]));
      lanes[lane] = address(row, col);
    });
    return { start: address(START_ROW, col), end: address(END_ROW, col), lanes };
  };

  const refs: BridgeRefs = {
    quarter: laneTotals(1, q, qHead, qLast),
    year: laneTotals(2, y, yHead, yLast),
    startRow: START_ROW,
    endRow: END_ROW,
  };

  const widths: number[] = [];
  widths[cols.customer] = 34;
  if (cols.product !== null) widths[cols.product] = 20;
  widths[cols.lane] = 16;
  widths[cols.start] = 16;
  widths[cols.end] = 16;
  widths[cols.amount] = 16;
  widths[cols.contracts] = 36;

  const sheet: ReportSheet = {
    name: BRIDGE_SHEET,
    title,
    columns: widths.map((width) => ({ width })),
    rows: g.rows,
    freezeRows: TITLE_ROWS - 1,
    charts: [chart],
    heatMaps: [],
    pageBreaks: [detailStart],
  };
  return { sheet, refs };
}
