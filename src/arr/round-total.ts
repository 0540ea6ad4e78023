import { roundRatio } from '../money/round.js';
import type { RoundingMode } from './model.js';

/** cents / divisor rounded once to integer cents (e.g. MRR = ARR / 12). */
export function roundCentsDivision(cents: number, divisor: number, mode: RoundingMode): number {
  return Number(roundRatio(BigInt(cents), BigInt(divisor), mode));
}
