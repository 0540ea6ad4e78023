/**
 * `runrate snapshot lock|verify`, `bridge --snapshots`, `retention --snapshots` and `restatement`
 * on the CLI fixture book (test/cli/commands.test.ts has the line figures): exit codes, files, JSON.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy, policyHash } from '../../src/index.js';
import { ok } from '../methodology/book.js';
import { FIXTURES, run } from '../cli/run.js';

const C = ['--contracts', path.join(FIXTURES, 'contracts.csv')];
let dir = '';
const file = (name: string) => path.join(dir, name);
const DEFAULT_HASH = policyHash(ok(parsePolicy(null)));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'runrate-snapshots-'));
  for (const [name, asOf] of [
    ['a.csv', '2023-03-31'],
    ['b.csv', '2023-09-30'],
  ]) {
    const r = await run(['snapshot', 'lock', ...C, '--as-of', asOf, '--out', file(name)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
});

describe('snapshot lock', () => {
  it('writes the snapshot as CSV and prints what it wrote', async () => {
    const r = await run(['snapshot', 'lock', ...C, '--as-of', '2023-09-30', '--out', file('lock.csv')]);
    expect(r.code).toBe(0);
    const text = readFileSync(file('lock.csv'), 'utf8');
    expect(text.startsWith('RunRate snapshot,1,')).toBe(true);
    const seal = /\r\nSeal,([0-9a-f]{64}),/.exec(text)?.[1];
    const dataHash = /\r\nData hash,([0-9a-f]{12}),/.exec(text)?.[1];
    // 5 rows, 202,434.78 (test/snapshots/snapshot.test.ts)
    expect(r.out).toBe(
      `Snapshot as of 2023-09-30 written to ${file('lock.csv')}: 5 rows, total 202,434.78 USD, policy 1 (${DEFAULT_HASH}), data hash ${dataHash}\nSeal ${seal}\n`,
    );
  });

  it('--json', async () => {
    const r = await run([
      'snapshot',
      'lock',
      ...C,
      '--as-of',
      '2023-03-31',
      '--out',
      file('lock2.csv'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      file: file('lock2.csv'),
      asOf: '2023-03-31',
      currency: 'USD',
      policyVersion: '1',
      policyHash: DEFAULT_HASH,
      dataHash: expect.stringMatching(/^[0-9a-f]{12}$/),
      rows: 3,
      total: 149328.73,
      seal: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Object.keys(JSON.parse(r.out))).toEqual([
      'file',
      'asOf',
      'currency',
      'policyVersion',
      'policyHash',
      'dataHash',
      'rows',
      'total',
      'seal',
    ]);
  });

  it('never replaces an existing file without --force', async () => {
    writeFileSync(file('kept.csv'), 'keep me\n');
    const r = await run(['snapshot', 'lock', ...C, '--as-of', '2023-09-30', '--out', file('kept.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `runrate: --out ${file('kept.csv')}: the file exists; a snapshot is not replaced unless you give --force\n`,
    );
    expect(readFileSync(file('kept.csv'), 'utf8')).toBe('keep me\n');
    const f = await run([
      'snapshot',
      'lock',
      ...C,
      '--as-of',
      '2023-09-30',
      '--out',
      file('kept.csv'),
      '--force',
    ]);
    expect(f.code).toBe(0);
    expect(readFileSync(file('kept.csv'), 'utf8')).toBe(readFileSync(file('b.csv'), 'utf8'));
  });

  it('refuses an .xlsx name and a missing directory', async () => {
    const x = await run(['snapshot', 'lock', ...C, '--as-of', '2023-09-30', '--out', file('s.xlsx')]);
    expect(x.code).toBe(2);
    expect(x.err).toBe(
      `runrate: --out ${file('s.xlsx')}: a snapshot is written as CSV; name the file .csv\n`,
    );
    const d = await run(['snapshot', 'lock', ...C, '--as-of', '2023-09-30', '--out', file('no/such/s.csv')]);
    expect(d.code).toBe(2);
    expect(d.err).toBe(`runrate: --out ${file('no/such/s.csv')}: no such directory\n`);
  });
});

describe('snapshot verify', () => {
  it('exit 0 when intact', async () => {
    const r = await run(['snapshot', 'verify', file('b.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `^${file('b.csv').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: intact\\. Snapshot as of 2023-09-30, 5 rows, total 202,434\\.78 USD, policy 1 \\(${DEFAULT_HASH}\\), data hash [0-9a-f]{12}\\nSeal [0-9a-f]{64}\\n$`,
      ),
    );
  });

  it('exit 1 when altered, each discrepancy on a line of stdout; --json', async () => {
    // Acme's ARR Local on 2023-09-30 is 99,184.78: the first row, the record after the column names.
    const text = readFileSync(file('b.csv'), 'utf8').replace(',USD,99184.78,', ',USD,99184.79,');
    writeFileSync(file('altered.csv'), text);
    const row = text.split('\r\n').findIndex((l) => l.startsWith('Customer,Product,')) + 2;
    const r = await run(['snapshot', 'verify', file('altered.csv')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      `${file('altered.csv')}: ALTERED, 1 discrepancy:\n  row ${row}, ARR Local: "99184.79" was changed after the lock\n`,
    );
    const j = await run(['snapshot', 'verify', file('altered.csv'), '--json']);
    expect(j.code).toBe(1);
    const doc = JSON.parse(j.out);
    expect(doc.status).toBe('altered');
    expect(doc.discrepancies).toEqual([
      { row, column: 'ARR Local', message: `row ${row}, ARR Local: "99184.79" was changed after the lock` },
    ]);
    expect(Object.keys(doc)).toEqual([
      'file',
      'status',
      'asOf',
      'currency',
      'policyVersion',
      'policyHash',
      'dataHash',
      'rows',
      'total',
      'seal',
      'discrepancies',
    ]);
  });

  it('exit 2 when the file is not a snapshot, or is missing', async () => {
    const r = await run(['snapshot', 'verify', 'contracts.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'runrate: contracts.csv: snapshot: not a RunRate snapshot (its first cell is "Customer"; a snapshot starts with "RunRate snapshot")\n',
    );
    const m = await run(['snapshot', 'verify', 'missing.csv']);
    expect(m.code).toBe(2);
    expect(m.err).toBe('runrate: missing.csv: no such file\n');
  });
});

describe('bridge and retention --snapshots', () => {
  it('bridge: the same JSON as the live bridge, lanes and detail', async () => {
    const live = await run([
      'bridge',
      '--contracts',
      'contracts.csv',
      '--from',
      '2023-03-31',
      '--to',
      '2023-09-30',
      '--detail',
      '--json',
    ]);
    const snap = await run(['bridge', '--snapshots', file('a.csv'), file('b.csv'), '--detail', '--json']);
    expect(snap.err).toBe('');
    expect(snap.code).toBe(0);
    expect(snap.out).toBe(live.out);
    const both = await run(['bridge', '--snapshots', file('a.csv'), '--snapshots', file('b.csv'), '--json']);
    expect(JSON.parse(both.out).end).toBe(202434.78);
  });

  it('bridge: the same table as the live bridge', async () => {
    const live = await run([
      'bridge',
      '--contracts',
      'contracts.csv',
      '--from',
      '2023-03-31',
      '--to',
      '2023-09-30',
    ]);
    const snap = await run(['bridge', '--snapshots', file('a.csv'), file('b.csv')]);
    expect(snap.out).toBe(live.out);
  });

  it('retention: the same JSON as the live retention', async () => {
    const live = await run([
      'retention',
      '--contracts',
      'contracts.csv',
      '--from',
      '2023-03-31',
      '--to',
      '2023-09-30',
      '--json',
    ]);
    const snap = await run(['retention', '--snapshots', file('a.csv'), file('b.csv'), '--json']);
    expect(snap.code).toBe(0);
    expect(snap.out).toBe(live.out);
  });

  it('a tampered snapshot is bad input, each discrepancy named', async () => {
    const text = readFileSync(file('altered.csv'), 'utf8');
    const row = text.split('\r\n').findIndex((l) => l.startsWith('Customer,Product,')) + 2;
    const r = await run(['bridge', '--snapshots', file('a.csv'), file('altered.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `runrate: ${file('altered.csv')}: the snapshot was altered after it was locked:\n  row ${row}, ARR Local: "99184.79" was changed after the lock\n`,
    );
  });

  it("a policy that is not the snapshots' is refused", async () => {
    const r = await run([
      'bridge',
      '--snapshots',
      file('a.csv'),
      file('b.csv'),
      '--set',
      'annualization=monthly12',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^runrate: --policy: its hash is [0-9a-f]{12}, but .*a\.csv was locked under /);
  });
});

describe('restatement', () => {
  it('--json: every key that moved, with its cause, and the tie', async () => {
    // Today: Acme C1 at $60,000 (60,000 x 365 / 181 = 120,994.48: +20,165.75), Delta gone (-36,500,
    // locked row 7), Zeta added on row 9 (12,000 x 365 / 366 = 11,967.21). Locked 149,328.73;
    // recomputed 120,994.48 + 12,000 + 11,967.21 = 144,961.69; restatements -4,367.04.
    const book = readFileSync(path.join(FIXTURES, 'contracts.csv'), 'utf8')
      .replace('Acme,C1,Core,2023-01-01,2023-06-30,"$50,000.00"', 'Acme,C1,Core,2023-01-01,2023-06-30,60000')
      .split('\n')
      .filter((l) => !l.startsWith('Delta'))
      .join('\n')
      .trimEnd();
    writeFileSync(file('today.csv'), `${book}\nZeta,C9,Core,2023-03-01,2024-02-29,12000,SMB\n`);
    const r = await run([
      'restatement',
      '--contracts',
      file('today.csv'),
      '--snapshot',
      file('a.csv'),
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect({ ...doc, lockedDataHash: '', dataHash: '' }).toEqual({
      asOf: '2023-03-31',
      currency: 'USD',
      lockedPolicyHash: DEFAULT_HASH,
      policyHash: DEFAULT_HASH,
      lockedDataHash: '',
      dataHash: '',
      locked: 149328.73,
      restatements: -4367.04,
      recomputed: 144961.69,
      rows: [
        {
          customer: 'Acme',
          product: '',
          cause: 'amount changed',
          lockedArr: 100828.73,
          recomputedArr: 120994.48,
          amount: 20165.75,
          rows: ['2'],
          lockedRows: ['2'],
        },
        {
          customer: 'Delta',
          product: '',
          cause: 'line removed',
          lockedArr: 36500,
          recomputedArr: 0,
          amount: -36500,
          rows: [],
          lockedRows: ['7'],
        },
        {
          customer: 'Zeta',
          product: '',
          cause: 'line added',
          lockedArr: 0,
          recomputedArr: 11967.21,
          amount: 11967.21,
          rows: ['9'],
          lockedRows: [],
        },
      ],
    });
    expect(doc.dataHash).not.toBe(doc.lockedDataHash);
  });

  it('prints a table whose last row ties', async () => {
    const r = await run(['restatement', '--contracts', file('today.csv'), '--snapshot', file('a.csv')]);
    expect(r.code).toBe(0);
    const last = r.out.trimEnd().split('\n').pop();
    expect(last).toMatch(/^Total +locked \+ restatements +149,328\.73 +144,961\.69 +-4,367\.04$/);
  });
});

describe('usage', () => {
  it('names what is missing or wrong', async () => {
    const cases: [string[], string][] = [
      [
        ['snapshot'],
        'snapshot needs lock or verify: runrate snapshot lock ... | runrate snapshot verify FILE',
      ],
      [['snapshot', 'check'], 'snapshot "check": use lock or verify'],
      [['snapshot', 'verify'], 'snapshot verify needs the snapshot file: runrate snapshot verify FILE'],
      [['snapshot', 'lock', ...C, '--as-of', '2023-09-30'], 'snapshot lock needs --out'],
      [
        ['snapshot', 'verify', 'a.csv', '--contracts', 'c.csv'],
        '--contracts does not apply to snapshot verify',
      ],
      [
        ['bridge', '--snapshots', 'a.csv'],
        '--snapshots needs two snapshot files, the earlier first: --snapshots A B',
      ],
      [
        ['bridge', '--snapshots', 'a.csv', 'b.csv', '--from', '2023-01-01'],
        '--from does not apply to bridge --snapshots',
      ],
      [
        ['retention', '--snapshots', 'a.csv', 'b.csv', '--detail'],
        '--detail does not apply to retention --snapshots',
      ],
      [['arr', '--snapshots', 'a.csv', 'b.csv'], 'unexpected argument "b.csv"'],
      [['restatement', ...C], 'restatement needs --snapshot'],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toBe(`runrate: ${message}\nRun 'runrate --help' for usage.\n`);
    }
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
