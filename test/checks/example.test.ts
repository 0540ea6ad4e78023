/**
 * CHECK over the bundled example book (examples/contracts.csv, policy.csv, fx-rates.csv) as of
 * 2025-12-31. Every finding was checked by hand against the CSV rows (the demo policy: daily365,
 * renewalGraceDays 30, fx spot, anomalyThreshold 50,000 by default; the quarter before is
 * 2025-09-30):
 *
 * - rows 756 and 957: the planted data-check findings of examples/README.md. Driftwood Apparel's
 *   last line (C-10357) ends 2025-03-31, Saltgrass Dental's (C-10457) 2025-09-30, both with Status
 *   `active`, and no later line of theirs.
 * - row 935, Heronrun Health: C-10449, Platform 64,700 + Analytics Add-on 12,500 for
 *   2024-10-01..2025-09-30 (365 days, so ARR = amount), not renewed: 77,200 -> 0, churn -77,200.
 * - row 1118, Kettle Rock Games: row 326 ends 2024-02-29, row 1118 starts 2025-01-15; uncovered
 *   2024-03-01..2025-01-14 = 306 days (March-December 2024) + 14 = 320 days > 30 (the README's
 *   reactivation scenario).
 * - row 1238, Heronline Pharma: C-10591 (173,250 + 48,300 + 30,975 + 35,000 = 287,525 for
 *   2025-05-01..2026-04-30, 365 days) plus C-10746 from 2025-12-01: 21,305.48 over 151 days
 *   (2025-12-01..2026-04-30) x 365 = 51,499.998... -> 51,500.00; 287,525 -> 339,025.
 * - row 1410, Mossy Creek Outfitters: row 821 ends 2025-05-31, row 1410 starts 2025-08-14;
 *   uncovered 30 (June) + 31 (July) + 13 = 74 days > 30 (the README's late renewal outside the grace).
 * - row 1450, Lichenvale Payments: new EUR contract C-10702 from 2025-11-01 (recurring
 *   265,000 + 55,000 + 47,000 = 367,000 over 365 days) x 1.1600 (EUR on 2025-12-31) = 425,720.00.
 * - row 1501, Sprucepoint Water: new C-10723, 29,900 + 8,700 + 5,500 + 10,300 (usage commit counts)
 *   = 54,400.
 * - row 1506, Starlingbank Robotics: new C-10724, 55,100.
 * - row 1516, Aspenpoint Engineering: new C-10728, 42,300 + 12,800 + 6,200 + 15,600 = 76,900.
 * - row 1594, Saffronridge Realty: new GBP contract C-10771 from 2025-12-27 (100,000 + 26,000 +
 *   16,000 = 142,000 over 365 days) x 1.3450 (GBP on 2025-12-31) = 190,990.00.
 *
 * Not found, rightly: Cedar Hollow Foods renews 19 uncovered days late (within the grace);
 * Amberfield Health's extra Platform line is a co-termed add-on (2025-07-01..2025-12-31 on a 2025
 * term); Quarry Lane Robotics' ramp lines start up to two years after signing but the contract's
 * first line (row 637, 2024-01-01) starts 17 days after signing (2023-12-15); every EUR and GBP
 * line has a spot rate on 2025-12-31.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../cli/read-table.js';
import { run } from '../cli/run.js';
import { findings } from './helpers.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const csv = (name: string) => parseCsv(readFileSync(path.join(EXAMPLES, name)));

describe('CHECK on the example book as of 2025-12-31', () => {
  const found = findings(csv('contracts.csv'), {
    policy: csv('policy.csv') as string[][],
    rates: csv('fx-rates.csv'),
    asOf: '2025-12-31',
  });

  it('finds exactly the true findings', () => {
    expect(found.map((f) => [f.severity, f.row, f.customer, f.contract, f.rule])).toEqual([
      ['warning', 756, 'Driftwood Apparel', 'C-10357', 'status-active-ended'],
      ['warning', 935, 'Heronrun Health', 'C-10449', 'arr-anomaly'],
      ['warning', 957, 'Saltgrass Dental', 'C-10457', 'status-active-ended'],
      ['warning', 1118, 'Kettle Rock Games', 'C-10529', 'renewal-gap'],
      ['warning', 1238, 'Heronline Pharma', 'C-10591, C-10746', 'arr-anomaly'],
      ['warning', 1410, 'Mossy Creek Outfitters', 'C-10681', 'renewal-gap'],
      ['warning', 1450, 'Lichenvale Payments', 'C-10702', 'arr-anomaly'],
      ['warning', 1501, 'Sprucepoint Water', 'C-10723', 'arr-anomaly'],
      ['warning', 1506, 'Starlingbank Robotics', 'C-10724', 'arr-anomaly'],
      ['warning', 1516, 'Aspenpoint Engineering', 'C-10728', 'arr-anomaly'],
      ['warning', 1594, 'Saffronridge Realty', 'C-10771', 'arr-anomaly'],
    ]);
  });

  it('flags the planted active-but-ended lines of examples/README.md', () => {
    const planted = found.filter((f) => f.rule === 'status-active-ended');
    expect(planted.map((f) => f.message)).toEqual([
      'Status says "active", but the line ended on 2025-03-31, before the as-of date 2025-12-31: ' +
        'an expired line still marked live (ARR follows the dates, not Status)',
      'Status says "active", but the line ended on 2025-09-30, before the as-of date 2025-12-31: ' +
        'an expired line still marked live (ARR follows the dates, not Status)',
    ]);
  });

  it('gives the hand-computed gaps and moves', () => {
    const msg = (row: number) => found.find((f) => f.row === row)?.message ?? '';
    expect(msg(1118)).toContain('starts 2025-01-15, 320 days uncovered after row 326 ended 2024-02-29');
    expect(msg(1410)).toContain('starts 2025-08-14, 74 days uncovered after row 821 ended 2025-05-31');
    expect(msg(935)).toContain('moved -77,200.00 USD from 77,200.00 on 2025-09-30 to 0.00 on 2025-12-31');
    expect(msg(1238)).toContain('moved +51,500.00 USD from 287,525.00 on 2025-09-30 to 339,025.00');
    expect(msg(1450)).toContain('moved +425,720.00 USD from 0.00');
    expect(msg(1501)).toContain('moved +54,400.00 USD');
    expect(msg(1506)).toContain('moved +55,100.00 USD');
    expect(msg(1516)).toContain('moved +76,900.00 USD');
    expect(msg(1594)).toContain('moved +190,990.00 USD');
  });

  it('gives the same findings through runrate check', async () => {
    const r = await run(
      [
        'check',
        '--contracts',
        'contracts.csv',
        '--policy',
        'policy.csv',
        '--rates',
        'fx-rates.csv',
        '--as-of',
        '2025-12-31',
        '--json',
      ],
      { cwd: EXAMPLES },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ findings: found });
  });
});
