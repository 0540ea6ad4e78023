/** Types of scripts/function-docs.mjs (the host-facing text of the sheet functions). */
export interface ArgDoc {
  name: string;
  type: 'range' | 'date' | 'text' | 'boolean';
  optional: boolean;
  help: string;
}
export interface FunctionDoc {
  name: string;
  description: string;
  returns: 'number' | 'table' | 'number or table';
  args: ArgDoc[];
}
export type Host = 'excel' | 'sheets';

export const EXCEL_NAMESPACE: string;
export const EXCEL_FUNCTIONS_FILE: string;
export const README_BEGIN: string;
export const README_END: string;
export function checkSpec(spec: FunctionDoc): void;
export function paramType(arg: ArgDoc, host: Host): string;
export function returnType(spec: FunctionDoc, host: Host): string;
export function returnsText(spec: FunctionDoc): string;
export function jsdocFor(spec: FunctionDoc, options: { host: Host }): string;
export function excelParams(spec: FunctionDoc): string;
export function excelFunctionsSource(functions: readonly FunctionDoc[]): string;
export function signature(spec: FunctionDoc): string;
export function functionReferenceMarkdown(functions: readonly FunctionDoc[]): string;
export function loadFunctions(): Promise<FunctionDoc[]>;
export function writeExcelFunctions(functions: readonly FunctionDoc[], file?: string): string;
