/**
 * The data hash of a report's title block: which contract lines (and rates) the figures came from.
 *
 * Decisions:
 * - It is taken over the lines as the engine read them, not over the raw cells: each line becomes
 *   one canonical row of every field the engine reads (customer, parent, contract, product, line
 *   type, start, end, signed, cancel, notice, amount in cents, list amount in cents, free months,
 *   currency, fx rate, billing, segment, region, rep, entity), dates as YYYY-MM-DD. So the same book
 *   saved as CSV or as xlsx (dates as text or as serials, amounts as `1,000.00` or 1000) hashes the
 *   same, and a change to any field that can move a figure changes the hash. The status column and
 *   the sheet row are left out (the engine does not read them).
 * - The rows are sorted before hashing, so reordering the sheet does not change the hash; a
 *   duplicated line does.
 * - The amount basis the book was read under (the policy's, or the one a column named ARR or MRR
 *   implies) is part of it; the policy itself has its own hash.
 * - The rates table, when given, is part of it too (every dated and undated rate, exactly), since
 *   it moves every converted figure.
 * - 12 hex characters of SHA-256 over the UTF-8 text, like the policy hash.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { formatDay, NO_DAY, type Day } from '../cells/days.js';
import { LINE_TYPES, type ContractBook } from '../contracts/book.js';
import type { ExactRate, FxRates } from '../money/rates.js';

const day = (d: Day): string => (d === NO_DAY ? '' : formatDay(d));
const num = (x: number): string => (Number.isNaN(x) ? '' : String(x));
const exact = (r: ExactRate): string => (r.scale === 0 ? `${r.num}` : `${r.num}e-${r.scale}`);

/** One canonical text row per line, in book order (JSON arrays: no separator can be forged). */
export function canonicalLines(book: ContractBook): string[] {
  const out: string[] = new Array(book.n);
  for (let j = 0; j < book.n; j++) {
    out[j] = JSON.stringify([
      book.customer[j],
      book.parent[j],
      book.contract[j],
      book.product[j],
      LINE_TYPES[book.lineType[j]],
      day(book.start[j]),
      day(book.end[j]),
      day(book.signed[j]),
      day(book.cancel[j]),
      day(book.notice[j]),
      num(book.amountCents[j]),
      num(book.listAmountCents[j]),
      num(book.freeMonths[j]),
      book.currency[j],
      num(book.fxRate[j]),
      book.billing[j],
      book.segment[j],
      book.region[j],
      book.rep[j],
      book.entity[j],
    ]);
  }
  return out;
}

/** Canonical rows of a rates table: every dated and undated rate. */
export function canonicalRates(rates: FxRates): string[] {
  const out: string[] = [];
  for (const [currency, list] of rates.dated) {
    for (const r of list) out.push(JSON.stringify(['rate', currency, day(r.day), exact(r.rate)]));
  }
  for (const [currency, r] of rates.board) out.push(JSON.stringify(['board', currency, exact(r)]));
  return out;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** 12 hex characters of the SHA-256 of the book's sorted canonical rows (and the rates', if any). */
export function dataHash(book: ContractBook, rates?: FxRates | null): string {
  const lines = canonicalLines(book).sort(byCodeUnit);
  let text = `runrate data 1\namountBasis=${book.amountBasis}\nlines=${book.n}\n${lines.join('\n')}\n`;
  if (rates) {
    const r = canonicalRates(rates).sort(byCodeUnit);
    text += `rates=${rates.reportingCurrency}:${r.length}\n${r.join('\n')}\n`;
  }
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 12);
}
