/**
 * Every sheet function, by area. The Excel and Google Sheets wrappers (names, argument help) are
 * generated from `FUNCTIONS`.
 */
import { CellError } from '../cells/error.js';
import type { CallContext, SheetResult } from './args.js';
import type { FunctionSpec } from './spec.js';
import { ARR_FUNCTIONS } from './descriptors.js';
import { DEALS_FUNCTIONS } from './deals.js';
import { EXPLAIN_FUNCTIONS } from './explain.js';
import { REVENUE_FUNCTIONS } from './revenue.js';
import { RECONCILE_FUNCTIONS } from './reconcile.js';
import { CHECK_FUNCTIONS } from './checks.js';
import { SNAPSHOT_FUNCTIONS } from './snapshots.js';

export const FUNCTIONS: FunctionSpec[] = [
  ...ARR_FUNCTIONS,
  ...DEALS_FUNCTIONS,
  ...EXPLAIN_FUNCTIONS,
  ...REVENUE_FUNCTIONS,
  ...RECONCILE_FUNCTIONS,
  ...CHECK_FUNCTIONS,
  ...SNAPSHOT_FUNCTIONS,
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function getFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** Calls a sheet function by name; never throws. */
export function callFunction(name: string, args: unknown[], ctx: CallContext = {}): SheetResult {
  const f = getFunction(name);
  if (!f) return new CellError('#NAME?', `unknown function ${name}`);
  const required = f.args.filter((a) => !a.optional).length;
  if (args.length < required) {
    return new CellError(
      '#VALUE!',
      `${f.name} needs ${required} arguments: ${f.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(', ')}`,
    );
  }
  return f.impl(args, ctx);
}
