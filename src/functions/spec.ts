/** The shape of a sheet function's definition, shared by every area's function list. */
import { CellError, CellErrorSignal } from '../cells/error.js';
import type { CallContext, SheetResult } from './args.js';

export type ArgType = 'range' | 'date' | 'text' | 'boolean';

export interface ArgSpec {
  name: string;
  type: ArgType;
  optional: boolean;
  help: string;
}

export interface FunctionSpec {
  name: string;
  description: string;
  returns: 'number' | 'table' | 'number or table';
  args: ArgSpec[];
  impl: (args: unknown[], ctx: CallContext) => SheetResult;
}

/** Runs a sheet function body; a CellErrorSignal or any other exception becomes a CellError. */
export function guard(fn: () => SheetResult): SheetResult {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CellErrorSignal) return e.error;
    return new CellError('#VALUE!', `RunRate internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
