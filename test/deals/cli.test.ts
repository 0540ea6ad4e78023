/**
 * `runrate deals` on test/fixtures/cli/deals.csv. Hand-worked (ARR per deal, in customer date order):
 *
 *   row 2 Acme 2024-01-15 new 100,000, 20,000 services, 24 months: 0 -> 100,000;
 *         TCV = 100,000 x 2 + 20,000 = 220,000; ACV = 220,000 / 2 = 110,000
 *   row 3 Beta 2023-01-01 new 140,000, 12 months: 0 -> 140,000; TCV = ACV = 140,000
 *   row 4 Beta 2023-09-01 contraction -40,000, 12 months: 140,000 -> 100,000; Net ARR -40,000,
 *         Net New 0; TCV = ACV = -40,000
 *   row 5 Acme 2026-01-15 renewal 120,000, 12 months: 100,000 -> 120,000 (expansion_renewal);
 *         Net ARR = Net New = 20,000; TCV = ACV = 120,000
 *   row 6 Beta 2024-01-01 churn (amount 100,000 = the ARR it ends), no term: 100,000 -> 0;
 *         Net ARR -100,000; Recurring 0; TCV 0; ACV null
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy, policyHash } from '../../src/index.js';
import { run } from '../cli/run.js';

const deal = (
  row: number,
  customer: string,
  date: string,
  type: string,
  recurring: number,
  netNew: number,
  net: number,
  before: number,
  after: number,
  acv: number | null,
  tcv: number,
  flags: string[],
) =>
  `{"row":${row},"customer":"${customer}","date":"${date}","type":"${type}","recurringAmount":${recurring},` +
  `"netNewArr":${netNew},"netArr":${net},"contractArrBefore":${before},"contractArrAfter":${after},` +
  `"acv":${acv === null ? 'null' : acv},"tcv":${tcv},"flags":${JSON.stringify(flags)}}`;

describe('runrate deals', () => {
  it('prints the documented JSON, keys in order, deals in file order', async () => {
    const r = await run(['deals', '--deals', 'deals.csv', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '{"deals":[' +
        [
          deal(2, 'Acme', '2024-01-15', 'new', 100000, 100000, 100000, 0, 100000, 110000, 220000, []),
          deal(3, 'Beta', '2023-01-01', 'new', 140000, 140000, 140000, 0, 140000, 140000, 140000, []),
          deal(4, 'Beta', '2023-09-01', 'contraction', -40000, 0, -40000, 140000, 100000, -40000, -40000, []),
          deal(5, 'Acme', '2026-01-15', 'renewal', 120000, 20000, 20000, 100000, 120000, 120000, 120000, [
            'expansion_renewal',
          ]),
          deal(6, 'Beta', '2024-01-01', 'churn', 0, 0, -100000, 100000, 0, null, 0, []),
        ].join(',') +
        ']}\n',
    );
  });

  it('prints a table with the flags explained', async () => {
    const r = await run(['deals', '--deals', 'deals.csv']);
    expect(r.code).toBe(0);
    const hash = policyHash(parsePolicy(null) as never);
    expect(r.out.split('\n')[0]).toBe(`Deal fields, deals.csv, policy 1 (${hash})`);
    const cells = (row: string) =>
      r.out
        .split('\n')
        .find((l) => l.trimStart().startsWith(row + ' '))
        ?.trim()
        .split(/\s{2,}/);
    expect(cells('5')).toEqual([
      '5',
      'Acme',
      '2026-01-15',
      'renewal',
      '120,000.00',
      '20,000.00',
      '20,000.00',
      '100,000.00',
      '120,000.00',
      '120,000.00',
      '120,000.00',
      'expansion_renewal',
    ]);
    // No term: ACV shown as '-'.
    expect(cells('6')).toEqual([
      '6',
      'Beta',
      '2024-01-01',
      'churn',
      '0.00',
      '0.00',
      '-100,000.00',
      '100,000.00',
      '0.00',
      '-',
      '0.00',
    ]);
    expect(r.out).toContain(
      'Flags:\n  expansion_renewal: a renewal that raises contract ARR (renewed value above the ARR it renews)\n',
    );
  });

  it('bad cells exit 2 naming the file, row and column', async () => {
    const r = await run(['deals', '--deals', 'contracts.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^runrate: contracts\.csv: the deals range is missing the required columns deal date/,
    );
  });

  it('needs --deals and takes no --contracts', async () => {
    expect((await run(['deals'])).err).toMatch(/deals needs --deals/);
    expect((await run(['deals', '--deals', 'deals.csv', '--contracts', 'contracts.csv'])).err).toMatch(
      /--contracts does not apply to deals/,
    );
  });

  it('--set rounding applies', async () => {
    const r = await run(['deals', '--deals', 'deals.csv', '--set', 'rounding=half_even', '--json']);
    expect(r.code).toBe(0);
  });
});
