/**
 * LibreOffice, headless, as the independent spreadsheet engine the board pack is checked in.
 *
 * Recalculation: LibreOffice normally trusts the cached results stored in an .xlsx (and the pack
 * stores RunRate's own figures there), so a plain conversion would prove nothing. Each run gets a
 * fresh user profile whose registrymodifications.xcu sets Calc's "recalculation on file load" for
 * Excel 2007+ and ODF files to "always" (OOXMLRecalcMode / ODFRecalcMode = 0); converting the pack
 * xlsx -> xlsx then writes LibreOffice's own results, which the tests read back with exceljs. A
 * canary test (a formula whose cached result is deliberately wrong) proves the recalculation
 * happens.
 *
 * soffice is looked up as $SOFFICE, then `soffice` on the PATH, then the macOS application bundle.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function works(cmd: string): boolean {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 && /LibreOffice/i.test(r.stdout);
}

let found: string | null | undefined;
/** The soffice command, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  if (found !== undefined) return found;
  const candidates = [
    process.env.SOFFICE,
    'soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ].filter((c): c is string => !!c);
  found = candidates.find(works) ?? null;
  return found;
}

export function hasPdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;
}

export const SKIP_MESSAGE =
  'LibreOffice (soffice) not found: the spreadsheet-engine checks are skipped. ' +
  'Install it (Debian/Ubuntu: apt-get install libreoffice-calc poppler-utils) or set SOFFICE=/path/to/soffice.';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Runs `soffice --convert-to <filter>` on `input` into `outDir` with a fresh profile; returns the output path. */
function convert(input: string, outDir: string, filter: string, ext: string): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error(SKIP_MESSAGE);
  const profile = mkdtempSync(path.join(tmpdir(), 'runrate-lo-profile-'));
  try {
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    mkdirSync(outDir, { recursive: true });
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        input,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${ext}`);
    if (r.status !== 0 || !existsSync(out)) {
      throw new Error(`soffice failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
    }
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The workbook recalculated by LibreOffice and saved again as .xlsx (in `outDir`, same base name). */
export function recalculate(xlsx: string, outDir: string): string {
  return convert(xlsx, outDir, 'xlsx:Calc MS Excel 2007 XML', 'xlsx');
}

/** The workbook printed to PDF by LibreOffice (each sheet's page setup applies). */
export function toPdf(xlsx: string, outDir: string): string {
  return convert(xlsx, outDir, 'pdf:calc_pdf_Export', 'pdf');
}

/** The text of one PDF page (pdftotext, layout kept). */
export function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  });
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/**
 * Every page of the PDF as a PNG in `outDir`, named `NN-<sheet>.png` after the sheet whose title is
 * in the page's header (the longest title found, so "ARR trend" is not taken for "ARR"). Returns
 * the files with their sheet names.
 */
export function pdfToPngs(
  pdf: string,
  outDir: string,
  sheetTitles: { sheet: string; title: string }[],
  dpi = 100,
): { file: string; sheet: string | null; page: number }[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, path.join(outDir, 'page')]);
  const pages = readdirSync(outDir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const byLength = [...sheetTitles].sort((a, b) => b.title.length - a.title.length);
  return pages.map((f, i) => {
    const page = i + 1;
    const header = pageText(pdf, page).split('\n').slice(0, 4).join('\n');
    const sheet = byLength.find((s) => header.includes(s.title))?.sheet ?? null;
    const name = `${String(page).padStart(2, '0')}-${(sheet ?? 'unknown').replace(/[^A-Za-z0-9]+/g, '-')}.png`;
    const file = path.join(outDir, name);
    renameSync(path.join(outDir, f), file);
    return { file, sheet, page };
  });
}
