import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  exactRate,
  isNearTie,
  roundCents,
  roundHalfEven,
  roundHalfUp,
  roundMulDiv,
  roundRatio,
  roundScaled,
  type ExactRate,
  type RoundingMode,
} from '../../src/money/index.js';

function rate(text: string): ExactRate {
  const r = exactRate(text);
  if (r === null) throw new Error(`bad rate ${text}`);
  return r;
}

/** Object.is, so that -0 fails where 0 is wanted. */
const same = (a: number, b: number): boolean => Object.is(a, b);

describe('roundHalfUp and roundHalfEven at ties', () => {
  // [x, half up (away from zero), half even]
  const cases: [number, number, number][] = [
    [0.5, 1, 0],
    [1.5, 2, 2],
    [2.5, 3, 2],
    [3.5, 4, 4],
    [-0.5, -1, 0],
    [-1.5, -2, -2],
    [-2.5, -3, -2],
    [-3.5, -4, -4],
    [12345.5, 12346, 12346],
    [12346.5, 12347, 12346],
  ];
  for (const [x, up, even] of cases) {
    it(`${x} -> ${up} half up, ${even} half even`, () => {
      expect(same(roundHalfUp(x), up)).toBe(true);
      expect(same(roundHalfEven(x), even)).toBe(true);
      expect(same(roundCents(x, 'half_up'), up)).toBe(true);
      expect(same(roundCents(x, 'half_even'), even)).toBe(true);
    });
  }
});

