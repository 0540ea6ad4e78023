/**
 * A deals range (header row first, one deal per row) read into a `DealBook`. Every bad cell is
 * reported as `row N, Column: value problem` (header = row 1), all of them counted and the first
 * `maxErrors` listed in one CellError, like the contracts range. A row whose cells are all blank is
 * skipped; any other row is a deal and is validated.
 *
 * Cells: customer (text, required), deal date (required), type (required; see DEAL_TYPE_WORDS),
 * annual recurring amount (required except on a churn, where a blank reads as 0; 0 is an explicit
 * zero), services (optional; blank = none), term in months (optional whole number 0 or more;
 * blank = no term).
 */
import type { Day } from '../cells/days.js';
import { CellError, cellError } from '../cells/error.js';
import { isBlankOrZero, isProblem, readDate, readNumber, readText, toCents } from '../cells/read.js';
import { type DealField, mapDealHeaders } from './columns.js';

export type DealType = 'new' | 'expansion' | 'renewal' | 'contraction' | 'churn';
export const DEAL_TYPES: readonly DealType[] = ['new', 'expansion', 'renewal', 'contraction', 'churn'];

/**
 * Words read as each deal type, compared in lower case without spaces, `_` and `-` (so `New
 * Business`, `new_business` and `NEWBUSINESS` are one word).
 */
export const DEAL_TYPE_WORDS: Readonly<Record<DealType, readonly string[]>> = {
  new: ['new', 'new business', 'new logo'],
  expansion: ['expansion', 'upsell', 'upgrade', 'add-on', 'cross-sell'],
  renewal: ['renewal', 'renew'],
  contraction: ['contraction', 'downsell', 'downgrade'],
  churn: ['churn', 'churned', 'cancellation', 'lost'],
};

const typeKey = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
const TYPE_INDEX: ReadonlyMap<string, DealType> = new Map(
  DEAL_TYPES.flatMap((t) => DEAL_TYPE_WORDS[t].map((w): [string, DealType] => [typeKey(w), t])),
);

export interface DealBook {
  n: number;
  /** Sheet row of each deal (header = row 1). */
  row: number[];
  customer: string[];
  date: Day[];
  type: DealType[];
  /** Annual recurring amount as given, in cents (0 for a blank churn amount). */
  recurringCents: number[];
  /** One-time services in cents (0 when blank or no column). */
  servicesCents: number[];
  /** Term in whole months; 0 when blank, 0 or no column (no term). */
  termMonths: number[];
  /** Header text found per field, for messages. */
  columns: Partial<Record<DealField, string>>;
}

export interface ParseDealsOptions {
  timeZone?: string;
  /** How many cell errors to list (default 20); all are counted. */
  maxErrors?: number;
}

const EMPTY = 'the deals range is empty; it needs a header row and at least one deal';

class Errors {
  count = 0;
  readonly list: CellError[] = [];
  constructor(readonly max: number) {}
  add(e: CellError): void {
    if (++this.count <= this.max) this.list.push(e);
  }
  cell(row: number, column: string, value: unknown, problem: string): void {
    this.add(cellError(row, column, value, problem));
  }
  note(row: number, column: string, text: string): void {
    this.add(new CellError('#VALUE!', `row ${row}, ${column}: ${text}`, row, column));
  }
  result(): CellError {
    if (this.count === 1) return this.list[0];
    const first = this.list[0];
    const shown = this.list.length < this.count ? ` (first ${this.list.length} shown)` : '';
    return new CellError(
      '#VALUE!',
      `${this.count} errors in the deals range${shown}:\n${this.list.map((e) => e.message).join('\n')}`,
      first.row,
      first.column,
    );
  }
}

function rowIsBlank(r: readonly unknown[]): boolean {
  for (const v of r) if (!isBlankOrZero(v)) return false;
  return true;
}

