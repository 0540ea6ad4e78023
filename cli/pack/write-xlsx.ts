/**
 * The board pack renderer: a ReportBook (src/reports/model.ts) -> an .xlsx file, with exceljs. It
 * computes no figure: every number comes from the model.
 *
 * - Values: money is written as cents / 100 with the money format, percentages and ratios as
 *   fractions, counts as integers, dates as real date cells (serials with the date format), text as
 *   text. A text value is always written as a string value, never as a formula, so a customer called
 *   `=1+1`, `+SUM(A1)`, `@cmd` or `-2+3` stays text.
 * - Formulas: written as formulas with RunRate's `expect` as the cached result, so a viewer that
 *   does not recalculate still shows RunRate's figure, and one that does proves it.
 * - Styles per CellStyle, column widths (widened when a number or a table cell would not fit, so no
 *   `####` and no cut-off label), frozen rows, landscape pages fitted to the width with the title
 *   rows repeated on every page, heat maps as colour scales.
 * - The marker: a custom document property `RunRate` = REPORT_MARKER (with the as-of date, policy
 *   and data hashes beside it) and a note on A1 of every sheet.
 * - Charts: each ChartSpec drawn as a PNG (charts.ts) and placed at its anchor; exceljs cannot write
 *   native Excel charts.
 * - The file is written to a temporary file in the same directory and renamed over the target, so a
 *   failure leaves the previous file (or none) and never a partial one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Borders, Fill, Font, Style, Workbook, Worksheet } from 'exceljs';
import { formatDay, ymdFromDay } from '../../src/cells/days.js';
import {
  type CellStyle,
  NUMBER_FORMATS,
  REPORT_MARKER,
  type ReportBook,
  type ReportCell,
  type ReportSheet,
} from '../../src/reports/model.js';
import { cellsIn, formulaNumber, numberKind } from './cells.js';
import { type Align, key, layoutSheet } from './layout.js';
import { chartAnchor, chartData, chartPixels, chartPng } from './charts.js';

export interface WriteOptions {
  /** Called with one line at each step (a sheet, a chart, writing the file). */
  onProgress?: (message: string) => void;
  /** Draw the charts (default true). */
  charts?: boolean;
  /**
   * Called with the temporary file's path once it is complete, just before it is renamed over the
   * target (tests use it to fail at the last moment).
   */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

export interface WriteResult {
  path: string;
  bytes: number;
  sheets: string[];
  formulas: number;
  charts: number;
}

/** Renders the book and writes it to `outPath` atomically. */
export async function writeXlsx(
  book: ReportBook,
  outPath: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const rendered = await renderXlsx(book, options);
  options.onProgress?.(`writing ${outPath}`);
  await writeFileAtomic(outPath, rendered.bytes, options.beforeRename);
  return { ...rendered.summary, path: outPath, bytes: rendered.bytes.length };
}

/** Renders the book to the bytes of an .xlsx file. */
export async function renderXlsx(
  book: ReportBook,
  options: WriteOptions = {},
): Promise<{ bytes: Buffer; summary: Omit<WriteResult, 'path' | 'bytes'> }> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const t = book.title;
  const asOf = formatDay(t.asOf);
  const generated = new Date(t.generatedAt);
  wb.creator = 'RunRate';
  wb.lastModifiedBy = 'RunRate';
  wb.title = t.company ? `${t.company}: board pack as of ${asOf}` : `Board pack as of ${asOf}`;
  wb.subject = `ARR board pack, policy ${t.policyVersion} (${t.policyHash})`;
  wb.keywords = REPORT_MARKER;
  wb.company = t.company;
  if (!Number.isNaN(generated.getTime())) {
    wb.created = generated;
    wb.modified = generated;
  }

  let formulas = 0;
  let charts = 0;
  const names = new Set<string>();
  for (const sheet of book.sheets) {
    if (names.has(sheet.name.toLowerCase())) throw new Error(`two sheets are called ${sheet.name}`);
    names.add(sheet.name.toLowerCase());
    options.onProgress?.(`sheet ${sheet.name}`);
    formulas += writeSheet(wb, sheet, book);
    if (options.charts !== false) {
      for (const chart of sheet.charts) {
        options.onProgress?.(`chart ${chart.title}`);
        const size = chartPixels(chart, sheet);
        const png = await chartPng(chartData(chart, sheet), size, t.currency);
        const id = wb.addImage({ buffer: png as never, extension: 'png' });
        const ws = wb.getWorksheet(sheet.name) as Worksheet;
        ws.addImage(id, { tl: chartAnchor(chart), ext: size, editAs: 'oneCell' });
        charts++;
      }
    }
  }

  options.onProgress?.('packing the workbook');
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const bytes = await addCustomProperties(raw, {
    RunRate: REPORT_MARKER,
    'RunRate as-of': asOf,
    'RunRate company': t.company,
    'RunRate currency': t.currency,
    'RunRate policy version': t.policyVersion,
    'RunRate policy hash': t.policyHash,
    'RunRate data hash': t.dataHash,
    'RunRate generated at': t.generatedAt,
  });
  return { bytes, summary: { sheets: book.sheets.map((s) => s.name), formulas, charts } };
}

