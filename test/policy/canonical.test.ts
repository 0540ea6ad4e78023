import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { isCellError } from '../../src/cells/index.js';
import {
  POLICY_KEYS,
  canonicalPolicy,
  defaultPolicy,
  parsePolicy,
  policyHash,
  policyTable,
  type Policy,
} from '../../src/policy/index.js';

function ok(table?: unknown[][] | null, overrides?: Record<string, string>): Policy {
  const p = parsePolicy(table, overrides);
  if (isCellError(p)) throw new Error(`unexpected error: ${p.message}`);
  return p;
}

const DEFAULT_ROWS = [
  ['version', '1'],
  ['reportingCurrency', 'USD'],
  ['basis', 'live'],
  ['annualization', 'daily365'],
  ['amountBasis', 'term'],
  ['multiYear', 'ramp'],
  ['includeUsageCommit', 'yes'],
  ['includeUsageOverage', 'no'],
  ['discounts', 'net'],
  ['freeMonths', 'spread'],
  ['renewalGraceDays', '0'],
  ['churnDate', 'end'],
  ['fx', 'contract'],
  ['grain', 'customer'],
  ['reactivation', 'separate'],
  ['rollupToParent', 'no'],
  ['rounding', 'half_up'],
  ['bands', '25000,100000'],
  ['missingEnd', 'error'],
  ['endDateInclusive', 'yes'],
  ['bridgeMethod', 'single'],
  ['oneTime', 'point_in_time'],
  ['revenueRounding', 'cumulative'],
  ['reconTolerancePct', '2'],
  ['anomalyThreshold', '50000'],
  ['netsuiteDateFormat', 'M/D/YYYY'],
  ['glRevenueAccounts', '4*'],
];

/** Every key at a value other than its default. */
const EVERYTHING_CHANGED: unknown[][] = [
  ['Key', 'Value'],
  ['version', 'FY25 board'],
  ['reportingCurrency', 'eur'],
  ['basis', 'contracted'],
  ['annualization', 'monthly12'],
  ['amountBasis', 'annual'],
  ['multiYear', 'average'],
  ['includeUsageCommit', 'no'],
  ['includeUsageOverage', 'yes'],
  ['discounts', 'gross'],
  ['freeMonths', 'exclude'],
  ['renewalGraceDays', 45],
  ['churnDate', 'grace_end'],
  ['fx', 'spot'],
  ['grain', 'customer_product'],
  ['reactivation', 'as_new'],
  ['rollupToParent', 'yes'],
  ['rounding', 'half_even'],
  ['bands', '10000, 50000, 250000'],
  ['missingEnd', 'assume_12_months'],
  ['endDateInclusive', 'no'],
  ['bridgeMethod', 'monthly'],
  ['oneTime', 'ratable'],
  ['revenueRounding', 'plug_last'],
  ['reconTolerancePct', '2.5%'],
  ['anomalyThreshold', '$125,000.50'],
  ['netsuiteDateFormat', 'D.M.YYYY'],
  ['glRevenueAccounts', '40000-49999'],
];

/** A policy without its explicit keys, to compare values only. */
const values = (p: Policy): Record<string, unknown> => {
  const { explicitKeys: _explicit, ...rest } = p;
  return rest;
};

describe('policyTable', () => {
  it('writes every key with its canonical value, in key-table order, under a header', () => {
    expect(policyTable()).toEqual([['Key', 'Value'], ...DEFAULT_ROWS]);
    expect(policyTable(defaultPolicy())).toEqual([['Key', 'Value'], ...DEFAULT_ROWS]);
  });

  it('writes parsed values in canonical text', () => {
    const rows = new Map(policyTable(ok(EVERYTHING_CHANGED)).map(([k, v]) => [k, v]));
    expect(rows.get('reportingCurrency')).toBe('EUR');
    expect(rows.get('bands')).toBe('10000,50000,250000');
    expect(rows.get('reconTolerancePct')).toBe('2.5');
    expect(rows.get('anomalyThreshold')).toBe('125000.5');
    expect(rows.get('renewalGraceDays')).toBe('45');
    expect(ok([['bands', 50000]]).bands).toEqual([50000]);
    expect(policyTable(ok([['bands', 50000]]))[18]).toEqual(['bands', '50000']);
  });

  it('round-trips through parsePolicy', () => {
    for (const policy of [defaultPolicy(), ok(EVERYTHING_CHANGED), ok([['anomalyThreshold', 1e21]])]) {
      const again = ok(policyTable(policy));
      expect(values(again)).toEqual(values(policy));
      expect(again.explicitKeys).toEqual(POLICY_KEYS.map((s) => s.key));
    }
  });

  it('changes every key in the everything-changed policy', () => {
    const p = ok(EVERYTHING_CHANGED);
    expect(p.explicitKeys).toHaveLength(POLICY_KEYS.length);
    const table = policyTable(p);
    for (let i = 0; i < DEFAULT_ROWS.length; i++) expect(table[i + 1][1]).not.toBe(DEFAULT_ROWS[i][1]);
  });
});

