/** ARR, MRR and customer count on a date, optionally grouped by a dimension (methodology section 2). */
import type { Day } from '../cells/days.js';
import { CellError } from '../cells/error.js';
import type { ArrModel } from './model.js';
import { sumOn, withRates } from './evaluate.js';
import { roundCentsDivision } from './round-total.js';

export const DIMENSIONS = [
  'customer',
  'parent',
  'product',
  'segment',
  'region',
  'rep',
  'entity',
  'currency',
  'contract',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface ArrGroup {
  key: string;
  arrCents: number;
  customers: number;
}

export interface ArrResult {
  asOf: Day;
  currency: string;
  arrCents: number;
  /** ARR / 12, rounded once with the policy's rounding. */
  mrrCents: number;
  /** Customer keys with ARR > 0. */
  customers: number;
  by?: ArrGroup[];
}

/** Parses a group-by name (case-insensitive; `sales rep`/`owner` read as rep, `subsidiary` as entity). */
export function parseDimension(text: string): Dimension | CellError {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const alias: Record<string, Dimension> = {
    customer: 'customer',
    account: 'customer',
    parent: 'parent',
    product: 'product',
    sku: 'product',
    segment: 'segment',
    region: 'region',
    rep: 'rep',
    salesrep: 'rep',
    owner: 'rep',
    entity: 'entity',
    subsidiary: 'entity',
    currency: 'currency',
    contract: 'contract',
  };
  const d = alias[t];
  if (d) return d;
  return new CellError(
    '#VALUE!',
    `by: ${JSON.stringify(text)} is not a dimension; use one of ${DIMENSIONS.join(', ')}`,
  );
}

/** The value of a dimension for each contributor, interned. */
export function dimensionKeys(model: ArrModel, by: Dimension): { keyOf: Int32Array; labels: string[] } {
  const { book } = model;
  const keyOf = new Int32Array(model.n);
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < model.n; i++) {
    const j = poolRepresentative(model, i, by);
    let v: string;
    switch (by) {
      case 'customer':
        v = model.customers[model.customer[i]];
        break;
      case 'parent':
        v = book.parent[j] !== '' ? book.parent[j] : model.customers[model.customer[i]];
        break;
      case 'product':
        v = model.products[model.product[i]];
        break;
      case 'currency':
        v = model.currencies[model.currencyIdx[i]];
        break;
      case 'contract':
        v = model.contractLabel[i];
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
    keyOf[i] = k;
  }
  return { keyOf, labels };
}

/**
 * The line whose dimension values stand for a contributor: its only line, or for a pool the
 * earliest-starting line (ties: the smallest value), so the result never depends on row order.
 */
function poolRepresentative(model: ArrModel, i: number, by: Dimension): number {
  const a = model.lineStart[i];
  const b = model.lineStart[i + 1];
  let best = model.lineIdx[a];
  if (b - a === 1 || by === 'customer' || by === 'product' || by === 'currency' || by === 'contract')
    return best;
  const { book } = model;
  const field = by === 'parent' ? book.parent : book[by];
  for (let m = a + 1; m < b; m++) {
    const j = model.lineIdx[m];
    if (book.start[j] < book.start[best] || (book.start[j] === book.start[best] && field[j] < field[best]))
      best = j;
  }
  return best;
}

export function arrOn(model: ArrModel, day: Day, by?: Dimension): ArrResult | CellError {
  return withRates(() => {
    const perCustomer = sumOn(model, day, day, model.customer, new Float64Array(model.customers.length));
    let arrCents = 0;
    let customers = 0;
    for (const v of perCustomer) {
      arrCents += v;
      if (v > 0) customers++;
    }
    const result: ArrResult = {
      asOf: day,
      currency: model.currency,
      arrCents,
      mrrCents: roundCentsDivision(arrCents, 12, model.rounding),
      customers,
    };
    if (by) result.by = groupArr(model, day, by);
    return result;
  });
}

function groupArr(model: ArrModel, day: Day, by: Dimension): ArrGroup[] {
  const { keyOf, labels } = dimensionKeys(model, by);
  const C = model.customers.length;
  // (group, customer) pairs, so each group counts the customers with ARR > 0 in it.
  const pairOf = new Int32Array(model.n);
  const pairIndex = new Map<number, number>();
  const pairGroup: number[] = [];
  for (let i = 0; i < model.n; i++) {
    const code = keyOf[i] * C + model.customer[i];
    let p = pairIndex.get(code);
    if (p === undefined) {
      p = pairGroup.length;
      pairIndex.set(code, p);
      pairGroup.push(keyOf[i]);
    }
    pairOf[i] = p;
  }
  const perPair = sumOn(model, day, day, pairOf, new Float64Array(pairGroup.length));
  const arr = new Float64Array(labels.length);
  const customers = new Int32Array(labels.length);
  const seen = new Uint8Array(labels.length);
  for (let p = 0; p < pairGroup.length; p++) {
    arr[pairGroup[p]] += perPair[p];
    if (perPair[p] > 0) customers[pairGroup[p]]++;
    if (perPair[p] !== 0) seen[pairGroup[p]] = 1;
  }
  const groups: ArrGroup[] = [];
  for (let g = 0; g < labels.length; g++) {
    if (seen[g]) groups.push({ key: labels[g], arrCents: arr[g], customers: customers[g] });
  }
  return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
