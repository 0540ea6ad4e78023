/**
 * What the board sees: the fixture pack printed to PDF by LibreOffice and each page turned into a
 * PNG (pdftoppm) in test-artifacts/pack/fixture/, kept for a person to look at. Checks what can be
 * checked by machine: every sheet prints, in landscape, with its title in the page header, and no
 * number shows as ####. Skipped when soffice or pdftoppm is absent.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../cli/pack/write-xlsx.js';
import { FORMULA_LOOKING, fixtureBook } from './fixture.js';
import {
  SKIP_MESSAGE,
  findSoffice,
  hasPdftoppm,
  pageCount,
  pageText,
  pdfToPngs,
  toPdf,
} from './libreoffice.js';

const ready = findSoffice() !== null && hasPdftoppm();
const ARTIFACTS = path.resolve('test-artifacts', 'pack', 'fixture');
const dir = mkdtempSync(path.join(tmpdir(), 'runrate-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!ready)(ready ? 'the printed pack' : `the printed pack: SKIPPED, ${SKIP_MESSAGE}`, () => {
  it('prints every sheet, landscape, titled, without ####; PNG pages kept as artifacts', async () => {
    const book = fixtureBook();
    const file = path.join(dir, 'board-pack.xlsx');
    await writeXlsx(book, file);
    const pdf = toPdf(file, dir);
    const pages = pdfToPngs(
      pdf,
      ARTIFACTS,
      book.sheets.map((s) => ({ sheet: s.name, title: s.title })),
    );
    expect(pages).toHaveLength(pageCount(pdf));
    expect([...new Set(pages.map((p) => p.sheet))].sort()).toEqual(book.sheets.map((s) => s.name).sort());
    for (const p of pages) {
      const png = readFileSync(p.file);
      expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20)); // landscape
      const text = pageText(pdf, p.page);
      expect(text, `page ${p.page} (${p.sheet})`).not.toMatch(/###/);
      expect(text).toContain('As of 2025-12-31');
    }
    const bridge = pages
      .filter((p) => p.sheet === 'Bridge')
      .map((p) => pageText(pdf, p.page))
      .join('\n');
    for (const name of FORMULA_LOOKING) expect(bridge).toContain(name);
  });
});

if (!ready) console.warn(SKIP_MESSAGE);