describe('canonicalPolicy', () => {
  it('is key=value lines in key-table order', () => {
    expect(canonicalPolicy(defaultPolicy())).toBe(
      'version=1\n' +
        'reportingCurrency=USD\n' +
        'basis=live\n' +
        'annualization=daily365\n' +
        'amountBasis=term\n' +
        'multiYear=ramp\n' +
        'includeUsageCommit=yes\n' +
        'includeUsageOverage=no\n' +
        'discounts=net\n' +
        'freeMonths=spread\n' +
        'renewalGraceDays=0\n' +
        'churnDate=end\n' +
        'fx=contract\n' +
        'grain=customer\n' +
        'reactivation=separate\n' +
        'rollupToParent=no\n' +
        'rounding=half_up\n' +
        'bands=25000,100000\n' +
        'missingEnd=error\n' +
        'endDateInclusive=yes\n' +
        'bridgeMethod=single\n' +
        'oneTime=point_in_time\n' +
        'revenueRounding=cumulative\n' +
        'reconTolerancePct=2\n' +
        'anomalyThreshold=50000\n' +
        'netsuiteDateFormat=M/D/YYYY\n' +
        'glRevenueAccounts=4*\n',
    );
  });

  it('leaves explicitKeys out', () => {
    const spelledOut = ok([['Key', 'Value'], ...DEFAULT_ROWS]);
    expect(spelledOut.explicitKeys).toHaveLength(POLICY_KEYS.length);
    expect(canonicalPolicy(spelledOut)).toBe(canonicalPolicy(defaultPolicy()));
  });
});

describe('policyHash', () => {
  const sha256Hex12 = (text: string): string =>
    createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);

  it('is the first 12 hex characters of the SHA-256 of the canonical form', () => {
    for (const p of [defaultPolicy(), ok(EVERYTHING_CHANGED), ok([['version', 'révision été']])]) {
      const h = policyHash(p);
      expect(h).toMatch(/^[0-9a-f]{12}$/);
      expect(h).toBe(sha256Hex12(canonicalPolicy(p)));
    }
  });

  it('is the same for the same policy, however the table is written', () => {
    const a = ok([
      ['Key', 'Value'],
      ['fx', 'spot'],
      ['rounding', 'half_even'],
      ['bands', '10000,50000'],
    ]);
    const b = ok([
      [null, null],
      ['Rounding', ' Half-Even '],
      ['BANDS', '10,000; 50,000'],
      ['FX', 'SPOT'],
    ]);
    const c = ok(null, { bands: '10000,50000', fx: 'spot', rounding: 'half_even' });
    expect(policyHash(b)).toBe(policyHash(a));
    expect(policyHash(c)).toBe(policyHash(a));
    expect(policyHash(a)).toBe(policyHash(a));
  });

  it('is the default hash for a table that sets keys to their defaults', () => {
    const p = ok([
      ['fx', 'contract'],
      ['renewalGraceDays', '0'],
      ['bands', '25000,100000'],
    ]);
    expect(p.explicitKeys).toEqual(['renewalGraceDays', 'fx', 'bands']);
    expect(policyHash(p)).toBe(policyHash(defaultPolicy()));
  });

  it('changes when any one value changes', () => {
    const hashes = new Set([policyHash(defaultPolicy())]);
    const changed = EVERYTHING_CHANGED.slice(1);
    for (const row of changed) hashes.add(policyHash(ok([row])));
    hashes.add(policyHash(ok([['renewalGraceDays', 1]])));
    hashes.add(policyHash(ok([['bands', '25000,100001']])));
    hashes.add(policyHash(ok([['version', '1.0']])));
    expect(hashes.size).toBe(1 + changed.length + 3);
  });
});
