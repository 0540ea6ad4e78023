/**
 * What the headless task-pane test serves in place of Microsoft's hosted office.js (the page's
 * script tag is routed here; nothing goes to the network). It defines the little of `Office` the
 * pane's bundles use (onReady, context.displayLanguage, actions.associate) and the
 * `CustomFunctions` registration the functions bundle calls, then puts an in-memory workbook
 * holding the example book on `globalThis.__RUNRATE_TEST_WORKBOOK__` (the test hook documented in
 * addin/taskpane/index.tsx). Bundled for the page with esbuild; the test prepends the example book
 * as `globalThis.__RUNRATE_EXAMPLE_BOOK__`.
 */
import { MemoryWorkbook } from '../../../../addin/shared/memory-workbook.js';
import { createPaneHost } from '../../../../addin/shared/pane-host.js';
import type { WorkbookIO } from '../../../../addin/shared/workbook.js';
import type { ExampleBook } from './example-book.js';

declare global {
  var __RUNRATE_EXAMPLE_BOOK__: ExampleBook | undefined;
  /** Policy values saved into the workbook before the pane starts (a book saved in an earlier session). */
  var __RUNRATE_SEED_POLICY__: Record<string, string> | undefined;
  var __RUNRATE_TEST_WORKBOOK__: WorkbookIO | undefined;
}

const book = globalThis.__RUNRATE_EXAMPLE_BOOK__;
if (!book) throw new Error('office stub: the test did not provide the example book');

const workbook = new MemoryWorkbook({ userName: 'Finance user', timeZone: 'UTC' });
workbook.addTable('Contracts', 'Data', book.contracts);
workbook.addTable('Rates', 'Rates', book.rates);
globalThis.__RUNRATE_TEST_WORKBOOK__ = workbook;

// A workbook that already has an RR Policy sheet: written through the same host actions the pane
// uses, before Office reports ready.
const seed = globalThis.__RUNRATE_SEED_POLICY__;
const seeded: Promise<unknown> = seed
  ? createPaneHost(workbook, 'Test workbook').savePolicy(seed)
  : Promise.resolve();

const info = { host: 'Excel', platform: 'OfficeOnline' };
const g = globalThis as Record<string, unknown>;

g.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { OfficeOnline: 'OfficeOnline' },
  context: { displayLanguage: 'en-US', requirements: { isSetSupported: () => true } },
  actions: { associate: () => undefined },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    return seeded.then(
      () =>
        new Promise((resolve) =>
          setTimeout(() => {
            callback?.(info);
            resolve(info);
          }, 0),
        ),
    );
  },
};

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

g.CustomFunctions = {
  associate: () => undefined,
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: '#VALUE!',
    notAvailable: '#N/A',
    divisionByZero: '#DIV/0!',
    invalidNumber: '#NUM!',
    nullReference: '#NULL!',
  },
};
