/** Exact numbers as the snapshot writes them: rates as decimal text, local ARR as a fraction. */
import type { ExactRate } from '../money/rates.js';

const TWO53 = 9007199254740992;

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** An exact rate as decimal text: 1, 1.0825, 0.00731. */
export function rateText(r: ExactRate): string {
  if (r.scale === 0) return r.num.toString();
  const digits = r.num.toString().padStart(r.scale + 1, '0');
  return `${digits.slice(0, -r.scale)}.${digits.slice(-r.scale)}`;
}

/**
 * The exact local ARR (num / den cents, in lowest terms) as a fraction of currency units in lowest
 * terms: 1825000000/181 cents -> `18250000/181` (50,000 x 365 / 181 days).
 */
export function exactText(num: number, den: number): string {
  const g = gcd(num, 100);
  const d = den * (100 / g);
  return d < TWO53 ? `${num / g}/${d}` : `${num / g}/${BigInt(den) * BigInt(100 / g)}`;
}
