/**
 * What a revenue schedule can be split by: the ARR dimensions (customer, parent, product, segment,
 * region, rep, entity, currency, contract) read from each line, or `line` (one block per contract
 * line, keyed by its sheet row).
 */
import { CellError } from '../cells/error.js';
import { DIMENSIONS, parseDimension, type Dimension } from '../arr/arr-on.js';
import type { ContractBook } from '../contracts/book.js';
import type { Policy } from '../policy/keys.js';

export type RevenueGrouping = Dimension | 'line';
export const REVENUE_GROUPINGS: readonly RevenueGrouping[] = [...DIMENSIONS, 'line'];

/** `customer`, `Product`, `line` (or `row`) ...; anything else is an error listing the choices. */
export function parseRevenueGrouping(text: string): RevenueGrouping | CellError {
  const t = text.trim().toLowerCase();
  if (t === 'line' || t === 'row' || t === 'lines') return 'line';
  const d = parseDimension(text);
  if (d instanceof CellError) {
    return new CellError(
      '#VALUE!',
      `by: ${JSON.stringify(text)} is not a dimension; use one of ${REVENUE_GROUPINGS.join(', ')}`,
    );
  }
  return d;
}

export interface Groups {
  /** Group index of each book line. */
  keyOf: Int32Array;
  labels: string[];
  /** Group indexes in report order: by key (text order), lines by sheet row. */
  order: number[];
}

/**
 * The group of each line. `customer` is the customer key ARR uses (the parent under
 * `rollupToParent: yes`); `parent` is the line's parent, or its customer when it has none;
 * `contract` is the contract id, or `row N` for a line without one; `line` is the sheet row.
 */
export function groupLines(book: ContractBook, policy: Policy, by: RevenueGrouping): Groups {
  const n = book.n;
  const keyOf = new Int32Array(n);
  if (by === 'line') {
    const labels: string[] = new Array<string>(n);
    for (let j = 0; j < n; j++) {
      keyOf[j] = j;
      labels[j] = String(book.row[j]);
    }
    const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => book.row[a] - book.row[b]);
    return { keyOf, labels, order };
  }
  const rollup = policy.rollupToParent === 'yes';
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    let v: string;
    switch (by) {
      case 'customer':
        v = rollup && book.parent[j] !== '' ? book.parent[j] : book.customer[j];
        break;
      case 'parent':
        v = book.parent[j] !== '' ? book.parent[j] : book.customer[j];
        break;
      case 'contract':
        v = book.contract[j] !== '' ? book.contract[j] : `row ${book.row[j]}`;
        break;
      default:
        v = book[by][j];
    }
    let k = index.get(v);
    if (k === undefined) {
      k = labels.length;
      index.set(v, k);
      labels.push(v);
    }
    keyOf[j] = k;
  }
  const order = labels
    .map((_, k) => k)
    .sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0));
  return { keyOf, labels, order };
}
