/**
 * Reads a CSV file or an .xlsx sheet into a 2-D array of cell values, the shape every core parser
 * takes. Row i of the array is sheet row i + 1 (the header is row 1), so the core's row numbers are
 * the rows a user sees in the sheet (for CSV: the record number, which is the line number unless a
 * quoted field spans lines).
 *
 * - CSV cells stay text; the core reads dates and amounts. UTF-8 with or without BOM, CRLF or LF,
 *   quoted fields. The delimiter is a comma, unless the header line has no comma and has a tab or a
 *   semicolon (then that).
 * - xlsx: the first sheet, or `FILE.xlsx#Sheet Name`. Numbers stay numbers, text text, date cells
 *   are `Date`s at UTC midnight (read them with `timeZone: 'UTC'`), formulas give their cached
 *   result, rich text its plain text, error cells their code (`#N/A`), blanks null.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { csvRows, isCellError } from '../src/cells/index.js';

export type Table = unknown[][];

export interface ReadTable {
  table: Table;
  /** 'UTC' for xlsx (exceljs gives date cells at UTC midnight), undefined for CSV. */
  timeZone?: string;
  /** How to name the source in messages: the file as given, with `#Sheet` for xlsx. */
  label: string;
}

/** A file that cannot be read or parsed; the CLI prints the message and exits 2. */
export class InputError extends Error {}

const XLSX_WITH_SHEET = /^(.*?\.xls[xm])#(.*)$/i;

export function splitSheet(spec: string): { file: string; sheet?: string } {
  const m = XLSX_WITH_SHEET.exec(spec);
  return m ? { file: m[1], sheet: m[2] } : { file: spec };
}

export async function readTable(spec: string, cwd: string): Promise<ReadTable> {
  const { file, sheet } = splitSheet(spec);
  const full = path.resolve(cwd, file);
  try {
    const s = await stat(full);
    if (s.isDirectory()) throw new InputError(`${spec}: is a directory, not a file`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${spec}: ${describeFsError(e)}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    return { table: await readXlsx(full, spec, sheet), timeZone: 'UTC', label: spec };
  }
  if (ext === '.xls') {
    throw new InputError(`${spec}: the old .xls format is not read; save the workbook as .xlsx or CSV`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (e) {
    throw new InputError(`${spec}: ${describeFsError(e)}`);
  }
  return { table: parseCsv(bytes, spec), label: spec };
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/** CSV bytes to rows of text. Trailing empty lines are dropped; blank lines inside are kept as rows. */
export function parseCsv(bytes: Uint8Array, label = 'CSV'): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${label}: is not UTF-8 text (save the CSV as UTF-8)`);
  }
  const rows = csvRows(text, label);
  if (isCellError(rows)) throw new InputError(rows.message);
  return rows;
}

/** exceljs is large; it is loaded only when an .xlsx file is read. */
async function readXlsx(full: string, spec: string, sheetName: string | undefined): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(full);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new InputError(`${spec}: cannot be read as an .xlsx workbook (${why})`);
  }
  const sheets = wb.worksheets;
  if (sheets.length === 0) throw new InputError(`${spec}: the workbook has no sheets`);
  let ws = sheets[0];
  if (sheetName !== undefined) {
    const found =
      sheets.find((s) => s.name === sheetName) ??
      sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!found) {
      throw new InputError(
        `${spec}: no sheet named ${JSON.stringify(sheetName)} (sheets: ${sheets.map((s) => JSON.stringify(s.name)).join(', ')})`,
      );
    }
    ws = found;
  }
  const table: Table = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    table[rowNumber - 1] = cells;
    width = Math.max(width, cells.length);
  });
  for (let r = 0; r < table.length; r++) {
    const cells = table[r] ?? [];
    while (cells.length < width) cells.push(null);
    table[r] = cells;
  }
  while (table.length > 0 && table[table.length - 1].every((c) => c === null)) table.pop();
  return table;
}

/** An exceljs cell value as the plain value a sheet shows. */
export function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return cellValue(o.result);
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('error' in o) return String(o.error);
    if ('text' in o) return cellValue(o.text);
    if ('result' in o) return cellValue(o.result);
  }
  return String(v);
}
