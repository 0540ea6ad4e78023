/**
 * Header aliases: which column of a contract range holds which field (methodology section 1).
 *
 * Headers are matched after normalising both sides: lower case, with spaces, `_`, `-`, `.`, `/`
 * and `#` removed, so `Start Date`, `start_date`, `START-DATE` and `Start.Date` are one header.
 * Columns whose header matches no alias are ignored.
 */
import { CellError } from '../cells/error.js';
import type { Field } from './book.js';
import { columnLetter } from '../cells/address.js';

/** What an amount column's name says about its basis: `ARR` is annual, `MRR` monthly. */
export type ImpliedBasis = 'annual' | 'monthly';

/** The columns every contract range needs. */
export const REQUIRED_FIELDS: readonly Field[] = ['customer', 'start', 'amount'];

/**
 * Aliases of every field, as a user would write them. The first alias of each field is its
 * canonical header (used in messages that suggest a header). The amount's annual and monthly
 * aliases are in `ANNUAL_AMOUNT_ALIASES` and `MONTHLY_AMOUNT_ALIASES`.
 */
export const HEADER_ALIASES: Readonly<Record<Field, readonly string[]>> = {
  customer: [
    'Customer',
    'Customer ID',
    'Customer Name',
    'Customer Number',
    'Account',
    'Account ID',
    'Account Name',
    'Account Number',
    'Client',
    'Client ID',
    'Client Name',
    'Logo',
  ],
  parent: [
    'Parent',
    'Parent ID',
    'Parent Name',
    'Parent Customer',
    'Parent Customer ID',
    'Parent Account',
    'Parent Account ID',
    'Ultimate Parent',
    'Ultimate Parent Account',
  ],
  contract: [
    'Contract',
    'Contract ID',
    'Contract Number',
    'Contract No',
    'Subscription',
    'Subscription ID',
    'Subscription Number',
    'Agreement',
    'Agreement ID',
  ],
  product: [
    'Product',
    'Product Name',
    'Product ID',
    'Product Code',
    'SKU',
    'Item',
    'Item Name',
    'Plan',
    'Plan Name',
  ],
  lineType: ['Line Type', 'Type', 'Revenue Type', 'Charge Type', 'Item Type'],
  start: [
    'Start',
    'Start Date',
    'Service Start',
    'Service Start Date',
    'Contract Start',
    'Contract Start Date',
    'Subscription Start',
    'Subscription Start Date',
    'Term Start',
    'Term Start Date',
    'Rev Rec Start',
    'Rev Rec Start Date',
  ],
  end: [
    'End',
    'End Date',
    'Service End',
    'Service End Date',
    'Contract End',
    'Contract End Date',
    'Subscription End',
    'Subscription End Date',
    'Term End',
    'Term End Date',
    'Rev Rec End',
    'Rev Rec End Date',
    'Expiration Date',
    'Expiry Date',
  ],
  signed: [
    'Signed',
    'Signed Date',
    'Date Signed',
    'Signature Date',
    'Booking Date',
    'Booked Date',
    'Close Date',
    'Closed Date',
    'Order Date',
  ],
  cancel: [
    'Cancel',
    'Cancel Date',
    'Cancellation',
    'Cancellation Date',
    'Cancelled',
    'Canceled',
    'Cancelled Date',
    'Canceled Date',
    'Termination',
    'Termination Date',
    'Terminated',
  ],
  notice: ['Notice Date', 'Notice', 'Non-Renewal Notice', 'Non-Renewal Notice Date', 'Non-Renewal Date'],
  amount: [
    'Amount',
    'Total',
    'Total Amount',
    'Contract Value',
    'Term Amount',
    'Net Amount',
    'Line Amount',
    'Value',
  ],
  listAmount: ['List Amount', 'List Price', 'List Value', 'Gross Amount'],
  freeMonths: ['Free Months', 'Months Free'],
  currency: ['Currency', 'Currency Code', 'CCY'],
  fxRate: ['FX Rate', 'Exchange Rate', 'Contract FX Rate'],
  billing: [
    'Billing',
    'Billing Frequency',
    'Billing Schedule',
    'Billing Period',
    'Billing Cycle',
    'Invoice Frequency',
  ],
  segment: ['Segment', 'Customer Segment', 'Market Segment'],
  region: ['Region', 'Sales Region', 'Geo', 'Geography', 'Territory'],
  rep: ['Rep', 'Sales Rep', 'Owner', 'Account Owner', 'Sales Owner', 'Account Executive'],
  entity: ['Entity', 'Subsidiary', 'Legal Entity', 'Billing Entity'],
  status: ['Status', 'Contract Status', 'Subscription Status'],
};

/**
 * Amount columns whose name says the amount is annual. `ACV` is deliberately not one: an ACV
 * figure usually includes one-time fees (methodology section 6), so it is not an ARR amount.
 */
export const ANNUAL_AMOUNT_ALIASES: readonly string[] = [
  'ARR',
  'Annual Amount',
  'Annual Recurring Revenue',
  'Annual Value',
];
/** Amount columns whose name says the amount is monthly. */
export const MONTHLY_AMOUNT_ALIASES: readonly string[] = [
  'MRR',
  'Monthly Amount',
  'Monthly Recurring Revenue',
];

