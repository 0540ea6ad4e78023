/**
 * `runrate check`: exit 0 with findings listed (errors included), 2 only for a file that cannot be
 * read or parsed or a bad flag; the JSON document's exact shape and key order.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const HEADER = 'Customer,Contract,Product,Start Date,End Date,Amount,Status';
// row 2: Acme, ended 2025-03-31 but Status active (as of 2025-12-31)
// row 3: Beta, amount not a number
// row 4: Gamma, clean
const CONTRACTS = [
  HEADER,
  'Acme,C-1,Platform,2024-04-01,2025-03-31,12000,active',
  'Beta,C-2,Platform,2025-01-01,2025-12-31,12k,active',
  'Gamma,C-3,Platform,2025-01-01,2025-12-31,9000,active',
].join('\n');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'runrate-check-'));
  const write = (name: string, text: string | Buffer) => writeFileSync(path.join(dir, name), text);
  write('contracts.csv', CONTRACTS + '\n');
  write('clean.csv', [HEADER, 'Gamma,C-3,Platform,2025-01-01,2025-12-31,9000,active'].join('\n') + '\n');
  write('no-amount.csv', 'Customer,Start Date,End Date\nAcme,2025-01-01,2025-12-31\n');
  write('bad-policy.csv', 'Key,Value\nfx,sideways\n');
  write('policy.csv', 'Key,Value\nversion,T1\n');
  write('bad-rates.csv', 'Currency,Date,Rate\nEUR,2025-12-31,abc\n');
  write('latin1.csv', Buffer.from([0x43, 0x75, 0x73, 0x74, 0x0a, 0xe9, 0xff, 0x0a]));
  write('broken.xlsx', 'this is not a zip file');
  write('quotes.csv', 'Customer,Start Date,End Date,Amount\n"Acme,2025-01-01,2025-12-31,100\n');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const check = (...args: string[]) => run(['check', ...args], { cwd: dir });

describe('runrate check', () => {
  it('prints the documented JSON, keys in order, and exits 0 with error findings', async () => {
    const r = await check('--contracts', 'contracts.csv', '--as-of', '2025-12-31', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const finding = (
      severity: string,
      row: number,
      customer: string,
      contract: string,
      rule: string,
      message: string,
    ) =>
      `{"severity":"${severity}","row":${row},"customer":"${customer}","contract":"${contract}","rule":"${rule}",` +
      `"message":${JSON.stringify(message)}}`;
    expect(r.out).toBe(
      '{"findings":[' +
        finding(
          'warning',
          2,
          'Acme',
          'C-1',
          'status-active-ended',
          'Status says "active", but the line ended on 2025-03-31, before the as-of date 2025-12-31: ' +
            'an expired line still marked live (ARR follows the dates, not Status)',
        ) +
        ',' +
        finding('error', 3, 'Beta', 'C-2', 'bad-cell', 'row 3, Amount: "12k" is not a number') +
        ']}\n',
    );
    const doc = JSON.parse(r.out) as { findings: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['findings']);
    for (const f of doc.findings) {
      expect(Object.keys(f)).toEqual(['severity', 'row', 'customer', 'contract', 'rule', 'message']);
    }
  });

  it('gives row null for a finding about no one row, and an empty list when clean', async () => {
    const r = await check('--contracts', 'clean.csv', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      findings: [
        {
          severity: 'info',
          row: null,
          customer: '',
          contract: '',
          rule: 'rule-skipped',
          message: 'no as-of date given, so status-active-ended and arr-anomaly were not checked',
        },
      ],
    });
    const clean = await check('--contracts', 'clean.csv', '--as-of', '2025-12-31', '--json');
    expect(clean.out).toBe('{"findings":[]}\n');
  });

  it('prints a table with a title and a count', async () => {
    const r = await check('--contracts', 'contracts.csv', '--as-of', '2025-12-31', '--policy', 'policy.csv');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Data checks, contracts\.csv, as of 2025-12-31, policy T1 \([0-9a-f]{12}\)$/);
    expect(lines[2]).toMatch(/^Severity +Row +Customer +Contract +Rule +Message$/);
    expect(lines[3]).toMatch(/^-+ +-+ /);
    expect(lines[4]).toMatch(/^warning +2 +Acme +C-1 +status-active-ended +Status says "active"/);
    expect(r.out).toContain('2 findings in 3 lines: 1 error, 1 warning, 0 info\n');
    const clean = await check('--contracts', 'clean.csv', '--as-of', '2025-12-31');
    expect(clean.out).toContain('No findings in 1 line.');
  });

  it('reports a bad range, a bad policy file and a bad rates file as findings, exit 0', async () => {
    const range = await check('--contracts', 'no-amount.csv', '--json');
    expect(range.code).toBe(0);
    expect(JSON.parse(range.out).findings.map((f: { rule: string }) => f.rule)).toEqual(['bad-range']);
    const pol = await check('--contracts', 'contracts.csv', '--policy', 'bad-policy.csv', '--json');
    expect(pol.code).toBe(0);
    expect(JSON.parse(pol.out).findings.map((f: { rule: string }) => f.rule)).toEqual(['bad-policy']);
    const rates = await check(
      '--contracts',
      'clean.csv',
      '--rates',
      'bad-rates.csv',
      '--as-of',
      '2025-12-31',
      '--json',
    );
    expect(rates.code).toBe(0);
    expect(JSON.parse(rates.out).findings.map((f: { rule: string }) => f.rule)).toEqual(['bad-rates']);
  });

  it('exits 2 for a file it cannot read or parse', async () => {
    for (const file of ['missing.csv', 'latin1.csv', 'broken.xlsx', 'quotes.csv']) {
      const r = await check('--contracts', file, '--json');
      expect(r.code, file).toBe(2);
      expect(r.out, file).toBe('');
      expect(r.err, file).toMatch(new RegExp(`^runrate: ${file.replace('.', '\\.')}: `));
    }
    const pol = await check('--contracts', 'clean.csv', '--policy', 'missing.csv');
    expect(pol.code).toBe(2);
    const rates = await check('--contracts', 'clean.csv', '--rates', 'missing.csv');
    expect(rates.code).toBe(2);
  });

  it('exits 2 for a bad flag: no --contracts, a flag of another command, a bad --set or --as-of', async () => {
    expect((await check()).code).toBe(2);
    expect((await check('--contracts', 'clean.csv', '--from', '2025-01-01')).code).toBe(2);
    const set = await check('--contracts', 'clean.csv', '--set', 'fx=sideways');
    expect(set.code).toBe(2);
    expect(set.err).toMatch(/^runrate: --set: /);
    const asOf = await check('--contracts', 'clean.csv', '--as-of', '2025-13-01');
    expect(asOf.code).toBe(2);
    expect(asOf.err).toContain('--as-of "2025-13-01"');
  });
});
