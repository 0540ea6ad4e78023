/**
 * The snapshot's data hash: which contract data its ARR came from.
 *
 * Decisions:
 * - Only the lines that can be ARR under the policy are taken (recurring, and usage lines when the
 *   policy counts them); one-time lines never move ARR and are left out.
 * - Of each line, the fields the ARR engine reads under this policy, as the engine read them (so the
 *   same book saved as CSV or xlsx, dates as text or serials, hashes the same): the customer key
 *   (the parent under `rollupToParent: yes`), product and contract id (they name the lines in the
 *   bridge and the restatement), start, end, cancel date, the amount used (the list amount under
 *   `discounts: gross` when given) and currency; the line type under `multiYear: average` (it splits
 *   pools); the signed date under `basis: contracted`; the notice date under `churnDate: notice`;
 *   free months under `freeMonths: exclude` with amounts for the term; the line's fx rate under
 *   `fx: contract` when it is not in the reporting currency. Sheet row, billing, segment, region, rep,
 *   entity and status are left out: they do not move ARR. The book's amount basis is included.
 * - Independent of row order: each line is reduced to a 52-bit digest of those fields (digest.ts),
 *   the digests are sorted and the hash is SHA-256 over them (a duplicated line changes it). Hashing
 *   digests rather than the lines' text keeps a million lines within a few hundred milliseconds.
 * - The rates table is not part of it; the Rate column records every rate used.
 * - 12 hex digits, like the policy hash.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { NO_DAY } from '../cells/days.js';
import { LT_RECURRING, LT_USAGE_COMMIT, LT_USAGE_OVERAGE, type ContractBook } from '../contracts/book.js';
import type { Policy } from '../policy/keys.js';
import { begin, digest52, number, text, word } from './digest.js';

/** Whether a line of this type can be ARR under the policy (as the ARR model decides). */
export function isArrLine(lineType: number, policy: Policy): boolean {
  if (lineType === LT_RECURRING) return true;
  if (lineType === LT_USAGE_COMMIT) return policy.includeUsageCommit === 'yes';
  if (lineType === LT_USAGE_OVERAGE) return policy.includeUsageOverage === 'yes';
  return false;
}

/** The amount ARR is computed from: the list amount under `discounts: gross` when given. */
export function amountUsed(book: ContractBook, j: number, policy: Policy): number {
  if (policy.discounts === 'gross') {
    const list = book.listAmountCents[j];
    if (!Number.isNaN(list)) return list;
  }
  return book.amountCents[j];
}

const date = (d: number, tag: number): void => (d === NO_DAY ? word(0x2ffff) : number(d, tag));

export function snapshotDataHash(book: ContractBook, policy: Policy): string {
  const rollup = policy.rollupToParent === 'yes';
  const average = policy.multiYear === 'average';
  const contracted = policy.basis === 'contracted';
  const notice = policy.churnDate === 'notice';
  const free = policy.freeMonths === 'exclude' && book.amountBasis === 'term';
  const contractFx = policy.fx === 'contract';
  const digests = new Float64Array(book.n);
  let m = 0;
  for (let j = 0; j < book.n; j++) {
    if (!isArrLine(book.lineType[j], policy)) continue;
    begin(0x4441);
    text(rollup && book.parent[j] !== '' ? book.parent[j] : book.customer[j], 1);
    text(book.product[j], 2);
    text(book.contract[j], 3);
    if (average) number(book.lineType[j], 4);
    date(book.start[j], 5);
    date(book.end[j], 6);
    if (contracted) date(book.signed[j], 7);
    date(book.cancel[j], 8);
    if (notice) date(book.notice[j], 9);
    number(amountUsed(book, j, policy), 10);
    if (free) number(book.freeMonths[j], 11);
    text(book.currency[j], 12);
    if (contractFx && book.currency[j] !== policy.reportingCurrency) number(book.fxRate[j], 13);
    digests[m++] = digest52();
  }
  const sorted = sortDigests(digests.subarray(0, m));
  const prefix = utf8ToBytes(`RunRate snapshot data 1\namountBasis=${book.amountBasis}\nlines=${m}\n`);
  const bytes = new Uint8Array(prefix.length + 7 * m);
  bytes.set(prefix, 0);
  let p = prefix.length;
  for (let k = 0; k < m; k++) {
    // 52 bits in 7 bytes, big-endian.
    const x = sorted[k];
    const hi = Math.floor(x / 4294967296);
    const lo = x >>> 0;
    bytes[p++] = (hi >>> 16) & 255;
    bytes[p++] = (hi >>> 8) & 255;
    bytes[p++] = hi & 255;
    bytes[p++] = lo >>> 24;
    bytes[p++] = (lo >>> 16) & 255;
    bytes[p++] = (lo >>> 8) & 255;
    bytes[p++] = lo & 255;
  }
  return bytesToHex(sha256(bytes)).slice(0, 12);
}

const TWO36 = 68719476736;

/**
 * Digests (integers below 2^52) in ascending order: a counting pass on their top 16 bits, then an
 * insertion sort of each bucket (about 15 values a bucket for a million lines; a general sort for
 * an unusually full one), several times faster than a general sort.
 */
export function sortDigests(x: Float64Array): Float64Array {
  const B = 65536;
  const count = new Int32Array(B + 1);
  for (let i = 0; i < x.length; i++) count[Math.floor(x[i] / TWO36) + 1]++;
  for (let b = 0; b < B; b++) count[b + 1] += count[b];
  const out = new Float64Array(x.length);
  const fill = count.slice(0, B);
  for (let i = 0; i < x.length; i++) out[fill[Math.floor(x[i] / TWO36)]++] = x[i];
  for (let b = 0; b < B; b++) {
    if (count[b + 1] - count[b] > 64) {
      out.subarray(count[b], count[b + 1]).sort(); // an unusually full bucket
      continue;
    }
    for (let i = count[b] + 1; i < count[b + 1]; i++) {
      const v = out[i];
      let k = i - 1;
      while (k >= count[b] && out[k] > v) {
        out[k + 1] = out[k];
        k--;
      }
      out[k + 1] = v;
    }
  }
  return out;
}
