/**
 * A fast 64-bit digest of cell values, for the snapshot's row and column checks and the per-line
 * digests of its data hash. Not a cryptographic hash: the snapshot's seal and data hash are SHA-256
 * over these digests (see seal.ts), and the digests only need to change when a value changes.
 *
 * Two independent 32-bit lanes. Each input word w updates a lane by `h = (h ^ w) x odd` (lane two
 * rotates first), a bijection of h for a fixed w: two inputs that differ in one word at the same
 * position always end in different states, so an edit that keeps a value's length is always seen;
 * other edits are missed with a chance of about 2^-64. Text goes in one UTF-16 code unit a word,
 * numbers as two 32-bit words, and every value ends with a tag word above 0xFFFF that no code unit
 * can imitate, so `ab`,`c` and `a`,`bc` differ.
 *
 * The state lives in two module variables so that hashing a million rows allocates nothing.
 */

let h1 = 0;
let h2 = 0;

const M1 = 0x01000193;
const M2 = 0x2c1b3c6d;

/** Starts a digest; `seed` keeps digests of different kinds apart. */
export function begin(seed: number): void {
  h1 = (0x811c9dc5 ^ seed) | 0;
  h2 = (0x3b9ac9ff ^ Math.imul(seed, 0x9e3779b1)) | 0;
}

/** One 32-bit word. */
export function word(w: number): void {
  h1 = Math.imul(h1 ^ w, M1);
  h2 = Math.imul(((h2 << 7) | (h2 >>> 25)) ^ w, M2);
}

/** Text, code unit by code unit, then an end tag. */
export function text(s: string, tag: number): void {
  for (let i = 0; i < s.length; i++) word(s.charCodeAt(i));
  word(0x10000 + tag);
}

const TWO32 = 4294967296;

/** A number: an integer below 2^53 in size exactly; anything else by its text. */
export function number(x: number, tag: number): void {
  if (Number.isSafeInteger(x)) {
    word(x | 0);
    word(Math.floor(x / TWO32) | 0);
    word(0x20000 + tag);
  } else {
    text(String(x), 0x8000 + tag);
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h;
}

/**
 * The two lanes as they stand, without the final mixing: enough for a cell's digest, which is only
 * ever fed into a row's digest and added into a column's sums.
 */
export function lane1(): number {
  return h1 >>> 0;
}
export function lane2(): number {
  return h2 >>> 0;
}

/** The digest's first 32 bits (with `low`, the final, mixed digest). */
export function high(): number {
  return fmix(h1 ^ Math.imul(h2, 0x9e3779b1)) >>> 0;
}

/** The digest's other 32 bits. */
export function low(): number {
  return fmix(h2 ^ Math.imul(h1, 0x85ebca77)) >>> 0;
}

/** 52 bits of the digest as a number (exact in a double), for sorting. */
export function digest52(): number {
  const hi = high();
  const lo = low();
  return (hi >>> 12) * TWO32 + lo;
}

const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** The first digit of a check is written as a letter, so that no spreadsheet takes a check for a number. */
const FIRST = Array.from('ghijklmnopqrstuv', (c) => c.charCodeAt(0));

/**
 * A check: sixteen hex digits of two 32-bit halves, the first one written as a letter g-v (0-f), so
 * a check never reads as a number (`0123...`, `12e4...`) when a CSV is opened in a spreadsheet.
 * Built in one call (a million of them take milliseconds).
 */
export function hex16of(hi: number, lo: number): string {
  const H = HEX;
  return String.fromCharCode(
    FIRST[hi >>> 28],
    H[(hi >>> 24) & 15],
    H[(hi >>> 20) & 15],
    H[(hi >>> 16) & 15],
    H[(hi >>> 12) & 15],
    H[(hi >>> 8) & 15],
    H[(hi >>> 4) & 15],
    H[hi & 15],
    H[lo >>> 28],
    H[(lo >>> 24) & 15],
    H[(lo >>> 20) & 15],
    H[(lo >>> 16) & 15],
    H[(lo >>> 12) & 15],
    H[(lo >>> 8) & 15],
    H[(lo >>> 4) & 15],
    H[lo & 15],
  );
}

/** The digest as a check (see hex16of). */
export function hex16(): string {
  return hex16of(high(), low());
}
