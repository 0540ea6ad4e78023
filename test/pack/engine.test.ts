/**
 * The fixture pack checked in a real spreadsheet engine: LibreOffice opens it, recalculates every
 * formula (forced: see libreoffice.ts) and saves it; each formula's value must equal RunRate's
 * `expect`, and the formula-looking names must still be text. Skipped, with a message, when soffice
 * is not installed (.ci/run installs it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportBook } from '../../src/reports/model.js';
import { writeXlsx } from '../../cli/pack/write-xlsx.js';
import { compareWithModel, readWorkbook } from './compare.js';
import { END, FORMULA_LOOKING, fixtureBook } from './fixture.js';
import { SKIP_MESSAGE, findSoffice, recalculate } from './libreoffice.js';

const soffice = findSoffice();
/** Formula cells in the fixture, counted by hand: 9 on Summary, 3 on Bridge, 1 on Retention. */
const FORMULAS = 13;
if (!soffice) console.warn(SKIP_MESSAGE);

const dir = mkdtempSync(path.join(tmpdir(), 'runrate-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function recalculated(book: ReportBook, name: string) {
  const file = path.join(dir, `${name}.xlsx`);
  await writeXlsx(book, file);
  return readWorkbook(recalculate(file, path.join(dir, `${name}-recalculated`)));
}

describe('the comparison itself (no engine)', () => {
  it('passes on the file as written: the cached results are RunRate figures', async () => {
    const file = path.join(dir, 'as-written.xlsx');
    const book = fixtureBook();
    await writeXlsx(book, file, { charts: false });
    const c = compareWithModel(book, await readWorkbook(file));
    expect(c.problems).toEqual([]);
    expect(c.formulas).toBe(FORMULAS);
  });
});

describe.skipIf(!soffice)(soffice ? 'in LibreOffice' : `in LibreOffice: SKIPPED, ${SKIP_MESSAGE}`, () => {
  it('every formula recalculates to RunRate figure; text stays text; numbers stay put', async () => {
    const book = fixtureBook();
    const wb = await recalculated(book, 'fixture');
    const c = compareWithModel(book, wb);
    expect(c.problems).toEqual([]);
    expect(c.formulas).toBe(FORMULAS);
    expect(c.textCells).toBeGreaterThan(40);
    // The formula-looking customer names: plain strings after recalculation.
    const bridge = wb.getWorksheet('Bridge')!;
    FORMULA_LOOKING.forEach((name, i) => expect(bridge.getCell(`A${13 + i}`).value).toBe(name));
    expect(wb.getWorksheet('Summary')!.getCell('B19').value).toBe('=SUM(B4:B5)');
  });

  it('the engine really recalculates: a wrong cached figure is replaced by the computed one', async () => {
    const book = fixtureBook();
    const bridge = book.sheets.find((s) => s.name === 'Bridge')!;
    const check = bridge.rows[9][1];
    if (check?.kind !== 'formula') throw new Error('fixture changed: Bridge!B10 is the bridge check');
    check.expect = END + 1; // one cent off: written as the cached result
    const wb = await recalculated(book, 'canary');
    const c = compareWithModel(book, wb);
    expect(c.problems).toEqual([
      `Bridge!B10: B4+SUM(B5:B8) = ${END / 100}, RunRate ${(END + 1) / 100} (money)`,
    ]);
  });
});
