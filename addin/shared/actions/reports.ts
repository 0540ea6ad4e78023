/**
 * Reports tab: the board pack (src/reports/pack.ts) from the contracts in use, the RR Policy sheet
 * and the rates, written sheet by sheet as RunRate report sheets. A user sheet with a pack sheet's
 * name is never touched: that sheet is skipped and listed.
 */
import { arrOn } from '../../../src/arr/arr-on.js';
import { buildModel } from '../../../src/arr/model.js';
import { parseContracts } from '../../../src/contracts/parse.js';
import { parsePolicy } from '../../../src/policy/parse.js';
import { parseRates } from '../../../src/money/rates.js';
import { buildBoardPack } from '../../../src/reports/pack.js';
import type { ReportSheet } from '../../../src/reports/model.js';
import { io, type Action } from '../drive.js';
import type { GeneratedSheet, Progress, ReportRun } from '../host.js';
import { UserSheetExists, type WorkbookIO } from '../workbook.js';
import { dayArg, iso, loadInputs, must, mustIn, now } from './common.js';

export interface WrittenReports {
  sheets: GeneratedSheet[];
  skipped: string[];
  syncs: number;
}

/**
 * Writes report sheets in order, skipping (and listing) a name a user sheet already has.
 * `onSheet` is called before each sheet with its index.
 */
export function* writeReports(
  wb: WorkbookIO,
  sheets: readonly ReportSheet[],
  onSheet?: (sheet: ReportSheet, index: number) => void,
): Action<WrittenReports> {
  const existing = yield* io(wb.listSheets());
  const user = new Set(existing.filter((s) => s.kind === 'user').map((s) => s.name.toLowerCase()));
  const out: WrittenReports = { sheets: [], skipped: [], syncs: 0 };
  for (let i = 0; i < sheets.length; i++) {
    const sheet = sheets[i];
    onSheet?.(sheet, i);
    if (user.has(sheet.name.toLowerCase())) {
      out.skipped.push(sheet.name);
      continue;
    }
    try {
      const stats = yield* io(wb.writeSheet(sheet, { kind: 'report' }));
      out.syncs += stats.syncs;
      out.sheets.push({ name: sheet.name, rows: stats.rows });
    } catch (e) {
      if (!(e instanceof UserSheetExists)) throw e;
      out.skipped.push(sheet.name);
    }
  }
  return out;
}

export function* generateReports(wb: WorkbookIO, asOf: string, onProgress?: Progress): Action<ReportRun> {
  const started = now();
  const day = dayArg('as of', asOf);
  onProgress?.('Reading the policy, contracts and rates', 0);
  const inputs = yield* loadInputs(wb);
  const ratesValues = inputs.rates?.values ?? null;
  onProgress?.('Computing the board pack', 0.05);
  const book = mustIn(
    buildBoardPack({
      contracts: inputs.table,
      policy: inputs.policyTable,
      rates: ratesValues,
      asOf: day,
      generatedAt: new Date().toISOString(),
      timeZone: inputs.timeZone,
      onProgress: (message) => onProgress?.(message, 0.1),
    }),
    [{ ...inputs.contracts, values: inputs.table }, inputs.rates],
  );
  // The ARR the Summary shows, computed the way every sheet function computes it.
  const policy = must(parsePolicy(inputs.policyTable));
  const rates = ratesValues
    ? must(parseRates(ratesValues, policy.reportingCurrency, { timeZone: inputs.timeZone }))
    : null;
  const model = must(
    buildModel(must(parseContracts(inputs.table, policy, { timeZone: inputs.timeZone })), policy, rates),
  );
  const arr = must(arrOn(model, day));

  const n = book.sheets.length;
  const written = yield* writeReports(wb, book.sheets, (sheet, i) =>
    onProgress?.(`Writing ${sheet.name}`, 0.2 + (0.8 * i) / n),
  );
  onProgress?.('Done', 1);
  return {
    asOf: iso(day),
    sheets: written.sheets,
    skipped: written.skipped,
    arrCents: arr.arrCents,
    syncs: written.syncs,
    millis: now() - started,
  };
}
