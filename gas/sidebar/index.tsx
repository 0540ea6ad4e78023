/**
 * The Google Sheets sidebar's entry: the task pane's React UI (addin/taskpane/App.tsx) over a
 * GasPaneHost, opened on the tab the menu item asked for. scripts/build-sidebar.mjs bundles this
 * into dist/gas/sidebar.html with everything inlined (Apps Script serves only the project's files).
 */
import { createRoot } from 'react-dom/client';
import { App, tabFromName } from '../../addin/taskpane/App.js';
import { GasPaneHost } from './gas-pane-host.js';

/** The tab the server wrote into the page (gas/server/index.ts, START_TAB_META). */
function startTab(): string | null {
  return document.querySelector('meta[name="runrate-start-tab"]')?.getAttribute('content') ?? null;
}

const container = document.getElementById('root');
if (!container) throw new Error('RunRate sidebar: the page has no #root element.');
createRoot(container).render(<App host={new GasPaneHost()} initialTab={tabFromName(startTab())} />);
