/**
 * The `PaneHost` over any `WorkbookIO`: each method runs its action (actions/*.ts) with `runAsync`
 * (Excel, tests, the in-memory workbook). `callAction` runs the same actions synchronously with
 * `runSync` for the Apps Script server (the sidebar's google.script.run calls it by method name;
 * progress callbacks are dropped there).
 *
 * Errors: a core CellError reaches the pane as a thrown Error whose message is the core's (row and
 * column named); `UserSheetExists` as its own message.
 */
import { runAsync, runSync, type Action } from './drive.js';
import type { PaneHost, Progress } from './host.js';
import type { WorkbookIO } from './workbook.js';
import * as data from './actions/data.js';
import * as policy from './actions/policy.js';
import * as reconcile from './actions/reconcile.js';
import * as reports from './actions/reports.js';
import * as snapshots from './actions/snapshots.js';

type Methods = Exclude<keyof PaneHost, 'hostName'>;

/** Each PaneHost method as an action over a workbook (arguments as the method takes them). */
const ACTIONS: { [K in Methods]: (wb: WorkbookIO, ...args: never[]) => Action<unknown> } = {
  loadPolicy: (wb) => policy.loadPolicy(wb),
  savePolicy: (wb, values: Record<string, string>) => policy.savePolicy(wb, values),
  listContractSources: (wb) => data.listContractSources(wb),
  describeSource: (wb, source: Parameters<PaneHost['describeSource']>[0]) => data.describeSource(wb, source),
  useContracts: (
    wb,
    source: Parameters<PaneHost['useContracts']>[0],
    mapping: Parameters<PaneHost['useContracts']>[1],
    rates?: Parameters<PaneHost['useContracts']>[2],
  ) => data.useContracts(wb, source, mapping, rates),
  currentContracts: (wb) => data.currentContracts(wb),
  runChecks: (wb, asOf: string) => data.runChecks(wb, asOf),
  selectFinding: (wb, finding: Parameters<PaneHost['selectFinding']>[0]) => data.selectFinding(wb, finding),
  lockSnapshot: (wb, asOf: string) => snapshots.lockSnapshot(wb, asOf),
  listSnapshots: (wb) => snapshots.listSnapshots(wb),
  verifySnapshot: (wb, sheet: string) => snapshots.verifySnapshot(wb, sheet),
  restatement: (wb, sheet: string) => snapshots.restatement(wb, sheet),
  generateReports: (wb, asOf: string, onProgress?: Progress) => reports.generateReports(wb, asOf, onProgress),
  previewReconcile: (wb, setup: Parameters<PaneHost['previewReconcile']>[0]) =>
    reconcile.previewReconcile(wb, setup),
  reconcile: (
    wb,
    setup: Parameters<PaneHost['reconcile']>[0],
    customerMap: Parameters<PaneHost['reconcile']>[1],
  ) => reconcile.reconcile(wb, setup, customerMap),
  listSheets: (wb) => listSheets(wb),
};

function* listSheets(wb: WorkbookIO): Action<{ name: string; kind: import('./workbook.js').SheetKind }[]> {
  const sheets = (yield wb.listSheets()) as Awaited<ReturnType<WorkbookIO['listSheets']>>;
  return sheets.map((s) => ({ name: s.name, kind: s.kind }));
}

/** The names `callAction` accepts: every PaneHost method. */
export const SERVER_ACTIONS = Object.keys(ACTIONS) as Methods[];

/** Runs an action with its arguments on the async driver. */
function run(wb: WorkbookIO, name: Methods, args: unknown[]): Promise<unknown> {
  const make = ACTIONS[name] as (wb: WorkbookIO, ...a: unknown[]) => Action<unknown>;
  try {
    return runAsync(make(wb, ...args));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

export function createPaneHost(wb: WorkbookIO, hostName: PaneHost['hostName']): PaneHost {
  const host = { hostName } as Record<string, unknown>;
  for (const name of SERVER_ACTIONS) host[name] = (...args: unknown[]) => run(wb, name, args);
  return host as unknown as PaneHost;
}

/**
 * Runs a PaneHost method by name synchronously (Apps Script). Functions among the arguments
 * (progress callbacks) are dropped: they cannot cross google.script.run.
 */
export function callAction(wb: WorkbookIO, name: keyof PaneHost, args: unknown[]): unknown {
  if (name === 'hostName' || !Object.prototype.hasOwnProperty.call(ACTIONS, name)) {
    throw new Error(`unknown action ${JSON.stringify(name)}`);
  }
  const make = ACTIONS[name as Methods] as (wb: WorkbookIO, ...a: unknown[]) => Action<unknown>;
  const plain = args.map((a) => (typeof a === 'function' ? undefined : a));
  return runSync(make(wb, ...plain));
}
