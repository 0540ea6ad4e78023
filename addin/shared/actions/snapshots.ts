/**
 * Snapshots tab: lock the ARR as of a date into a protected sheet (`RR Snapshot 2025-12-31`, the
 * sealed snapshot table exactly as `runrate snapshot lock` writes it, so readSnapshot and the
 * SNAPSHOT-consuming sheet functions read it), list the snapshot sheets, verify one, and restate one
 * against today's contracts.
 *
 * Decisions:
 * - An existing sheet of the same name is never replaced: the new snapshot gets ` (2)`, ` (3)`...
 * - Who locked it and when is recorded in the RR Policy sheet's snapshot log (the snapshot table
 *   itself has a fixed layout that its seal covers).
 */
import { buildModel } from '../../../src/arr/model.js';
import { formatDay, NO_DAY } from '../../../src/cells/days.js';
import { CellError } from '../../../src/cells/error.js';
import { showMoney } from '../../../src/checks/finding.js';
import { parseContracts } from '../../../src/contracts/parse.js';
import { parseRates } from '../../../src/money/rates.js';
import type { ReportCell, ReportSheet } from '../../../src/reports/model.js';
import { buildSnapshot } from '../../../src/snapshots/build.js';
import { COLUMNS } from '../../../src/snapshots/layout.js';
import { readSnapshot } from '../../../src/snapshots/read.js';
import { restateContracts } from '../../../src/snapshots/restatement.js';
import { snapshotTable, type SnapshotCell } from '../../../src/snapshots/table.js';
import type { Snapshot } from '../../../src/snapshots/types.js';
import { io, type Action } from '../drive.js';
import type { RestatementView, SnapshotInfo, SnapshotVerification } from '../host.js';
import type { WorkbookIO } from '../workbook.js';
import { ActionError, dayArg, loadInputs, must, mustIn, policyState } from './common.js';
import { writePolicyState } from './policy.js';

export const SNAPSHOT_PREFIX = 'RR Snapshot ';
const MONEY_COLUMNS = new Set<string>(['Amount', 'ARR Local', 'ARR Reporting']);
const WIDTHS = [28, 18, 14, 10, 12, 12, 14, 9, 14, 22, 10, 14, 12, 18];

/** The snapshot table as a sheet model: text stays text, money is money, counts are counts. */
export function snapshotSheet(name: string, table: SnapshotCell[][]): ReportSheet {
  const namesRow = table.findIndex((r) => r[0] === COLUMNS[0] && r[1] === COLUMNS[1]);
  const rows: ReportCell[][] = table.map((row, r) =>
    row.map((v, c): ReportCell => {
      if (typeof v === 'string') return v === '' ? null : { kind: 'text', text: v };
      const money = r > namesRow ? MONEY_COLUMNS.has(COLUMNS[c]) : row[0] === 'Total';
      return money ? { kind: 'money', cents: Math.round(v * 100) } : { kind: 'count', value: v };
    }),
  );
  return {
    name,
    title: `RunRate snapshot ${name.slice(SNAPSHOT_PREFIX.length)}`,
    columns: WIDTHS.map((width) => ({ width })),
    rows,
    freezeRows: namesRow + 1,
    charts: [],
    heatMaps: [],
  };
}

function info(sheet: string, s: Snapshot, createdAt: string): SnapshotInfo {
  return {
    sheet,
    asOf: s.asOf === NO_DAY ? '' : formatDay(s.asOf),
    lines: s.rows.n,
    totalCents: s.totalCents,
    currency: s.currency,
    policyVersion: s.policyVersion,
    policyHash: s.policyHash,
    dataHash: s.dataHash,
    seal: s.checks.seal,
    createdAt,
  };
}