const STRIP = /[\s_\-./#]+/g;

/** Header text as matched: lower case, without spaces, `_`, `-`, `.`, `/` and `#`. */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(STRIP, '');
}

interface AliasTarget {
  field: Field;
  basis: ImpliedBasis | null;
}

const ALIAS_INDEX: ReadonlyMap<string, AliasTarget> = (() => {
  const index = new Map<string, AliasTarget>();
  const add = (alias: string, target: AliasTarget): void => {
    const key = normalizeHeader(alias);
    const seen = index.get(key);
    if (seen && seen.field !== target.field) {
      throw new Error(`header alias ${alias} is listed for both ${seen.field} and ${target.field}`);
    }
    index.set(key, target);
  };
  for (const field of Object.keys(HEADER_ALIASES) as Field[]) {
    for (const alias of HEADER_ALIASES[field]) add(alias, { field, basis: null });
  }
  for (const alias of ANNUAL_AMOUNT_ALIASES) add(alias, { field: 'amount', basis: 'annual' });
  for (const alias of MONTHLY_AMOUNT_ALIASES) add(alias, { field: 'amount', basis: 'monthly' });
  return index;
})();

/** The field a header names (and, for an amount column, the basis its name implies), or null. */
export function fieldOfHeader(text: string): { field: Field; basis: ImpliedBasis | null } | null {
  return ALIAS_INDEX.get(normalizeHeader(text)) ?? null;
}

export { columnLetter };

/** The field as a user would call it, for messages. */
export const FIELD_LABEL: Readonly<Record<Field, string>> = {
  customer: 'customer',
  parent: 'parent customer',
  contract: 'contract id',
  product: 'product',
  lineType: 'line type',
  start: 'start date',
  end: 'end date',
  signed: 'signed date',
  cancel: 'cancel date',
  notice: 'notice date',
  amount: 'amount',
  listAmount: 'list amount',
  freeMonths: 'free months',
  currency: 'currency',
  fxRate: 'fx rate',
  billing: 'billing frequency',
  segment: 'segment',
  region: 'region',
  rep: 'rep',
  entity: 'entity',
  status: 'status',
};

/** How a header row maps onto the contract fields. */
export interface HeaderMap {
  /** 0-based column index (within the range) of each field found. */
  index: Partial<Record<Field, number>>;
  /** Header text, as found (trimmed), of each field found. */
  columns: Partial<Record<Field, string>>;
  /** Every header text of the row, trimmed, in order ('' for a blank header cell). */
  headers: string[];
  /** Non-blank headers that name no field; these columns are ignored. */
  ignored: string[];
  /** Required fields (customer, start, amount) with no column. */
  missing: Field[];
  /** Basis implied by the amount column's name (`ARR` → annual, `MRR` → monthly), else null. */
  impliedAmountBasis: ImpliedBasis | null;
}

/** Header text of a header cell: text trimmed, numbers as written, blanks (and Excel's 0) as ''. */
function headerText(value: unknown): string {
  if (value === null || value === undefined || value === 0) return '';
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * Maps a header row onto the contract fields. Errors (as a `CellError` on row 1):
 * - the same header twice (after normalising) for a field: `duplicate header "Start" in columns B and E`;
 * - two different headers for one field: `columns "Start" (B) and "Start Date" (E) both give the start date`.
 *
 * Two identical headers that name no field are ignored like any unknown column. Missing required
 * columns are not an error here (`missing` lists them), so a task pane can show a partial mapping.
 */
export function mapHeaders(headerRow: readonly unknown[]): HeaderMap | CellError {
  const index: Partial<Record<Field, number>> = {};
  const columns: Partial<Record<Field, string>> = {};
  const headers: string[] = [];
  const ignored: string[] = [];
  let impliedAmountBasis: ImpliedBasis | null = null;
  for (let c = 0; c < headerRow.length; c++) {
    const text = headerText(headerRow[c]);
    headers.push(text);
    if (text === '') continue;
    const target = fieldOfHeader(text);
    if (!target) {
      ignored.push(text);
      continue;
    }
    const prev = index[target.field];
    if (prev !== undefined) {
      const prevText = headers[prev];
      if (normalizeHeader(prevText) === normalizeHeader(text)) {
        return new CellError(
          '#VALUE!',
          `duplicate header ${JSON.stringify(text)} in columns ${columnLetter(prev)} and ${columnLetter(c)} ` +
            `of the contracts range; keep one`,
          1,
          text,
        );
      }
      return new CellError(
        '#VALUE!',
        `columns ${JSON.stringify(prevText)} (${columnLetter(prev)}) and ${JSON.stringify(text)} ` +
          `(${columnLetter(c)}) both give the ${FIELD_LABEL[target.field]}; keep one`,
        1,
        text,
      );
    }
    index[target.field] = c;
    columns[target.field] = text;
    if (target.field === 'amount') impliedAmountBasis = target.basis;
  }
  const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined);
  return { index, columns, headers, ignored, missing, impliedAmountBasis };
}
