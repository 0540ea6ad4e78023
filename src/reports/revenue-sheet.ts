/**
 * The `Revenue` sheet: revenue recognised, amounts billed and deferred revenue at each month end
 * for the 12 calendar months ending with the as-of month (methodology section 5, src/revenue),
 * the opening deferred balance above them, totals as SUM formulas, and checks: each month's
 * deferred = the previous + billed - recognised, and the closing balance = the opening + the totals.
 *
 * Lines that ended before the first month, uncancelled, are left out before the book is compiled:
 * every invoice of such a line was issued and all of its total recognised before the range, so it
 * adds nothing to any month and nets to zero in the opening balance (billed total = recognised
 * total, one conversion rate). Leaving them out changes no figure (a test proves it) and spares a
 * rate lookup on their start date, which under `fx: spot` fails for a book whose rates table starts
 * after its oldest lines (the example book's rates start on 2022-12-31, its lines on 2022-01-05).
 *
 * When revenue still cannot be computed (e.g. a spot rate missing on the start date of a line that
 * matters) the sheet says why instead of the pack failing: the ARR sheets do not depend on it.
 */
import { addMonths, formatDay, startOfMonth, type Day } from '../cells/days.js';
import type { ContractBook } from '../contracts/book.js';
import { CellError } from '../cells/error.js';
import { compileRevenue } from '../revenue/lines.js';
import { revenueSchedule, type RevenueSchedule } from '../revenue/schedule.js';
import { formula, money, moneyCheck, text } from './cells.js';
import type { PackContext } from './context.js';
import { Grid, address } from './grid.js';
import type { ReportCell, ReportSheet } from './model.js';
import { REVENUE_MONTHS } from './periods.js';
import { addTitleBlock } from './title.js';

export const REVENUE_SHEET = 'Revenue';

/** The schedule of the 12 months ending with the as-of month, or why there is none. */
export function revenueFigures(ctx: PackContext): RevenueSchedule | CellError {
  const asOf = ctx.periods.asOf;
  const from = startOfMonth(addMonths(asOf, -(REVENUE_MONTHS - 1)));
  const lines = compileRevenue(linesThatMatter(ctx.book, from), ctx.policy, ctx.rates);
  if (lines instanceof CellError) return lines;
  return revenueSchedule(lines, from, asOf);
}

/**
 * The book without the lines that ended, uncancelled, before `from` (the same book when there are
 * none). A line is cancelled early when its cancel date falls in start..end - 1 (as src/revenue reads it).
 */
export function linesThatMatter(book: ContractBook, from: Day): ContractBook {
  const keep: number[] = [];
  for (let j = 0; j < book.n; j++) {
    const c = book.cancel[j];
    const cancelledEarly = c >= book.start[j] && c < book.end[j];
    if (book.end[j] >= from || cancelledEarly) keep.push(j);
  }
  return keep.length === book.n ? book : subBook(book, keep);
}

/** The lines `keep` of a book, every per-line column filtered alike. */
function subBook(book: ContractBook, keep: number[]): ContractBook {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(book)) {
    if (key === 'warnings' || key === 'columns') out[key] = v;
    else if (ArrayBuffer.isView(v)) {
      const src = v as unknown as ArrayLike<number>;
      const dst = new (v.constructor as new (n: number) => { [i: number]: number })(keep.length);
      keep.forEach((j, i) => (dst[i] = src[j]));
      out[key] = dst;
    } else if (Array.isArray(v)) out[key] = keep.map((j) => v[j]);
    else out[key] = v;
  }
  out.n = keep.length;
  return out as unknown as ContractBook;
}

export function revenueSheet(ctx: PackContext): ReportSheet {
  const asOf = ctx.periods.asOf;
  const title = `Revenue, billings and deferred revenue: the ${REVENUE_MONTHS} months to ${formatDay(asOf)}`;
  const g = new Grid();
  addTitleBlock(g, title, ctx.title);
  const s = revenueFigures(ctx);
  const columns = [14, 18, 18, 18, 9].map((width) => ({ width }));
  if (s instanceof CellError) {
    g.add([text('Revenue could not be computed from this book:', 'label')]);
    g.add([text(s.message)]);
    return { name: REVENUE_SHEET, title, columns, rows: g.rows, freezeRows: 3, charts: [], heatMaps: [] };
  }

  const headerRow = g.add([
    text('Month', 'header'),
    text('Recognised', 'header'),
    text('Billed', 'header'),
    text('Deferred at month end', 'header'),
    text('Check', 'header'),
  ]);
  const t = s.total;
  const openingRow = g.add([text('Opening', 'label'), null, null, money(t.openingDeferredCents, 'label')]);
  let prev = t.openingDeferredCents;
  s.months.forEach((month, x) => {
    const row = g.nextRow;
    const rec = t.recognizedCents[x];
    const bil = t.billedCents[x];
    const def = t.deferredCents[x];
    g.add([
      text(month),
      money(rec),
      money(bil),
      money(def),
      moneyCheck(
        `${address(row - 1, 3)}+${address(row, 2)}-${address(row, 1)}-${address(row, 3)}`,
        prev + bil - rec - def,
      ),
    ]);
    prev = def;
  });
  const first = openingRow + 1;
  const last = g.nextRow - 1;
  const totalRow = g.nextRow;
  const sum = (a: Float64Array) => a.reduce((acc, v) => acc + v, 0);
  const recTotal = sum(t.recognizedCents);
  const bilTotal = sum(t.billedCents);
  const closing = t.deferredCents[t.deferredCents.length - 1];
  const totals: ReportCell[] = [
    text(`${s.months.length} months`, 'total'),
    formula(`SUM(${address(first, 1)}:${address(last, 1)})`, 'money', recTotal, 'total'),
    formula(`SUM(${address(first, 2)}:${address(last, 2)})`, 'money', bilTotal, 'total'),
    money(closing, 'total'),
    moneyCheck(
      `${address(openingRow, 3)}+${address(totalRow, 2)}-${address(totalRow, 1)}-${address(totalRow, 3)}`,
      t.openingDeferredCents + bilTotal - recTotal - closing,
    ),
  ];
  g.add(totals);
  g.add([
    text(
      `Recognised ratably by day (ASC 606); billed in advance per the billing column; deferred = billed - recognised to date (negative: unbilled). Months are whole calendar months, ${s.months[0]} to ${s.months[s.months.length - 1]}.`,
      'note',
    ),
  ]);
  return {
    name: REVENUE_SHEET,
    title,
    columns,
    rows: g.rows,
    freezeRows: headerRow,
    charts: [],
    heatMaps: [],
  };
}
