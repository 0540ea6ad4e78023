/**
 * A report sheet built by the core rather than by hand: the Reconciliation sheet of the
 * five-disagreement book (test/fixtures/reconcile, Q1 2025), rendered by the board pack writer and
 * recalculated in LibreOffice. Every footing, variance, variance % (including the `""` of a
 * customer with no contract figure) and unexplained formula must equal the core's figure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { dayFromYmd, isCellError, parseContracts, parsePolicy } from '../../src/index.js';
import { reconcile, reconciliationReport } from '../../src/reconcile/index.js';
import type { ReportBook } from '../../src/reports/model.js';
import { writeXlsx } from '../../cli/pack/write-xlsx.js';
import { compareWithModel, readWorkbook } from './compare.js';
import { SKIP_MESSAGE, findSoffice, recalculate } from './libreoffice.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reconcile');
const table = (f: string) =>
  Papa.parse<string[]>(readFileSync(path.join(DIR, f), 'utf8'), { skipEmptyLines: true }).data;
const ok = <T>(x: T): Exclude<T, { code: string; message: string }> => {
  if (isCellError(x)) throw new Error(x.message);
  return x as Exclude<T, { code: string; message: string }>;
};

function book(): ReportBook {
  const policy = ok(parsePolicy(table('policy.csv')));
  const contracts = ok(parseContracts(table('contracts.csv'), policy));
  const r = ok(
    reconcile({
      book: contracts,
      policy,
      netsuite: ['transactions.csv', 'income-statement.csv', 'customers.csv'].map((f) => ({
        label: f,
        data: new Uint8Array(readFileSync(path.join(DIR, f))),
      })),
      mapping: table('mapping.csv'),
      from: dayFromYmd(2025, 1, 1),
      to: dayFromYmd(2025, 3, 31),
    }),
  );
  return reconciliationReport(r, {
    company: 'Five Disagreements Inc.',
    asOf: dayFromYmd(2025, 3, 31),
    policyVersion: policy.version,
    policyHash: 'test',
    dataHash: 'test',
    generatedAt: '2025-04-02T08:00:00.000Z',
    currency: policy.reportingCurrency,
  });
}

const soffice = findSoffice();
const dir = mkdtempSync(path.join(tmpdir(), 'runrate-recon-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Reconciliation sheet, written by the pack writer', () => {
  it('as written: every cached result is the core figure', async () => {
    const b = book();
    const file = path.join(dir, 'written.xlsx');
    await writeXlsx(b, file);
    const c = compareWithModel(b, await readWorkbook(file));
    expect(c.problems).toEqual([]);
    expect(c.formulas).toBeGreaterThan(20);
  });

  it.skipIf(!soffice)(
    soffice
      ? 'recalculated in LibreOffice: every formula equals the core figure'
      : `in LibreOffice: SKIPPED, ${SKIP_MESSAGE}`,
    async () => {
      const b = book();
      const file = path.join(dir, 'recon.xlsx');
      await writeXlsx(b, file);
      const c = compareWithModel(b, await readWorkbook(recalculate(file, path.join(dir, 'recalculated'))));
      expect(c.problems).toEqual([]);
      expect(c.formulas).toBeGreaterThan(20);
    },
  );
});
