/**
 * `runrate reconcile` on the five-disagreement book (test/fixtures/reconcile; the hand figures are
 * in five.test.ts). Variance % = variance / |contract| x 100, rounded to two decimals:
 * Globex 20,000 / 9,000 = 222.22; Hooli 5,900 / 3,100 = 190.32; Initech 4,500 / 18,000 = 25;
 * Umbrella -2,800 / 14,900 = -18.79.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const CWD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reconcile');
const BASE = [
  'reconcile',
  '--contracts',
  'contracts.csv',
  '--policy',
  'policy.csv',
  '--from',
  '2025-01-01',
  '--to',
  '2025-03-31',
];
const NETSUITE = [
  '--netsuite',
  'transactions.csv',
  '--netsuite',
  'income-statement.csv',
  '--netsuite',
  'customers.csv',
];

const zero = {
  pendingStart: 0,
  oneTime: 0,
  usage: 0,
  discount: 0,
  modificationTiming: 0,
  churnTiming: 0,
  unmatched: 0,
};
const customer = (
  name: string | null,
  netsuite: string | null,
  contract: number,
  gl: number,
  pct: number | null,
  flag: boolean,
  causes: Partial<typeof zero> = {},
) => ({
  customer: name,
  netsuite,
  contract,
  gl,
  variance: Math.round((gl - contract) * 100) / 100,
  variancePct: pct,
  flag,
  causes: { ...zero, ...causes },
  unexplained: 0,
});

const WALK = [
  ['ARR-implied revenue', 64200],
  ['Pending starts (in ARR, not yet live)', -10200],
  ['Discounts (ARR at list, revenue net)', 0],
  ['Churn timing (ARR vs service end)', 0],
  ['One-time and services revenue', 0],
  ['Usage revenue outside ARR', 0],
  ['Unexplained (ARR to contract revenue)', 0],
  ['Contract revenue', 54000],
  ['One-time and services (GL vs contract)', 20000],
  ['Usage (GL vs contract)', 0],
  ['Discount gross vs net (GL at list)', 4500],
  ['Modification timing', -2800],
  ['Churn timing (GL vs contract end)', 5900],
  ['Unmatched customers', 0],
  ['Unexplained (contract to GL revenue)', 0],
  ['GL revenue', 81600],
].map(([step, amount]) => ({ step, amount }));

describe('runrate reconcile', () => {
  it('prints exactly the documented JSON', async () => {
    const r = await run([...BASE, ...NETSUITE, '--mapping', 'mapping.csv', '--json'], { cwd: CWD });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['from', 'to', 'currency', 'walk', 'customers', 'unmatched']);
    expect(doc).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
      currency: 'USD',
      walk: WALK,
      customers: [
        customer('Acme Corp', 'C1001 Acme Corp.', 0, 0, null, false),
        customer('Globex Corporation', 'C1002 Globex Corporation', 9000, 29000, 222.22, true, {
          oneTime: 20000,
        }),
        customer('Hooli Inc', 'C1005 Hooli Inc', 3100, 9000, 190.32, true, { churnTiming: 5900 }),
        customer('Initech', 'C1003 Initech, LLC', 18000, 22500, 25, true, { discount: 4500 }),
        customer('Umbrella Corp', 'C1004 Umbrella Corp', 14900, 12100, -18.79, true, {
          modificationTiming: -2800,
        }),
        customer('Wayne Enterprises', 'C1006 WE Holdings', 9000, 9000, 0, false),
      ],
      unmatched: { contracts: [], netsuite: [] },
    });
    expect(Object.keys(doc.customers[0])).toEqual([
      'customer',
      'netsuite',
      'contract',
      'gl',
      'variance',
      'variancePct',
      'flag',
      'causes',
      'unexplained',
    ]);
  });

  it('without the mapping: Wayne Enterprises and C1006 WE Holdings are unmatched, with candidates', async () => {
    const r = await run([...BASE, ...NETSUITE, '--json'], { cwd: CWD });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.unmatched.contracts.map((u: { name: string }) => u.name)).toEqual(['Wayne Enterprises']);
    expect(doc.unmatched.netsuite.map((u: { name: string }) => u.name)).toEqual(['C1006 WE Holdings']);
    for (const u of [...doc.unmatched.contracts, ...doc.unmatched.netsuite]) {
      for (const c of u.candidates) expect(c.score).toBeGreaterThanOrEqual(0);
    }
    const rows = doc.customers.filter((c: { causes: { unmatched: number } }) => c.causes.unmatched !== 0);
    expect(rows).toEqual([
      customer('Wayne Enterprises', null, 9000, 0, -100, true, { unmatched: -9000 }),
      customer(null, 'C1006 WE Holdings', 0, 9000, null, true, { unmatched: 9000 }),
    ]);
  });

  it('prints the walk and the three tables for people', async () => {
    const r = await run([...BASE, ...NETSUITE, '--mapping', 'mapping.csv'], { cwd: CWD });
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Reconciliation against NetSuite 2025-01-01 to 2025-03-31, USD, policy recon-fixture-1',
    );
    expect(r.out).toMatch(/ARR-implied revenue\s+64,200\.00/);
    expect(r.out).toMatch(/GL revenue\s+81,600\.00/);
    expect(r.out).toContain('Revenue: contract revenue vs GL revenue');
    expect(r.out).toContain('ARR: contract ARR vs NetSuite billing run-rate');
    expect(r.out).toContain('Deferred revenue: contract (billed - recognised) vs NetSuite');
    expect(r.out).toContain('Discount gross vs net 4,500.00');
    expect(r.out).toContain('Unmatched contract customers: none');
  });

  it('needs --netsuite, whole months and readable files', async () => {
    let r = await run(BASE, { cwd: CWD });
    expect(r.code).toBe(2);
    expect(r.err).toContain('reconcile needs --netsuite');
    r = await run([...BASE.slice(0, 5), '--from', '2025-01-02', '--to', '2025-03-31', ...NETSUITE], {
      cwd: CWD,
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('from 2025-01-02: a reconciliation covers whole months');
    r = await run([...BASE, '--netsuite', 'missing.csv'], { cwd: CWD });
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.csv: no such file');
  });
});
