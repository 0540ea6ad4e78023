/**
 * Data tab: the ranges that could hold the contracts with their detected column mapping, the
 * user's mapping applied and remembered (in the RR Policy sheet), and the data checks (CHECK) as
 * findings that point at the offending row.
 */
import { isBlankOrZero } from '../../../src/cells/read.js';
import { CellError } from '../../../src/cells/error.js';
import { checkContracts } from '../../../src/checks/check.js';
import { FIELD_LABEL, HEADER_ALIASES, REQUIRED_FIELDS } from '../../../src/contracts/aliases.js';
import type { Field } from '../../../src/contracts/book.js';
import { io, type Action } from '../drive.js';
import type { CheckRun, ColumnMapping, ContractSourceInfo, Finding } from '../host.js';
import type { RangeSource, RangeValues, WorkbookIO } from '../workbook.js';
import {
  ActionError,
  POLICY_SHEET_NAME,
  applyMapping,
  dayArg,
  detectMapping,
  headerText,
  loadInputs,
  policyState,
  rangeAddress,
  rowAddress,
  sourceLabel,
} from './common.js';
import { POLICY_NAME } from './policy-sheet.js';
import { writePolicyState } from './policy.js';

export const FIELD_CHOICES: { field: string; label: string }[] = (Object.keys(HEADER_ALIASES) as Field[]).map(
  (field) => ({ field, label: FIELD_LABEL[field] }),
);

const isBlankRow = (row: unknown): boolean => !Array.isArray(row) || row.every(isBlankOrZero);

/** Lines below the header, blank rows not counted. */
function lineCount(values: unknown[][]): number {
  let n = 0;
  for (let i = 1; i < values.length; i++) if (!isBlankRow(values[i])) n++;
  return n;
}

/** A source described under a mapping (the detected one when none is given). */
export function describeValues(rv: RangeValues, mapping?: readonly ColumnMapping[]): ContractSourceInfo {
  const header = rv.values[0] ?? [];
  const cols = Math.max(1, header.length);
  let map: ColumnMapping[];
  if (mapping && mapping.length > 0) {
    map = header.map((h, column) => {
      const m = mapping.find((x) => x.column === column);
      return { column, header: headerText(h), field: m ? m.field : null };
    });
  } else map = detectMapping(header);
  const mapped = new Set(map.map((m) => m.field).filter((f): f is string => f !== null));
  return {
    source: rv.source,
    label: `${sourceLabel(rv.source)} (${rv.sheet}!${rangeAddress(rv.topLeft, Math.max(1, rv.values.length), cols)})`,
    sheet: rv.sheet,
    topLeft: rv.topLeft,
    lines: lineCount(rv.values),
    mapping: map,
    fieldChoices: FIELD_CHOICES.map((c) => ({ ...c })),
    missing: REQUIRED_FIELDS.filter((f) => !mapped.has(f)),
  };
}

export function* listContractSources(wb: WorkbookIO): Action<ContractSourceInfo[]> {
  const sources = yield* io(wb.listSources());
  const sheets = yield* io(wb.listSheets());
  const runrate = new Set(sheets.filter((s) => s.kind !== 'user').map((s) => s.name.toLowerCase()));
  const out: ContractSourceInfo[] = [];
  for (const s of sources) {
    if (s.kind === 'name' && s.name === POLICY_NAME) continue;
    if (s.kind === 'sheet' && runrate.has(s.name.toLowerCase())) continue;
    const rv = yield* io(wb.readSource(s));
    if (rv.values.length === 0) continue;
    out.push(describeValues(rv));
  }
  return out;
}

export function* describeSource(wb: WorkbookIO, source: RangeSource): Action<ContractSourceInfo> {
  return describeValues(yield* io(wb.readSource(source)));
}

export function* useContracts(
  wb: WorkbookIO,
  source: RangeSource,
  mapping: ColumnMapping[],
  rates?: RangeSource | null,
): Action<ContractSourceInfo> {
  const rv = yield* io(wb.readSource(source));
  if (rv.values.length === 0) throw new ActionError(`${sourceLabel(source)} is empty`);
  applyMapping(rv.values, mapping); // refuses a field mapped twice or an unknown field
  const info = describeValues(rv, mapping);
  if (info.missing.length > 0) {
    throw new ActionError(
      `${info.label}: no column is mapped to the ${info.missing.map((f) => FIELD_LABEL[f as Field]).join(', ')}; every contract range needs customer, start date and amount`,
    );
  }
  if (rates) yield* io(wb.readSource(rates)); // the rates range must exist
  const state = yield* policyState(wb);
  yield* writePolicyState(wb, {
    ...state,
    exists: true,
    contracts: { source, mapping: info.mapping },
    rates: rates ?? null,
  });
  return { ...info, rates: rates ?? null };
}

export function* currentContracts(wb: WorkbookIO): Action<ContractSourceInfo | null> {
  const state = yield* policyState(wb);
  if (!state.contracts) return null;
  const rv = yield* io(wb.readSource(state.contracts.source));
  return { ...describeValues(rv, state.contracts.mapping), rates: state.rates ?? null };
}

export function* runChecks(wb: WorkbookIO, asOf: string): Action<CheckRun> {
  const day = dayArg('as of', asOf);
  const inputs = yield* loadInputs(wb);
  const r = checkContracts({
    contracts: inputs.table,
    policy: inputs.policyTable,
    rates: inputs.rates?.values ?? null,
    asOf: day,
    timeZone: inputs.timeZone,
  });
  if (r instanceof CellError) throw new ActionError(r.message);
  const cols = Math.max(1, inputs.contracts.values[0]?.length ?? 1);
  const ratesCols = Math.max(1, inputs.rates?.values[0]?.length ?? 1);
  const findings: Finding[] = r.findings.map((f) => {
    const who = [f.customer, f.contract].filter((s) => s !== '').join(', ');
    const out: Finding = {
      severity: f.severity,
      rule: f.rule,
      message: f.row !== null && who !== '' && !f.message.includes(who) ? `${f.message} (${who})` : f.message,
    };
    if (f.row === null) return out;
    if (f.rule === 'bad-policy') {
      out.sheet = POLICY_SHEET_NAME;
      out.address = rowAddress(`A${inputs.state.tableTop}`, f.row, 2);
    } else if (f.rule === 'bad-rates' && inputs.rates) {
      out.sheet = inputs.rates.sheet;
      out.address = rowAddress(inputs.rates.topLeft, f.row, ratesCols);
    } else {
      out.sheet = inputs.contracts.sheet;
      out.address = rowAddress(inputs.contracts.topLeft, f.row, cols);
    }
    return out;
  });
  return {
    lines: r.lines,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

export function* selectFinding(wb: WorkbookIO, finding: Finding): Action<void> {
  if (!finding.sheet || !finding.address) return;
  yield* io(wb.select(finding.sheet, finding.address));
}
