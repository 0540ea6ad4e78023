/**
 * Builders for the revenue tests: a contract range with a billing column, compiled for revenue
 * through the core API, and a schedule read back as `{ 'YYYY-MM': [recognised, billed, deferred] }`
 * in cents. Nothing here computes an expected figure.
 */
import { expect } from 'vitest';
import { compileRevenue, parseContracts, parsePolicy, parseRates, revenueSchedule } from '../../src/index.js';
import type { RevenueGrouping, RevenueLines, RevenueMonths } from '../../src/index.js';
import { contracts, day, ok, policy, rates, type Line } from '../methodology/book.js';

export const REVENUE_HEADER = [
  'Customer',
  'Parent',
  'Contract',
  'Product',
  'Line Type',
  'Start',
  'End',
  'Cancel',
  'Amount',
  'Currency',
  'FX Rate',
  'Billing',
  'Segment',
] as const;

export const table = (lines: Line[]): unknown[][] => contracts(lines, REVENUE_HEADER);

export function compiled(
  lines: Line[],
  kv: Record<string, string | number> = {},
  rateRows?: [string, string, string | number][],
): RevenueLines {
  const pol = ok(parsePolicy(policy(kv)));
  const book = ok(parseContracts(table(lines), pol));
  const fx = rateRows ? ok(parseRates(rates(rateRows), pol.reportingCurrency)) : null;
  return ok(compileRevenue(book, pol, fx));
}

export type MonthRow = [recognized: number, billed: number, deferred: number];

export function byMonth(months: string[], f: RevenueMonths): Record<string, MonthRow> {
  const out: Record<string, MonthRow> = {};
  months.forEach((m, x) => {
    out[m] = [f.recognizedCents[x], f.billedCents[x], f.deferredCents[x]];
  });
  return out;
}

/** The schedule's total, month by month, in cents. */
export function scheduleOf(lines: RevenueLines, from: string, to: string): Record<string, MonthRow> {
  const s = ok(revenueSchedule(lines, day(from), day(to)));
  return byMonth(s.months, s.total);
}

/** A grouped schedule: key -> month -> row. */
export function groupedOf(
  lines: RevenueLines,
  from: string,
  to: string,
  by: RevenueGrouping,
): Record<string, Record<string, MonthRow>> {
  const s = ok(revenueSchedule(lines, day(from), day(to), by));
  expect(s.groups).toBeDefined();
  const out: Record<string, Record<string, MonthRow>> = {};
  for (const g of s.groups ?? []) out[g.key] = byMonth(s.months, g.figures);
  return out;
}

/** Recognised cents per month. */
export function recognised(lines: RevenueLines, from: string, to: string): Record<string, number> {
  const s = scheduleOf(lines, from, to);
  return Object.fromEntries(Object.entries(s).map(([m, r]) => [m, r[0]]));
}
