/**
 * The board pack renderer on the hand-made fixture book, read back with exceljs (no spreadsheet
 * engine needed): values and formats per cell kind, formulas with RunRate's figure as the cached
 * result, formula-looking text written as text, frozen rows, widths, page setup, heat maps, charts,
 * the marker; and the atomic write.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NUMBER_FORMATS, REPORT_MARKER } from '../../src/reports/model.js';
import { writeXlsx } from '../../cli/pack/write-xlsx.js';
import { END, FORMULA_LOOKING, GROWTH_Q, LANES, NEW_DETAIL, START, fixtureBook } from './fixture.js';

let dir: string;
let file: string;
let wb: ExcelJS.Workbook;
let zip: JSZip;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'runrate-pack-'));
  file = path.join(dir, 'pack.xlsx');
  await writeXlsx(fixtureBook(), file);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  zip = await JSZip.loadAsync(readFileSync(file));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheet = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;

describe('values', () => {
  it('writes the sheets in the model order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(fixtureBook().sheets.map((s) => s.name));
  });

  it('money as cents / 100 with the money format', () => {
    const b = sheet('Bridge');
    expect(b.getCell('B4').value).toBe(START / 100);
    expect(b.getCell('B7').value).toBe(LANES.Contraction / 100);
    expect(b.getCell('B4').numFmt).toBe(NUMBER_FORMATS.money);
  });

  it('percent, ratio, multiple, count and date cells with their formats', () => {
    const s = sheet('Summary');
    expect(s.getCell('B10').value).toBe(0.9475);
    expect(s.getCell('B10').numFmt).toBe(NUMBER_FORMATS.percent);
    expect(s.getCell('B11').numFmt).toBe(NUMBER_FORMATS.multiple);
    expect(s.getCell('B13').numFmt).toBe(NUMBER_FORMATS.ratio);
    expect(s.getCell('B6').value).toBe(42);
    expect(s.getCell('B6').numFmt).toBe(NUMBER_FORMATS.count);
    const d = s.getCell('B15');
    expect(d.type).toBe(ExcelJS.ValueType.Date);
    expect((d.value as Date).toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(d.numFmt).toBe(NUMBER_FORMATS.date);
  });

  it('an undefined ratio shows n/a', () => {
    expect(sheet('Summary').getCell('B9').value).toBe('n/a');
  });

  it('formulas carry RunRate figures as their cached results', () => {
    const b = sheet('Bridge');
    expect(b.getCell('B10').value).toEqual({ formula: 'B4+SUM(B5:B8)', result: END / 100 });
    expect(sheet('Summary').getCell('B8').value).toEqual({
      formula: "B4/'ARR trend'!B4-1",
      result: GROWTH_Q,
    });
    // A date formula's result is the expected day (exceljs reads the serial back as a Date); a text
    // formula's is the text.
    const dateResult = (sheet('Summary').getCell('B16').value as { result: Date }).result;
    expect(dateResult.toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(sheet('Summary').getCell('B18').value).toMatchObject({ result: 'Q4 2025' });
  });

  it('writes data that looks like a formula as a string, never a formula', async () => {
    const b = sheet('Bridge');
    FORMULA_LOOKING.forEach((name, i) => {
      const c = b.getCell(`A${13 + i}`);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(name);
    });
    expect(sheet('Summary').getCell('B19').value).toBe('=SUM(B4:B5)');
    // In the file itself: no <f> element holds a customer name.
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas).toEqual(['B4+SUM(B5:B8)', 'SUM(C13:C17)', 'C18-B5']);
    expect(NEW_DETAIL.reduce((a, b) => a + b, 0)).toBe(LANES.New);
  });
});

describe('layout', () => {
  it('freezes the title block and header', () => {
    expect(sheet('Bridge').views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('keeps the model widths and widens a column a number or a name would not fit', () => {
    const b = sheet('Bridge');
    expect(b.getColumn(4).width).toBe(10); // empty: as the model says
    // The longest customer name, 36 characters, fits (proportional text runs narrower than digits).
    expect(b.getColumn(1).width).toBeGreaterThanOrEqual(FORMULA_LOOKING[4].length * 0.95 + 2);
    expect(b.getColumn(1).width).toBeLessThanOrEqual(40);
    // "1,000,000.00" is 12 characters: the model's 10 would show ####.
    expect(b.getColumn(2).width).toBeGreaterThanOrEqual(14);
  });

  it('prints landscape, fitted to the page width, repeating the title rows', () => {
    const p = sheet('Bridge').pageSetup;
    expect(p).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(p.printTitlesRow).toBe('1:3');
  });

  it('styles headers, totals and checks', () => {
    const b = sheet('Bridge');
    expect(b.getCell('A3').font?.bold).toBe(true);
    expect(b.getCell('A3').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(b.getCell('B3').alignment?.horizontal).toBe('right'); // over a column of money
    expect(b.getCell('B9').border?.bottom?.style).toBe('double');
    expect(b.getCell('A1').font?.size).toBe(16);
  });

  it('shades heat maps with a colour scale, money bounds in currency units', async () => {
    const xml = await zip.file('xl/worksheets/sheet4.xml')!.async('string');
    expect(xml).toContain('sqref="C4:F6"');
    expect(xml).toMatch(/<colorScale><cfvo type="num" val="0.9"\/><cfvo type="num" val="1.05"\/>/);
    expect(xml).toMatch(/<cfvo type="num" val="123456.78"\/><cfvo type="num" val="350000.5"\/>/);
  });

  it('embeds one image per chart, at its anchor', () => {
    expect(sheet('Bridge').getImages()).toHaveLength(1);
    const trend = sheet('ARR trend').getImages();
    expect(trend).toHaveLength(2);
    expect(trend.map((i) => [i.range.tl.nativeCol, i.range.tl.nativeRow])).toEqual([
      [0, 9],
      [4, 9],
    ]);
    expect(Object.keys(zip.files).filter((f) => /^xl\/media\/.+\.png$/.test(f))).toHaveLength(3);
  });
});

describe('marker', () => {
  it('a note on A1 of every sheet', () => {
    for (const ws of wb.worksheets) {
      const note = ws.getCell('A1').note;
      const textOf = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      expect(textOf).toContain(REPORT_MARKER);
    }
  });

  it('a custom document property, with the as-of date and hashes', async () => {
    const xml = await zip.file('docProps/custom.xml')!.async('string');
    expect(xml).toContain(`name="RunRate"><vt:lpwstr>${REPORT_MARKER}</vt:lpwstr>`);
    expect(xml).toContain('name="RunRate as-of"><vt:lpwstr>2025-12-31</vt:lpwstr>');
    expect(xml).toContain('name="RunRate policy hash"><vt:lpwstr>a1b2c3d4e5f6a7b8c9d0</vt:lpwstr>');
    expect(xml).toContain('name="RunRate company"><vt:lpwstr>Acme &amp; Co</vt:lpwstr>');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/docProps/custom.xml');
    expect(await zip.file('_rels/.rels')!.async('string')).toContain('Target="docProps/custom.xml"');
  });

  it('the standard properties say who made it', () => {
    expect(wb.creator).toBe('RunRate');
    expect(wb.title).toBe('Acme & Co: board pack as of 2025-12-31');
  });
});

describe('atomic write', () => {
  const entries = (d: string) => readdirSync(d).sort();

  it('regenerating replaces only the file named', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'runrate-pack-'));
    const out = path.join(d, 'board-pack.xlsx');
    writeFileSync(out, 'old');
    writeFileSync(path.join(d, 'board-pack.xlsx.bak'), 'keep me');
    writeFileSync(path.join(d, 'other.xlsx'), 'keep me too');
    const r = await writeXlsx(fixtureBook(), out, { charts: false });
    expect(entries(d)).toEqual(['board-pack.xlsx', 'board-pack.xlsx.bak', 'other.xlsx']);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(r.bytes).toBe(readFileSync(out).length);
    expect(readFileSync(path.join(d, 'board-pack.xlsx.bak'), 'utf8')).toBe('keep me');
    expect(readFileSync(path.join(d, 'other.xlsx'), 'utf8')).toBe('keep me too');
    rmSync(d, { recursive: true });
  });

  it('a failure while rendering leaves the previous file and no temporary file', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'runrate-pack-'));
    const out = path.join(d, 'board-pack.xlsx');
    writeFileSync(out, 'previous pack');
    const seen: string[] = [];
    const fail = (m: string) => {
      seen.push(m);
      if (m === 'sheet Bridge') throw new Error('disk on fire');
    };
    await expect(writeXlsx(fixtureBook(), out, { onProgress: fail })).rejects.toThrow('disk on fire');
    expect(seen).toEqual(['sheet Summary', 'sheet Bridge']);
    expect(entries(d)).toEqual(['board-pack.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('previous pack');
    rmSync(d, { recursive: true });
  });

  it('a failure after the temporary file is written removes it and keeps the previous file', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'runrate-pack-'));
    const out = path.join(d, 'board-pack.xlsx');
    writeFileSync(out, 'previous pack');
    let temp = '';
    const beforeRename = (t: string) => {
      temp = t;
      expect(entries(d)).toHaveLength(2); // the complete temporary file sits beside the target
      expect(readFileSync(t).subarray(0, 2).toString()).toBe('PK');
      throw new Error('killed');
    };
    await expect(writeXlsx(fixtureBook(), out, { beforeRename, charts: false })).rejects.toThrow('killed');
    expect(path.dirname(temp)).toBe(d);
    expect(entries(d)).toEqual(['board-pack.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('previous pack');
    rmSync(d, { recursive: true });
  });

  it('a missing directory is an error and creates nothing', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'runrate-pack-'));
    await expect(
      writeXlsx(fixtureBook(), path.join(d, 'no', 'pack.xlsx'), { charts: false }),
    ).rejects.toThrow(/ENOENT/);
    expect(entries(d)).toEqual([]);
    rmSync(d, { recursive: true });
  });

  it('a directory in the way is an error and is left alone', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'runrate-pack-'));
    const out = path.join(d, 'pack.xlsx');
    await import('node:fs').then((fs) => fs.mkdirSync(out));
    await expect(writeXlsx(fixtureBook(), out, { charts: false })).rejects.toThrow();
    expect(entries(d)).toEqual(['pack.xlsx']);
    rmSync(d, { recursive: true });
  });
});