export function* lockSnapshot(wb: WorkbookIO, asOf: string): Action<SnapshotInfo> {
  const day = dayArg('as of', asOf);
  const inputs = yield* loadInputs(wb);
  const policy = inputs.state.policy;
  const rates = inputs.rates
    ? must(parseRates(inputs.rates.values, policy.reportingCurrency, { timeZone: inputs.timeZone }), 'rates')
    : null;
  const book = mustIn(parseContracts(inputs.table, policy, { timeZone: inputs.timeZone }), [
    { ...inputs.contracts, values: inputs.table },
  ]);
  const snapshot = must(buildSnapshot(must(buildModel(book, policy, rates)), day));

  const sheets = yield* io(wb.listSheets());
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  const base = `${SNAPSHOT_PREFIX}${formatDay(day)}`;
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} (${k})`;

  yield* io(wb.writeSheet(snapshotSheet(name, snapshotTable(snapshot)), { kind: 'snapshot', protect: true }));
  const createdAt = new Date().toISOString();
  const who = yield* io(wb.userName());
  const state = yield* policyState(wb);
  yield* writePolicyState(wb, {
    ...state,
    exists: true,
    snapshots: [
      ...state.snapshots,
      {
        sheet: name,
        lockedAt: createdAt,
        by: who,
        asOf: formatDay(day),
        total: `${showMoney(snapshot.totalCents)} ${snapshot.currency}`,
      },
    ],
  });
  return info(name, snapshot, createdAt);
}

export function* listSnapshots(wb: WorkbookIO): Action<SnapshotInfo[]> {
  const sheets = yield* io(wb.listSheets());
  const state = yield* policyState(wb);
  const lockedAt = new Map(state.snapshots.map((s) => [s.sheet.toLowerCase(), s.lockedAt]));
  const zone = yield* io(wb.timeZone());
  const out: SnapshotInfo[] = [];
  for (const s of sheets) {
    if (s.kind !== 'snapshot') continue;
    const values = yield* io(wb.readSheet(s.name));
    if (!values) continue;
    const r = readSnapshot(values, { timeZone: zone });
    if (r instanceof CellError) continue; // not a readable snapshot any more; verify says why
    out.push(info(s.name, r.snapshot, lockedAt.get(s.name.toLowerCase()) ?? ''));
  }
  return out;
}

export function* verifySnapshot(wb: WorkbookIO, sheet: string): Action<SnapshotVerification> {
  const values = yield* io(wb.readSheet(sheet));
  if (!values) {
    return {
      sheet,
      status: 'unreadable',
      discrepancies: [{ message: `there is no sheet named "${sheet}"` }],
    };
  }
  const r = readSnapshot(values, { timeZone: yield* io(wb.timeZone()) });
  if (r instanceof CellError) return { sheet, status: 'unreadable', discrepancies: [{ message: r.message }] };
  return {
    sheet,
    status: r.discrepancies.length === 0 ? 'intact' : 'altered',
    discrepancies: r.discrepancies.map((d) => {
      const out: SnapshotVerification['discrepancies'][number] = { message: d.message };
      if (d.row !== null) out.row = d.row;
      if (d.column !== null) out.column = d.column;
      return out;
    }),
  };
}

export function* restatement(wb: WorkbookIO, sheet: string): Action<RestatementView> {
  const values = yield* io(wb.readSheet(sheet));
  if (!values) throw new ActionError(`there is no sheet named "${sheet}"`);
  const inputs = yield* loadInputs(wb);
  const read = must(readSnapshot(values, { timeZone: inputs.timeZone }), sheet);
  if (read.discrepancies.length > 0) {
    throw new ActionError(
      `${sheet} was altered after it was locked, so it cannot be restated: ${read.discrepancies.map((d) => d.message).join('; ')}`,
    );
  }
  const policy = inputs.state.policy;
  const rates = inputs.rates
    ? must(parseRates(inputs.rates.values, policy.reportingCurrency, { timeZone: inputs.timeZone }), 'rates')
    : null;
  const r = must(restateContracts(read.snapshot, inputs.table, policy, rates, { timeZone: inputs.timeZone }));
  return {
    sheet,
    asOf: formatDay(r.asOf),
    snapshotCents: r.lockedCents,
    todayCents: r.recomputedCents,
    lines: r.rows.map((row) => ({
      customer: row.customer,
      product: row.product,
      cause: row.cause,
      beforeCents: row.lockedCents,
      afterCents: row.recomputedCents,
      amountCents: row.amountCents,
      rows: row.rows.length > 0 ? row.rows.join(' ') : row.lockedRows.map((x) => `locked ${x}`).join(' '),
    })),
  };
}
