/** Helpers shared by the benchmark sections. */
import { CellError } from '../src/cells/error.js';

/** The value, or a thrown Error carrying the CellError's code and message. */
export function unwrap<T>(x: T | CellError, what: string): T {
  if (x instanceof CellError) throw new Error(`${what}: ${x.code} ${x.message}`);
  return x;
}

/** Best time of `reps` runs after one warm-up run (collecting garbage before each when `gc` is given). */
export function best<T>(fn: () => T, reps: number, gc?: () => void): { ms: number; result: T } {
  let result = fn();
  let ms = Infinity;
  for (let r = 0; r < reps; r++) {
    gc?.();
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}
