/**
 * A deterministic synthetic contract book for the benchmark and its tests.
 *
 * Shape: about ten lines per customer. Each customer buys one to five products; each product is an
 * annual recurring line renewed year after year (usually on the day after the previous end, with an
 * uplift, sometimes a downsell, sometimes a late renewal that leaves a gap) until the customer drops
 * it (a quarter of dropped products are won back months later) or a renewal would start after 2026. A few lines are co-termed add-ons (a mid-term purchase
 * ending with the line it adds to, so its term is not a whole year) and a few are two-year terms.
 * Customers first buy between 2022 and 2025, so a bridge over 2025 sees new, reactivated, expanding,
 * contracting and churning customers. USD only, amounts are term totals (amountBasis `term`).
 *
 * The book comes out column by column (what the ARR model consumes, without the cell-parsing path)
 * and, when asked, as the 2-D cell array a sheet hands to a function: a header row, then one row per
 * line with dates as Excel serial numbers and amounts as numbers in dollars.
 */
import { addMonths, dayFromYmd, excelSerialFromDay, NO_DAY, type Day } from '../src/cells/days.js';
import type { ContractBook } from '../src/contracts/book.js';

export const PRODUCTS = ['Platform', 'Analytics', 'Seats', 'Support', 'API'] as const;

/** The default seed: any fixed value gives a reproducible book. */
export const DEFAULT_SEED = 20250101;

export interface SyntheticBook {
  n: number;
  /** Number of distinct customers in the book. */
  customers: number;
  customer: string[];
  product: string[];
  contract: string[];
  start: Int32Array;
  /** Inclusive last day of service. */
  end: Int32Array;
  /** Term total in integer cents (all positive). */
  amountCents: Float64Array;
}

/**
 * A small 32-bit generator: a Weyl sequence (odd increment) passed through an integer mixer.
 * Deterministic across platforms because it only uses 32-bit integer operations.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Uniform integer in [0, 2^32). */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const FIRST_DAY = dayFromYmd(2022, 1, 1);
const LAST_FIRST_PURCHASE = dayFromYmd(2025, 12, 31);
const LAST_START = dayFromYmd(2026, 12, 31);
/** Two-year terms are sold only before this day, so every line ends by 2027. */
const TWO_YEAR_CUTOFF = dayFromYmd(2025, 1, 1);

/** Renewal price moves: mostly flat-to-modest uplifts, a few larger expansions and downsells. */
const UPLIFTS = [1, 1.03, 1.03, 1.05, 1.05, 1.05, 1.07, 1.1, 1.25, 0.85, 0.9];

/** Dollars, log-uniform between lo and hi, to the cent. */
function price(rng: Rng, lo: number, hi: number): number {
  return Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))) * 100);
}

/**
 * Builds a book of exactly `n` lines (the last customer may be cut short). The same `n` and `seed`
 * always give the same book.
 */