describe('roundHalfUp and roundHalfEven off ties', () => {
  const cases: [number, number][] = [
    [0, 0],
    [-0, 0],
    [2.4, 2],
    [2.6, 3],
    [-2.4, -2],
    [-2.6, -3],
    [-0.4, 0],
    [0.49999999999999994, 0], // the largest double below 0.5
    [-0.49999999999999994, 0],
    [4503599627370495.5, 4503599627370496], // 2^52 - 0.5 is a tie: both give the even 2^52
    [9007199254740991, 9007199254740991],
  ];
  for (const [x, want] of cases) {
    it(`${x} -> ${want}`, () => {
      expect(same(roundHalfUp(x), want)).toBe(true);
      expect(same(roundHalfEven(x), want)).toBe(true);
    });
  }

  it('passes NaN and infinities through', () => {
    expect(roundHalfUp(NaN)).toBeNaN();
    expect(roundHalfEven(NaN)).toBeNaN();
    expect(roundHalfUp(Infinity)).toBe(Infinity);
    expect(roundHalfEven(-Infinity)).toBe(-Infinity);
  });

  it('obeys the rounding laws for any double', () => {
    const x = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(x, (v) => {
        for (const round of [roundHalfUp, roundHalfEven]) {
          const r = round(v);
          if (!Number.isInteger(r) || Math.abs(r - v) > 0.5) return false;
          if (round(r) !== r) return false; // idempotent
          if (!same(round(-v), r === 0 ? 0 : -r)) return false; // symmetric, never -0
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('roundRatio', () => {
  // [num, den, half up, half even], each worked by hand
  const cases: [bigint, bigint, bigint, bigint][] = [
    [5n, 2n, 3n, 2n], // 2.5
    [-5n, 2n, -3n, -2n],
    [7n, 2n, 4n, 4n], // 3.5
    [-7n, 2n, -4n, -4n],
    [1n, 2n, 1n, 0n], // 0.5
    [-1n, 2n, -1n, 0n],
    [3n, 2n, 2n, 2n], // 1.5
    [5n, -2n, -3n, -2n], // negative denominator
    [-5n, -2n, 3n, 2n],
    [7n, 3n, 2n, 2n], // 2.333
    [8n, 3n, 3n, 3n], // 2.667
    [-8n, 3n, -3n, -3n],
    [0n, 5n, 0n, 0n],
    [6n, 3n, 2n, 2n],
    [10n ** 30n + 5n, 10n, 10n ** 29n + 1n, 10n ** 29n], // 1e29 + 0.5, 1e29 even
    [10n ** 30n + 15n, 10n, 10n ** 29n + 2n, 10n ** 29n + 2n], // 1e29 + 1.5
    [1825000000n, 181n, 10082873n, 10082873n], // 10,082,872.928...
  ];
  for (const [num, den, up, even] of cases) {
    it(`${num}/${den} -> ${up} half up, ${even} half even`, () => {
      expect(roundRatio(num, den, 'half_up')).toBe(up);
      expect(roundRatio(num, den, 'half_even')).toBe(even);
    });
  }

  it('refuses a zero denominator', () => {
    expect(() => roundRatio(1n, 0n, 'half_up')).toThrow(RangeError);
  });
});

describe('roundMulDiv: the methodology worked figures (daily365, in cents)', () => {
  // amount x 365 / days: hand division, remainder over days decides
  const cases: [number, number, number, string][] = [
    [5_000_000, 181, 10_082_873, '1,825,000,000 / 181 = 10,082,872 r 168 -> up'],
    [5_000_000, 184, 9_918_478, '1,825,000,000 / 184 = 9,918,478 r 48 -> down'],
    [10_000_000, 366, 9_972_678, '3,650,000,000 / 366 = 9,972,677 r 218 -> up'],
    [37_500_000, 1096, 12_488_595, '13,687,500,000 / 1096 = 12,488,594 r 976 -> up'],
  ];
  for (const [amount, days, want, why] of cases) {
    it(why, () => {
      expect(roundMulDiv(amount, 365, days, 'half_up')).toBe(want);
      expect(roundMulDiv(amount, 365, days, 'half_even')).toBe(want);
      expect(roundMulDiv(-amount, 365, days, 'half_up')).toBe(-want);
    });
  }

  it('monthly12: $50,000 over exactly 6 months is 100,000.00', () => {
    expect(roundMulDiv(5_000_000, 12, 6, 'half_up')).toBe(10_000_000);
  });
});

describe('roundMulDiv: ties the doubles get wrong', () => {
  it('100 cents x 1.005 is a tie (100.5) though the double is 100.49999999999999', () => {
    expect(100 * 1.005).toBeLessThan(100.5); // the premise
    expect(roundCents(100 * 1.005, 'half_up')).toBe(100); // rounding the double misses the tie
    expect(roundMulDiv(100, 1, 1, 'half_up', rate('1.005'))).toBe(101);
    expect(roundMulDiv(100, 1, 1, 'half_even', rate('1.005'))).toBe(100);
    expect(roundMulDiv(-100, 1, 1, 'half_up', rate('1.005'))).toBe(-101);
    expect(same(roundMulDiv(-100, 1, 1, 'half_even', rate('1.005')), -100)).toBe(true);
  });

  it('500 cents x 1.001 is 500.5, whose double fraction is .49999999999999994', () => {
    expect(500 * 1.001).toBeLessThan(500.5);
    expect(500.5 - 500 * 1.001).toBeLessThan(1e-13);
    expect(roundMulDiv(500, 1, 1, 'half_up', rate('1.001'))).toBe(501);
    expect(roundMulDiv(500, 1, 1, 'half_even', rate('1.001'))).toBe(500);
  });

  it('1250 cents x 1.0052 is 1256.5 though the double is above it', () => {
    expect(1250 * 1.0052).toBeGreaterThan(1256.5);
    expect(roundCents(1250 * 1.0052, 'half_even')).toBe(1257); // rounding the double misses the tie
    expect(roundMulDiv(1250, 1, 1, 'half_even', rate('1.0052'))).toBe(1256);
    expect(roundMulDiv(1250, 1, 1, 'half_up', rate('1.0052'))).toBe(1257);
  });

  it('a rate a hair above 2.5 is not a tie though its double is exactly 2.5', () => {
    const r = rate('2.5000000000000001');
    expect(r.value).toBe(2.5);
    expect(roundMulDiv(1, 1, 1, 'half_even', r)).toBe(3);
    expect(roundMulDiv(-1, 1, 1, 'half_even', r)).toBe(-3);
    const below = rate('2.4999999999999999');
    expect(below.value).toBe(2.5);
    expect(roundMulDiv(1, 1, 1, 'half_up', below)).toBe(2);
  });

  it('(2^53 - 1) x 5 / 10 is a tie (2^52 - 0.5) though the double is a whole number', () => {
    const a = 9007199254740991; // 2^53 - 1
    // a x 5 = 5 x 2^53 - 5 rounds to 5 x 2^53 - 8 (doubles are 8 apart there); / 10 = 2^52 - 0.8,
    // which rounds to 2^52 - 1 (doubles are 0.5 apart below 2^52)
    expect((a * 5) / 10).toBe(4503599627370495); // the premise
    expect(roundMulDiv(a, 5, 10, 'half_up')).toBe(4503599627370496);
    expect(roundMulDiv(a, 5, 10, 'half_even')).toBe(4503599627370496); // ...495 is odd
    expect(roundMulDiv(-a, 5, 10, 'half_up')).toBe(-4503599627370496);
  });

  it('plain exact ties', () => {
    expect(roundMulDiv(5, 1, 2, 'half_even')).toBe(2);
    expect(roundMulDiv(7, 1, 2, 'half_even')).toBe(4);
    expect(roundMulDiv(-5, 1, 2, 'half_up')).toBe(-3);
    expect(roundMulDiv(1, 365, 730, 'half_up')).toBe(1);
    expect(same(roundMulDiv(1, 365, 730, 'half_even'), 0)).toBe(true);
  });

  it('takes non-integer factors at their exact binary value', () => {
    expect(roundMulDiv(0.5, 5, 1, 'half_even')).toBe(2); // 2.5
    expect(roundMulDiv(2.5, 1, 0.5, 'half_up')).toBe(5);
    expect(roundMulDiv(0.75, 2, 1, 'half_up')).toBe(2); // 1.5
    expect(roundMulDiv(0.75, 2, 1, 'half_even')).toBe(2);
  });

  it('gives what the division gives for a zero divisor', () => {
    expect(roundMulDiv(1, 1, 0, 'half_up')).toBe(Infinity);
    expect(roundMulDiv(0, 1, 0, 'half_up')).toBeNaN();
  });
});

describe('roundMulDiv agrees with exact bigint rounding', () => {
  const modes = fc.constantFrom<RoundingMode>('half_up', 'half_even');

  it('on random lines and rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 40_000 }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 9 }),
        modes,
        (a, b, c, num, scale, mode) => {
          const r: ExactRate = { value: Number(`${num}e-${scale}`), num, scale };
          const want = roundRatio(BigInt(a) * BigInt(b) * num, BigInt(c) * 10n ** BigInt(scale), mode);
          return roundMulDiv(a, b, c, mode, r) === Number(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on exact ties made through a rate: 5^s x (2m + 1) x 2^(s-1) / 10^s = m + 1/2', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.boolean(),
        modes,
        (s, m, negative, mode) => {
          const a = 5 ** s * (negative ? -1 : 1);
          const num = BigInt(2 * m + 1) * 2n ** BigInt(s - 1);
          const r: ExactRate = { value: Number(`${num}e-${s}`), num, scale: s };
          // |value| = m + 0.5: half up goes to m + 1, half even to whichever of m, m + 1 is even
          const magnitude = mode === 'half_up' || m % 2 === 1 ? m + 1 : m;
          const want = negative ? 0 - magnitude : magnitude;
          return same(roundMulDiv(a, 1, 1, mode, r), want);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isNearTie and roundScaled', () => {
  it('flags only values whose fraction is close to .5 for their size', () => {
    expect(isNearTie(2.5)).toBe(true);
    expect(isNearTie(-2.5)).toBe(true);
    expect(isNearTie(100 * 1.005)).toBe(true);
    expect(isNearTie(2.4)).toBe(false);
    expect(isNearTie(3)).toBe(false);
    expect(isNearTie(1e7 + 0.485)).toBe(false); // the window at 1e7 is 0.01 either side of .5
    expect(isNearTie(1e7 + 0.495)).toBe(true);
    expect(isNearTie(1e7 + 0.505)).toBe(true);
    expect(isNearTie(1e7 + 0.515)).toBe(false);
    expect(isNearTie(NaN)).toBe(false);
    expect(isNearTie(Infinity)).toBe(false);
  });

  it('asks for the exact value only near a tie', () => {
    let calls = 0;
    const exact = (): readonly [bigint, bigint] => {
      calls++;
      return [201n, 2n];
    };
    expect(roundScaled(2.4, 'half_up', exact)).toBe(2);
    expect(roundScaled(-2.6, 'half_even', exact)).toBe(-3);
    expect(calls).toBe(0);
    expect(roundScaled(100 * 1.005, 'half_up', exact)).toBe(101);
    expect(roundScaled(100 * 1.005, 'half_even', exact)).toBe(100);
    expect(calls).toBe(2);
  });
});
