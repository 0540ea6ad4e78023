/**
 * The five disagreements of the case (an operating ARR and audited GL revenue that disagree for five
 * reasons), reproduced in test/fixtures/reconcile/ and reconciled over Q1 2025 (2025-01-01..03-31,
 * 90 days) under `basis: contracted` (the operating ARR counted signed contracts):
 *
 * Every rate is a whole number of dollars a day: $36,500 over a 365-day term is $100 a day.
 *
 * | customer (NetSuite entity)            | disagreement | contract | NetSuite |
 * |---------------------------------------|--------------|----------|----------|
 * | Acme Corp (C1001 Acme Corp.)          | (1) pending start: $73,000 ($200/day) signed 2025-02-15, starts 2025-05-01 | in CARR | no invoice yet |
 * | Globex Corporation (C1002 ...)        | (2) services: $20,000 implementation in GL (4100), not in the contracts | $100/day | $100/day + 20,000 |
 * | Initech (C1003 Initech, LLC)          | (3) discount: contract $73,000 net ($200/day), list $91,250 ($250/day); NetSuite invoiced and recognises list | | |
 * | Umbrella Corp (C1004 Umbrella Corp)   | (4) modification: $100/day upsell effective 2025-02-01 in the contracts (33,400 over 334 days), 2025-03-01 in NetSuite (30,600 over 306 days) | | |
 * | Hooli Inc (C1005 Hooli Inc)           | (5) churn: cancelled 2025-01-31 in the contracts; NetSuite recognised through 03-31 and credited 04-01..06-30 in April | | |
 * | Wayne Enterprises (C1006 WE Holdings) | none; matched only through the mapping table | $100/day | $100/day |
 *
 * Hand figures, revenue (contract vs GL):
 *   Globex 90 x 100 = 9,000 vs 9,000 + 20,000 = 29,000: one-time +20,000
 *   Initech 90 x 200 = 18,000 vs 90 x 250 = 22,500: discount +4,500
 *   Umbrella 9,000 + 59 x 100 = 14,900 vs 9,000 + 31 x 100 = 12,100: modification -28 x 100 = -2,800
 *   Hooli 31 x 100 = 3,100 vs 90 x 100 = 9,000: churn +59 x 100 = +5,900
 *   Wayne 9,000 vs 9,000. Totals 54,000 vs 81,600, variance 27,600 = 20,000 + 4,500 - 2,800 + 5,900.
 * ARR on 2025-03-31 (contract ARR vs billing run-rate):
 *   Acme 73,000 vs 0: pending start -73,000; Initech 73,000 vs 91,250: discount +18,250;
 *   Hooli 0 vs 36,500 (the invoice still covers the date): churn +36,500; the others equal.
 * Deferred revenue at 2025-03-31 (annual billing in advance; NetSuite from its invoices):
 *   Initech 73,000 - 18,000 = 55,000 vs 91,250 - 22,500 = 68,750: discount +13,750
 *   Hooli 36,500 - 215 x 100 = 15,000 vs 36,500 - 274 x 100 = 9,100: churn -5,900
 *   Umbrella 27,500 + (33,400 - 5,900) = 55,000 vs 27,500 + (30,600 - 3,100) = 55,000
 * The walk: ARR-implied revenue (CARR over the days counted) Acme 73,000 x 45/365 = 9,000, Globex
 *   9,000, Initech 18,000, Umbrella 9,000 + 71 x 100 (counted from its signing on 01-20) = 16,100,
 *   Hooli 3,100, Wayne 9,000: 64,200; pending starts -(9,000 + 12 x 100) = -10,200; contract
 *   revenue 54,000; then +20,000 +4,500 -2,800 +5,900 = GL revenue 81,600.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, parseContracts, parsePolicy } from '../../src/index.js';
import { reconcile, type Reconciliation, type ReconRow } from '../../src/reconcile/index.js';
import { ok } from '../methodology/book.js';
import Papa from 'papaparse';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reconcile');
const bytes = (f: string) => new Uint8Array(readFileSync(path.join(DIR, f)));
const table = (f: string) =>
  Papa.parse<string[]>(readFileSync(path.join(DIR, f), 'utf8'), { skipEmptyLines: true }).data;

const FROM = dayFromYmd(2025, 1, 1);
const TO = dayFromYmd(2025, 3, 31);
const EXPORTS = ['transactions.csv', 'income-statement.csv', 'customers.csv'];

function run(mapping: unknown[][] | null, files = EXPORTS): Reconciliation {
  const policy = ok(parsePolicy(table('policy.csv')));
  const book = ok(parseContracts(table('contracts.csv'), policy));
  return ok(
    reconcile({
      book,
      policy,
      netsuite: files.map((f) => ({ label: f, data: bytes(f) })),
      mapping,
      from: FROM,
      to: TO,
    }),
  );
}

const row = (rows: ReconRow[], customer: string) => rows.find((r) => r.customer === customer)!;
const nonZero = (r: ReconRow) => Object.fromEntries(Object.entries(r.causes).filter(([, v]) => v !== 0));

describe('the five-disagreement book', () => {
  const r = run(table('mapping.csv'));

  it('revenue: each disagreement under its cause, nothing unexplained', () => {
    const t = r.revenue;
    expect(row(t.rows, 'Globex Corporation')).toMatchObject({
      contractCents: 900000,
      netsuiteCents: 2900000,
    });
    expect(nonZero(row(t.rows, 'Globex Corporation'))).toEqual({ oneTime: 2000000 });
    expect(row(t.rows, 'Initech')).toMatchObject({ contractCents: 1800000, netsuiteCents: 2250000 });
    expect(nonZero(row(t.rows, 'Initech'))).toEqual({ discount: 450000 });
    expect(row(t.rows, 'Umbrella Corp')).toMatchObject({ contractCents: 1490000, netsuiteCents: 1210000 });
    expect(nonZero(row(t.rows, 'Umbrella Corp'))).toEqual({ modificationTiming: -280000 });
    expect(row(t.rows, 'Hooli Inc')).toMatchObject({ contractCents: 310000, netsuiteCents: 900000 });
    expect(nonZero(row(t.rows, 'Hooli Inc'))).toEqual({ churnTiming: 590000 });
    expect(row(t.rows, 'Wayne Enterprises')).toMatchObject({
      netsuite: ['C1006 WE Holdings'],
      contractCents: 900000,
      netsuiteCents: 900000,
      flag: false,
    });
    expect(t.total).toMatchObject({ contractCents: 5400000, netsuiteCents: 8160000, varianceCents: 2760000 });
    for (const x of [...t.rows, t.total]) expect(x.unexplainedCents).toBe(0);
    expect(row(t.rows, 'Initech').flag).toBe(true); // 25% > 2%
  });

  it('ARR on the period end: pending start, discount, churn timing', () => {
    const t = r.arr;
    expect(row(t.rows, 'Acme Corp')).toMatchObject({ contractCents: 7300000, netsuiteCents: 0 });
    expect(nonZero(row(t.rows, 'Acme Corp'))).toEqual({ pendingStart: -7300000 });
    expect(nonZero(row(t.rows, 'Initech'))).toEqual({ discount: 1825000 });
    expect(row(t.rows, 'Hooli Inc')).toMatchObject({ contractCents: 0, netsuiteCents: 3650000 });
    expect(nonZero(row(t.rows, 'Hooli Inc'))).toEqual({ churnTiming: 3650000 });
    expect(row(t.rows, 'Umbrella Corp').varianceCents).toBe(0);
    for (const x of [...t.rows, t.total]) expect(x.unexplainedCents).toBe(0);
  });

  it('deferred revenue at the period end: discount and churn timing', () => {
    const t = r.deferred;
    expect(r.deferredSource).toBe('invoices');
    expect(row(t.rows, 'Initech')).toMatchObject({ contractCents: 5500000, netsuiteCents: 6875000 });
    expect(nonZero(row(t.rows, 'Initech'))).toEqual({ discount: 1375000 });
    expect(row(t.rows, 'Hooli Inc')).toMatchObject({ contractCents: 1500000, netsuiteCents: 910000 });
    expect(nonZero(row(t.rows, 'Hooli Inc'))).toEqual({ churnTiming: -590000 });
    expect(row(t.rows, 'Umbrella Corp')).toMatchObject({ contractCents: 5500000, netsuiteCents: 5500000 });
    for (const x of [...t.rows, t.total]) expect(x.unexplainedCents).toBe(0);
  });

  it('with a deferred revenue export: its balances are the NetSuite figure, the same causes', () => {
    const d = run(table('mapping.csv'), [...EXPORTS, 'deferred-revenue.csv']);
    expect(d.deferredSource).toBe('export');
    expect(d.deferred).toEqual(r.deferred);
    expect(d.deferred.total.netsuiteCents).toBe(17865000); // 27,500 + 68,750 + 55,000 + 9,100 + 18,300
    expect(d.revenue).toEqual(r.revenue);
  });

  it('the walk from ARR-implied revenue to GL revenue foots to the cent', () => {
    const w = Object.fromEntries(r.walk.map((s) => [s.step, s.cents]));
    expect(r.walk[0]).toMatchObject({ step: 'ARR-implied revenue', cents: 6420000 });
    expect(w['Pending starts (in ARR, not yet live)']).toBe(-1020000);
    expect(w['Unexplained (ARR to contract revenue)']).toBe(0);
    expect(w['Contract revenue']).toBe(5400000);
    expect(w['One-time and services (GL vs contract)']).toBe(2000000);
    expect(w['Discount gross vs net (GL at list)']).toBe(450000);
    expect(w['Modification timing']).toBe(-280000);
    expect(w['Churn timing (GL vs contract end)']).toBe(590000);
    expect(w['Unmatched customers']).toBe(0);
    expect(w['Unexplained (contract to GL revenue)']).toBe(0);
    expect(r.walk.at(-1)).toMatchObject({ step: 'GL revenue', cents: 8160000 });
    let run = 0;
    for (const s of r.walk) {
      if (s.kind === 'start') run = s.cents;
      else if (s.kind === 'subtotal' || s.kind === 'end') expect(s.cents).toBe(run);
      else run += s.cents;
    }
    expect(r.unmatched).toEqual({ contracts: [], netsuite: [] });
  });

  it('removing the mapping moves exactly that customer to unmatched', () => {
    const u = run(null);
    expect(u.unmatched.contracts.map((x) => x.name)).toEqual(['Wayne Enterprises']);
    expect(u.unmatched.netsuite.map((x) => x.name)).toEqual(['C1006 WE Holdings']);
    const wayne = row(u.revenue.rows, 'Wayne Enterprises');
    expect(wayne).toMatchObject({ netsuite: [], contractCents: 900000, netsuiteCents: 0 });
    expect(nonZero(wayne)).toEqual({ unmatched: -900000 });
    const we = u.revenue.rows.find((x) => x.customer === null)!;
    expect(we).toMatchObject({ netsuite: ['C1006 WE Holdings'], contractCents: 0, netsuiteCents: 900000 });
    expect(nonZero(we)).toEqual({ unmatched: 900000 });
    // Every other row is as before.
    for (const x of r.revenue.rows.filter((x) => x.customer !== 'Wayne Enterprises')) {
      expect(row(u.revenue.rows, x.customer!)).toEqual(x);
    }
    expect(u.revenue.total.netsuiteCents).toBe(r.revenue.total.netsuiteCents);
    const w = Object.fromEntries(u.walk.map((s) => [s.step, s.cents]));
    expect(w['Unmatched customers']).toBe(0); // -9,000 and +9,000
    expect(w['Unexplained (contract to GL revenue)']).toBe(0);
  });
});
