/** CHECK: the data checks as a table, one row per finding (issue 3, section 3; docs/checks.md). */
import { CellError } from '../cells/error.js';
import { formatDay } from '../cells/days.js';
import { checkContracts } from '../checks/index.js';
import { asRange, asScalar, dateArg, isOmitted, type SheetTable } from './args.js';
import { A, ASOF_NOTE } from './descriptors.js';
import { guard, type FunctionSpec } from './spec.js';

export const CHECK_HEADER = ['Severity', 'Row', 'Customer', 'Contract', 'Rule', 'Message'];

/** The rule id of the one row CHECK returns when nothing is found. */
export const NO_FINDINGS_RULE = 'no-findings';

export const CHECK_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'CHECK',
    description:
      'Data checks of a contract range: one row per finding (severity, row, customer, contract, rule, message); bad cells are findings too.',
    returns: 'table',
    args: [
      A.contracts,
      {
        name: 'asOf',
        type: 'date',
        optional: true,
        help: `As-of date of the date-based rules (active status on ended lines, ARR moves): ${ASOF_NOTE}; omit to skip them.`,
      },
      A.policy,
      A.rates,
    ],
    impl: ([contracts, asOf, policy, rates], ctx) =>
      guard(() => {
        let day: number | null = null;
        if (!isOmitted(asOf) && asScalar(asOf) !== 0) {
          const d = dateArg('asOf', asOf, ctx);
          if (d instanceof CellError) return d;
          day = d;
        }
        const r = checkContracts({
          contracts: isOmitted(contracts) ? [] : asRange(contracts),
          policy: isOmitted(policy) ? null : asRange(policy),
          rates: isOmitted(rates) ? null : asRange(rates),
          asOf: day,
          timeZone: ctx.timeZone,
        });
        if (r instanceof CellError) return r;
        const table: SheetTable = [CHECK_HEADER];
        for (const f of r.findings) {
          table.push([f.severity, f.row ?? '', f.customer, f.contract, f.rule, f.message]);
        }
        if (r.findings.length === 0) {
          const when = r.asOf === null ? '' : ` as of ${formatDay(r.asOf)}`;
          table.push([
            'info',
            '',
            '',
            '',
            NO_FINDINGS_RULE,
            `no findings in ${r.lines} line${r.lines === 1 ? '' : 's'}${when}`,
          ]);
        }
        return table;
      }),
  },
];
