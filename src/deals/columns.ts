/**
 * The columns of a deals range and their header aliases (methodology section 6). Headers are
 * matched case-insensitively with spaces, `_`, `-`, `.`, `/`, `#` and parentheses removed, so
 * `Term (Months)`, `term_months` and `TERM MONTHS` are one header. Columns naming no field are ignored.
 */
import { CellError } from '../cells/error.js';
import { columnLetter } from '../contracts/aliases.js';

export type DealField = 'customer' | 'date' | 'type' | 'recurring' | 'services' | 'term';

export const DEAL_FIELDS: readonly DealField[] = [
  'customer',
  'date',
  'type',
  'recurring',
  'services',
  'term',
];

/** Columns every deals range needs. Services (blank: none) and term (blank: no term) are optional. */
export const REQUIRED_DEAL_FIELDS: readonly DealField[] = ['customer', 'date', 'type', 'recurring'];

/** Aliases per field; the first is the canonical header used in messages. */
export const DEAL_HEADER_ALIASES: Readonly<Record<DealField, readonly string[]>> = {
  customer: [
    'Customer',
    'Customer ID',
    'Customer Name',
    'Account',
    'Account ID',
    'Account Name',
    'Client',
    'Client Name',
    'Logo',
  ],
  date: ['Deal Date', 'Close Date', 'Closed Date', 'Date', 'Booking Date', 'Booked Date'],
  type: ['Type', 'Deal Type', 'Opportunity Type'],
  recurring: ['Annual Recurring Amount', 'ARR', 'Recurring Amount', 'Annual Amount', 'Annual Recurring'],
  services: [
    'Services',
    'One-Time Amount',
    'One Time Amount',
    'Services Amount',
    'Professional Services',
    'One-Time',
  ],
  term: ['Term', 'Term Months', 'Term (Months)', 'Term In Months', 'Months'],
};

export const DEAL_FIELD_LABEL: Readonly<Record<DealField, string>> = {
  customer: 'customer',
  date: 'deal date',
  type: 'deal type',
  recurring: 'annual recurring amount',
  services: 'services amount',
  term: 'term in months',
};

const STRIP = /[\s_\-./#()]+/g;
const norm = (s: string): string => s.toLowerCase().replace(STRIP, '');

const INDEX: ReadonlyMap<string, DealField> = new Map(
  DEAL_FIELDS.flatMap((f) => DEAL_HEADER_ALIASES[f].map((a): [string, DealField] => [norm(a), f])),
);

export interface DealHeaderMap {
  /** 0-based column of each field found. */
  index: Partial<Record<DealField, number>>;
  /** Header text as found, per field. */
  columns: Partial<Record<DealField, string>>;
}

function headerText(value: unknown): string {
  if (value === null || value === undefined || value === 0) return '';
  return typeof value === 'string' ? value.trim() : String(value);
}

/** Maps the header row onto the deal fields; a CellError on row 1 for a duplicate or a missing column. */
export function mapDealHeaders(headerRow: readonly unknown[]): DealHeaderMap | CellError {
  const index: Partial<Record<DealField, number>> = {};
  const columns: Partial<Record<DealField, string>> = {};
  const found: string[] = [];
  for (let c = 0; c < headerRow.length; c++) {
    const text = headerText(headerRow[c]);
    if (text === '') continue;
    found.push(text);
    const field = INDEX.get(norm(text));
    if (!field) continue;
    const prev = index[field];
    if (prev !== undefined) {
      return new CellError(
        '#VALUE!',
        `columns ${JSON.stringify(columns[field])} (${columnLetter(prev)}) and ${JSON.stringify(text)} ` +
          `(${columnLetter(c)}) both give the ${DEAL_FIELD_LABEL[field]}; keep one`,
        1,
        text,
      );
    }
    index[field] = c;
    columns[field] = text;
  }
  const missing = REQUIRED_DEAL_FIELDS.filter((f) => index[f] === undefined);
  if (missing.length > 0) {
    const parts = missing.map(
      (f) => `${DEAL_FIELD_LABEL[f]} (e.g. ${JSON.stringify(DEAL_HEADER_ALIASES[f][0])})`,
    );
    const list = found.length === 0 ? 'none' : found.map((h) => JSON.stringify(h)).join(', ');
    return new CellError(
      '#VALUE!',
      `the deals range is missing the required column${missing.length > 1 ? 's' : ''} ${parts.join(', ')}; ` +
        `headers found: ${list}${found.length === 0 ? ' (the first row of the range is its header row)' : ''}`,
      1,
    );
  }
  return { index, columns };
}
