/**
 * ARR of every contributor on a date, summed per key: the one hot loop every figure goes through.
 * Each contributor is converted and rounded to cents once (methodology section 2), so every total
 * is a sum of integers and ties to the line listing.
 */
import { formatDay, type Day } from '../cells/days.js';
import { CellError, CellErrorSignal } from '../cells/error.js';
import { spotRate, type ExactRate } from '../money/rates.js';
import { convertCents, type ArrModel } from './model.js';

/** Spot rate per currency index on `rateDay` (null for the reporting currency), looked up lazily. */
export class SpotRates {
  private readonly cache: (ExactRate | undefined)[];
  constructor(
    private readonly model: ArrModel,
    readonly rateDay: Day,
  ) {
    this.cache = new Array(model.currencies.length);
  }

  /** The spot rate of a currency other than the reporting currency. */
  get(c: number): ExactRate {
    let r = this.cache[c];
    if (r === undefined) {
      const cur = this.model.currencies[c];
      const found = this.model.rates
        ? spotRate(this.model.rates, cur, this.rateDay)
        : new CellError(
            '#VALUE!',
            `no ${cur} rate on or before ${formatDay(this.rateDay)}: fx: spot needs a rates table with ${cur}`,
          );
      if (found instanceof CellError) throw new SpotRateMissing(found);
      r = found;
      this.cache[c] = r;
    }
    return r;
  }
}

export class SpotRateMissing extends Error {
  constructor(readonly error: CellError) {
    super(error.message);
  }
}

/** Reporting-currency cents of contributor i at rates of `rates` (the contributor need not be active). */
export function contributorCents(model: ArrModel, i: number, rates: SpotRates): number {
  const fixed = model.fixedCents[i];
  if (!Number.isNaN(fixed)) return fixed;
  return convertCents(
    model.num[i],
    model.den[i],
    model.local[i],
    rates.get(model.currencyIdx[i]),
    model.rounding,
  );
}

/**
 * Sums the ARR (cents) of the contributors active on `day`, at the rates of `rateDay`, into
 * `out[keyOf[i]]`. Throws SpotRateMissing when a spot rate is missing (callers turn it into the
 * CellError).
 */
export function sumOn(
  model: ArrModel,
  day: Day,
  rateDay: Day,
  keyOf: Int32Array,
  out: Float64Array,
): Float64Array {
  const { from, stop, fixedCents, blockStart } = model;
  const blocks = blockStart.length - 1;
  // Within a block contributors are sorted by `from`: stop at the first that has not started.
  if (!model.hasSpot) {
    for (let b = 0; b < blocks; b++) {
      const end = blockStart[b + 1];
      for (let i = blockStart[b]; i < end && from[i] <= day; i++) {
        if (day <= stop[i]) out[keyOf[i]] += fixedCents[i];
      }
    }
    return out;
  }
  const rates = new SpotRates(model, rateDay);
  for (let b = 0; b < blocks; b++) {
    const end = blockStart[b + 1];
    for (let i = blockStart[b]; i < end && from[i] <= day; i++) {
      if (day <= stop[i]) {
        const f = fixedCents[i];
        out[keyOf[i]] += Number.isNaN(f) ? contributorCents(model, i, rates) : f;
      }
    }
  }
  return out;
}

/** Per-contributor cents on `day` at `rateDay` rates (0 when inactive). */
export function centsOn(model: ArrModel, day: Day, rateDay: Day): Float64Array {
  const out = new Float64Array(model.n);
  const rates = model.hasSpot ? new SpotRates(model, rateDay) : null;
  for (let i = 0; i < model.n; i++) {
    if (model.from[i] <= day && day <= model.stop[i]) {
      out[i] = rates ? contributorCents(model, i, rates) : model.fixedCents[i];
    }
  }
  return out;
}

/** Runs `fn`, turning a missing spot rate (or any CellErrorSignal) into its CellError. */
export function withRates<T>(fn: () => T): T | CellError {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SpotRateMissing || e instanceof CellErrorSignal) return e.error;
    throw e;
  }
}
