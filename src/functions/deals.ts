/** DEALFIELDS: the six deal fields of every deal of a deals range (methodology section 6). */
import { CellError } from '../cells/error.js';
import { formatDay } from '../cells/days.js';
import { dealFields, parseDeals } from '../deals/index.js';
import { asRange, isOmitted, money, type SheetTable } from './args.js';
import { A } from './descriptors.js';
import { loadPolicy } from './load.js';
import { guard, type FunctionSpec } from './spec.js';

export const DEALFIELDS_HEADER = [
  'Row',
  'Customer',
  'Date',
  'Type',
  'Recurring Amount',
  'Net New ARR',
  'Net ARR',
  'Contract ARR Before',
  'Contract ARR After',
  'ACV',
  'TCV',
  'Flags',
];

export const DEALS_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'DEALFIELDS',
    description:
      'Per deal: Recurring Amount, Net New ARR, Net ARR, contract ARR before and after, ACV, TCV, and flags.',
    returns: 'table',
    args: [
      {
        name: 'deals',
        type: 'range',
        optional: false,
        help: 'Deals with their header row: customer, deal date, type, annual recurring amount, services, term (months).',
      },
      { ...A.policy, help: 'The ARR policy range (only its rounding is used); omit for the defaults.' },
    ],
    impl: ([deals, policy], ctx) =>
      guard(() => {
        const p = loadPolicy(policy);
        if (p instanceof CellError) return p;
        if (isOmitted(deals)) {
          return new CellError(
            '#VALUE!',
            'deals: the deals range is empty; it needs a header row and at least one deal',
          );
        }
        const book = parseDeals(asRange(deals), { timeZone: ctx.timeZone });
        if (book instanceof CellError) return book;
        const table: SheetTable = [DEALFIELDS_HEADER];
        for (const d of dealFields(book, p.rounding)) {
          table.push([
            d.row,
            d.customer,
            formatDay(d.date),
            d.type,
            money(d.recurringCents),
            money(d.netNewArrCents),
            money(d.netArrCents),
            money(d.contractArrBeforeCents),
            money(d.contractArrAfterCents),
            d.acvCents === null ? '' : money(d.acvCents),
            money(d.tcvCents),
            d.flags.join(', '),
          ]);
        }
        return table;
      }),
  },
];
