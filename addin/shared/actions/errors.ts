/** Errors of the task-pane actions: a core CellError becomes a thrown Error with the core's message. */
import { CellError } from '../../../src/cells/error.js';

/** An action's failure; the message names the row and column where the core did. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/** The value, or throws the CellError as an ActionError with its message (`where` first). */
export function must<T>(x: T | CellError, where?: string): T {
  if (x instanceof CellError) {
    throw new ActionError(where ? `${where}: ${x.message}` : x.message, x.row, x.column);
  }
  return x;
}

/** Text of a header or label cell: trimmed text, numbers as written, blanks (and Excel's 0) as ''. */
export function headerText(v: unknown): string {
  if (v === null || v === undefined || v === 0) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}
