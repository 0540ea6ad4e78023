/**
 * `runrate explain --contracts FILE --customer KEY --as-of DATE`: the lines behind one customer's
 * ARR. JSON: `{"customer","asOf","arr","lines":[{"row","contract","product","amount","currency",
 * "termDays","rate","arr",...}],"currency","rounding"}`; each line's first eight keys are the issue's,
 * the rest (customer, lineType, start, end, stop, stopReason, from, annualization, termMonths,
 * localArr, exactArr, rounding, rateSource, formula, and `pool` for a pooled contract) follow them.
 */
import { type ExplainResult, formatDay } from '../../src/index.js';
import { type PolicyTag, money, table } from '../format.js';
import { units } from '../json.js';

export function explainJson(r: ExplainResult) {
  return {
    customer: r.customer,
    asOf: formatDay(r.asOf),
    arr: units(r.arrCents),
    lines: r.contributors.map((c) => ({
      row: c.row,
      contract: c.contract,
      product: c.product,
      amount: units(c.amountCents),
      currency: c.currency,
      termDays: c.termDays,
      rate: c.rate,
      arr: units(c.arrCents),
      customer: c.customer,
      lineType: c.lineType,
      start: formatDay(c.start),
      end: formatDay(c.end),
      stop: c.stopReason ? formatDay(c.stop) : null,
      stopReason: c.stopReason,
      from: formatDay(c.from),
      annualization: c.annualization,
      termMonths: c.termMonths,
      localArr: c.localArr,
      exactArr: c.exactArr,
      rounding: c.rounding,
      rateSource: c.rateSource,
      formula: c.formula,
      ...(c.pooled
        ? {
            pool: c.lines.map((l) => ({
              row: l.row,
              amount: units(l.amountCents),
              start: formatDay(l.start),
              end: formatDay(l.end),
              termDays: l.termDays,
            })),
          }
        : {}),
    })),
    currency: r.currency,
    rounding: r.rounding,
  };
}

/** 1234.5 -> `1,234.5000`. */
const grouped4 = (x: number): string => {
  const [w, f] = Math.abs(x).toFixed(4).split('.');
  return (x < 0 ? '-' : '') + w.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + f;
};

const four = (x: number): string => {
  const s = x.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
};

export function formatExplain(r: ExplainResult, p: PolicyTag): string {
  let out = `ARR of ${r.customer} as of ${formatDay(r.asOf)}, ${r.currency}, policy ${p.version} (${p.hash})\n\n`;
  const rows: string[][] = [];
  for (const c of r.contributors) {
    const term = c.termMonths !== null ? `${c.termMonths} months` : `${c.termDays} days`;
    rows.push([
      c.pooled ? c.lines.map((l) => l.row).join('+') : String(c.row),
      c.contract,
      c.product,
      money(c.amountCents),
      c.currency,
      formatDay(c.start),
      formatDay(c.end),
      term,
      grouped4(c.localArr),
      String(c.rate),
      four(c.rounding),
      money(c.arrCents),
    ]);
  }
  rows.push(['Total', '', '', '', '', '', '', '', '', '', '', money(r.arrCents)]);
  out += table(
    [
      'Row',
      'Contract',
      'Product',
      'Amount',
      'Cur',
      'Start',
      'End',
      'Term',
      'Local ARR',
      'Rate',
      'Rounding',
      'ARR',
    ],
    rows,
    ['left', 'left', 'left', 'right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
  if (r.contributors.length === 0) out += `\nNo line of ${r.customer} counts on ${formatDay(r.asOf)}.\n`;
  else {
    out += '\n';
    for (const c of r.contributors) {
      const rowsText = c.pooled ? `rows ${c.lines.map((l) => l.row).join(', ')}` : `row ${c.row}`;
      out += `${rowsText}: ${c.formula}\n`;
    }
  }
  return out;
}
