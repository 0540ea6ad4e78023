/**
 * What every sheet builder of the board pack starts from: the parsed policy and book, the ARR
 * model, the periods, and the two bridges the Summary and the Bridge sheet share (computed once, so
 * the two sheets cannot disagree).
 */
import { CellError, CellErrorSignal } from '../cells/error.js';
import type { ArrModel } from '../arr/model.js';
import type { BridgeResult } from '../bridge/bridge.js';
import type { ContractBook } from '../contracts/book.js';
import type { FxRates } from '../money/rates.js';
import type { Policy } from '../policy/keys.js';
import type { TitleBlock } from './model.js';
import type { PackPeriods } from './periods.js';

export interface PackContext {
  title: TitleBlock;
  policy: Policy;
  book: ContractBook;
  model: ArrModel;
  rates: FxRates | null;
  periods: PackPeriods;
  quarterBridge: BridgeResult;
  yearBridge: BridgeResult;
}

/** The value, or throws the CellError as a signal that `buildBoardPack` returns. */
export function must<T>(x: T | CellError): T {
  if (x instanceof CellError) throw new CellErrorSignal(x);
  return x;
}

/** A spot rate missing on a date (src/money/rates.ts's message): what a shorter history can avoid. */
export function isMissingRate(e: CellError): boolean {
  return /^no [A-Z]{3} rate on or before /.test(e.message);
}
