/**
 * Property tests of CHECK on random small tables of good and bad cells:
 * - it never fails: the result is a list of findings, whatever the cells;
 * - a line has an error finding of bad-cell (missing-end, end-before-start, cancel-before-start) exactly
 *   when the strict parser, given that line alone under the header, refuses it;
 * - findings come sorted by row (none first), then rule id, and the same input gives the same list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError, checkContracts, parseContracts, parsePolicy } from '../../src/index.js';

const HEADER = [
  'Customer',
  'Contract',
  'Product',
  'Line Type',
  'Start Date',
  'End Date',
  'Signed Date',
  'Cancel Date',
  'Amount',
  'Currency',
  'FX Rate',
  'Status',
];

const date = fc.constantFrom(
  '2025-01-01',
  '2025-03-31',
  '2025-06-30',
  '2025-12-31',
  '2026-01-01',
  '2024-02-29',
  45000,
  '2025-02-30',
  'soon',
  '',
  null,
  0,
);
const cell: Record<string, fc.Arbitrary<unknown>> = {
  Customer: fc.constantFrom('Acme', 'Beta', '', null, 12),
  Contract: fc.constantFrom('C-1', 'C-2', ''),
  Product: fc.constantFrom('Platform', 'Analytics', ''),
  'Line Type': fc.constantFrom('recurring', 'one_time', 'usage_commit', '', 'subscription', 'gizmo'),
  'Start Date': date,
  'End Date': date,
  'Signed Date': date,
  'Cancel Date': date,
  Amount: fc.constantFrom('12000', '0', '-10', 5000, 'abc', '', null, 1e300),
  Currency: fc.constantFrom('USD', 'EUR', '', 'euro'),
  'FX Rate': fc.constantFrom('', '1.1', '-1', 'x'),
  Status: fc.constantFrom('active', 'cancelled', 'expired', ''),
};
const row = fc.tuple(...HEADER.map((h) => cell[h]));
const tableArb = fc.array(row, { minLength: 0, maxLength: 6 });
const policies = [
  null,
  [
    ['Key', 'Value'],
    ['missingEnd', 'assume_12_months'],
    ['fx', 'spot'],
  ],
  [
    ['Key', 'Value'],
    ['renewalGraceDays', '30'],
    ['anomalyThreshold', '0'],
    ['fx', 'fixed'],
  ],
];
const rates = [
  ['Currency', 'Date', 'Rate'],
  ['EUR', '', '1.1'],
  ['EUR', '2025-06-30', '1.12'],
];
const PARSE_RULES = new Set(['bad-cell', 'missing-end', 'end-before-start', 'cancel-before-start']);

describe('CHECK on random cells', () => {
  it('never fails, finds exactly the lines the strict parser refuses, and sorts its findings', () => {
    fc.assert(
      fc.property(
        tableArb,
        fc.constantFrom(...policies),
        fc.constantFrom(null, 20270, 20453),
        fc.boolean(),
        (rows, policyTable, asOf, withRates) => {
          const contracts = [HEADER, ...rows];
          const input = { contracts, policy: policyTable, asOf, rates: withRates ? rates : null };
          const r = checkContracts(input);
          expect(r).not.toBeInstanceOf(CellError);
          if (r instanceof CellError) return;
          const policy = parsePolicy(policyTable);
          if (policy instanceof CellError) throw new Error(policy.message);

          // the oracle: each row alone under the header, strictly
          if (rows.length > 0 && !r.findings.some((f) => f.rule === 'bad-range')) {
            for (let i = 0; i < rows.length; i++) {
              const alone = parseContracts([HEADER, rows[i]], policy);
              const refused = alone instanceof CellError && alone.row === 2;
              const flagged = r.findings.some(
                (f) => f.row === i + 2 && f.severity === 'error' && PARSE_RULES.has(f.rule),
              );
              expect(flagged, `row ${i + 2}`).toBe(refused);
            }
          }

          const key = (f: { row: number | null }) => (f.row === null ? -1 : f.row);
          for (let k = 1; k < r.findings.length; k++) {
            const a = r.findings[k - 1];
            const b = r.findings[k];
            expect(key(a) < key(b) || (key(a) === key(b) && a.rule <= b.rule)).toBe(true);
          }
          expect(checkContracts(input)).toEqual(r);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
