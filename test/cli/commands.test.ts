/**
 * Each command's JSON (exact bytes, so key order is checked too) and human tables, on the fixture
 * book test/fixtures/cli/contracts.csv. Every figure is worked out by hand (daily365, amounts for
 * the term, dates inclusive):
 *
 *   Acme  C1  50,000  2023-01-01..2023-06-30  181 days  50,000 x 365 / 181 = 100,828.73
 *   Acme  C2  50,000  2023-07-01..2023-12-31  184 days  50,000 x 365 / 184 =  99,184.78
 *   Beta  C3  12,000  2023-01-01..2023-12-31  365 days                      =  12,000.00
 *   Beta  C5   9,200  2023-07-01..2023-12-31  184 days   9,200 x 365 / 184 =  18,250.00
 *   Gamma C4  36,600  2023-04-01..2024-03-31  366 days  36,600 x 365 / 366 =  36,500.00
 *   Delta C6  18,100  2023-01-01..2023-06-30  181 days  18,100 x 365 / 181 =  36,500.00
 *   Echo  C7  10,000  2022-01-01..2022-12-31  365 days                      =  10,000.00
 *   Echo  C8  36,600  2023-07-01..2024-06-30  366 days                      =  36,500.00
 *
 * 2023-03-31: Acme 100,828.73 + Beta 12,000 + Delta 36,500 = 149,328.73 (3 customers).
 * 2023-09-30: Acme 99,184.78 + Beta 30,250 + Gamma 36,500 + Echo 36,500 = 202,434.78 (4 customers).
 */
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS, parsePolicy, policyHash } from '../../src/index.js';
import { run } from './run.js';

const C = ['--contracts', 'contracts.csv'];
const num = (x: number) => JSON.stringify(x);

