/**
 * A parsed contract table, column by column (typed arrays for the hot loops). One entry per
 * contract line, in sheet order. Produced by `parseContracts`, consumed by the ARR model.
 */

export type LineType = 'recurring' | 'one_time' | 'usage_commit' | 'usage_overage';
export const LINE_TYPES: readonly LineType[] = ['recurring', 'one_time', 'usage_commit', 'usage_overage'];
/** Index into LINE_TYPES, as stored in `ContractBook.lineType`. */
export const LT_RECURRING = 0;
export const LT_ONE_TIME = 1;
export const LT_USAGE_COMMIT = 2;
export const LT_USAGE_OVERAGE = 3;

/** Every field of methodology section 1. */
export type Field =
  | 'customer'
  | 'parent'
  | 'contract'
  | 'product'
  | 'lineType'
  | 'start'
  | 'end'
  | 'signed'
  | 'cancel'
  | 'notice'
  | 'amount'
  | 'listAmount'
  | 'freeMonths'
  | 'currency'
  | 'fxRate'
  | 'billing'
  | 'segment'
  | 'region'
  | 'rep'
  | 'entity'
  | 'status';

/** A finding about the data that is not an error (e.g. an end date assumed under missingEnd). */
export interface BookWarning {
  row: number;
  column: string;
  message: string;
}

export interface ContractBook {
  /** Number of lines. */
  n: number;
  /** Sheet row of each line (header = row 1). */
  row: Int32Array;
  customer: string[];
  /** '' when blank. */
  parent: string[];
  /** '' when blank. */
  contract: string[];
  /** '' when blank. */
  product: string[];
  /** Index into LINE_TYPES. */
  lineType: Uint8Array;
  start: Int32Array;
  /** Inclusive last day of service, after `endDateInclusive` and `missingEnd` are applied. */
  end: Int32Array;
  /** NO_DAY when blank. */
  signed: Int32Array;
  /** NO_DAY when blank. */
  cancel: Int32Array;
  /** NO_DAY when blank. */
  notice: Int32Array;
  /** Integer cents, in the line's currency, on the book's `amountBasis`. */
  amountCents: Float64Array;
  /** Integer cents, or NaN when blank. */
  listAmountCents: Float64Array;
  /** 0 when blank. */
  freeMonths: Float64Array;
  /** Upper-case ISO code; the policy's reporting currency when blank. */
  currency: string[];
  /** Contract-fixed rate to the reporting currency, NaN when blank. */
  fxRate: Float64Array;
  /** '' when blank (billing is read as annual). */
  billing: string[];
  segment: string[];
  region: string[];
  rep: string[];
  entity: string[];
  status: string[];
  /** What the amount column means: the policy's amountBasis, or implied by a column named ARR/MRR. */
  amountBasis: 'term' | 'annual' | 'monthly';
  /** The header text found for each field (for messages), or undefined when the column is absent. */
  columns: Partial<Record<Field, string>>;
  warnings: BookWarning[];
}
