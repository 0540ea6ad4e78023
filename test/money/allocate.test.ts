import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocate } from '../../src/money/index.js';

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

describe('allocate: worked examples', () => {
  it('$1,000.00 over 12 months: 8,334 cents to the first four, 8,333 to the rest', () => {
    // 100,000 / 12 = 8,333 r 4: the four leftover cents go to the first four equal remainders
    expect(allocate(100_000, Array(12).fill(1))).toEqual([8334, 8334, 8334, 8334, ...Array(8).fill(8333)]);
  });

  it('splits by the largest remainder', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]); // 33.33 each, one cent left
    expect(allocate(10, [1, 2])).toEqual([3, 7]); // 3.33, 6.67: the cent goes to .67
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]); // equal remainders: earlier first
    expect(allocate(7, [0, 1, 0])).toEqual([0, 7, 0]);
    expect(allocate(1000, [3, 3, 4])).toEqual([300, 300, 400]);
    expect(allocate(101, [3, 3, 4])).toEqual([30, 30, 41]); // 30.3, 30.3, 40.4 -> .4 wins
  });

  it('splits a negative total as minus the split of its absolute value', () => {
    expect(allocate(-10, [1, 2])).toEqual([-3, -7]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('gives zeros for a zero total, never -0', () => {
    const parts = allocate(0, [1, 2]);
    expect(parts).toEqual([0, 0]);
    expect(parts.every((p) => Object.is(p, 0))).toBe(true);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(allocate(0, [])).toEqual([]);
  });

  it('takes fractional weights exactly', () => {
    // 2.5, 1.25, 1.25: floors 2, 1, 1 and the last cent to the .5
    expect(allocate(5, [0.5, 0.25, 0.25])).toEqual([3, 1, 1]);
    // as doubles 0.2 is exactly twice 0.1 (same significand), so 3 splits 1 : 2 exactly
    expect(allocate(3, [0.1, 0.2])).toEqual([1, 2]);
  });

  it('stays exact where total x weights passes 2^53', () => {
    // 9,007,199,254,740,991 / 2 = 4,503,599,627,370,495.5 each: the odd cent to the first
    expect(allocate(9007199254740991, [1, 1])).toEqual([4503599627370496, 4503599627370495]);
    // 1 cent over two huge weights differing by one: the larger weight gets it
    expect(allocate(1, [9007199254740990, 9007199254740991])).toEqual([0, 1]);
  });

  it('refuses bad arguments', () => {
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
    expect(() => allocate(NaN, [1])).toThrow(RangeError);
    expect(() => allocate(10, [1, -1])).toThrow(RangeError);
    expect(() => allocate(10, [1, NaN])).toThrow(RangeError);
    expect(() => allocate(10, [1, Infinity])).toThrow(RangeError);
    expect(() => allocate(10, [0, 0])).toThrow(RangeError);
    expect(() => allocate(10, [])).toThrow(RangeError);
  });
});

describe('allocate: laws', () => {
  const total = fc.integer({ min: -1e12, max: 1e12 });
  const intWeights = fc
    .array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 })
    .filter((w) => w.some((x) => x > 0));

  it('sums to the total exactly; every part within a cent of its exact share; largest remainders win', () => {
    fc.assert(
      fc.property(total, intWeights, (t, w) => {
        const parts = allocate(t, w);
        if (parts.length !== w.length || sum(parts) !== t) return false;
        const T = BigInt(Math.abs(t));
        const W = w.reduce((s, x) => s + BigInt(x), 0n);
        const sign = t < 0 ? -1n : 1n;
        const rem: bigint[] = [];
        const extra: boolean[] = [];
        for (let i = 0; i < w.length; i++) {
          if (!Number.isInteger(parts[i])) return false;
          const exact = T * BigInt(w[i]); // share x W
          const floor = exact / W;
          const p = BigInt(parts[i]) * sign;
          if (p !== floor && p !== floor + 1n) return false;
          rem.push(exact - floor * W);
          extra.push(p === floor + 1n);
        }
        // anyone who got the extra cent had a remainder at least as large as anyone who did not
        for (let i = 0; i < w.length; i++) {
          for (let j = 0; j < w.length; j++) {
            if (extra[i] && !extra[j] && (rem[i] < rem[j] || (rem[i] === rem[j] && i > j))) return false;
          }
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('gives nothing to a zero weight and shares the sign of the total', () => {
    fc.assert(
      fc.property(total, intWeights, (t, w) => {
        const parts = allocate(t, w);
        return parts.every((p, i) => (w[i] === 0 ? Object.is(p, 0) : t >= 0 ? p >= 0 : p <= 0));
      }),
      { numRuns: 1000 },
    );
  });

  it('is odd: allocate(-t) = -allocate(t)', () => {
    fc.assert(
      fc.property(total, intWeights, (t, w) => {
        const a = allocate(t, w);
        const b = allocate(-t, w);
        return a.every((x, i) => x + b[i] === 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('sums exactly with fractional weights too', () => {
    const weights = fc
      .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 })
      .filter((w) => w.some((x) => x > 0));
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const parts = allocate(t, w);
        const W = sum(w);
        return (
          sum(parts) === t &&
          parts.every((p, i) => Number.isInteger(p) && Math.abs(p - (t * w[i]) / W) < 1 + Math.abs(t) * 1e-12)
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('scales: equal weights give parts that differ by at most a cent', () => {
    fc.assert(
      fc.property(total, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 1e6 }), (t, n, x) => {
        const parts = allocate(t, Array(n).fill(x));
        return Math.max(...parts) - Math.min(...parts) <= 1;
      }),
      { numRuns: 1000 },
    );
  });
});
