/**
 * The `Policy` sheet: the one-page ARR policy in plain words (policyDocument), then every key with
 * its value and what it does (policyTable, POLICY_KEYS' help), the version and the hash, and a
 * sign-off block (prepared by / reviewed by / approved by, name, date: blank cells to fill in).
 *
 * Paragraphs are broken into lines of at most 100 characters, one a row, so every host shows and
 * prints them the same way without relying on cell wrapping; they are notes (text that runs on into
 * the empty cells beside it), so a table text column is not widened or wrapped for them.
 */
import { policyDocument } from '../policy/document.js';
import { POLICY_KEYS } from '../policy/keys.js';
import { policyHash, policyTable } from '../policy/parse.js';
import { text, wrapText } from './cells.js';
import type { PackContext } from './context.js';
import { Grid } from './grid.js';
import type { ReportSheet } from './model.js';
import { addTitleBlock, TITLE_ROWS } from './title.js';

export const POLICY_SHEET = 'Policy';
export const PARAGRAPH_WIDTH = 100;
export const SIGN_OFF_ROLES = ['Prepared by', 'Reviewed by', 'Approved by'];

export function policySheet(ctx: PackContext): ReportSheet {
  const { policy } = ctx;
  const hash = policyHash(policy);
  const title = `ARR policy ${policy.version} (${hash})`;
  const g = new Grid();
  addTitleBlock(g, title, ctx.title);

  g.add([text('The policy in plain words', 'subtitle')]);
  for (const paragraph of policyDocument(policy)) {
    for (const line of wrapText(paragraph, PARAGRAPH_WIDTH)) g.add([text(line, 'note')]);
    g.add([]);
  }

  g.add([text('The policy table', 'subtitle')]);
  g.add([text('Key', 'header'), text('Value', 'header'), text('What it does', 'header')]);
  const help = new Map(POLICY_KEYS.map((k) => [k.key as string, k.help]));
  for (const [key, value] of policyTable(policy).slice(1)) {
    g.add([text(key, 'label'), text(value), text(help.get(key) ?? '', 'note')]);
  }
  g.add([text('Policy version', 'total'), text(policy.version, 'total'), text('', 'total')]);
  g.add([
    text('Policy hash', 'total'),
    text(hash, 'total'),
    text('SHA-256 of the table above, first 12 hex digits', 'note'),
  ]);
  g.add([]);

  g.add([text('Sign-off', 'subtitle')]);
  g.add([text('', 'header'), text('Name', 'header'), text('Signature', 'header'), text('Date', 'header')]);
  for (const role of SIGN_OFF_ROLES) {
    g.add([text(role, 'label'), text('', 'check'), text('', 'check'), text('', 'check')]);
    g.add([]);
  }
  return {
    name: POLICY_SHEET,
    title,
    columns: [28, 28, 60, 14].map((width) => ({ width })),
    rows: g.rows,
    freezeRows: TITLE_ROWS - 1,
    charts: [],
    heatMaps: [],
  };
}
