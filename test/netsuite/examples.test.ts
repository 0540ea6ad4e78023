/**
 * The example NetSuite exports (examples/netsuite/, scripts/generate-netsuite-example.mjs): they
 * are reproducible byte for byte, every file reads with the importer as the shape it stands for,
 * and reconciling the example book against them over FY2025 attributes every variance to the
 * disagreements written in (README.md there), with nothing unexplained.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CellError } from '../../src/cells/error.js';
import { dayFromYmd } from '../../src/cells/days.js';
import { parseContracts } from '../../src/contracts/index.js';
import { parseRates } from '../../src/money/index.js';
import { parsePolicy } from '../../src/policy/index.js';
import { readNetSuiteExport, type NetSuiteExport } from '../../src/netsuite/index.js';
import { reconcile, type Reconciliation, type ReconRow } from '../../src/reconcile/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, 'examples', 'netsuite');
const SCRIPT = join(ROOT, 'scripts', 'generate-netsuite-example.mjs');
const EXPORTS = [
  'transactions.csv',
  'income-statement-detail.csv',
  'deferred-revenue-waterfall.csv',
  'customers.csv',
];

const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));
const table = (file: string): unknown[][] =>
  Papa.parse<unknown[]>(readFileSync(file, 'utf8'), { skipEmptyLines: 'greedy' }).data;
function ok<T>(x: T | CellError): T {
  if (x instanceof CellError) throw new Error(x.message);
  return x;
}

describe('example NetSuite exports', () => {
  let fresh = '';
  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'runrate-netsuite-examples-'));
    execFileSync(process.execPath, [SCRIPT, fresh], { stdio: 'pipe' });
  }, 60_000);
  afterAll(() => {
    if (fresh) rmSync(fresh, { recursive: true, force: true });
  });

  it('are byte-identical to a fresh run of the generator', () => {
    const names = readdirSync(DIR).sort();
    expect(names).toEqual([...EXPORTS, 'README.md', 'mapping.csv'].sort());
    for (const name of names) {
      const committed = readFileSync(join(DIR, name));
      expect(readFileSync(join(fresh, name)).equals(committed), `${name} differs from a fresh run`).toBe(
        true,
      );
    }
  });

  it('read as the shapes they stand for', () => {
    const read = (name: string): NetSuiteExport => ok(readNetSuiteExport(bytes(name), { label: name }));
    const tx = read('transactions.csv');
    expect([tx.family, tx.kind, tx.amountSource]).toEqual(['saved_search', 'transactions', 'reporting']);
    expect(tx.headers.filter((h) => h === 'Internal ID')).toHaveLength(3);
    expect(tx.lines.some((l) => l.type === 'Credit Memo' && l.amountCents < 0)).toBe(true);
    expect(tx.lines.some((l) => l.currency === 'EUR' && l.foreignCents !== l.amountCents)).toBe(true);
    const is = read('income-statement-detail.csv');
    expect([is.family, is.kind]).toEqual(['report', 'income_statement']);
    expect(is.title).toEqual([
      'RunRate Demo Inc. (Consolidated)',
      'Income Statement Detail',
      'January 2025 - December 2025',
    ]);
    // Sections: Ordinary Income/Expense, Income, three revenue accounts, Cost Of Sales, 5000 Hosting.
    expect(is.dropped.sections).toBe(7);
    // Totals: three accounts, Income, Hosting, Cost Of Sales, Gross Profit, Net Ordinary Income, Net Income.
    expect(is.dropped.totals).toBe(9);
    expect(new Set(is.lines.map((l) => l.accountNumber))).toEqual(new Set(['4000', '4100', '4200', '5000']));
    expect(
      is.lines.filter((l) => l.accountNumber === '5000').every((l) => l.accountType === 'Cost of Goods Sold'),
    ).toBe(true);
    const wf = read('deferred-revenue-waterfall.csv');
    expect([wf.family, wf.kind, wf.amountSource]).toEqual(['report', 'deferred_waterfall', 'balance']);
    expect(wf.lines[0].buckets.length).toBeGreaterThan(0);
    const cu = read('customers.csv');
    expect([cu.family, cu.kind]).toEqual(['saved_search', 'customers']);
    expect(cu.entities.some((e) => / : /.test(e))).toBe(true);
  });

  describe('reconciled over FY2025', () => {
    const book = join(ROOT, 'examples');
    const policy = ok(parsePolicy(table(join(book, 'policy.csv')), { fx: 'contract' }));
    const rates = ok(parseRates(table(join(book, 'fx-rates.csv')), policy.reportingCurrency));
    const contracts = ok(parseContracts(table(join(book, 'contracts.csv')), policy));
    const mapping = table(join(DIR, 'mapping.csv'));
    const run = (map: unknown[][] | null): Reconciliation =>
      ok(
        reconcile({
          book: contracts,
          policy,
          rates,
          netsuite: EXPORTS.map((label) => ({ label, data: bytes(label) })),
          mapping: map,
          from: dayFromYmd(2025, 1, 1),
          to: dayFromYmd(2025, 12, 31),
        }),
      );
    const r = run(mapping);
    const row = (rows: ReconRow[], customer: string): ReconRow => {
      const found = rows.find((x) => x.customer === customer);
      if (!found) throw new Error(`no row for ${customer}`);
      return found;
    };

    it('leaves nothing unexplained between contract revenue and GL revenue', () => {
      expect(r.deferredSource).toBe('export');
      for (const x of r.revenue.rows) expect(x.unexplainedCents, String(x.customer)).toBe(0);
      expect(r.revenue.total.unexplainedCents).toBe(0);
      for (const x of r.deferred.rows) expect(x.unexplainedCents, String(x.customer)).toBe(0);
    });

    it('agrees with every customer but the disagreements written in', () => {
      const differing = r.revenue.rows.filter((x) => x.varianceCents !== 0).map((x) => x.customer);
      expect(differing.sort()).toEqual(
        ['Amberfield Health', 'Bluefin Logistics', 'Marigold Systems', null].sort(),
      );
    });

    it('attributes each disagreement to its cause', () => {
      // Amberfield: the upsell (25,000.00 for 2025-07-01..2025-12-31, 184 days) starts a month late
      // in NetSuite: July's revenue, 25,000.00 x 31 / 184 = 4,211.96, is missing from GL.
      expect(row(r.revenue.rows, 'Amberfield Health').causes.modificationTiming).toBe(
        -Math.round((2_500_000 * 31) / 184),
      );
      // Bluefin: NetSuite recognises September too: each 2025 line's revenue through 9/30 less
      // through 8/31 (cumulative rounding), over 365 days.
      const bluefin = contracts.customer
        .map((_c, j) => j)
        .filter(
          (j) =>
            contracts.customer[j] === 'Bluefin Logistics' && contracts.start[j] === dayFromYmd(2025, 1, 1),
        );
      const september = bluefin.reduce((s, j) => {
        const T = contracts.amountCents[j];
        return s + Math.round((T * 273) / 365) - Math.round((T * 243) / 365);
      }, 0);
      expect(row(r.revenue.rows, 'Bluefin Logistics').causes.churnTiming).toBe(september);
      expect(row(r.revenue.rows, 'Marigold Systems').causes.discount).toBeGreaterThan(0);
      expect(row(r.arr.rows, 'Marigold Systems').causes.discount).toBe(10_400_000 - 8_840_000);
      const northgate = r.revenue.rows.find((x) => x.customer === null);
      expect(northgate?.netsuite).toEqual(['C1303 Northgate Advisory LLC']);
      expect(northgate?.causes.unmatched).toBe(650_000);
      expect(r.unmatched.contracts).toEqual([]);
      expect(r.unmatched.netsuite.map((u) => u.name)).toEqual(['C1303 Northgate Advisory LLC']);
    });

    it('the walk foots to the cent', () => {
      const end = r.walk[r.walk.length - 1];
      expect(end.cents).toBe(r.revenue.total.netsuiteCents);
    });

    it('without the mapping row, exactly the renamed customer and its entity are unmatched', () => {
      const without = run([mapping[0]]);
      expect(without.unmatched.contracts.map((u) => u.name)).toEqual(['Thistledown Insurance']);
      expect(without.unmatched.netsuite.map((u) => u.name).sort()).toEqual(
        ['C1142 Thistledown Underwriting Ltd', 'C1303 Northgate Advisory LLC'].sort(),
      );
      expect(without.unmatched.contracts[0].candidates[0].name).toBe('C1142 Thistledown Underwriting Ltd');
    });
  });
});
