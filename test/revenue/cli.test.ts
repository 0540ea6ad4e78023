/**
 * `runrate revenue` on test/fixtures/cli/revenue.csv:
 *   row 2 Acme R1 12,000 recurring 2021-01-16..2022-01-15, billed annually (one invoice 2021-01-16)
 *   row 3 Beta R2  1,200 recurring 2025-07-20..2026-07-19, billed monthly: 12 whole months, 100.00
 *                  on the 20th of each month
 *   row 4 Beta R3    500 one_time 2025-07-20, upfront: recognised and billed on 2025-07-20
 * 2025-07..2025-09 (R2 recognised 39.45, 101.92, 98.63: see figures.test.ts):
 *   Jul: recognised 39.45 + 500 = 539.45, billed 100 + 500 = 600, deferred 600 - 539.45 = 60.55
 *   Aug: recognised 101.92, billed 100, deferred 700 - 641.37 = 58.63
 *   Sep: recognised 98.63, billed 100, deferred 800 - 740.00 = 60.00
 * Acme ended in 2022, billed and recognised in full: all zero, so it has no block.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const ARGS = ['revenue', '--contracts', 'revenue.csv', '--from', '2025-07-01', '--to', '2025-09-30'];
const BETA =
  '[{"month":"2025-07","recognized":539.45,"billed":600,"deferred":60.55},' +
  '{"month":"2025-08","recognized":101.92,"billed":100,"deferred":58.63},' +
  '{"month":"2025-09","recognized":98.63,"billed":100,"deferred":60}]';

describe('runrate revenue', () => {
  it('prints the documented JSON, keys in order, money as numbers', async () => {
    const r = await run([...ARGS, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`{"from":"2025-07-01","to":"2025-09-30","currency":"USD","months":${BETA}}\n`);
  });

  it('--by customer adds one entry per customer with a figure in the range', async () => {
    const r = await run([...ARGS, '--by', 'customer', '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `{"from":"2025-07-01","to":"2025-09-30","currency":"USD","months":${BETA},"by":[{"key":"Beta","months":${BETA}}]}\n`,
    );
  });

  it('--by line: one entry per line, keyed by sheet row', async () => {
    const r = await run([...ARGS, '--by', 'line', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      by: {
        key: string;
        months: { month: string; recognized: number; billed: number; deferred: number }[];
      }[];
    };
    expect(doc.by.map((g) => g.key)).toEqual(['3', '4']);
    // Row 3 in July: recognised 39.45, billed 100.00, deferred 60.55; row 4: 500, 500, 0.
    expect(doc.by[0].months[0]).toEqual({
      month: '2025-07',
      recognized: 39.45,
      billed: 100,
      deferred: 60.55,
    });
    expect(doc.by[1].months[0]).toEqual({ month: '2025-07', recognized: 500, billed: 500, deferred: 0 });
  });

  it('a range over the end of a term: Acme Dec-2021 and Jan-2022', async () => {
    const r = await run([
      'revenue',
      '--contracts',
      'revenue.csv',
      '--from',
      '2021-12-01',
      '--to',
      '2022-02-28',
      '--by',
      'customer',
      '--json',
    ]);
    // Through Nov-2021: k = 16 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 = 319 days:
    //   12,000 x 319 / 365 = 10,487.671 -> 10,487.67; through Dec (350): 11,506.85; Dec = 1,019.18.
    // Deferred: Dec 12,000 - 11,506.85 = 493.15, Jan 0, Feb 0.
    const doc = JSON.parse(r.out) as { months: unknown[]; by: { key: string }[] };
    expect(doc.months).toEqual([
      { month: '2021-12', recognized: 1019.18, billed: 0, deferred: 493.15 },
      { month: '2022-01', recognized: 493.15, billed: 0, deferred: 0 },
      { month: '2022-02', recognized: 0, billed: 0, deferred: 0 },
    ]);
    expect(doc.by.map((g) => g.key)).toEqual(['Acme']);
  });

  it('prints a table by default, with the opening balance and totals', async () => {
    const r = await run([...ARGS, '--by', 'customer']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Revenue schedule 2025-07 to 2025-09 \(2025-07-01 to 2025-09-30\), USD, policy 1 \(/,
    );
    expect(r.out).toContain(
      [
        'Month    Recognized  Billed  Deferred',
        '-------  ----------  ------  --------',
        'Opening                          0.00',
        '2025-07      539.45  600.00     60.55',
        '2025-08      101.92  100.00     58.63',
        '2025-09       98.63  100.00     60.00',
        'Total        740.00  800.00     60.00',
      ].join('\n'),
    );
    expect(r.out).toContain('\nCustomer: Beta\n');
    expect(r.out).not.toContain('Customer: Acme');
  });

  it('--rates: a EUR line converted once at the rate of its start date (fx: spot)', async () => {
    // eur.csv: Foxtrot 10,000 EUR over 2023; policy.csv says fx: spot; fx-rates.csv has 1.05 from
    // 2023-01-01: 10,500.00 USD. Jan: 10,500 x 31 / 365 = 891.781 -> 891.78; billed 10,500.00 on
    // Jan 1 (annual); deferred 9,608.22.
    const base = ['revenue', '--contracts', 'eur.csv', '--policy', 'policy.csv', '--from', '2023-01-01'];
    const r = await run([...base, '--to', '2023-01-31', '--rates', 'fx-rates.csv', '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '{"from":"2023-01-01","to":"2023-01-31","currency":"USD","months":[{"month":"2023-01","recognized":891.78,"billed":10500,"deferred":9608.22}]}\n',
    );
    const missing = await run([...base, '--to', '2023-01-31']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^runrate: eur\.csv: row 2, Currency: "EUR" needs a rates table: fx: spot/);
  });

  it('bad input exits 2 with one message', async () => {
    const missing = await run(['revenue', '--contracts', 'revenue.csv', '--from', '2025-07-01']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('revenue needs --to');
    const reversed = await run([
      'revenue',
      '--contracts',
      'revenue.csv',
      '--from',
      '2025-07-01',
      '--to',
      '2025-06-30',
    ]);
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain('--from 2025-07-01 is after --to 2025-06-30');
    const by = await run([...ARGS, '--by', 'colour']);
    expect(by.code).toBe(2);
    expect(by.err).toContain('--by "colour"');
    const detail = await run([...ARGS, '--detail']);
    expect(detail.code).toBe(2);
    expect(detail.err).toContain('--detail does not apply to revenue');
  });
});
