/**
 * The `RR Policy` sheet: its layout, written from a policy and read back. Pure (no workbook calls).
 *
 * ```
 * 1  RunRate policy                                          (title)
 * 2  how to use it                                           (note)
 * 3
 * 4  Key | Value | Default | What it does                    <- RR_POLICY is A4:B(4+n): the key/value block
 * 5  version | FY2025-Q4 | 1 | Name of this revision ...        parsePolicy reads it as a policy range
 *    ... one row a POLICY_KEYS key
 *    (blank)
 *    Policy version | ...
 *    Policy hash | ...
 *    (blank)
 *    Contract source                                         (subtitle)
 *    Contracts | table | Contracts
 *    Rates | name | Rates                                    (blank kind: none)
 *    Column | Header | Field                                 (header; one row a column of the contracts)
 *    (blank)
 *    Change log                                              (subtitle)
 *    When | Who | Key | From | To                            (header; oldest first)
 *    (blank)
 *    Snapshot log                                            (subtitle)
 *    Sheet | Locked at | By | As of | Total
 * ```
 *
 * Reading back: the key/value block is found by its `Key | Value` header in columns A:B and runs to
 * the first row with a blank key; the other sections are found by their titles. Every value cell is
 * text, so `25000,100000` stays text and nothing is read as a formula.
 */
import { CellError } from '../../../src/cells/error.js';
import { POLICY_KEYS, type Policy } from '../../../src/policy/keys.js';
import { defaultPolicy, formatPolicyValue, parsePolicy, policyHash } from '../../../src/policy/parse.js';
import type { ReportCell, ReportSheet } from '../../../src/reports/model.js';
import type { ColumnMapping, PolicyChange } from '../host.js';
import type { RangeSource } from '../workbook.js';
import { ActionError, headerText } from './errors.js';

export const POLICY_NAME = 'RR_POLICY';
/** Sheet row of the key/value block's header. */
export const TABLE_TOP = 4;

export interface SnapshotLogEntry {
  sheet: string;
  lockedAt: string;
  by: string;
  asOf: string;
  total: string;
}

export interface PolicySheetState {
  /** True when read from an existing sheet. */
  exists: boolean;
  /** The key/value block as read (header row first); null when there is no sheet. */
  table: unknown[][] | null;
  /** Sheet row of the block's first row. */
  tableTop: number;
  policy: Policy;
  changeLog: PolicyChange[];
  contracts: { source: RangeSource; mapping: ColumnMapping[] } | null;
  rates: RangeSource | null;
  snapshots: SnapshotLogEntry[];
}

const SOURCE_KINDS = new Set(['table', 'name', 'sheet', 'selection']);
const text = (t: string, style?: 'title' | 'subtitle' | 'header' | 'label' | 'note'): ReportCell =>
  style ? { kind: 'text', text: t, style } : { kind: 'text', text: t };
const cellText = (v: unknown): string => headerText(v);
const lower = (v: unknown): string => cellText(v).toLowerCase();

export function emptyState(): PolicySheetState {
  return {
    exists: false,
    table: null,
    tableTop: TABLE_TOP,
    policy: defaultPolicy(),
    changeLog: [],
    contracts: null,
    rates: null,
    snapshots: [],
  };
}

