/**
 * CSV text to rows of text cells, as every front door reads a CSV table (the command line's files,
 * a mapping table picked in the task pane): a byte-order mark dropped; the delimiter a comma unless
 * the first line has none and has a tab or a semicolon; quoted fields; blank lines inside kept as
 * rows, trailing empty lines dropped. A broken quote is an error naming the row.
 */
import Papa from 'papaparse';
import { CellError } from './error.js';

export function csvRows(text: string, label: string): string[][] | CellError {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, {
    delimiter: csvDelimiter(body),
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const row = typeof fatal.row === 'number' ? fatal.row + 1 : undefined;
    const where = row !== undefined ? `row ${row}: ` : '';
    return new CellError('#VALUE!', `${label}: ${where}${fatal.message.toLowerCase()}`, row);
  }
  const rows = result.data;
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === '')) rows.pop();
  return rows;
}

/** The delimiter of a CSV table, from its first line. */
export function csvDelimiter(text: string): string {
  const nl = text.search(/\r?\n/);
  const first = nl < 0 ? text : text.slice(0, nl);
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}
