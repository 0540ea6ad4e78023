/**
 * `runrate deals --deals FILE [--policy FILE] [--json]`: the six deal fields of every deal, in the
 * order of the file. JSON: `{"deals":[{"row","customer","date","type","recurringAmount","netNewArr",
 * "netArr","contractArrBefore","contractArrAfter","acv","tcv","flags":[...]}]}` (money = cents / 100,
 * `acv` null for a deal without a term, dates YYYY-MM-DD).
 */
import {
  DEAL_FLAGS,
  type DealFields,
  type Policy,
  dealFields,
  formatDay,
  isCellError,
  parseDeals,
} from '../../src/index.js';
import { type PolicyTag, money, table } from '../format.js';
import { units } from '../json.js';
import { InputError, readTable } from '../read-table.js';

export async function runDeals(
  file: string,
  cwd: string,
  policy: Policy,
  tag: PolicyTag,
  json: boolean,
): Promise<string> {
  const t = await readTable(file, cwd);
  const book = parseDeals(t.table, { timeZone: t.timeZone });
  if (isCellError(book)) throw new InputError(`${t.label}: ${book.message}`);
  const rows = dealFields(book, policy.rounding);
  return json ? JSON.stringify(dealsJson(rows)) + '\n' : formatDeals(rows, t.label, tag);
}

export function dealsJson(rows: DealFields[]) {
  return {
    deals: rows.map((d) => ({
      row: d.row,
      customer: d.customer,
      date: formatDay(d.date),
      type: d.type,
      recurringAmount: units(d.recurringCents),
      netNewArr: units(d.netNewArrCents),
      netArr: units(d.netArrCents),
      contractArrBefore: units(d.contractArrBeforeCents),
      contractArrAfter: units(d.contractArrAfterCents),
      acv: d.acvCents === null ? null : units(d.acvCents),
      tcv: units(d.tcvCents),
      flags: [...d.flags],
    })),
  };
}

export function formatDeals(rows: DealFields[], label: string, p: PolicyTag): string {
  let out = `Deal fields, ${label}, policy ${p.version} (${p.hash})\n\n`;
  out += table(
    [
      'Row',
      'Customer',
      'Date',
      'Type',
      'Recurring',
      'Net New ARR',
      'Net ARR',
      'ARR Before',
      'ARR After',
      'ACV',
      'TCV',
      'Flags',
    ],
    rows.map((d) => [
      String(d.row),
      d.customer,
      formatDay(d.date),
      d.type,
      money(d.recurringCents),
      money(d.netNewArrCents),
      money(d.netArrCents),
      money(d.contractArrBeforeCents),
      money(d.contractArrAfterCents),
      d.acvCents === null ? '-' : money(d.acvCents),
      money(d.tcvCents),
      d.flags.join(', '),
    ]),
    ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  const seen = [...new Set(rows.flatMap((d) => d.flags))];
  if (seen.length > 0) {
    out += '\nFlags:\n' + seen.map((f) => `  ${f}: ${DEAL_FLAGS[f]}\n`).join('');
  }
  return out;
}
