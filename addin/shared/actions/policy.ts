/**
 * Policy tab: read the `RR Policy` sheet back (the defaults when there is none) and save it: the
 * key/value table with defaults and help, version and hash, the change log grown by who changed
 * what and when, the `RR_POLICY` name over the key/value block, and the one-page policy document.
 */
import { CellError } from '../../../src/cells/error.js';
import { policyDocument } from '../../../src/policy/document.js';
import { POLICY_KEYS, type KeySpec, type Policy } from '../../../src/policy/keys.js';
import { findPolicyKey, formatPolicyValue, parsePolicy, policyHash } from '../../../src/policy/parse.js';
import { wrapText } from '../../../src/reports/cells.js';
import type { ReportCell, ReportSheet } from '../../../src/reports/model.js';
import { io, type Action } from '../drive.js';
import type { PolicyChange, PolicyField, PolicyState, SavePolicyResult } from '../host.js';
import { UserSheetExists, type WorkbookIO } from '../workbook.js';
import { ActionError, POLICY_SHEET_NAME, policyState } from './common.js';
import { POLICY_NAME, policySheetModel, type PolicySheetState } from './policy-sheet.js';

/** The policy document sheet (the board pack's fuller `Policy` sheet replaces it when reports are generated). */
export const POLICY_DOCUMENT_SHEET = 'Policy';

function field(spec: KeySpec, policy: Policy): PolicyField {
  const f: PolicyField = {
    key: spec.key,
    value: formatPolicyValue(spec, policy[spec.key]),
    default: spec.default,
    kind: spec.kind,
    help: spec.help,
  };
  if (spec.kind === 'enum') f.choices = [...spec.values];
  return f;
}

export function stateView(state: PolicySheetState): PolicyState {
  return {
    fields: POLICY_KEYS.map((spec) => field(spec, state.policy)),
    version: state.policy.version,
    hash: policyHash(state.policy),
    fromSheet: state.exists,
    changeLog: state.changeLog.map((c) => ({ ...c })),
    document: policyDocument(state.policy),
  };
}

export function* loadPolicy(wb: WorkbookIO): Action<PolicyState> {
  return stateView(yield* policyState(wb));
}

/** The one-page policy document as a sheet: the paragraphs, broken into rows of at most 100 characters. */
export function policyDocumentSheet(policy: Policy): ReportSheet {
  const hash = policyHash(policy);
  const title = `ARR policy ${policy.version} (${hash})`;
  const rows: ReportCell[][] = [[{ kind: 'text', text: title, style: 'title' }], []];
  for (const paragraph of policyDocument(policy)) {
    for (const line of wrapText(paragraph, 100)) rows.push([{ kind: 'text', text: line, style: 'note' }]);
    rows.push([]);
  }
  return {
    name: POLICY_DOCUMENT_SHEET,
    title,
    columns: [{ width: 100 }],
    rows,
    freezeRows: 1,
    charts: [],
    heatMaps: [],
  };
}

/**
 * Writes the RR Policy sheet for a state and names its key/value block RR_POLICY. Used by every
 * action that remembers something there (policy, contract source, snapshot log).
 */
export function* writePolicyState(wb: WorkbookIO, state: PolicySheetState): Action<void> {
  const { sheet, nameAddress } = policySheetModel(state);
  try {
    yield* io(wb.writeSheet(sheet, { kind: 'policy' }));
  } catch (e) {
    if (e instanceof UserSheetExists) {
      throw new ActionError(
        `A sheet named "${POLICY_SHEET_NAME}" exists and was not created by RunRate; rename it so RunRate can keep its policy there.`,
      );
    }
    throw e;
  }
  yield* io(wb.setName(POLICY_NAME, POLICY_SHEET_NAME, nameAddress));
}

export function* savePolicy(wb: WorkbookIO, values: Record<string, string>): Action<SavePolicyResult> {
  const state = yield* policyState(wb);
  const before = state.policy;
  // Every key at its current value, then the form's values on top.
  const table: string[][] = [['Key', 'Value']];
  const given = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    const spec = findPolicyKey(name);
    if (!spec) throw new ActionError(`policy: ${JSON.stringify(name)} is not a policy key`);
    given.set(spec.key, value);
  }
  for (const spec of POLICY_KEYS) {
    table.push([spec.key, given.get(spec.key) ?? formatPolicyValue(spec, before[spec.key])]);
  }
  const after = parsePolicy(table);
  if (after instanceof CellError)
    throw new ActionError(after.message.replace(/^policy row \d+, /, 'policy, '));

  const who = yield* io(wb.userName());
  const when = new Date().toISOString();
  const changed: string[] = [];
  const log: PolicyChange[] = [];
  for (const spec of POLICY_KEYS) {
    const from = formatPolicyValue(spec, before[spec.key]);
    const to = formatPolicyValue(spec, after[spec.key]);
    if (from === to) continue;
    changed.push(spec.key);
    log.push({ when, who, key: spec.key, from, to });
  }
  const next: PolicySheetState = {
    ...state,
    exists: true,
    policy: after,
    changeLog: [...state.changeLog, ...log],
  };
  yield* writePolicyState(wb, next);
  try {
    yield* io(wb.writeSheet(policyDocumentSheet(after), { kind: 'report' }));
  } catch (e) {
    if (!(e instanceof UserSheetExists)) throw e;
    // A user sheet named Policy: the document is not written; the RR Policy sheet holds the policy.
  }
  const reread = yield* policyState(wb);
  return { state: stateView(reread), changed };
}
