import type { Policy, PolicyValues } from '../../src/policy/keys.js';

/**
 * A Policy with the defaults of src/policy/keys.ts, written out by hand so these tests do not
 * depend on the policy parser. `explicit` lists the keys a user's table would have set.
 */
export function testPolicy(overrides: Partial<PolicyValues> = {}, explicit: string[] = []): Policy {
  return {
    version: '1',
    reportingCurrency: 'USD',
    basis: 'live',
    annualization: 'daily365',
    amountBasis: 'term',
    multiYear: 'ramp',
    includeUsageCommit: 'yes',
    includeUsageOverage: 'no',
    discounts: 'net',
    freeMonths: 'spread',
    renewalGraceDays: 0,
    churnDate: 'end',
    fx: 'contract',
    grain: 'customer',
    reactivation: 'separate',
    rollupToParent: 'no',
    rounding: 'half_up',
    bands: [25000, 100000],
    missingEnd: 'error',
    endDateInclusive: 'yes',
    bridgeMethod: 'single',
    oneTime: 'point_in_time',
    revenueRounding: 'cumulative',
    reconTolerancePct: 2,
    anomalyThreshold: 50000,
    netsuiteDateFormat: 'M/D/YYYY',
    glRevenueAccounts: '4*',
    ...overrides,
    explicitKeys: explicit,
  };
}
