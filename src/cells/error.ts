/**
 * Errors are values. A sheet function returns a `CellError` instead of throwing; the Excel wrapper
 * turns it into `CustomFunctions.Error`, the Apps Script wrapper throws `new Error(message)`, the
 * CLI prints the message and exits 2.
 */
export type ErrorCode = '#VALUE!' | '#N/A' | '#NUM!' | '#DIV/0!' | '#REF!' | '#NAME?';

export class CellError {
  readonly kind = 'CellError' as const;
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
    /** Sheet row (the header is row 1), when the error belongs to one cell or row. */
    readonly row?: number,
    /** Column header as found in the sheet, when the error belongs to one column. */
    readonly column?: string,
  ) {}

  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

export function isCellError(x: unknown): x is CellError {
  return x instanceof CellError;
}

/** Shows a cell's value in a message the way a user would recognise it. */
export function showCell(value: unknown): string {
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (value instanceof Date) return isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  return String(value);
}

/** `row 14, end: "2023-13-01" is not a date` */
export function cellError(row: number, column: string, value: unknown, problem: string): CellError {
  return new CellError('#VALUE!', `row ${row}, ${column}: ${showCell(value)} ${problem}`, row, column);
}

/**
 * Thrown inside the core only to unwind to the sheet-function boundary, where it is caught and
 * returned as its `CellError`. Never escapes a public function.
 */
export class CellErrorSignal extends Error {
  constructor(readonly error: CellError) {
    super(error.message);
  }
}

export function fail(error: CellError): never {
  throw new CellErrorSignal(error);
}