describe('arr', () => {
  it('prints the documented JSON, keys in order', async () => {
    const r = await run(['arr', ...C, '--as-of', '2023-03-31', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // MRR: 14,932,873 cents / 12 = 1,244,406.08 -> 12,444.06
    expect(r.out).toBe(
      '{"asOf":"2023-03-31","currency":"USD","arr":149328.73,"mrr":12444.06,"customers":3}\n',
    );
  });

  it('--by adds the groups, sorted by key', async () => {
    const r = await run(['arr', ...C, '--as-of', '2023-09-30', '--by', 'segment', '--json']);
    expect(r.code).toBe(0);
    // MRR: 20,243,478 / 12 = 1,686,956.5 cents, half_up -> 16,869.57. Mid = Gamma + Echo.
    expect(r.out).toBe(
      '{"asOf":"2023-09-30","currency":"USD","arr":202434.78,"mrr":16869.57,"customers":4,' +
        '"by":[{"key":"Enterprise","arr":99184.78,"customers":1},{"key":"Mid","arr":73000,"customers":2},' +
        '{"key":"SMB","arr":30250,"customers":1}]}\n',
    );
  });

  it('--set changes the policy: monthly12', async () => {
    // Acme 50,000 x 12 / 6 = 100,000; Beta 12,000; Delta 18,100 x 12 / 6 = 36,200.
    const r = await run(['arr', ...C, '--as-of', '2023-03-31', '--set', 'annualization=monthly12', '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"asOf":"2023-03-31","currency":"USD","arr":148200,"mrr":12350,"customers":3}\n');
  });

  it('reads M/D/YYYY dates for --as-of', async () => {
    const r = await run(['arr', ...C, '--as-of', '3/31/2023', '--json']);
    expect(JSON.parse(r.out).arr).toBe(149328.73);
  });

  it('prints an aligned table with the policy version and hash', async () => {
    const r = await run(['arr', ...C, '--as-of', '2023-09-30', '--by', 'segment']);
    expect(r.code).toBe(0);
    const hash = policyHash(parsePolicy(null) as never);
    expect(r.out).toBe(
      [
        `ARR as of 2023-09-30, USD, policy 1 (${hash})`,
        '',
        'ARR        202,434.78',
        'MRR         16,869.57',
        'Customers           4',
        '',
        'Segment           ARR  Customers',
        '----------  ---------  ---------',
        'Enterprise  99,184.78          1',
        'Mid         73,000.00          2',
        'SMB         30,250.00          1',
        '',
      ].join('\n'),
    );
  });

  it('gives byte-identical JSON for the same inputs', async () => {
    const args = ['arr', ...C, '--as-of', '2023-09-30', '--by', 'customer', '--json'];
    const a = await run(args);
    const b = await run(args);
    expect(a.out).toBe(b.out);
  });
});

describe('bridge', () => {
  const args = ['bridge', ...C, '--from', '2023-03-31', '--to', '2023-09-30'];
  // Gamma new 36,500; Echo back after 2022: reactivation 36,500; Beta +18,250 (C5);
  // Acme 99,184.78 - 100,828.73 = -1,643.95; Delta churn -36,500.
  // 149,328.73 + 36,500 + 36,500 + 18,250 - 1,643.95 - 36,500 = 202,434.78.
  const totals =
    '{"from":"2023-03-31","to":"2023-09-30","currency":"USD","start":149328.73,"new":36500,' +
    '"reactivation":36500,"expansion":18250,"contraction":-1643.95,"churn":-36500,"fx":0,"end":202434.78';

  it('prints the lanes, losses negative', async () => {
    const r = await run([...args, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(totals + '}\n');
  });

  it('--detail adds one row per moved key with its contracts', async () => {
    const r = await run([...args, '--detail', '--json']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith(totals + ',"detail":[')).toBe(true);
    const doc = JSON.parse(r.out) as { detail: Record<string, unknown>[] };
    for (const d of doc.detail) {
      expect(Object.keys(d)).toEqual([
        'customer',
        'product',
        'lane',
        'startArr',
        'endArr',
        'amount',
        'contracts',
      ]);
    }
    const byCustomer = Object.fromEntries(doc.detail.map((d) => [d.customer, d]));
    expect(byCustomer).toEqual({
      Gamma: {
        customer: 'Gamma',
        product: '',
        lane: 'new',
        startArr: 0,
        endArr: 36500,
        amount: 36500,
        contracts: ['C4'],
      },
      Echo: {
        customer: 'Echo',
        product: '',
        lane: 'reactivation',
        startArr: 0,
        endArr: 36500,
        amount: 36500,
        contracts: ['C8'],
      },
      Beta: {
        customer: 'Beta',
        product: '',
        lane: 'expansion',
        startArr: 12000,
        endArr: 30250,
        amount: 18250,
        contracts: ['C3', 'C5'],
      },
      Acme: {
        customer: 'Acme',
        product: '',
        lane: 'contraction',
        startArr: 100828.73,
        endArr: 99184.78,
        amount: -1643.95,
        contracts: ['C1', 'C2'],
      },
      Delta: {
        customer: 'Delta',
        product: '',
        lane: 'churn',
        startArr: 36500,
        endArr: 0,
        amount: -36500,
        contracts: ['C6'],
      },
    });
  });

  it('prints the lanes and, with --detail, the movements as tables', async () => {
    const r = await run([...args, '--detail']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^ARR bridge 2023-03-31 to 2023-09-30, USD, policy 1 \([0-9a-f]{12}\)$/);
    expect(lines.slice(2, 10)).toEqual([
      'Start         149,328.73',
      'New            36,500.00',
      'Reactivation   36,500.00',
      'Expansion      18,250.00',
      'Contraction    -1,643.95',
      'Churn         -36,500.00',
      'FX                  0.00',
      'End           202,434.78',
    ]);
    expect(lines[11]).toMatch(/^Customer +Product +Lane +Start ARR +End ARR +Amount +Contracts$/);
    expect(r.out).toMatch(/\nAcme +Contraction +100,828\.73 +99,184\.78 +-1,643\.95 +C1 C2\n/);
  });

  it('converts in a rate table (--rates) and shows the FX lane', async () => {
    // EUR 10,000 for 2023; policy.csv says fx=spot; rates 1.05 from 2023-01-01, 1.20 from 2023-06-30.
    // Start 10,500; at 2023-09-30 in start rates 10,500 (no move); at its own rates 12,000: fx +1,500.
    const r = await run([
      'bridge',
      '--contracts',
      'eur.csv',
      '--policy',
      'policy.csv',
      '--rates',
      'fx-rates.csv',
      '--from',
      '2023-03-31',
      '--to',
      '2023-09-30',
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      '{"from":"2023-03-31","to":"2023-09-30","currency":"USD","start":10500,"new":0,"reactivation":0,' +
        '"expansion":0,"contraction":0,"churn":0,"fx":1500,"end":12000}\n',
    );
    // fx=fixed uses the undated board rate 1.10.
    const fixed = await run([
      'arr',
      '--contracts',
      'eur.csv',
      '--rates',
      'fx-rates.csv',
      '--set',
      'fx=fixed',
      '--as-of',
      '2023-03-31',
      '--json',
    ]);
    expect(JSON.parse(fixed.out).arr).toBe(11000);
  });
});

describe('retention', () => {
  it('prints the documented JSON with unrounded ratios', async () => {
    const r = await run(['retention', ...C, '--from', '2023-03-31', '--to', '2023-09-30', '--json']);
    expect(r.code).toBe(0);
    // Cohort at 2023-03-31: Acme 100,828.73, Beta 12,000, Delta 36,500 (sum 149,328.73).
    // GRR = (99,184.78 + 12,000 + 0) / 149,328.73; NRR = (99,184.78 + 30,250 + 0) / 149,328.73;
    // logos 2 / 3; quick ratio = (36,500 + 36,500 + 18,250) / (36,500 + 1,643.95).
    // Bands (default 25,000 and 100,000): Beta 30,250 / 12,000; Delta 0; Acme 99,184.78 / 100,828.73.
    expect(r.out).toBe(
      '{"from":"2023-03-31","to":"2023-09-30","currency":"USD","startArr":149328.73,"cohortCustomers":3,' +
        `"grr":${num(11118478 / 14932873)},"nrr":${num(12943478 / 14932873)},"logoRetention":${num(2 / 3)},` +
        `"quickRatio":${num(9125000 / 3814395)},"bands":[` +
        `{"from":0,"to":25000,"customers":1,"startArr":12000,"nrr":${num(3025000 / 1200000)}},` +
        '{"from":25000,"to":100000,"customers":1,"startArr":36500,"nrr":0},' +
        `{"from":100000,"to":null,"customers":1,"startArr":100828.73,"nrr":${num(9918478 / 10082873)}}]}\n`,
    );
  });

  it('gives a null quick ratio when nothing was lost', async () => {
    // 2023-07-01 -> 2023-09-30: nobody starts, stops or changes.
    const r = await run(['retention', ...C, '--from', '2023-07-01', '--to', '2023-09-30', '--json']);
    const doc = JSON.parse(r.out);
    expect(doc.quickRatio).toBeNull();
    expect(doc.nrr).toBe(1);
  });

  it('prints percentages with one decimal', async () => {
    const r = await run(['retention', ...C, '--from', '2023-03-31', '--to', '2023-09-30']);
    expect(r.code).toBe(0);
    // 74.46%, 86.68%, 66.67%, 2.39x; band NRR 252.08%, 0%, 98.37%.
    expect(r.out).toMatch(/\nGRR +74\.5%\n/);
    expect(r.out).toMatch(/\nNRR +86\.7%\n/);
    expect(r.out).toMatch(/\nLogo retention +66\.7%\n/);
    expect(r.out).toMatch(/\nQuick ratio +2\.39x\n/);
    expect(r.out).toMatch(/\n0 to 25,000 +1 +12,000\.00 +252\.1%\n/);
    expect(r.out).toMatch(/\n25,000 to 100,000 +1 +36,500\.00 +0\.0%\n/);
    expect(r.out).toMatch(/\n100,000 and up +1 +100,828\.73 +98\.4%\n/);
  });
});

describe('cohort', () => {
  const args = ['cohort', ...C, '--from', '2023-01-01', '--to', '2023-12-31'];
  // First ARR in 2023-Q1: Acme, Beta, Delta (149,328.73 at 2023-03-31); in 2023-Q2: Gamma.
  // Echo's first ARR is in 2022: in no cohort. Quarter ends: Q2 as Q1 (Delta ends 2023-06-30);
  // Q3 and Q4: Acme 99,184.78 + Beta 30,250 (net) or 12,000 (gross), Delta 0.
  it('quarterly net by default', async () => {
    const r = await run([...args, '--json']);
    expect(r.code).toBe(0);
    const q3 = num(12943478 / 14932873);
    expect(r.out).toBe(
      '{"period":"quarter","basis":"net","rows":[' +
        `{"cohort":"2023-Q1","customers":3,"startArr":149328.73,"values":[1,1,${q3},${q3}]},` +
        '{"cohort":"2023-Q2","customers":1,"startArr":36500,"values":[1,1,1]}]}\n',
    );
  });

  it('--basis gross and --period month', async () => {
    const gross = JSON.parse((await run([...args, '--basis', 'gross', '--json'])).out);
    expect(gross.basis).toBe('gross');
    expect(gross.rows[0].values).toEqual([1, 1, 11118478 / 14932873, 11118478 / 14932873]);
    const monthly = JSON.parse((await run([...args, '--period', 'month', '--json'])).out);
    expect(monthly.period).toBe('month');
    expect(monthly.rows.map((row: { cohort: string }) => row.cohort)).toEqual(['2023-01', '2023-04']);
    expect(monthly.rows[0].values).toHaveLength(12);
  });

  it('prints the table with percentages', async () => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(
      /^Cohorts by quarter \(net retention\) 2023-01-01 to 2023-12-31, USD, policy 1 /,
    );
    expect(r.out).toMatch(/\n2023-Q1 +3 +149,328\.73 +100\.0% +100\.0% +86\.7% +86\.7%\n/);
    expect(r.out).toMatch(/\n2023-Q2 +1 +36,500\.00 +100\.0% +100\.0% +100\.0%\n/);
  });

  it('refuses a bad --period', async () => {
    const r = await run([...args, '--period', 'week']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--period "week"');
  });
});

describe('policy', () => {
  it('prints every key, defaults filled in, in POLICY_KEYS order, with the hash', async () => {
    const r = await run(['policy', '--policy', 'policy.csv', '--set', 'annualization=monthly12', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['version', 'hash', 'policy']);
    expect(doc.version).toBe('fixture-1');
    expect(Object.keys(doc.policy)).toEqual(POLICY_KEYS.map((k) => k.key));
    expect(doc.policy).toMatchObject({
      version: 'fixture-1',
      fx: 'spot',
      annualization: 'monthly12',
      bands: '25000,100000',
    });
    const expected = parsePolicy(
      [
        ['version', 'fixture-1'],
        ['fx', 'spot'],
      ],
      { annualization: 'monthly12' },
    );
    expect(doc.hash).toBe(policyHash(expected as never));
    expect(doc.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('does not need --contracts; the table shows the value and the default where different', async () => {
    const r = await run(['policy', '--set', 'grain=customer_product']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Policy 1 \([0-9a-f]{12}\)\n/);
    expect(r.out).toMatch(/\ngrain +customer_product +customer\n/);
    expect(r.out).toMatch(/\nbasis +live\n/);
  });

  it('a different policy has a different hash; the same one the same', async () => {
    const a = JSON.parse((await run(['policy', '--json'])).out).hash;
    const b = JSON.parse((await run(['policy', '--json', '--set', 'rounding=half_even'])).out).hash;
    const c = JSON.parse((await run(['policy', '--json', '--set', 'rounding=half_up'])).out).hash;
    expect(b).not.toBe(a);
    expect(c).toBe(a);
  });

  it('a bad --set value is exit 2', async () => {
    const r = await run(['policy', '--set', 'annualization=weekly']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^runrate: --set: .*annualization/);
  });
});
