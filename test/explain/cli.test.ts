/**
 * `runrate explain` on the CLI fixture book (test/fixtures/cli/contracts.csv, daily365):
 *   Acme C1 50,000 2023-01-01..2023-06-30, 181 days: 50,000 x 365 / 181 = 100,828.729281... -> 100,828.73
 *   Beta C3 12,000 2023-01-01..2023-12-31, 365 days: 12,000.00
 *   Beta C5  9,200 2023-07-01..2023-12-31, 184 days: 9,200 x 365 / 184 = 18,250.00
 *   so Beta on 2023-09-30 = 30,250.00 (as `runrate arr --by customer` gives it).
 * eur.csv: Foxtrot 10,000 EUR over 2023 (365 days) = 10,000 EUR; with policy.csv (fx: spot) and
 * fx-rates.csv the rate on 2023-03-31 is 1.05 (from 2023-01-01): 10,500.00 USD.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const C = ['--contracts', 'contracts.csv'];

describe('runrate explain', () => {
  it('prints the documented JSON: the issue keys first, in order, then the extra keys', async () => {
    const r = await run(['explain', ...C, '--customer', 'Acme', '--as-of', '2023-03-31', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '{"customer":"Acme","asOf":"2023-03-31","arr":100828.73,"lines":[{"row":2,"contract":"C1","product":"Core",' +
        '"amount":50000,"currency":"USD","termDays":181,"rate":1,"arr":100828.73,"customer":"Acme",' +
        '"lineType":"recurring","start":"2023-01-01","end":"2023-06-30","stop":null,"stopReason":null,' +
        '"from":"2023-01-01","annualization":"daily365","termMonths":null,"localArr":100828.7293,' +
        '"exactArr":100828.7293,"rounding":0.0007,"rateSource":"reporting",' +
        '"formula":"50,000.00 x 365 / 181 days = 100,828.7293 USD; rounded half_up to 100,828.73"}],' +
        '"currency":"USD","rounding":"half_up"}\n',
    );
  });

  it('a customer with two lines: they sum to its ARR by customer', async () => {
    const r = await run(['explain', ...C, '--customer', 'Beta', '--as-of', '2023-09-30', '--json']);
    const doc = JSON.parse(r.out) as { arr: number; lines: { row: number; arr: number }[] };
    expect(doc.lines.map((l) => [l.row, l.arr])).toEqual([
      [4, 12000],
      [5, 18250],
    ]);
    expect(doc.arr).toBe(30250);
    const byCustomer = JSON.parse(
      (await run(['arr', ...C, '--as-of', '2023-09-30', '--by', 'customer', '--json'])).out,
    ) as { by: { key: string; arr: number }[] };
    expect(byCustomer.by.find((g) => g.key === 'Beta')?.arr).toBe(doc.arr);
  });

  it('a foreign-currency line shows its rate', async () => {
    const r = await run([
      'explain',
      '--contracts',
      'eur.csv',
      '--policy',
      'policy.csv',
      '--rates',
      'fx-rates.csv',
      '--customer',
      'Foxtrot',
      '--as-of',
      '2023-03-31',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const line = (JSON.parse(r.out) as { lines: Record<string, unknown>[] }).lines[0];
    expect(line).toMatchObject({
      currency: 'EUR',
      amount: 10000,
      rate: 1.05,
      arr: 10500,
      rateSource: 'spot',
    });
  });

  it('prints a table with a Total and the calculation of each line', async () => {
    const r = await run(['explain', ...C, '--customer', 'Beta', '--as-of', '2023-09-30']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^ARR of Beta as of 2023-09-30, USD, policy 1 \([0-9a-f]{12}\)$/);
    expect(r.out).toContain('Total');
    expect(lines.find((l) => l.startsWith('Total'))?.trimEnd()).toMatch(/ 30,250\.00$/);
    expect(r.out).toContain(
      'row 5: 9,200.00 x 365 / 184 days = 18,250.00 USD; rounded half_up to 18,250.00\n',
    );
  });

  it('an unknown customer exits 2 with close matches', async () => {
    const r = await run(['explain', ...C, '--customer', 'acme', '--as-of', '2023-03-31']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'runrate: customer: "acme" is not a customer of the contracts range; close matches: "Acme"\n',
    );
  });

  it('needs --customer and --as-of', async () => {
    expect((await run(['explain', ...C, '--as-of', '2023-03-31'])).err).toMatch(/explain needs --customer/);
    expect((await run(['explain', ...C, '--customer', 'Acme'])).err).toMatch(/explain needs --as-of/);
  });
});
