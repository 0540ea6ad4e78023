/**
 * The example book's full board pack (examples/, as of 2025-12-31), checked in LibreOffice: every
 * sheet of the issue present, every formula (the bridge ties, lane totals equal their detail, the
 * summary equals the bridge end, ...) recalculated to RunRate's own figure, every text cell still
 * text; then printed to PDF and PNG pages in test-artifacts/pack/example/ for a person to look at.
 * Skipped, with a message, when soffice is not installed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromYmd, isCellError } from '../../src/index.js';
import { BOARD_PACK_SHEETS, buildBoardPack } from '../../src/reports/pack.js';
import type { ReportBook } from '../../src/reports/model.js';
import { readTable } from '../../cli/read-table.js';
import { writeXlsx } from '../../cli/pack/write-xlsx.js';
import { compareWithModel, readWorkbook } from './compare.js';
import {
  SKIP_MESSAGE,
  findSoffice,
  hasPdftoppm,
  pageCount,
  pageText,
  pdfToPngs,
  recalculate,
  toPdf,
} from './libreoffice.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'pack', 'example');
const soffice = findSoffice();
if (!soffice) console.warn(SKIP_MESSAGE);

const dir = mkdtempSync(path.join(tmpdir(), 'runrate-example-pack-'));
let book: ReportBook;
let file: string;

beforeAll(async () => {
  const [contracts, policy, rates] = await Promise.all(
    ['contracts.csv', 'policy.csv', 'fx-rates.csv'].map((f) => readTable(path.join(EXAMPLES, f), ROOT)),
  );
  const b = buildBoardPack({
    contracts: contracts.table,
    policy: policy.table,
    rates: rates.table,
    asOf: dayFromYmd(2025, 12, 31),
    company: 'RunRate Demo',
    generatedAt: '2026-01-05T09:00:00.000Z',
  });
  if (isCellError(b)) throw new Error(b.message);
  book = b;
  file = path.join(dir, 'board-pack.xlsx');
  await writeXlsx(book, file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the example board pack', () => {
  it('has every sheet of the issue, in order', () => {
    expect(book.sheets.map((s) => s.name)).toEqual([...BOARD_PACK_SHEETS]);
  });

  it('as written: every cached result is RunRate figure', async () => {
    const c = compareWithModel(book, await readWorkbook(file));
    expect(c.problems).toEqual([]);
  });

  it.skipIf(!soffice)(
    soffice
      ? 'recalculated in LibreOffice: every formula equals RunRate figure'
      : `LibreOffice: SKIPPED, ${SKIP_MESSAGE}`,
    async () => {
      const c = compareWithModel(book, await readWorkbook(recalculate(file, path.join(dir, 'recalculated'))));
      expect(c.problems).toEqual([]);
      const formulas = book.sheets.flatMap((s) => s.rows.flat()).filter((x) => x?.kind === 'formula').length;
      expect(c.formulas).toBe(formulas);
      expect(c.formulas).toBeGreaterThan(50);
    },
  );

  it.skipIf(!soffice || !hasPdftoppm())(
    soffice && hasPdftoppm()
      ? 'prints every sheet, landscape, without ####, as PNG pages in test-artifacts/pack/example'
      : `printing: SKIPPED, ${SKIP_MESSAGE}`,
    () => {
      const pdf = toPdf(file, dir);
      const pages = pdfToPngs(
        pdf,
        ARTIFACTS,
        book.sheets.map((s) => ({ sheet: s.name, title: s.title })),
      );
      expect(pages).toHaveLength(pageCount(pdf));
      expect([...new Set(pages.map((p) => p.sheet))]).toEqual(book.sheets.map((s) => s.name));
      for (const p of pages) expect(pageText(pdf, p.page), `page ${p.page} (${p.sheet})`).not.toMatch(/###/);
    },
  );
});
