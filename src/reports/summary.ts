/**
 * The `Summary` sheet: the figures a board sees first, for the as-of date, each beside a check
 * formula that ties it to the sheet it comes from (the bridge, the trend, the retention sheet) or
 * recomputes it from the cells above (MRR = ARR / 12 and ARR per customer within half a cent), and
 * a line saying how it is computed.
 *
 * Definitions (docs/reports.md):
 * - Net new ARR = new + reactivation + expansion + contraction + churn of the bridge (FX left out).
 * - Growth vs the prior quarter / year = ARR / ARR on the bridge's start date - 1 (FX included),
 *   written as a formula over the cells above; n/a when the earlier ARR is 0.
 * - ARR per customer = ARR / customers with ARR, rounded to the cent with the policy's rounding.
 * - GRR, NRR, logo retention over the trailing twelve months; the quick ratio over the quarter and
 *   over the year. Under `bridgeMethod: single`, GRR and NRR are checked against the year bridge:
 *   GRR = (start + contraction + churn) / start, NRR = (start + expansion + contraction + churn) /
 *   start (constant currency, both from the same diff as retention).
 */
import { formatDay } from '../cells/days.js';
import { roundCentsDivision } from '../arr/round-total.js';
import type { ArrResult } from '../arr/arr-on.js';
import type { BridgeResult } from '../bridge/bridge.js';
import {
  centCheck,
  count,
  formula,
  money,
  moneyCheck,
  multiple,
  percent,
  ratioCheck,
  sheetRef,
  text,
} from './cells.js';
import type { PackContext } from './context.js';
import { BRIDGE_SHEET, type BridgeRefs } from './bridge-sheet.js';
import { Grid, address } from './grid.js';
import type { ReportCell, ReportSheet } from './model.js';
import { quarterLabel } from './periods.js';
import { RETENTION_SHEET, type RetentionFigures, type RetentionRefs } from './retention-sheet.js';
import { addTitleBlock } from './title.js';
import { TREND_SHEET, type TrendRefs } from './trend.js';

export const SUMMARY_SHEET = 'Summary';

export interface SummaryInputs {
  arr: ArrResult;
  carrCents: number;
  retention: RetentionFigures;
  bridgeRefs: BridgeRefs;
  trendRefs: TrendRefs;
  retentionRefs: RetentionRefs;
}

/** Net new ARR of a bridge: every lane but FX. */
export const netNewCents = (b: BridgeResult): number =>
  b.newCents + b.reactivationCents + b.expansionCents + b.contractionCents + b.churnCents;

/** ARR / 1 - ... as the spreadsheet computes it from the two figures; null when the base is 0. */
export const growth = (endCents: number, startCents: number): number | null =>
  startCents === 0 ? null : endCents / startCents - 1;

