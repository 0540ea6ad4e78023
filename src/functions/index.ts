/**
 * The host-neutral sheet functions. Each is a plain function over cell values; see
 * descriptors.ts for the arguments. Excel and Sheets wrappers are generated from `FUNCTIONS`.
 */
import { callFunction, FUNCTIONS, getFunction } from './registry.js';
import type { FunctionSpec, ArgSpec } from './spec.js';
import type { SheetResult } from './args.js';

export { callFunction, FUNCTIONS, getFunction, type FunctionSpec, type ArgSpec };
export type { CallContext, SheetResult, SheetTable, SheetValue } from './args.js';

const fn =
  (name: string) =>
  (...args: unknown[]): SheetResult =>
    callFunction(name, args);

export const ARR = fn('ARR');
export const MRR = fn('MRR');
export const CARR = fn('CARR');
export const BRIDGE = fn('BRIDGE');
export const NRR = fn('NRR');
export const GRR = fn('GRR');
export const LOGORETENTION = fn('LOGORETENTION');
export const QUICKRATIO = fn('QUICKRATIO');
export const COHORT = fn('COHORT');
export const NDRBANDS = fn('NDRBANDS');
export const POLICY = fn('POLICY');
export const DEALFIELDS = fn('DEALFIELDS');
export const EXPLAIN = fn('EXPLAIN');
export const REVENUE = fn('REVENUE');
export const SCHEDULE = fn('SCHEDULE');
export const RECONCILE = fn('RECONCILE');
export const RECONWALK = fn('RECONWALK');
export const CHECK = fn('CHECK');
export const SNAPSHOT = fn('SNAPSHOT');
export const RESTATEMENT = fn('RESTATEMENT');
