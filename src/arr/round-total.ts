import { roundRatio, type RoundingMode } from '../money/round.js';

/** cents / divisor rounded once to integer cents (e.g. MRR = ARR / 12). */
export function roundCentsDivision(cents: number, divisor: number, mode: RoundingMode): number {
  return Number(roundRatio(BigInt(cents), BigInt(divisor), mode));
}