export function summarySheet(ctx: PackContext, s: SummaryInputs): ReportSheet {
  const { periods, policy, quarterBridge: q, yearBridge: y } = ctx;
  const asOf = formatDay(periods.asOf);
  const title = `Summary: ARR and retention as of ${asOf}`;
  const g = new Grid();
  addTitleBlock(g, title, ctx.title);
  const B = (ref: string) => sheetRef(BRIDGE_SHEET, ref);
  const bq = s.bridgeRefs.quarter;
  const by = s.bridgeRefs.year;

  const headerRow = g.add([
    text('Measure', 'header'),
    text('Value', 'header'),
    text('Check', 'header'),
    text('How it is computed', 'header'),
  ]);
  const row = (label: string, value: ReportCell, check: ReportCell, how: string, style?: 'total'): number =>
    g.add([text(label, style ?? 'label'), value, check, text(how, 'note')]);
  const at = (r: number) => address(r, 1);

  const arr = s.arr.arrCents;
  const arrRow = row(
    'ARR',
    money(arr, 'total'),
    moneyCheck(`${at(g.nextRow)}-${B(by.end)}`, arr - y.endCents),
    `ARR on ${asOf} under the policy (${policy.basis}, ${policy.annualization}); ties to the bridge's end`,
    'total',
  );
  row(
    'CARR',
    money(s.carrCents),
    null,
    'Contracted ARR: lines count from their signed date, signed lines not yet started included',
  );
  const mrr = s.arr.mrrCents;
  row(
    'MRR',
    money(mrr),
    centCheck(`${at(g.nextRow)}-${at(arrRow)}/12`, (mrr * 12 - arr) / 1200),
    'ARR / 12, rounded to the cent once',
  );
  const customers = s.arr.customers;
  const trendCustomers = sheetRef(TREND_SHEET, s.trendRefs.lastCustomers);
  const customersRow = row(
    'Customers',
    count(customers),
    moneyCheck(`${at(g.nextRow)}-${trendCustomers}`, customers - s.trendRefs.lastCustomersCount),
    'Customers with ARR above zero on the as-of date',
  );
  if (customers > 0) {
    const perCustomer = roundCentsDivision(arr, customers, policy.rounding);
    row(
      'ARR per customer',
      money(perCustomer),
      centCheck(
        `${at(g.nextRow)}-${at(arrRow)}/${at(customersRow)}`,
        (perCustomer * customers - arr) / (100 * customers),
      ),
      'ARR / customers, rounded to the cent',
    );
  } else {
    row('ARR per customer', text('n/a'), null, 'No customer has ARR');
  }

  const qStart = row(
    `ARR on ${formatDay(q.from)}`,
    money(q.startCents),
    moneyCheck(`${at(g.nextRow)}-${B(bq.start)}`, 0),
    'A quarter before: the quarter bridge starts here',
  );
  const yStart = row(
    `ARR on ${formatDay(y.from)}`,
    money(y.startCents),
    moneyCheck(`${at(g.nextRow)}-${B(by.start)}`, 0),
    'A year before: the year bridge starts here',
  );
  const lanesNew = (refs: typeof bq) => `SUM(${B(refs.lanes.new)}:${refs.lanes.churn})`;
  const netQ = netNewCents(q);
  row(
    `Net new ARR, ${quarterLabel(periods.asOf)}`,
    money(netQ),
    moneyCheck(`${at(g.nextRow)}-${lanesNew(bq)}`, 0),
    'New + reactivation + expansion + contraction + churn over the quarter (FX left out)',
  );
  const netY = netNewCents(y);
  row(
    'Net new ARR, year',
    money(netY),
    moneyCheck(`${at(g.nextRow)}-${lanesNew(by)}`, 0),
    'The same over the twelve months',
  );
  const growthCell = (startRow: number, start: number): ReportCell => {
    const gr = growth(arr, start);
    return formula(
      `IF(${at(startRow)}=0,"n/a",${at(arrRow)}/${at(startRow)}-1)`,
      'percent',
      gr === null ? 'n/a' : gr,
    );
  };
  row(
    'Growth vs prior quarter',
    growthCell(qStart, q.startCents),
    null,
    'ARR / ARR a quarter before - 1 (FX included)',
  );
  row(
    'Growth vs prior year',
    growthCell(yStart, y.startCents),
    null,
    'ARR / ARR a year before - 1 (FX included)',
  );

  // Retention over the trailing twelve months; the quick ratio over the quarter and the year.
  const t = s.retention.trailing;
  const quarter = s.retention.quarters[s.retention.quarters.length - 1];
  const single = policy.bridgeMethod === 'single';
  const ys = y.startCents;
  const bridgeRatio = (num: string, value: number, ratio: number | null): ReportCell =>
    single && ratio !== null && ys !== 0
      ? ratioCheck(at(g.nextRow), `(${num})/${B(by.start)}`, ratio, value / ys)
      : null;
  row(
    'GRR, trailing twelve months',
    percent(t.grr),
    bridgeRatio(
      `${B(by.start)}+${B(by.lanes.contraction)}+${B(by.lanes.churn)}`,
      ys + y.contractionCents + y.churnCents,
      t.grr,
    ),
    "ARR kept from last year's customers, each capped at its start ARR, over their start ARR (constant currency)",
  );
  row(
    'NRR, trailing twelve months',
    percent(t.nrr),
    bridgeRatio(
      `${B(by.start)}+${B(by.lanes.expansion)}+${B(by.lanes.contraction)}+${B(by.lanes.churn)}`,
      ys + y.expansionCents + y.contractionCents + y.churnCents,
      t.nrr,
    ),
    'ARR now of the customers with ARR a year before over their start ARR (constant currency; new customers left out)',
  );
  const logoRef = sheetRef(RETENTION_SHEET, s.retentionRefs.logo);
  row(
    'Logo retention, trailing twelve months',
    percent(t.logoRetention),
    t.logoRetention === null ? null : ratioCheck(at(g.nextRow), logoRef, t.logoRetention, t.logoRetention),
    'Customers with ARR a year before that still have ARR, over those customers',
  );
  const quick = (b: BridgeResult, refs: typeof bq, value: number | null): ReportCell => {
    if (value === null) return null;
    const gains = b.newCents + b.reactivationCents + b.expansionCents;
    const losses = -(b.contractionCents + b.churnCents);
    return ratioCheck(
      at(g.nextRow),
      `(${B(refs.lanes.new)}+${B(refs.lanes.reactivation)}+${B(refs.lanes.expansion)})/-(${B(refs.lanes.contraction)}+${B(refs.lanes.churn)})`,
      value,
      losses === 0 ? NaN : gains / losses,
    );
  };
  row(
    `Quick ratio, ${quarterLabel(periods.asOf)}`,
    multiple(quarter.quickRatio),
    quick(q, bq, quarter.quickRatio),
    '(New + reactivation + expansion) / -(contraction + churn) over the quarter; n/a without losses',
  );
  row(
    'Quick ratio, year',
    multiple(t.quickRatio),
    quick(y, by, t.quickRatio),
    'The same over the twelve months',
  );
  g.add([]);
  g.add([
    text(
      'Check: OK when the figure ties to the sheet it comes from (Bridge, ARR trend, Retention) or to the cells above; CHECK otherwise.',
      'note',
    ),
  ]);
  return {
    name: SUMMARY_SHEET,
    title,
    columns: [38, 18, 9, 90].map((width) => ({ width })),
    rows: g.rows,
    freezeRows: headerRow,
    charts: [],
    heatMaps: [],
  };
}
