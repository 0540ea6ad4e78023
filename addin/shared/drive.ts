/**
 * Runs an action written once as a generator over `WorkbookIO` on either kind of host:
 * `runAsync` for Excel (each yielded value may be a promise and is awaited), `runSync` for Apps
 * Script (each yielded value is already the result; a promise there is a bug and throws).
 *
 * An action calls the workbook as `const values = yield* io(workbook.readSheet('RR Policy'))`.
 */
import type { Awaitable } from './workbook.js';

export type Action<T> = Generator<unknown, T, unknown>;

/** Yields one host call and hands back its result, typed. */
export function* io<T>(call: Awaitable<T>): Generator<unknown, T, unknown> {
  return (yield call) as T;
}

export async function runAsync<T>(action: Action<T>): Promise<T> {
  let step = action.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = await step.value;
    } catch (e) {
      step = action.throw(e);
      continue;
    }
    step = action.next(value);
  }
  return step.value;
}

export function runSync<T>(action: Action<T>): T {
  let step = action.next();
  while (!step.done) {
    if (step.value instanceof Promise) throw new Error('runSync: a host call returned a promise');
    step = action.next(step.value);
  }
  return step.value;
}
