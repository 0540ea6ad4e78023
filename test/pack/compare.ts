/**
 * A recalculated workbook against the report model it was written from: every formula's computed
 * value must equal RunRate's `expect` (money to the cent, ratios to 1e-9, counts and text exactly,
 * dates to the day), every text cell must still be the same text (not a formula, not a number), and
 * every number cell must hold the model's figure.
 */
import ExcelJS from 'exceljs';
import { excelSerialFromDay } from '../../src/cells/days.js';
import type { ReportBook, ReportCell } from '../../src/reports/model.js';
import { address } from '../../src/reports/grid.js';
import { formulaNumber, sheetNumber } from '../../cli/pack/cells.js';

export interface Comparison {
  formulas: number;
  textCells: number;
  numberCells: number;
  problems: string[];
}

/** Excel serial of a Date exceljs made from a date-formatted number (UTC midnight). */
const serialOf = (d: Date) => Math.round(d.getTime() / 86_400_000) + 25_569;

function engineNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof Date) return serialOf(v);
  return null;
}

export function compareWithModel(book: ReportBook, wb: ExcelJS.Workbook): Comparison {
  const out: Comparison = { formulas: 0, textCells: 0, numberCells: 0, problems: [] };
  const problem = (where: string, what: string) => out.problems.push(`${where}: ${what}`);
  for (const sheet of book.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) {
      problem(sheet.name, 'sheet missing');
      continue;
    }
    sheet.rows.forEach((cells, r) => {
      cells.forEach((cell: ReportCell, c) => {
        if (cell === null) return;
        const where = `${sheet.name}!${address(r + 1, c)}`;
        const engineCell = ws.getCell(r + 1, c + 1);
        const got = engineCell.value;
        if (cell.kind === 'formula') {
          out.formulas++;
          if (engineCell.type !== ExcelJS.ValueType.Formula) {
            problem(where, `expected the formula ${cell.formula}, found ${JSON.stringify(got)}`);
            return;
          }
          // `.result`, not `.value.result`: exceljs leaves a zero result out of `.value`.
          const result: unknown = engineCell.result;
          if (cell.format === 'text' || typeof cell.expect === 'string') {
            // An empty text result (IF(...,"",...)) reads back as no result at all.
            if ((result ?? '') !== cell.expect)
              problem(
                where,
                `${cell.formula} = ${JSON.stringify(result)}, RunRate ${JSON.stringify(cell.expect)}`,
              );
            return;
          }
          const n = engineNumber(result);
          if (n === null) {
            problem(
              where,
              `${cell.formula} = ${JSON.stringify(result)}, not a number (RunRate ${cell.expect})`,
            );
            return;
          }
          const want = formulaNumber(cell.format, cell.expect);
          const ok =
            cell.format === 'money'
              ? Math.round(n * 100) === cell.expect && Math.abs(n * 100 - cell.expect) < 0.5
              : cell.format === 'count' || cell.format === 'date'
                ? n === want
                : Math.abs(n - want) <= 1e-9;
          if (!ok) problem(where, `${cell.formula} = ${n}, RunRate ${want} (${cell.format})`);
          return;
        }
        if (cell.kind === 'text') {
          out.textCells++;
          // Empty text is written as a blank cell.
          if (got !== cell.text && !(cell.text === '' && got === null))
            problem(where, `text ${JSON.stringify(cell.text)} became ${JSON.stringify(got)}`);
          return;
        }
        out.numberCells++;
        const want = sheetNumber(cell);
        if (want === null) {
          if (got !== 'n/a') problem(where, `an undefined ${cell.kind} shows ${JSON.stringify(got)}`);
          return;
        }
        const n = engineNumber(got);
        const ok =
          n !== null &&
          (cell.kind === 'money'
            ? Math.round(n * 100) === cell.cents
            : cell.kind === 'date'
              ? n === excelSerialFromDay(cell.day)
              : Math.abs(n - want) <= 1e-12);
        if (!ok) problem(where, `${cell.kind} ${want} became ${JSON.stringify(got)}`);
      });
    });
  }
  return out;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
