/**
 * The Excel adapter alone (addin/functions/excel-adapter.ts): how Excel-shaped arguments are read
 * and how core results go back to Excel, with a CustomFunctions stub in place of the runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ERROR_CODE, StubCustomFunctionsError } from '../../../bench/addin-bundle.js';
import { CellError } from '../../../src/cells/error.js';
import {
  callExcel,
  callExcelNumber,
  excelArgs,
  excelError,
  excelResult,
} from '../../../addin/functions/excel-adapter.js';

const g = globalThis as Record<string, unknown>;
beforeAll(() => {
  g.CustomFunctions = { Error: StubCustomFunctionsError, ErrorCode: ERROR_CODE, associate: () => {} };
});
afterAll(() => {
  delete g.CustomFunctions;
});

const err = (x: unknown) => {
  expect(x).toBeInstanceOf(StubCustomFunctionsError);
  return x as StubCustomFunctionsError;
};

describe('arguments', () => {
  it('fills omitted arguments with null, in descriptor order', () => {
    expect(excelArgs('ARR', [[['h']], 45000])).toEqual([[['h']], 45000, null, null, null]);
    expect(excelArgs('ARR', [[['h']], 45000, undefined, null, undefined])).toEqual([
      [['h']],
      45000,
      null,
      null,
      null,
    ]);
  });

  it("reads Excel desktop's 0 for a blank cell as omitted in optional date and text arguments only", () => {
    // ARR's by (text), BRIDGE's to (date) and detail (boolean, where 0 is FALSE)
    expect(excelArgs('ARR', [1, 2, 0, 0, 0])).toEqual([1, 2, 0, 0, null]);
    expect(excelArgs('BRIDGE', [1, 2, 0, null, null, 0])).toEqual([1, 2, null, null, null, 0]);
    // a required date stays 0 (the core refuses it, naming the argument)
    expect(excelArgs('COHORT', [1, 0, 0])).toEqual([1, 0, 0, null, null, null, null]);
  });
});

describe('results', () => {
  it('a number stays a number; a 1x1 table for a table-declared function', () => {
    expect(excelResult(12.5)).toBe(12.5);
    expect(callExcelNumber('POLICY', [])).toEqual(
      err(excelError(new CellError('#VALUE!', 'POLICY returned a table where a number was expected'))),
    );
  });

  it('tables: null becomes "", ragged rows are padded, non-finite numbers are #NUM!', () => {
    const t = excelResult([
      ['a', 'b', 'c'],
      [1, null, true],
      ['x'],
      [Number.NaN, Infinity, 0],
    ]) as unknown[][];
    expect(t.slice(0, 3)).toEqual([
      ['a', 'b', 'c'],
      [1, '', true],
      ['x', '', ''],
    ]);
    expect(err(t[3][0]).code).toBe('#NUM!');
    expect(err(t[3][1]).code).toBe('#NUM!');
    expect(t[3][2]).toBe(0);
    expect(excelResult([])).toEqual([['']]);
  });

  it('errors: #N/A keeps its code, every other code is #VALUE! with the code before the message', () => {
    const na = err(excelResult(new CellError('#N/A', 'no EUR rate')));
    expect([na.code, na.message]).toEqual(['#N/A', 'no EUR rate']);
    const v = err(excelResult(new CellError('#VALUE!', 'row 3, Amount: "abc" is not a number', 3, 'Amount')));
    expect([v.code, v.message]).toEqual(['#VALUE!', 'row 3, Amount: "abc" is not a number']);
    for (const code of ['#DIV/0!', '#NUM!', '#REF!', '#NAME?'] as const) {
      const e = err(excelResult(new CellError(code, 'why')));
      expect([e.code, e.message]).toEqual(['#VALUE!', `${code} why`]);
    }
  });

  it('callExcel runs the core: the default policy table spills, an unknown name is #VALUE!', () => {
    const t = callExcel('POLICY', [null]);
    expect(t[0]).toEqual(['Key', 'Value']);
    expect(t.length).toBeGreaterThan(10);
    expect(err(callExcel('NOSUCH', [])).message).toMatch(/^#NAME\? unknown function NOSUCH/);
  });

  it('the adapter reads only its arguments: no Office, fetch or storage in its source', () => {
    const src = readFileSync(new URL('../../../addin/functions/excel-adapter.ts', import.meta.url), 'utf8');
    const code = src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const word of ['Office.', 'Excel.', 'fetch(', 'XMLHttpRequest', 'localStorage', 'OfficeRuntime']) {
      expect(code, word).not.toContain(word);
    }
  });
});