const argb = (hex: string) => ({ argb: `FF${hex}` });
const thin = { style: 'thin' as const, color: argb('BFBFBF') };
const solid = (hex: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: argb(hex) });

const STYLES: Record<CellStyle, { font?: Partial<Font>; fill?: Fill; border?: Partial<Borders> }> = {
  title: { font: { bold: true, size: 16, color: argb('1F3864') } },
  subtitle: { font: { italic: true, size: 10, color: argb('595959') } },
  header: {
    font: { bold: true, color: argb('FFFFFF') },
    fill: solid('1F4E79'),
    border: { bottom: { style: 'thin', color: argb('1F3864') } },
  },
  label: {},
  total: {
    font: { bold: true },
    border: {
      top: { style: 'thin', color: argb('404040') },
      bottom: { style: 'double', color: argb('404040') },
    },
  },
  note: { font: { italic: true, size: 9, color: argb('595959') } },
  check: { font: { italic: true, color: argb('375623') }, fill: solid('E2EFDA'), border: { bottom: thin } },
};

/** Writes one sheet; returns its number of formula cells. */
function writeSheet(wb: Workbook, sheet: ReportSheet, book: ReportBook): number {
  const t = book.title;
  const asOf = formatDay(t.asOf);
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.freezeRows > 0 ? [{ state: 'frozen', ySplit: sheet.freezeRows, xSplit: 0 }] : [{}],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4; fitted to the page width, so Letter prints the same
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: false,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(sheet.freezeRows > 0 ? { printTitlesRow: `1:${sheet.freezeRows}` } : {}),
    },
    headerFooter: {
      oddHeader: `&L${hf(t.company)}&C${hf(sheet.title)}&RAs of ${asOf}`,
      oddFooter: `&L${hf(`${REPORT_MARKER} · policy ${t.policyVersion} (${t.policyHash.slice(0, 12)})`)}&RPage &P of &N`,
    },
  });

  const layout = layoutSheet(sheet);
  // In a row with wrapped text every cell reads from the top, level with the text's first line.
  const wrappedRows = new Set([...layout.wrap].map((k) => Number(k.split(',')[0])));
  let formulas = 0;
  sheet.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = row.getCell(c + 1);
      writeValue(target, cell);
      if (cell.kind === 'formula') formulas++;
      const at = key(r + 1, c);
      target.style = cellStyle(cell, {
        horizontal: layout.align.get(at) ?? 'left',
        indent: layout.indent.has(at) ? 1 : 0,
        wrap: layout.wrap.has(at),
        top: wrappedRows.has(r + 1),
      });
    });
  });
  layout.widths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  for (const [r, points] of layout.rowHeights) ws.getRow(r).height = points;
  for (const m of layout.merges) ws.mergeCells(m.row, m.col0 + 1, m.row, m.col1 + 1);
  for (const r of layout.pageBreaks) ws.getRow(r).addPageBreak();

  for (const h of sheet.heatMaps) {
    // min and max are in the cells' model units: cents for money cells.
    const money = cellsIn(sheet, h.range).some((c) => numberKind(c) === 'money');
    const scale = (x: number) => (money ? x / 100 : x);
    ws.addConditionalFormatting({
      ref: h.range,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [
            { type: 'num', value: scale(h.min) },
            { type: 'num', value: scale(h.max) },
          ],
          color: [argb('F7FBFF'), argb('4F8FCC')],
        },
      ],
    });
  }

  const a1 = ws.getCell('A1');
  a1.note =
    `${REPORT_MARKER}. This sheet is regenerated by RunRate: edits here are replaced. ` +
    `As of ${asOf}; policy ${t.policyVersion} (${t.policyHash}); data ${t.dataHash}; generated ${t.generatedAt}.`;
  return formulas;
}

