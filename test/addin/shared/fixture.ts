/**
 * The example book in an in-memory workbook, the way a host hands it over: Excel gives dates as
 * serials and numbers as numbers; Sheets gives dates as ISO text (workbook.ts, RangeValues).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { excelSerialFromDay } from '../../../src/cells/days.js';
import { readDate } from '../../../src/cells/read.js';
import { MemoryWorkbook } from '../../../addin/shared/memory-workbook.js';
import { createPaneHost } from '../../../addin/shared/pane-host.js';
import type { PaneHost } from '../../../addin/shared/host.js';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

export function csv(name: string): string[][] {
  const text = readFileSync(path.join(EXAMPLES, name), 'utf8');
  const r = Papa.parse<string[]>(text, { skipEmptyLines: true });
  return r.data;
}

const DATE_HEADERS = /date$/i;
const NUMBER_HEADERS = new Set(['amount', 'list amount', 'free months', 'fx rate', 'rate']);

/** A table as a host hands it over: numbers as numbers, dates as serials or ISO text, blanks ''. */
export function hostValues(table: string[][], dates: 'serial' | 'iso'): (string | number)[][] {
  const header = table[0];
  return [
    header.slice(),
    ...table.slice(1).map((row) =>
      row.map((v, c) => {
        const h = header[c].trim();
        if (v.trim() === '') return '';
        if (DATE_HEADERS.test(h) || h === 'Date') {
          const d = readDate(v);
          if (typeof d !== 'number') throw new Error(`fixture: ${h} ${v} is not a date`);
          return dates === 'serial' ? excelSerialFromDay(d) : v;
        }
        if (NUMBER_HEADERS.has(h.toLowerCase())) return Number(v);
        return v;
      }),
    ),
  ];
}

/** policy.csv as the values a finance user enters in the form. */
export function examplePolicyValues(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of csv('policy.csv').slice(1)) out[k] = v;
  return out;
}

export interface Book {
  wb: MemoryWorkbook;
  host: PaneHost;
  contracts: (string | number)[][];
  rates: (string | number)[][];
}

/**
 * The example book: table `Contracts` on sheet `Data` (from `topLeft`), table `Rates` on sheet
 * `Rates`; optionally the example policy saved and the contracts chosen with the detected mapping.
 */
export async function exampleBook(
  dates: 'serial' | 'iso',
  opts: { topLeft?: string; setUp?: boolean; edit?: (t: (string | number)[][]) => void } = {},
): Promise<Book> {
  const wb = new MemoryWorkbook({ dates, userName: 'A finance user', timeZone: 'UTC' });
  const contracts = hostValues(csv('contracts.csv'), dates);
  opts.edit?.(contracts);
  const rates = hostValues(csv('fx-rates.csv'), dates);
  wb.addTable('Contracts', 'Data', contracts, opts.topLeft ?? 'A1');
  wb.addTable('Rates', 'Rates', rates);
  const host = createPaneHost(wb, 'Test workbook');
  if (opts.setUp !== false) {
    await host.savePolicy(examplePolicyValues());
    const info = await host.describeSource({ kind: 'table', name: 'Contracts' });
    await host.useContracts({ kind: 'table', name: 'Contracts' }, info.mapping, {
      kind: 'table',
      name: 'Rates',
    });
  }
  return { wb, host, contracts, rates };
}
