/**
 * Report cells as Excel takes them through `Range.formulas` and `Range.numberFormat`: pure, so the
 * rules are tested without a host.
 *
 * - A `text` cell is written with a leading apostrophe (Excel's quote prefix): Excel stores the
 *   rest as text and never parses it, so `=SUM(A1)`, `+1`, `00123`, `2025-01-01` or `TRUE` from the
 *   data stay the text they are. The apostrophe is not part of the stored value (reading the cell
 *   back gives the text without it). Empty text is a blank cell.
 * - Only a `formula` cell of the model is written as `=` + formula.
 * - Money is cents / 100 in the money format; dates are Excel serials (1900 system, epoch
 *   1899-12-30) in the date format; a ratio with no value (n/a) is the text `n/a`.
 */
import { excelSerialFromDay } from '../../src/cells/days.js';
import { NUMBER_FORMATS, type ReportCell } from '../../src/reports/model.js';

/** What one cell puts into the block's `formulas` and `numberFormat` arrays (null: leave as is). */
export interface ExcelCell {
  value: string | number | null;
  format: string | null;
}

const GENERAL = 'General';
const BLANK: ExcelCell = { value: null, format: null };

/** The text as written: Excel's quote prefix keeps it text whatever it starts with. */
export const asText = (text: string): string | null => (text === '' ? null : `'${text}`);

export function excelCell(cell: ReportCell): ExcelCell {
  if (cell === null) return BLANK;
  switch (cell.kind) {
    case 'text':
      return { value: asText(cell.text), format: GENERAL };
    case 'money':
      return { value: cell.cents / 100, format: NUMBER_FORMATS.money };
    case 'percent':
    case 'ratio':
    case 'multiple':
      return cell.value === null
        ? { value: asText('n/a'), format: GENERAL }
        : { value: cell.value, format: NUMBER_FORMATS[cell.kind] };
    case 'count':
      return { value: cell.value, format: NUMBER_FORMATS.count };
    case 'date':
      return { value: excelSerialFromDay(cell.day), format: NUMBER_FORMATS.date };
    case 'formula': {
      const f = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
      return { value: f, format: cell.format === 'text' ? GENERAL : NUMBER_FORMATS[cell.format] };
    }
  }
}

/** True when the model cell shows an absent figure (written as grey `n/a`). */
export const isMissingValue = (cell: ReportCell): boolean =>
  cell !== null && 'value' in cell && cell.value === null;
