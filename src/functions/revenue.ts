/**
 * REVENUE and SCHEDULE: revenue recognised, billings and deferred revenue (issue 3, section 1;
 * methodology section 5). See docs/revenue.md.
 */
import { CellError } from '../cells/error.js';
import {
  compileRevenue,
  parseRevenueGrouping,
  revenueBetween,
  revenueSchedule,
  type RevenueGrouping,
  type RevenueLines,
} from '../revenue/index.js';
import { dateArg, isOmitted, money, textArg, type CallContext, type SheetTable } from './args.js';
import { A, ASOF_NOTE, DIMENSION_HEADER } from './descriptors.js';
import { loadInputs } from './load.js';
import { guard, type ArgSpec, type FunctionSpec } from './spec.js';

export const SCHEDULE_HEADER = ['Month', 'Recognized', 'Billed', 'Deferred'];

export const GROUPING_HEADER: Record<RevenueGrouping, string> = { ...DIMENSION_HEADER, line: 'Row' };

/** contracts + policy + rates ranges -> the book compiled for revenue. */
export function loadRevenue(
  contractsArg: unknown,
  policyArg: unknown,
  ratesArg: unknown,
  ctx: CallContext,
): RevenueLines | CellError {
  const inputs = loadInputs(contractsArg, policyArg, ratesArg, ctx);
  if (inputs instanceof CellError) return inputs;
  return compileRevenue(inputs.book, inputs.policy, inputs.rates);
}

function range(from: unknown, to: unknown, ctx: CallContext): [number, number] | CellError {
  const d0 = dateArg('from', from, ctx);
  if (d0 instanceof CellError) return d0;
  const d1 = dateArg('to', to, ctx);
  if (d1 instanceof CellError) return d1;
  return [d0, d1];
}

const FROM: ArgSpec = {
  name: 'from',
  type: 'date',
  optional: false,
  help: `First day of the period: ${ASOF_NOTE}.`,
};
const TO: ArgSpec = {
  name: 'to',
  type: 'date',
  optional: false,
  help: `Last day of the period (inclusive): ${ASOF_NOTE}.`,
};

export const REVENUE_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'REVENUE',
    description:
      'Revenue recognised from one date through another (both included): ratable by day, one-time per the policy.',
    returns: 'number',
    args: [A.contracts, FROM, TO, A.policy, A.rates],
    impl: ([contracts, from, to, policy, rates], ctx) =>
      guard(() => {
        const lines = loadRevenue(contracts, policy, rates, ctx);
        if (lines instanceof CellError) return lines;
        const r = range(from, to, ctx);
        if (r instanceof CellError) return r;
        const cents = revenueBetween(lines, r[0], r[1]);
        return cents instanceof CellError ? cents : money(cents);
      }),
  },
  {
    name: 'SCHEDULE',
    description:
      'Monthly revenue schedule: recognised, billed and deferred revenue at each month end, optionally per customer.',
    returns: 'table',
    args: [
      A.contracts,
      {
        ...FROM,
        help: `A day of the first month: ${ASOF_NOTE}.`,
      },
      { ...TO, help: `A day of the last month: ${ASOF_NOTE}.` },
      A.policy,
      {
        name: 'by',
        type: 'text',
        optional: true,
        help: 'One block per customer (or parent, product, segment, region, rep, entity, currency, contract, line).',
      },
      A.rates,
    ],
    impl: ([contracts, from, to, policy, by, rates], ctx) =>
      guard(() => {
        const lines = loadRevenue(contracts, policy, rates, ctx);
        if (lines instanceof CellError) return lines;
        const r = range(from, to, ctx);
        if (r instanceof CellError) return r;
        let grouping: RevenueGrouping | undefined;
        if (!isOmitted(by)) {
          const t = textArg('by', by, '');
          if (t instanceof CellError) return t;
          const g = parseRevenueGrouping(t);
          if (g instanceof CellError) return g;
          grouping = g;
        }
        const s = revenueSchedule(lines, r[0], r[1], grouping);
        if (s instanceof CellError) return s;
        if (!grouping) {
          const table: SheetTable = [[...SCHEDULE_HEADER]];
          const f = s.total;
          s.months.forEach((m, x) =>
            table.push([m, money(f.recognizedCents[x]), money(f.billedCents[x]), money(f.deferredCents[x])]),
          );
          return table;
        }
        const table: SheetTable = [[GROUPING_HEADER[grouping], ...SCHEDULE_HEADER]];
        for (const g of s.groups ?? []) {
          const key = grouping === 'line' ? Number(g.key) : g.key;
          const f = g.figures;
          s.months.forEach((m, x) =>
            table.push([
              key,
              m,
              money(f.recognizedCents[x]),
              money(f.billedCents[x]),
              money(f.deferredCents[x]),
            ]),
          );
        }
        return table;
      }),
  },
];