/** Escapes text for a page header or footer (`&` starts a code there). */
const hf = (text: string) => text.replace(/&/g, '&&');

function writeValue(target: { value: unknown; numFmt: string }, cell: Exclude<ReportCell, null>): void {
  switch (cell.kind) {
    case 'text':
      // A string value: exceljs writes it as a shared string, never as a formula, whatever it
      // starts with. Empty text is a blank cell (with its style), as spreadsheets store it.
      target.value = cell.text === '' ? null : cell.text;
      return;
    case 'money':
      target.value = cell.cents / 100;
      return;
    case 'percent':
    case 'ratio':
    case 'multiple':
    case 'count':
      target.value = cell.value ?? 'n/a';
      return;
    case 'date': {
      const { year, month, day } = ymdFromDay(cell.day);
      target.value = new Date(Date.UTC(year, month - 1, day));
      return;
    }
    case 'formula': {
      const formula = cell.formula.replace(/^=/, '');
      const result =
        typeof cell.expect === 'number' && cell.format !== 'text'
          ? formulaNumber(cell.format, cell.expect)
          : String(cell.expect);
      target.value = { formula, result } as never;
      return;
    }
  }
}

function cellStyle(
  cell: Exclude<ReportCell, null>,
  place: { horizontal: Align; indent: number; wrap: boolean; top: boolean },
): Partial<Style> {
  const base = cell.style ? STYLES[cell.style] : {};
  const kind = numberKind(cell);
  const style: Partial<Style> = {
    font: { name: 'Calibri', size: 11, ...base.font },
    ...(base.fill ? { fill: base.fill } : {}),
    ...(base.border ? { border: base.border } : {}),
    alignment: {
      horizontal: place.horizontal,
      vertical: place.top && cell.style !== 'header' ? 'top' : 'bottom',
      ...(place.indent ? { indent: place.indent } : {}),
      ...(place.wrap ? { wrapText: true } : {}),
    },
  };
  if (kind !== null) style.numFmt = NUMBER_FORMATS[kind];
  if ('value' in cell && cell.value === null) style.font = { ...style.font, color: argb('808080') };
  return style;
}

/** The workbook with docProps/custom.xml added (exceljs writes the standard properties only). */
async function addCustomProperties(xlsx: Buffer, props: Record<string, string>): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(xlsx);
  const xml = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const items = Object.entries(props)
    .map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xml(name)}"><vt:lpwstr>${xml(value)}</vt:lpwstr></property>`,
    )
    .join('');
  zip.file(
    'docProps/custom.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      items +
      '</Properties>',
  );
  const types = await zip.file('[Content_Types].xml')?.async('string');
  const rels = await zip.file('_rels/.rels')?.async('string');
  if (types === undefined || rels === undefined)
    throw new Error('exceljs wrote no content types or relationships');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  zip.file(
    '_rels/.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdRunRateCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * Writes `data` to `target` through a temporary file in the same directory (same file system, so
 * the rename is atomic): the target is either the previous file or the complete new one, and no
 * other file is touched. The temporary file is removed on any failure.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  beforeRename?: (tempPath: string) => void | Promise<void>,
): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await beforeRename?.(temp);
    await rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}
