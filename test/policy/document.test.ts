import { describe, it, expect } from 'vitest';
import { isCellError } from '../../src/cells/index.js';
import {
  POLICY_KEYS,
  defaultPolicy,
  parsePolicy,
  policyDocument,
  policyHash,
  type Policy,
} from '../../src/policy/index.js';

function ok(table: unknown[][]): Policy {
  const p = parsePolicy(table);
  if (isCellError(p)) throw new Error(`unexpected error: ${p.message}`);
  return p;
}

/** The document without its first paragraph, which carries the version and the hash. */
const body = (p: Policy): string => policyDocument(p).slice(1).join('\n');

describe('policyDocument', () => {
  it('is a list of plain paragraphs', () => {
    const doc = policyDocument(defaultPolicy());
    expect(doc.length).toBeGreaterThanOrEqual(8);
    for (const paragraph of doc) {
      expect(paragraph.trim()).toBe(paragraph);
      expect(paragraph).not.toContain('\n');
      expect(paragraph).not.toContain('undefined');
      expect(paragraph).toMatch(/[.)]$/);
    }
  });

  it('opens with the version and the hash', () => {
    const p = ok([['version', 'FY25 board']]);
    expect(policyDocument(p)[0]).toContain('version FY25 board');
    expect(policyDocument(p)[0]).toContain(policyHash(p));
  });

  it('states the default policy in plain words', () => {
    const text = policyDocument(defaultPolicy()).join('\n');
    expect(text).toContain('ARR counts recurring lines from their start date');
    expect(text).toContain(
      "A line's amount is the total for its term; it is annualised by its daily rate times 365 (amount x 365 / days in the term",
    );
    expect(text).toContain('Every figure is reported in USD.');
    expect(text).toContain('Usage above the minimum (usage_overage lines) is not ARR.');
    expect(text).toContain("halves away from zero as Excel's ROUND does");
    expect(text).toContain('under 25,000; 25,000 to under 100,000; 100,000 and more');
    expect(text).toContain('a variance above 2%');
    expect(text).toContain('more than 50,000 USD');
  });

  it('changes with every value of every key', () => {
    const base = body(defaultPolicy());
    const alternatives: Record<string, unknown[]> = {
      reportingCurrency: ['EUR'],
      renewalGraceDays: [1, 30],
      bands: ['50000', '10000,20000,30000'],
      reconTolerancePct: [5],
      anomalyThreshold: [10000],
      glRevenueAccounts: ['40000-49999'],
    };
    let checked = 0;
    for (const spec of POLICY_KEYS) {
      if (spec.key === 'version') continue; // only in the first paragraph, checked above
      const others =
        spec.kind === 'enum' ? spec.values.filter((v) => v !== spec.default) : alternatives[spec.key];
      expect(others, spec.key).toBeDefined();
      for (const value of others) {
        expect(body(ok([[spec.key, value]])), `${spec.key} = ${String(value)}`).not.toBe(base);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(POLICY_KEYS.length);
  });

  it('says that annualization applies only to term amounts when the amount is annual or monthly', () => {
    const annual = body(ok([['amountBasis', 'annual']]));
    expect(annual).toContain('its ARR is the amount itself');
    expect(annual).toContain('the annualization setting (daily365) applies only to term amounts');
    const monthly = body(
      ok([
        ['amountBasis', 'monthly'],
        ['annualization', 'monthly12'],
      ]),
    );
    expect(monthly).toContain('its ARR is the amount x 12');
    expect(monthly).toContain('the annualization setting (monthly12) applies only to term amounts');
  });

  it('writes days, bands and amounts the way a reader expects', () => {
    expect(body(ok([['renewalGraceDays', 1]]))).toContain('at most 1 day uncovered after a line ends');
    expect(body(ok([['renewalGraceDays', 30]]))).toContain('at most 30 days uncovered after a line ends');
    expect(
      body(
        ok([
          ['churnDate', 'grace_end'],
          ['renewalGraceDays', 15],
        ]),
      ),
    ).toContain('plus the grace period (15 days)');
    expect(body(ok([['bands', 50000]]))).toContain('in USD: under 50,000; 50,000 and more.');
    expect(body(ok([['bands', '1000,1234567.5']]))).toContain(
      'under 1,000; 1,000 to under 1,234,567.5; 1,234,567.5 and more',
    );
    expect(
      body(
        ok([
          ['anomalyThreshold', 1250000],
          ['reportingCurrency', 'gbp'],
        ]),
      ),
    ).toContain('more than 1,250,000 GBP');
  });
});
