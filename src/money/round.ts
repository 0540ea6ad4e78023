/**
 * Rounding to whole cents, with the policy's two modes (methodology section 2):
 * - `half_up`: halves away from zero, as Excel's and Sheets' ROUND (2.5 -> 3, -2.5 -> -3);
 * - `half_even`: halves to the even neighbour, banker's rounding (2.5 -> 2, 3.5 -> 4, -2.5 -> -2).
 *
 * A double cannot always tell a tie: 100 x 1.005 is exactly 100.5 cents, but in doubles it is
 * 100.49999999999999. So the engine rounds through `roundMulDiv` (or `roundScaled`): it computes the
 * value in doubles and rounds it there (no allocation) unless the fraction lies within a relative
 * `TIE_TOLERANCE` of .5; only then does it decide exactly from the value as a ratio of bigints.
 * The doubles' own error (a few units in the 16th significant digit) is a million times smaller
 * than that window, so the fast path never rounds the wrong way.
 *
 * All results are integers (as `number`), never -0.
 */
import type { ExactRate } from './rates.js';

export type RoundingMode = 'half_up' | 'half_even';

/**
 * How close to .5 (relative to the value's size) a fraction must be for the exact path:
 * |fraction - 0.5| <= TIE_TOLERANCE x |value|.
 */
export const TIE_TOLERANCE = 1e-9;

/** Nearest integer, halves away from zero (Excel ROUND(x, 0)). */
export function roundHalfUp(x: number): number {
  const r = Math.round(Math.abs(x)); // exact for every double; ties go up, i.e. away from zero here
  return x < 0 ? 0 - r : r;
}

/** Nearest integer, halves to the even integer. */
export function roundHalfEven(x: number): number {
  const a = Math.abs(x);
  const f = Math.floor(a);
  const d = a - f; // exact: f and a are within a factor of two, or f is 0
  const r = d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  return x < 0 ? 0 - r : r;
}

/** A value in cents (a double that may have a fraction) to whole cents, taken as the double it is. */
export function roundCents(x: number, mode: RoundingMode): number {
  return mode === 'half_even' ? roundHalfEven(x) : roundHalfUp(x);
}

/** num / den rounded to an integer, exactly. `den` must not be 0 (RangeError). */
export function roundRatio(num: bigint, den: bigint, mode: RoundingMode): bigint {
  if (den === 0n) throw new RangeError('roundRatio: division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // truncated toward zero
  const r = num % den; // has the sign of num
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < den) return q;
  const away = num < 0n ? q - 1n : q + 1n;
  if (twice > den) return away;
  return mode === 'half_up' || q % 2n !== 0n ? away : q;
}

/** True when `v` is too close to a tie for its double to decide. */
export function isNearTie(v: number): boolean {
  const a = Math.abs(v);
  const d = a - Math.floor(a);
  return Math.abs(d - 0.5) <= TIE_TOLERANCE * a;
}

/** A finite double as num / 2^k exactly (k >= 0). */
function exactBinary(x: number): [bigint, bigint] {
  let k = 0;
  while (!Number.isInteger(x)) {
    x *= 2; // exact: a double with a fraction is below 2^52, so doubling it neither rounds nor overflows
    k++;
  }
  return [BigInt(x), 1n << BigInt(k)];
}

/** 10^n for the scales rates use, cached. */
const POW10: bigint[] = [];
function pow10(n: number): bigint {
  let p = POW10[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n < 64) POW10[n] = p;
  }
  return p;
}

/**
 * round(a x b / c x rate) in whole units, exact even at ties. This is the engine's per-line
 * rounding: ARR cents = roundMulDiv(amountCents, 365, termDays, mode, rate), or with monthly12
 * roundMulDiv(amountCents, 12 x daysOfLastMonth, months x daysOfLastMonth + extraDays, mode, rate).
 *
 * a, b, c are finite doubles taken at their exact binary value (integers in practice); c must not
 * be 0 (the result is then NaN or +-Infinity, as the division gives). `rate` omitted or null means 1.
 * Allocation-free unless the value is within TIE_TOLERANCE of a tie.
 */
export function roundMulDiv(
  a: number,
  b: number,
  c: number,
  mode: RoundingMode,
  rate?: ExactRate | null,
): number {
  const v = rate ? ((a * b) / c) * rate.value : (a * b) / c;
  if (!isNearTie(v)) return roundHalfUp(v); // not a tie: both modes agree
  const [an, ad] = exactBinary(a);
  const [bn, bd] = exactBinary(b);
  const [cn, cd] = exactBinary(c);
  let num = an * bn * cd;
  let den = ad * bd * cn;
  if (rate) {
    num *= rate.num;
    den *= pow10(rate.scale);
  }
  return Number(roundRatio(num, den, mode));
}

/**
 * The general form: `value` is the caller's double estimate of a quantity whose exact value
 * `exact()` returns as [numerator, denominator]; `exact` is called only near a tie. The estimate's
 * relative error must be far below TIE_TOLERANCE (a handful of double operations is). Hoist the
 * callback out of hot loops, or use `roundMulDiv`, to keep the fast path free of allocation.
 */
export function roundScaled(
  value: number,
  mode: RoundingMode,
  exact: () => readonly [bigint, bigint],
): number {
  if (!isNearTie(value)) return roundHalfUp(value);
  const [num, den] = exact();
  return Number(roundRatio(num, den, mode));
}
