/**
 * Largest-remainder allocation: split a whole number of cents over weights so that the parts sum
 * to the total exactly. Each part first gets the whole-cent floor of its exact share; the cents
 * left over go one each to the parts with the largest remainders (the earlier part on equal
 * remainders). A negative total is split as its absolute value and negated, so
 * allocate(-t, w) = -allocate(t, w). Every part is within one cent of its exact share and a zero
 * weight gets nothing.
 *
 * $1,000.00 over 12 equal weights: 8,334 cents to the first four, 8,333 to the other eight.
 */

/** A finite double as an integer times 2^-k: [integer, k]. */
function binary(x: number): [bigint, number] {
  let k = 0;
  while (!Number.isInteger(x)) {
    x *= 2; // exact: a double with a fraction is below 2^52
    k++;
  }
  return [BigInt(x), k];
}

/** Indices of the `count` largest remainders, earlier index first among equals. */
function topRemainders<T extends number | bigint>(rem: T[], count: number): number[] {
  const order = rem.map((_, i) => i);
  order.sort((i, j) => (rem[i] > rem[j] ? -1 : rem[i] < rem[j] ? 1 : i - j));
  return order.slice(0, count);
}

function allocateNumbers(total: number, weights: readonly number[], sum: number): number[] {
  const parts = new Array<number>(weights.length);
  const rem = new Array<number>(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const x = total * weights[i]; // exact: the caller checked total x sum <= 2^52, so q x sum is exact too
    let q = Math.floor(x / sum);
    let r = x - q * sum;
    if (r < 0) {
      q -= 1;
      r += sum;
    } else if (r >= sum) {
      q += 1;
      r -= sum;
    }
    parts[i] = q;
    rem[i] = r;
    given += q;
  }
  for (const i of topRemainders(rem, total - given)) parts[i] += 1;
  return parts;
}

function allocateBigints(total: number, weights: readonly number[]): number[] {
  const scaled = weights.map(binary);
  const k = scaled.reduce((m, [, e]) => Math.max(m, e), 0);
  const w = scaled.map(([n, e]) => n << BigInt(k - e));
  const sum = w.reduce((s, x) => s + x, 0n);
  const t = BigInt(total);
  const parts: bigint[] = [];
  const rem: bigint[] = [];
  let given = 0n;
  for (const x of w) {
    const q = (t * x) / sum; // non-negative operands: truncation is the floor
    parts.push(q);
    rem.push(t * x - q * sum);
    given += q;
  }
  for (const i of topRemainders(rem, Number(t - given))) parts[i] += 1n;
  return parts.map((p) => Number(p));
}

/**
 * Splits `totalCents` (a safe integer) over `weights` (finite, >= 0) in proportion. Throws a
 * RangeError on a bad argument, or when the weights are all zero and the total is not.
 */
export function allocate(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents)) {
    throw new RangeError(`allocate: the total ${totalCents} is not a whole number of cents`);
  }
  let sum = 0;
  let integers = true;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`allocate: the weight ${w} is not a number >= 0`);
    sum += w;
    if (!Number.isSafeInteger(w)) integers = false;
  }
  if (weights.every((w) => w === 0)) {
    if (totalCents === 0) return weights.map(() => 0);
    throw new RangeError(`allocate: cannot split ${totalCents} over weights that are all zero`);
  }
  const t = Math.abs(totalCents);
  const parts =
    integers && t <= 2 ** 52 / sum ? allocateNumbers(t, weights, sum) : allocateBigints(t, weights);
  return totalCents < 0 ? parts.map((p) => 0 - p) : parts;
}
