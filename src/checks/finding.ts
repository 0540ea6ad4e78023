/** A finding of the data checks, and the list that collects and sorts them. */
import type { RuleId, Severity } from './rules.js';

export interface Finding {
  severity: Severity;
  /** Sheet row (header = row 1); null for a finding about no one row (a skipped rule, a bad policy). */
  row: number | null;
  /** '' when the finding is about no one customer. */
  customer: string;
  /** Contract id(s), comma separated; '' when none. */
  contract: string;
  rule: RuleId;
  message: string;
}

/** Findings in the order they are found; `sorted()` gives them by row (none first), then rule id. */
export class Findings {
  private readonly list: Finding[] = [];

  add(
    severity: Severity,
    rule: RuleId,
    row: number | null,
    customer: string,
    contract: string,
    message: string,
  ): void {
    this.list.push({ severity, row, customer, contract, rule, message });
  }

  get length(): number {
    return this.list.length;
  }

  /** By row (findings without a row first), then rule id, then the order found: deterministic. */
  sorted(): Finding[] {
    const order = this.list.map((_, i) => i);
    const rowKey = (f: Finding): number => (f.row === null ? -1 : f.row);
    order.sort((a, b) => {
      const fa = this.list[a];
      const fb = this.list[b];
      const r = rowKey(fa) - rowKey(fb);
      if (r !== 0) return r;
      if (fa.rule !== fb.rule) return fa.rule < fb.rule ? -1 : 1;
      return a - b;
    });
    return order.map((i) => this.list[i]);
  }
}

const groupDigits = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Integer cents as `1,234.56` (`-1,234.56`; `+` with `signed`). */
export function showMoney(cents: number, signed = false): string {
  const abs = Math.abs(Math.round(cents));
  const units = Math.floor(abs / 100);
  const frac = abs % 100;
  const sign = cents < 0 ? '-' : signed && cents > 0 ? '+' : '';
  return sign + groupDigits(String(units)) + '.' + (frac < 10 ? '0' : '') + frac;
}