export function syntheticBook(n: number, seed: number = DEFAULT_SEED): SyntheticBook {
  const rng = new Rng(seed);
  const customer: string[] = new Array(n);
  const product: string[] = new Array(n);
  const contract: string[] = new Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const amountCents = new Float64Array(n);
  let i = 0;
  let c = 0;

  const push = (cust: string, prod: string, k: string, s: Day, e: Day, cents: number): boolean => {
    if (i >= n) return false;
    customer[i] = cust;
    product[i] = prod;
    contract[i] = k;
    start[i] = s;
    end[i] = e;
    amountCents[i] = cents;
    i++;
    return true;
  };

  while (i < n) {
    c++;
    const cust = 'C' + String(c).padStart(7, '0');
    // Earlier first purchases are more likely (an established book), skewed by squaring.
    const u = rng.next();
    const firstStart = FIRST_DAY + Math.floor(u * u * (LAST_FIRST_PURCHASE - FIRST_DAY + 1));
    const products = 1 + Math.floor(rng.next() * 5);
    const churnRate = rng.chance(0.7) ? 0.06 : 0.25;
    let seq = 0;
    for (let p = 0; p < products && i < n; p++) {
      const prod = PRODUCTS[(p + c) % PRODUCTS.length];
      let s = p === 0 ? firstStart : firstStart + rng.int(0, 540);
      let cents = p === 0 ? price(rng, 3000, 250000) : price(rng, 1000, 60000);
      let wonBack = false;
      while (s <= LAST_START && i < n) {
        const years = s < TWO_YEAR_CUTOFF && rng.chance(0.05) ? 2 : 1;
        const e = addMonths(s, 12 * years) - 1;
        const k = `K${c}-${++seq}`;
        if (!push(cust, prod, k, s, e, cents * years)) break;
        // A co-termed add-on bought part way through the term, on the same contract.
        const addStart = s + rng.int(20, e - s - 20);
        if (rng.chance(0.12) && addStart <= LAST_START) {
          const annual = Math.round(cents * (0.1 + rng.next() * 0.3));
          const addCents = Math.max(1, Math.round((annual * (e - addStart + 1)) / 365));
          if (!push(cust, prod, k, addStart, e, addCents)) break;
          cents += annual;
        }
        if (rng.chance(churnRate)) {
          // Some lapsed products are won back months later, at a discount.
          if (wonBack || !rng.chance(0.25)) break;
          wonBack = true;
          cents = Math.max(100, Math.round(cents * 0.8));
          s = e + 1 + rng.int(90, 540);
          continue;
        }
        cents = Math.max(100, Math.round(cents * UPLIFTS[rng.int(0, UPLIFTS.length - 1)]));
        // Most renewals start the next day; a few are signed late and leave a gap.
        s = rng.chance(0.06) ? e + 1 + rng.int(1, 75) : e + 1;
      }
    }
  }
  return { n, customers: c, customer, product, contract, start, end, amountCents };
}

/** The book as the columnar `ContractBook` that `buildModel` consumes (no cell parsing). */
export function toContractBook(book: SyntheticBook): ContractBook {
  const n = book.n;
  const row = new Int32Array(n);
  for (let j = 0; j < n; j++) row[j] = j + 2;
  const blank = (): string[] => new Array<string>(n).fill('');
  return {
    n,
    row,
    customer: book.customer,
    parent: blank(),
    contract: book.contract,
    product: book.product,
    lineType: new Uint8Array(n),
    start: book.start,
    end: book.end,
    signed: new Int32Array(n).fill(NO_DAY),
    cancel: new Int32Array(n).fill(NO_DAY),
    notice: new Int32Array(n).fill(NO_DAY),
    amountCents: book.amountCents,
    listAmountCents: new Float64Array(n).fill(NaN),
    freeMonths: new Float64Array(n),
    currency: new Array<string>(n).fill('USD'),
    fxRate: new Float64Array(n).fill(NaN),
    billing: blank(),
    segment: blank(),
    region: blank(),
    rep: blank(),
    entity: blank(),
    status: blank(),
    amountBasis: 'term',
    columns: {
      customer: 'Customer',
      contract: 'Contract',
      product: 'Product',
      start: 'Start',
      end: 'End',
      amount: 'Amount',
      currency: 'Currency',
    },
    warnings: [],
  };
}

export const CELL_HEADER = ['Customer', 'Contract', 'Product', 'Start', 'End', 'Amount', 'Currency'];

/** The book as a sheet range: header row, then rows with Excel serial dates and dollar amounts. */
export function toCells(book: SyntheticBook): unknown[][] {
  const out: unknown[][] = new Array(book.n + 1);
  out[0] = CELL_HEADER.slice();
  for (let j = 0; j < book.n; j++) {
    out[j + 1] = [
      book.customer[j],
      book.contract[j],
      book.product[j],
      excelSerialFromDay(book.start[j]),
      excelSerialFromDay(book.end[j]),
      book.amountCents[j] / 100,
      'USD',
    ];
  }
  return out;
}
