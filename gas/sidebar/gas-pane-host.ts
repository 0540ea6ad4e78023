/**
 * The sidebar's PaneHost: every method is one google.script.run call to the server's
 * `runrateAction(name, argsJson)` (gas/server/index.ts), which runs the same action over the
 * spreadsheet with SheetsWorkbook. google.script.run is callback-based and asynchronous; here each
 * call becomes a promise that resolves with the parsed result or rejects with the server's message.
 *
 * A progress callback cannot cross google.script.run: generateReports reports one step when the
 * request leaves and the pane shows the server's result when it returns.
 */
import type { PaneHost, Progress } from '../../addin/shared/host.js';

/** The part of `google.script.run` the sidebar uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  runrateAction(name: string, argsJson: string): void;
}

declare global {
  var google: { script: { run: ScriptRunner } } | undefined;
}

/** The message of what a failure handler receives (an Error from the server, or text). */
export function failureMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const m = (error as { message?: unknown }).message;
    if (typeof m === 'string' && m !== '') return m.replace(/^Exception: /, '');
  }
  const s = String(error ?? '');
  return s === '' ? 'The Apps Script server gave no answer' : s;
}

export class GasPaneHost implements PaneHost {
  readonly hostName = 'Google Sheets' as const;

  constructor(private readonly runner: () => ScriptRunner = defaultRunner) {}

  /** Calls one server action; resolves with its result. */
  call<T>(name: keyof PaneHost, ...args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let json: string;
      try {
        json = JSON.stringify(args.map((a) => (typeof a === 'function' ? null : a)));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      this.runner()
        .withSuccessHandler((value) => {
          try {
            resolve((typeof value === 'string' ? JSON.parse(value) : value) as T);
          } catch {
            reject(new Error(`RunRate: the server's answer to ${String(name)} is not JSON`));
          }
        })
        .withFailureHandler((error) => reject(new Error(failureMessage(error))))
        .runrateAction(String(name), json);
    });
  }

  loadPolicy: PaneHost['loadPolicy'] = () => this.call('loadPolicy');
  savePolicy: PaneHost['savePolicy'] = (values) => this.call('savePolicy', values);
  listContractSources: PaneHost['listContractSources'] = () => this.call('listContractSources');
  describeSource: PaneHost['describeSource'] = (source) => this.call('describeSource', source);
  useContracts: PaneHost['useContracts'] = (source, mapping, rates) =>
    this.call('useContracts', source, mapping, rates ?? null);
  currentContracts: PaneHost['currentContracts'] = () => this.call('currentContracts');
  runChecks: PaneHost['runChecks'] = (asOf) => this.call('runChecks', asOf);
  selectFinding: PaneHost['selectFinding'] = (finding) => this.call('selectFinding', finding);
  lockSnapshot: PaneHost['lockSnapshot'] = (asOf) => this.call('lockSnapshot', asOf);
  listSnapshots: PaneHost['listSnapshots'] = () => this.call('listSnapshots');
  verifySnapshot: PaneHost['verifySnapshot'] = (sheet) => this.call('verifySnapshot', sheet);
  restatement: PaneHost['restatement'] = (sheet) => this.call('restatement', sheet);
  generateReports: PaneHost['generateReports'] = (asOf: string, onProgress?: Progress) => {
    onProgress?.('Generating the reports in the spreadsheet (on the Apps Script server)', 0);
    return this.call('generateReports', asOf);
  };
  previewReconcile: PaneHost['previewReconcile'] = (setup) => this.call('previewReconcile', setup);
  reconcile: PaneHost['reconcile'] = (setup, customerMap) => this.call('reconcile', setup, customerMap);
  listSheets: PaneHost['listSheets'] = () => this.call('listSheets');
}

function defaultRunner(): ScriptRunner {
  const run = globalThis.google?.script?.run;
  if (!run)
    throw new Error('RunRate: google.script.run is not available (open the sidebar from the RunRate menu)');
  return run;
}
