/**
 * The Excel task pane's entry: once Office is ready, renders the RunRate pane over an
 * `ExcelWorkbook` (Office.js I/O in addin/excel/) through the shared pane host.
 *
 * Test hook: `globalThis.__RUNRATE_TEST_WORKBOOK__`. The headless-Chromium task-pane test
 * (test/addin/taskpane/) answers the office.js request with a local stand-in that sets this global
 * to an in-memory `WorkbookIO` holding the example book, so the built page runs against it instead
 * of Excel. Nothing else sets it; in Excel it is undefined and the pane uses `ExcelWorkbook`.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ExcelWorkbook } from '../excel/excel-workbook.js';
import { createPaneHost } from '../shared/pane-host.js';
import type { WorkbookIO } from '../shared/workbook.js';

declare global {
  var __RUNRATE_TEST_WORKBOOK__: WorkbookIO | undefined;
}

function start(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('RunRate task pane: the page has no #root element.');
  const injected = globalThis.__RUNRATE_TEST_WORKBOOK__;
  const workbook: WorkbookIO = injected ?? new ExcelWorkbook();
  const host = createPaneHost(workbook, injected ? 'Test workbook' : 'Excel');
  createRoot(container).render(<App host={host} />);
}

void Office.onReady(() => start());
