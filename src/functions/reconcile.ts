/**
 * RECONCILE and RECONWALK: the reconciliation against NetSuite (issue 4; methodology section 7).
 * See docs/reconcile.md.
 */
import { CellError } from '../cells/error.js';
import {
  CAUSE_KEYS,
  CAUSE_LABELS,
  RECON_KINDS,
  reconcile,
  type ReconKind,
  type ReconRow,
  type Reconciliation,
} from '../reconcile/index.js';
import { asRange, choiceArg, dateArg, isOmitted, money, type CallContext, type SheetTable } from './args.js';
import { A, ASOF_NOTE } from './descriptors.js';
import { loadInputs } from './load.js';
import { guard, type ArgSpec, type FunctionSpec } from './spec.js';

const NETSUITE: ArgSpec = {
  name: 'netsuite',
  type: 'range',
  optional: false,
  help: 'A NetSuite export pasted into a range with its header (a transaction saved search, an income statement detail, a deferred revenue export).',
};
const MAPPING: ArgSpec = {
  name: 'mapping',
  type: 'range',
  optional: true,
  help: 'Customer mapping: contract customer key, NetSuite name or id, with a header row; omit to match by id and name.',
};
const FROM: ArgSpec = {
  name: 'from',
  type: 'date',
  optional: false,
  help: `First day of the period, the first of a month: ${ASOF_NOTE}.`,
};
const TO: ArgSpec = {
  name: 'to',
  type: 'date',
  optional: false,
  help: `Last day of the period, the last of a month; also the date of the ARR and deferred reconciliations: ${ASOF_NOTE}.`,
};
const TABLE: ArgSpec = {
  name: 'table',
  type: 'text',
  optional: true,
  help: 'revenue (default): contract vs GL revenue; arr: contract ARR vs billing run-rate; deferred: deferred revenue.',
};

/** The ranges -> the reconciliation. */
function run(
  contractsArg: unknown,
  netsuiteArg: unknown,
  fromArg: unknown,
  toArg: unknown,
  policyArg: unknown,
  mappingArg: unknown,
  ratesArg: unknown,
  ctx: CallContext,
): Reconciliation | CellError {
  if (isOmitted(netsuiteArg) && !isOmitted(contractsArg)) {
    return new CellError('#VALUE!', 'netsuite: the NetSuite range is empty; paste an export with its header');
  }
  const inputs = loadInputs(contractsArg, policyArg, ratesArg, ctx);
  if (inputs instanceof CellError) return inputs;
  const { book, policy, rates } = inputs;
  const from = dateArg('from', fromArg, ctx);
  if (from instanceof CellError) return from;
  const to = dateArg('to', toArg, ctx);
  if (to instanceof CellError) return to;
  return reconcile({
    book,
    policy,
    rates,
    netsuite: [{ label: 'netsuite', data: asRange(netsuiteArg) }],
    mapping: isOmitted(mappingArg) ? null : asRange(mappingArg),
    from,
    to,
    timeZone: ctx.timeZone,
  });
}

const TABLE_FIGURES: Record<ReconKind, [string, string]> = {
  revenue: ['Contract revenue', 'GL revenue'],
  arr: ['Contract ARR', 'Billing run-rate'],
  deferred: ['Contract deferred', 'NetSuite deferred'],
};

function rowCells(r: ReconRow, customer: string): SheetTable[number] {
  return [
    customer,
    r.netsuite.join('; '),
    money(r.contractCents),
    money(r.netsuiteCents),
    money(r.varianceCents),
    r.variancePct === null ? '' : r.variancePct / 100,
    r.flag,
    ...CAUSE_KEYS.map((k) => money(r.causes[k])),
    money(r.unexplainedCents),
  ];
}

/** A reconciliation table as a sheet table: header, one row per customer, then the total. */
export function reconcileTable(r: Reconciliation, kind: ReconKind): SheetTable {
  const t = kind === 'revenue' ? r.revenue : kind === 'arr' ? r.arr : r.deferred;
  const [c, n] = TABLE_FIGURES[kind];
  const table: SheetTable = [
    [
      'Customer',
      'NetSuite',
      c,
      n,
      'Variance',
      'Variance %',
      'Flag',
      ...CAUSE_KEYS.map((k) => CAUSE_LABELS[k]),
      'Unexplained',
    ],
  ];
  for (const row of t.rows) table.push(rowCells(row, row.customer ?? ''));
  table.push(rowCells(t.total, 'Total'));
  return table;
}

export const RECONCILE_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'RECONCILE',
    description:
      'Reconciles the contracts with a NetSuite export per customer: both figures, variance, flag, the causes and what is unexplained.',
    returns: 'table',
    args: [A.contracts, NETSUITE, FROM, TO, A.policy, MAPPING, A.rates, TABLE],
    impl: ([contracts, netsuite, from, to, policy, mapping, rates, table], ctx) =>
      guard(() => {
        const kind = choiceArg('table', table, RECON_KINDS, 'revenue');
        if (kind instanceof CellError) return kind;
        const r = run(contracts, netsuite, from, to, policy, mapping, rates, ctx);
        if (r instanceof CellError) return r;
        return reconcileTable(r, kind);
      }),
  },
  {
    name: 'RECONWALK',
    description:
      'The walk from ARR-implied revenue through contract revenue to NetSuite GL revenue, step by step, footing to the cent.',
    returns: 'table',
    args: [A.contracts, NETSUITE, FROM, TO, A.policy, MAPPING, A.rates],
    impl: ([contracts, netsuite, from, to, policy, mapping, rates], ctx) =>
      guard(() => {
        const r = run(contracts, netsuite, from, to, policy, mapping, rates, ctx);
        if (r instanceof CellError) return r;
        const table: SheetTable = [['Step', 'Amount']];
        for (const s of r.walk) table.push([s.step, money(s.cents)]);
        return table;
      }),
  },
];
