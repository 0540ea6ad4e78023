/**
 * The title block every generated sheet starts with: what it shows, for whom, as of when, under
 * which policy and data, and when it was generated, with RunRate's marker.
 *
 * Row 1: the sheet's title. Row 2: company, as-of date, currency. Row 3: the marker, the policy
 * version and hash, the data hash, the generation time. Row 4: blank. Tables start on row 5.
 */
import { formatDay } from '../cells/days.js';
import { text } from './cells.js';
import type { Grid } from './grid.js';
import { REPORT_MARKER, type TitleBlock } from './model.js';

/** Rows the title block takes (the blank row after it included). */
export const TITLE_ROWS = 4;

export function titleLines(sheetTitle: string, t: TitleBlock): [string, string, string] {
  const who = [t.company.trim(), `As of ${formatDay(t.asOf)}`, t.currency].filter((s) => s !== '');
  const provenance = [
    REPORT_MARKER,
    `policy ${t.policyVersion} (${t.policyHash})`,
    `data ${t.dataHash}`,
    `generated ${t.generatedAt}`,
  ];
  return [sheetTitle, who.join(' · '), provenance.join(' · ')];
}

/** Writes the title block on the first rows of an empty grid. */
export function addTitleBlock(g: Grid, sheetTitle: string, t: TitleBlock): void {
  if (g.rows.length !== 0) throw new Error('the title block goes on the first rows');
  const [title, who, provenance] = titleLines(sheetTitle, t);
  g.add([text(title, 'title')]);
  g.add([text(who, 'subtitle')]);
  g.add([text(provenance, 'note')]);
  g.add([]);
}
