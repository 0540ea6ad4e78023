/**
 * Rules over the lines of one customer and product, found by sorting (customer, product, start,
 * end, sheet order) once and walking each group: no pair of lines is compared unless they sort
 * next to each other (or share a start and end date), so the cost is the sort.
 *
 * - duplicate-line: a line equal to an earlier one in every field (dates, amounts, currency, rates,
 *   codes, dimensions, status). Lines equal in every field share customer, product, start and end,
 *   so they sort into one run; each is compared with the distinct lines of its run only.
 * - overlap: among the lines that count as ARR under the policy (duplicates aside), a line starting
 *   on or before the last day of service (end, or cancel when earlier) of the earlier-starting line
 *   that runs longest. A co-termed add-on (starting after that line starts and ending on its end
 *   date: the usual mid-term upsell) is not flagged.
 * - renewal-gap: among the same lines, one starting more than `renewalGraceDays` uncovered days
 *   after the last day of service of every earlier-starting one: the engine stops counting the
 *   product after that day and counts it again from the new start, where a renewal within the
 *   grace would carry the old rate through the gap.
 */
import { formatDay } from '../cells/days.js';
import type { ContractBook } from '../contracts/book.js';
import { type CheckContext, isArrLine, lastDay } from './context.js';

const sameNumber = (x: number, y: number): boolean => x === y || (Number.isNaN(x) && Number.isNaN(y));

/** Lines a and b agree in every field (customer, product, start and end already equal). */
function sameLine(b: ContractBook, x: number, y: number): boolean {
  return (
    b.lineType[x] === b.lineType[y] &&
    b.amountCents[x] === b.amountCents[y] &&
    b.signed[x] === b.signed[y] &&
    b.cancel[x] === b.cancel[y] &&
    b.notice[x] === b.notice[y] &&
    sameNumber(b.listAmountCents[x], b.listAmountCents[y]) &&
    b.freeMonths[x] === b.freeMonths[y] &&
    sameNumber(b.fxRate[x], b.fxRate[y]) &&
    b.contract[x] === b.contract[y] &&
    b.parent[x] === b.parent[y] &&
    b.currency[x] === b.currency[y] &&
    b.billing[x] === b.billing[y] &&
    b.segment[x] === b.segment[y] &&
    b.region[x] === b.region[y] &&
    b.rep[x] === b.rep[y] &&
    b.entity[x] === b.entity[y] &&
    b.status[x] === b.status[y]
  );
}

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** duplicate-line, overlap, renewal-gap. */
export function groupRules(ctx: CheckContext): void {
  const { book, policy, findings } = ctx;
  const n = book.n;
  const { start, end, row } = book;
  const cust = ctx.ids.customer;
  const prod = ctx.ids.product;
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[j] = j;
  order.sort(
    (a, b) => cust[a] - cust[b] || prod[a] - prod[b] || start[a] - start[b] || end[a] - end[b] || a - b,
  );

  // duplicate-line: runs of one customer, product, start and end.
  const duplicate = new Uint8Array(n);
  const distinct: number[] = [];
  for (let p = 0; p < n;) {
    const j0 = order[p];
    let q = p + 1;
    while (
      q < n &&
      cust[order[q]] === cust[j0] &&
      prod[order[q]] === prod[j0] &&
      start[order[q]] === start[j0] &&
      end[order[q]] === end[j0]
    ) {
      q++;
    }
    if (q - p > 1) {
      distinct.length = 0;
      for (let r = p; r < q; r++) {
        const j = order[r];
        const same = distinct.find((d) => sameLine(book, d, j));
        if (same === undefined) {
          distinct.push(j);
          continue;
        }
        duplicate[j] = 1;
        findings.add(
          'error',
          'duplicate-line',
          row[j],
          book.customer[j],
          book.contract[j],
          `row ${row[j]} repeats row ${row[same]} in every field: the line is counted twice`,
        );
      }
    }
    p = q;
  }

  // overlap and renewal-gap: per customer and product, the ARR lines in start order.
  const grace = policy.renewalGraceDays;
  const label = (j: number): string => (book.product[j] === '' ? '' : ` (${book.product[j]})`);
  let reach = -1; // the earlier-starting ARR line of the group that runs longest
  for (let p = 0; p < n; p++) {
    const j = order[p];
    if (p > 0 && (cust[j] !== cust[order[p - 1]] || prod[j] !== prod[order[p - 1]])) reach = -1;
    if (duplicate[j] || !isArrLine(book, j, policy)) continue;
    const last = lastDay(book, j);
    if (reach >= 0) {
      const reachLast = lastDay(book, reach);
      if (start[j] <= reachLast) {
        const coTermed = start[j] > start[reach] && end[j] === end[reach];
        if (!coTermed) {
          const to = Math.min(last, reachLast);
          const contracts = [...new Set([book.contract[reach], book.contract[j]].filter((c) => c !== ''))];
          findings.add(
            'warning',
            'overlap',
            row[j],
            book.customer[j],
            contracts.join(', '),
            `rows ${row[reach]} and ${row[j]}${label(j)} overlap for ${days(to - start[j] + 1)}, ` +
              `${formatDay(start[j])}..${formatDay(to)}: ARR counts both lines on those days, ` +
              `a double count unless both are meant`,
          );
        }
      } else {
        const gap = start[j] - reachLast - 1;
        if (gap > grace) {
          const how = reachLast < end[reach] ? ' (its cancel date)' : '';
          findings.add(
            'warning',
            'renewal-gap',
            row[j],
            book.customer[j],
            book.contract[j],
            `row ${row[j]}${label(j)} starts ${formatDay(start[j])}, ${days(gap)} uncovered after row ` +
              `${row[reach]} ended ${formatDay(reachLast)}${how}, more than renewalGraceDays (${grace}): ` +
              `not a renewal; ARR drops after ${formatDay(reachLast)} and comes back on ` +
              `${formatDay(start[j])} (a churn and a re-add when nothing else of the customer counts in between)`,
          );
        }
      }
    }
    if (reach < 0 || last > lastDay(book, reach)) reach = j;
  }
}
