/**
 * A snapshot as a 2-D table (layout.ts), the shape SNAPSHOT returns, the hosts write into a locked
 * sheet and the CLI writes as CSV. Dates are `YYYY-MM-DD` text, money a number in currency units,
 * hashes, checks, rates and exact fractions text; blank cells are "".
 */
import { NO_DAY, formatDay } from '../cells/days.js';
import { headerRows } from './checks.js';
import { exactText } from './fractions.js';
import { COLUMNS, SEAL_LABEL, WIDTH } from './layout.js';
import type { Snapshot } from './types.js';

export type SnapshotCell = string | number;

const pad = (cells: SnapshotCell[]): SnapshotCell[] => {
  while (cells.length < WIDTH) cells.push('');
  return cells;
};

export function snapshotTable(s: Snapshot): SnapshotCell[][] {
  const out: SnapshotCell[][] = [];
  const header = headerRows(s, s.checks.columns);
  header.forEach(([label, value], k) => {
    let cell: SnapshotCell;
    if (label === 'As of') cell = formatDay(value.value as number);
    else if (label === 'Total') cell = (value.value as number) / 100;
    else cell = value.value;
    out.push(pad([label, cell, s.checks.header[k]]));
  });
  out.push(pad([SEAL_LABEL, s.checks.seal]));
  out.push(pad([]));
  out.push([...COLUMNS]);
  const r = s.rows;
  const days = new Map<number, string>();
  const day = (d: number): string => {
    let t = days.get(d);
    if (t === undefined) days.set(d, (t = d === NO_DAY ? '' : formatDay(d)));
    return t;
  };
  for (let i = 0; i < r.n; i++) {
    out.push([
      r.customer[i],
      r.product[i],
      r.contract[i],
      r.rows[i],
      day(r.start[i]),
      day(r.end[i]),
      r.amountCents[i] / 100,
      r.currency[i],
      r.localCents[i] / 100,
      r.exactDen[i] === 0 ? '' : exactText(r.exactNum[i], r.exactDen[i]),
      r.rate[i],
      r.arrCents[i] / 100,
      day(r.firstArr[i]),
      s.checks.rows[i],
    ]);
  }
  return out;
}
