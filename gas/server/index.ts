/**
 * The Apps Script server behind the RunRate menu and sidebar. Every entry of SERVER_FUNCTIONS
 * becomes a top-level `function name(...)` in dist/gas/functions.js (scripts/build-gas.mjs), which
 * is what Apps Script calls for the menu items, the onOpen trigger and google.script.run.
 */
import type { PaneHost } from '../../addin/shared/host.js';
import { callAction, SERVER_ACTIONS } from '../../addin/shared/pane-host.js';
import { gasServices } from './gas-api.js';
import { SheetsWorkbook } from './sheets-workbook.js';

/** The sidebar's tabs, in menu order; the menu opens the sidebar on one of them. */
export const SIDEBAR_TABS = ['policy', 'checks', 'snapshot', 'reports', 'reconcile'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

/** The placeholder in dist/gas/sidebar.html that carries the tab to open (scripts/build-sidebar.mjs). */
export const START_TAB_META = '<meta name="runrate-start-tab" content="policy">';

export const SIDEBAR_TITLE = 'RunRate';

export const MENU_ITEMS: { caption: string; fn: string }[] = [
  { caption: 'Policy', fn: 'runrateShowPolicy' },
  { caption: 'Data checks', fn: 'runrateShowChecks' },
  { caption: 'Lock snapshot', fn: 'runrateShowSnapshot' },
  { caption: 'Generate reports', fn: 'runrateShowReports' },
  { caption: 'Reconcile with NetSuite', fn: 'runrateShowReconcile' },
  { caption: 'Help', fn: 'runrateShowHelp' },
];

/** Adds the RunRate menu when the spreadsheet opens. */
export function onOpen(): void {
  const ui = gasServices().SpreadsheetApp.getUi();
  const menu = ui.createMenu('RunRate');
  MENU_ITEMS.forEach((item, i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(item.caption, item.fn);
  });
  menu.addToUi();
}

/** Opens the sidebar on a tab: the built sidebar.html with its start-tab marker set. */
export function showSidebar(tab: SidebarTab): void {
  if (!SIDEBAR_TABS.includes(tab)) throw new Error(`RunRate: no sidebar tab "${String(tab)}"`);
  const { HtmlService, SpreadsheetApp } = gasServices();
  const output = HtmlService.createHtmlOutputFromFile('sidebar');
  const html = output.getContent();
  if (!html.includes(START_TAB_META))
    throw new Error('RunRate: sidebar.html has no start-tab marker; rebuild it');
  output.setContent(html.replace(START_TAB_META, START_TAB_META.replace('"policy"', `"${tab}"`)));
  output.setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}

const HELP_HTML = `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5">
<p><b>RunRate</b> computes ARR, the ARR bridge and retention from your contract range under one written policy.</p>
<ol>
<li><b>Policy</b>: set how ARR is counted; it is saved in the <i>RR Policy</i> sheet (named range RR_POLICY).</li>
<li><b>Data checks</b>: pick the contract range and fix what the checks find (click a finding to go to its cell).</li>
<li><b>Generate reports</b>: writes the Summary, Bridge, ARR trend, Retention, Revenue, Checks and Policy sheets.</li>
<li><b>Lock snapshot</b>: keeps a protected copy of the book as of a date, to compare later restatements.</li>
<li><b>Reconcile with NetSuite</b>: compares the contracts with a NetSuite export.</li>
</ol>
<p>RunRate only replaces sheets it created; a sheet of yours is never overwritten.
Functions such as <code>=ARR(Contracts, B1)</code> take the as-of date from a cell (Sheets does not pass TODAY() to custom functions).</p>
</div>`;

export function showHelp(): void {
  const { HtmlService, SpreadsheetApp } = gasServices();
  const output = HtmlService.createHtmlOutput(HELP_HTML).setWidth(420).setHeight(320);
  SpreadsheetApp.getUi().showModalDialog(output, 'RunRate help');
}

/**
 * The sidebar's one server endpoint: runs a PaneHost method (`generateReports`, `savePolicy`, ...)
 * with its arguments over the active spreadsheet. Arguments and result travel as JSON text, so
 * nothing google.script.run cannot carry (a Date, undefined) is lost on the way; an error reaches
 * the sidebar's failure handler with the action's message.
 */
export function runAction(name: string, argsJson: string): string {
  if (!(SERVER_ACTIONS as string[]).includes(name)) throw new Error(`RunRate: no action "${name}"`);
  const args: unknown = argsJson === '' ? [] : JSON.parse(argsJson);
  if (!Array.isArray(args)) throw new Error(`RunRate: the arguments of ${name} are not a list`);
  const result = callAction(new SheetsWorkbook(), name as keyof PaneHost, args);
  return JSON.stringify(result ?? null);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Apps Script passes whatever the caller gives
type ServerFunction = { name: string; doc: string; fn: (...args: any[]) => unknown };

const tabOpener = (tab: SidebarTab, caption: string): ServerFunction => ({
  name: `runrateShow${tab[0].toUpperCase()}${tab.slice(1)}`,
  doc: `Menu RunRate > ${caption}: opens the RunRate sidebar on its ${caption} tab.`,
  fn: () => showSidebar(tab),
});

/** The functions Apps Script calls by name (menu items, triggers, google.script.run). */
export const SERVER_FUNCTIONS: ServerFunction[] = [
  { name: 'onOpen', doc: 'Adds the RunRate menu when the spreadsheet opens.', fn: onOpen },
  { name: 'onInstall', doc: 'Adds the RunRate menu when RunRate is installed.', fn: onOpen },
  tabOpener('policy', 'Policy'),
  tabOpener('checks', 'Data checks'),
  tabOpener('snapshot', 'Lock snapshot'),
  tabOpener('reports', 'Generate reports'),
  tabOpener('reconcile', 'Reconcile with NetSuite'),
  { name: 'runrateShowHelp', doc: 'Menu RunRate > Help: a short dialog on what RunRate does.', fn: showHelp },
  {
    name: 'runrateAction',
    doc: 'Sidebar endpoint (google.script.run): runs a RunRate action by name; arguments and result as JSON text.',
    fn: runAction,
  },
];
