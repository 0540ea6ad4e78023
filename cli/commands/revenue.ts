/**
 * `runrate revenue --contracts FILE --from DATE --to DATE [--by customer] [--json]`: the monthly
 * revenue schedule (recognised, billed, deferred at each month end). JSON:
 * `{"from","to","currency","months":[{"month","recognized","billed","deferred"}],"by":[{"key","months":[...]}]}`
 * (`by` only with --by; money = cents / 100; dates YYYY-MM-DD, months YYYY-MM).
 */
import {
  type ContractBook,
  type Day,
  type FxRates,
  type Policy,
  type RevenueGrouping,
  type RevenueMonths,
  type RevenueSchedule,
  compileRevenue,
  formatDay,
  isCellError,
  revenueSchedule,
} from '../../src/index.js';
import { type PolicyTag, money, table } from '../format.js';
import { units } from '../json.js';
import { InputError } from '../read-table.js';

export function runRevenue(
  input: { book: ContractBook; policy: Policy; rates: FxRates | null; source: string },
  from: Day,
  to: Day,
  by: RevenueGrouping | undefined,
  tag: PolicyTag,
  json: boolean,
): string {
  const lines = compileRevenue(input.book, input.policy, input.rates);
  if (isCellError(lines)) throw new InputError(`${input.source}: ${lines.message}`);
  const s = revenueSchedule(lines, from, to, by);
  if (isCellError(s)) throw new InputError(s.message);
  return json ? JSON.stringify(revenueJson(s)) + '\n' : formatRevenue(s, tag);
}

function monthsJson(months: string[], f: RevenueMonths) {
  return months.map((month, x) => ({
    month,
    recognized: units(f.recognizedCents[x]),
    billed: units(f.billedCents[x]),
    deferred: units(f.deferredCents[x]),
  }));
}

export function revenueJson(s: RevenueSchedule) {
  return {
    from: formatDay(s.from),
    to: formatDay(s.to),
    currency: s.currency,
    months: monthsJson(s.months, s.total),
    ...(s.groups
      ? { by: s.groups.map((g) => ({ key: g.key, months: monthsJson(s.months, g.figures) })) }
      : {}),
  };
}

const GROUP_TITLE: Record<RevenueGrouping, string> = {
  customer: 'Customer',
  parent: 'Parent',
  product: 'Product',
  segment: 'Segment',
  region: 'Region',
  rep: 'Rep',
  entity: 'Entity',
  currency: 'Currency',
  contract: 'Contract',
  line: 'Row',
};

function monthsTable(months: string[], f: RevenueMonths): string {
  let rec = 0;
  let bil = 0;
  const rows = months.map((m, x) => {
    rec += f.recognizedCents[x];
    bil += f.billedCents[x];
    return [m, money(f.recognizedCents[x]), money(f.billedCents[x]), money(f.deferredCents[x])];
  });
  rows.unshift(['Opening', '', '', money(f.openingDeferredCents)]);
  rows.push(['Total', money(rec), money(bil), money(f.deferredCents[months.length - 1])]);
  return table(['Month', 'Recognized', 'Billed', 'Deferred'], rows, ['left', 'right', 'right', 'right']);
}

export function formatRevenue(s: RevenueSchedule, p: PolicyTag): string {
  let out =
    `Revenue schedule ${s.months[0]} to ${s.months[s.months.length - 1]} ` +
    `(${formatDay(s.from)} to ${formatDay(s.to)}), ${s.currency}, policy ${p.version} (${p.hash})\n` +
    'Deferred at each month end = billed - recognised since each line began; negative = unbilled.\n\n';
  out += monthsTable(s.months, s.total);
  if (s.by && s.groups) {
    for (const g of s.groups) {
      out += `\n${GROUP_TITLE[s.by]}: ${g.key === '' ? '(blank)' : g.key}\n`;
      out += monthsTable(s.months, g.figures);
    }
    if (s.groups.length === 0) out += `\nNo ${GROUP_TITLE[s.by].toLowerCase()} has a figure in the range.\n`;
  }
  return out;
}
