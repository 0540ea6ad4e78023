/** EXPLAIN: the lines behind one customer's ARR on a date, summing to it (issue 3, drill-down). */
import { CellError } from '../cells/error.js';
import { formatDay } from '../cells/days.js';
import { readText } from '../cells/read.js';
import { explain } from '../explain/index.js';
import { asScalar, dateArg, money, type SheetTable, type SheetValue } from './args.js';
import { A } from './descriptors.js';
import { loadModel } from './load.js';
import { guard, type FunctionSpec } from './spec.js';

export const EXPLAIN_HEADER = [
  'Row',
  'Customer',
  'Contract',
  'Product',
  'Line Type',
  'Amount',
  'Currency',
  'Start',
  'End',
  'Stop',
  'Term Days',
  'Term Months',
  'Annualization',
  'Local ARR',
  'FX Rate',
  'Rounding',
  'ARR',
  'Note',
];

export const EXPLAIN_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'EXPLAIN',
    description:
      "The contract lines behind one customer's ARR on a date: amount, term, annualization, FX rate, rounding, contribution; a Total row.",
    returns: 'table',
    args: [
      A.contracts,
      {
        name: 'customer',
        type: 'text',
        optional: false,
        help: 'The customer (the parent when the policy rolls up).',
      },
      A.asOf,
      A.policy,
      A.rates,
    ],
    impl: ([contracts, customer, asOf, policy, rates], ctx) =>
      guard(() => {
        const model = loadModel(contracts, policy, rates, ctx);
        if (model instanceof CellError) return model;
        const name = readText(asScalar(customer));
        if (name === null) {
          return new CellError(
            '#VALUE!',
            'customer: a customer is required (as the contracts range names it)',
          );
        }
        const day = dateArg('asOf', asOf, ctx);
        if (day instanceof CellError) return day;
        const r = explain(model, name, day);
        if (r instanceof CellError) return r;
        const table: SheetTable = [EXPLAIN_HEADER];
        const blank = (n: number): SheetValue[] => new Array<SheetValue>(n).fill('');
        for (const c of r.contributors) {
          table.push([
            c.pooled ? c.lines.map((l) => l.row).join(', ') : c.row,
            c.customer,
            c.contract,
            c.product,
            c.lineType,
            money(c.amountCents),
            c.currency,
            formatDay(c.start),
            formatDay(c.end),
            c.stopReason ? `${formatDay(c.stop)} (${c.stopReason})` : '',
            c.termDays,
            c.termMonths ?? '',
            c.annualization,
            c.localArr,
            c.rate,
            c.rounding,
            money(c.arrCents),
            c.formula,
          ]);
          if (!c.pooled) continue;
          for (const l of c.lines) {
            table.push([
              l.row,
              l.customer,
              l.contract,
              l.product,
              l.lineType,
              money(l.amountCents),
              l.currency,
              formatDay(l.start),
              formatDay(l.end),
              '',
              l.termDays,
              l.termMonths ?? '',
              ...blank(5),
              `line of the pooled contract above (rows ${c.lines.map((m) => m.row).join(', ')})`,
            ]);
          }
        }
        table.push([
          'Total',
          r.customer,
          ...blank(14),
          money(r.arrCents),
          `ARR of ${r.customer} on ${formatDay(r.asOf)} in ${r.currency}: the sum of the contributions`,
        ]);
        return table;
      }),
  },
];