/** Reads a deals range, or returns one CellError listing every bad cell. Never throws. */
export function parseDeals(table: unknown[][], opts: ParseDealsOptions = {}): DealBook | CellError {
  if (!Array.isArray(table) || table.length === 0) return new CellError('#VALUE!', EMPTY);
  const header = Array.isArray(table[0]) ? table[0] : [table[0]];
  const map = mapDealHeaders(header);
  if (map instanceof CellError) {
    const anything = table.some((r) => (Array.isArray(r) ? !rowIsBlank(r) : !isBlankOrZero(r)));
    return anything ? map : new CellError('#VALUE!', EMPTY);
  }
  const m = opts.maxErrors;
  const errors = new Errors(typeof m === 'number' && Number.isFinite(m) && m >= 1 ? Math.floor(m) : 20);
  const col = (f: DealField): number => map.index[f] ?? -1;
  const head = (f: DealField): string => map.columns[f] ?? f;
  const book: DealBook = {
    n: 0,
    row: [],
    customer: [],
    date: [],
    type: [],
    recurringCents: [],
    servicesCents: [],
    termMonths: [],
    columns: map.columns,
  };

  /** A money cell in cents; null when blank; undefined after reporting a bad cell. */
  const moneyCell = (r: readonly unknown[], f: DealField, sheetRow: number): number | null | undefined => {
    const c = col(f);
    if (c < 0) return null;
    const v = r[c];
    const x = readNumber(v);
    if (x === null) return null;
    if (isProblem(x)) {
      errors.cell(sheetRow, head(f), v, x.text);
      return undefined;
    }
    const cents = toCents(x) + 0;
    if (!Number.isSafeInteger(cents) || Math.abs(cents) > 1e15) {
      errors.cell(sheetRow, head(f), v, 'is too large to be an amount');
      return undefined;
    }
    return cents;
  };

  for (let i = 1; i < table.length; i++) {
    const sheetRow = i + 1;
    const raw = table[i];
    if (!Array.isArray(raw)) {
      if (!isBlankOrZero(raw))
        errors.note(sheetRow, head('customer'), 'this row of the range is not a row of cells');
      continue;
    }
    if (rowIsBlank(raw)) continue;
    const r: readonly unknown[] = raw;
    const before = errors.count;

    const customer = readText(r[col('customer')]);
    if (customer === null) errors.note(sheetRow, head('customer'), 'blank; every deal needs a customer');

    const dv = r[col('date')];
    const d = readDate(dv, opts.timeZone);
    if (d === null) errors.note(sheetRow, head('date'), 'blank; every deal needs a deal date');
    else if (isProblem(d)) errors.cell(sheetRow, head('date'), dv, d.text);

    const tv = r[col('type')];
    const tt = readText(tv);
    const type = tt === null ? undefined : TYPE_INDEX.get(typeKey(tt));
    if (tt === null) {
      errors.note(sheetRow, head('type'), `blank; every deal needs a type (${DEAL_TYPES.join(', ')})`);
    } else if (type === undefined) {
      errors.cell(sheetRow, head('type'), tv, `is not a deal type (use ${DEAL_TYPES.join(', ')})`);
    }

    const recurring = moneyCell(r, 'recurring', sheetRow);
    if (recurring === null && type !== 'churn' && type !== undefined) {
      errors.note(
        sheetRow,
        head('recurring'),
        `blank; a ${type} deal needs its annual recurring amount (0 is allowed)`,
      );
    }
    const services = moneyCell(r, 'services', sheetRow);

    let term = 0;
    if (col('term') >= 0) {
      const mv = r[col('term')];
      const x = readNumber(mv);
      if (isProblem(x)) errors.cell(sheetRow, head('term'), mv, x.text);
      else if (x !== null) {
        if (!Number.isInteger(x) || x < 0 || x > 1200) {
          errors.cell(sheetRow, head('term'), mv, 'is not a whole number of months from 0 to 1200');
        } else term = x;
      }
    }

    if (errors.count > before) continue;
    book.row.push(sheetRow);
    book.customer.push(customer as string);
    book.date.push(d as Day);
    book.type.push(type as DealType);
    book.recurringCents.push(recurring ?? 0);
    book.servicesCents.push(services ?? 0);
    book.termMonths.push(term);
    book.n++;
  }
  if (errors.count > 0) return errors.result();
  if (book.n === 0) return new CellError('#VALUE!', 'the deals range has a header row but no deals');
  return book;
}