/** The state of an `RR Policy` sheet's values (null: no sheet, the defaults). */
export function readPolicyState(values: unknown[][] | null): PolicySheetState {
  const state = emptyState();
  if (values === null) return state;
  state.exists = true;
  const rows = values.map((r) => (Array.isArray(r) ? r : [r]));
  const top = rows.findIndex((r) => lower(r[0]) === 'key' && lower(r[1]) === 'value');
  if (top < 0) {
    throw new ActionError(
      'The RR Policy sheet has no Key | Value table (columns A and B); delete the sheet to start from the defaults.',
    );
  }
  let end = top + 1;
  while (end < rows.length && cellText(rows[end][0]) !== '') end++;
  const table = rows.slice(top, end).map((r) => [r[0] ?? '', r[1] ?? '']);
  state.table = table;
  state.tableTop = top + 1;
  const p = parsePolicy(table);
  if (p instanceof CellError) {
    const sheetRow = p.row === undefined ? null : top + p.row;
    const what = p.message.replace(/^policy row \d+,?\s*/, '');
    throw new ActionError(
      sheetRow === null
        ? `RR Policy sheet: ${what}`
        : `RR Policy sheet, row ${sheetRow} (cell B${sheetRow}): ${what}`,
      sheetRow ?? undefined,
      p.column,
    );
  }
  state.policy = p;

  let section = '';
  let contractsSource: RangeSource | null = null;
  const mapping: ColumnMapping[] = [];
  for (let i = end; i < rows.length; i++) {
    const r = rows[i];
    const a = cellText(r[0]);
    const key = a.toLowerCase();
    if (key === 'contract source' || key === 'change log' || key === 'snapshot log') {
      section = key;
      continue;
    }
    if (a === '' && r.every((v) => cellText(v) === '')) continue;
    if (section === 'contract source') {
      if (key === 'contracts' || key === 'rates') {
        const kind = lower(r[1]);
        const name = cellText(r[2]);
        if (kind === '') continue;
        if (!SOURCE_KINDS.has(kind)) {
          throw new ActionError(
            `RR Policy sheet, row ${i + 1}: ${JSON.stringify(cellText(r[1]))} is not a source kind (table, name, sheet or selection)`,
          );
        }
        const src = { kind, name } as RangeSource;
        if (key === 'contracts') contractsSource = src;
        else state.rates = src;
      } else if (key === 'column') {
        continue;
      } else {
        const n = Number(a);
        if (!Number.isInteger(n) || n < 1) {
          throw new ActionError(`RR Policy sheet, row ${i + 1}: ${JSON.stringify(a)} is not a column number`);
        }
        const field = cellText(r[2]);
        mapping.push({ column: n - 1, header: cellText(r[1]), field: field === '' ? null : field });
      }
    } else if (section === 'change log') {
      if (key === 'when' && lower(r[1]) === 'who') continue;
      state.changeLog.push({
        when: a,
        who: cellText(r[1]),
        key: cellText(r[2]),
        from: cellText(r[3]),
        to: cellText(r[4]),
      });
    } else if (section === 'snapshot log') {
      if (key === 'sheet' && lower(r[1]) === 'locked at') continue;
      state.snapshots.push({
        sheet: a,
        lockedAt: cellText(r[1]),
        by: cellText(r[2]),
        asOf: cellText(r[3]),
        total: cellText(r[4]),
      });
    }
  }
  if (contractsSource) state.contracts = { source: contractsSource, mapping };
  return state;
}

/** The sheet for a state; RR_POLICY goes over `nameAddress` (the key/value block). */
export function policySheetModel(state: PolicySheetState): { sheet: ReportSheet; nameAddress: string } {
  const { policy } = state;
  const rows: ReportCell[][] = [];
  rows.push([text('RunRate policy', 'title')]);
  rows.push([
    text(
      `Edit the Value column or use the RunRate pane. ${POLICY_NAME} names the Key and Value columns, so =RR.ARR(Contracts, AsOf, ${POLICY_NAME}) computes under this policy.`,
      'note',
    ),
  ]);
  rows.push([]);
  rows.push([
    text('Key', 'header'),
    text('Value', 'header'),
    text('Default', 'header'),
    text('What it does', 'header'),
  ]);
  for (const spec of POLICY_KEYS) {
    rows.push([
      text(spec.key, 'label'),
      text(formatPolicyValue(spec, policy[spec.key])),
      text(spec.default, 'note'),
      text(spec.help, 'note'),
    ]);
  }
  const nameAddress = `A${TABLE_TOP}:B${TABLE_TOP + POLICY_KEYS.length}`;
  rows.push([]);
  rows.push([text('Policy version', 'label'), text(policy.version)]);
  rows.push([
    text('Policy hash', 'label'),
    text(policyHash(policy)),
    text('', 'note'),
    text('SHA-256 of the key/value table, first 12 hex digits; every report shows it.', 'note'),
  ]);
  rows.push([]);
  rows.push([text('Contract source', 'subtitle')]);
  const src = (label: string, s: RangeSource | null): ReportCell[] => [
    text(label, 'label'),
    text(s ? s.kind : ''),
    text(s ? s.name : ''),
  ];
  rows.push(src('Contracts', state.contracts?.source ?? null));
  rows.push(src('Rates', state.rates));
  rows.push([text('Column', 'header'), text('Header', 'header'), text('Field', 'header')]);
  for (const m of state.contracts?.mapping ?? []) {
    rows.push([text(String(m.column + 1)), text(m.header), text(m.field ?? '')]);
  }
  rows.push([]);
  rows.push([text('Change log', 'subtitle')]);
  rows.push([
    text('When', 'header'),
    text('Who', 'header'),
    text('Key', 'header'),
    text('From', 'header'),
    text('To', 'header'),
  ]);
  for (const c of state.changeLog)
    rows.push([text(c.when), text(c.who), text(c.key), text(c.from), text(c.to)]);
  rows.push([]);
  rows.push([text('Snapshot log', 'subtitle')]);
  rows.push([
    text('Sheet', 'header'),
    text('Locked at', 'header'),
    text('By', 'header'),
    text('As of', 'header'),
    text('Total', 'header'),
  ]);
  for (const s of state.snapshots) {
    rows.push([text(s.sheet), text(s.lockedAt), text(s.by), text(s.asOf), text(s.total)]);
  }
  return {
    sheet: {
      name: 'RR Policy',
      title: 'RunRate policy',
      columns: [24, 28, 24, 28, 28].map((width) => ({ width })),
      rows,
      freezeRows: TABLE_TOP,
      charts: [],
      heatMaps: [],
    },
    nameAddress,
  };
}
