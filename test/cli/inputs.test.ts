/** Reading files (CSV flavours, xlsx sheets) and every kind of bad input: exit 2, a one-line reason. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { run } from './run.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'runrate-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('xlsx', () => {
  let book: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Contracts');
    first.addRow(['Customer', 'Contract', 'Start Date', 'End Date', 'Amount']);
    // Rich text customer, date cells, an amount that is a formula with its cached result.
    first.addRow([
      { richText: [{ text: 'Ac' }, { font: { bold: true }, text: 'me' }] },
      'C1',
      utc(2023, 1, 1),
      utc(2023, 6, 30),
      { formula: '25000*2', result: 50000 },
    ]);
    first.getColumn(3).numFmt = 'yyyy-mm-dd';
    first.getColumn(4).numFmt = 'yyyy-mm-dd';
    const second = wb.addWorksheet('Q2 Deals');
    second.addRow(['Customer', 'Start Date', 'End Date', 'Amount']);
    second.addRow(['Gamma', utc(2023, 4, 1), utc(2024, 3, 31), 36600]);
    second.addRow([null, null, null, null]);
    second.addRow(['Hotel', '2023-04-01', '2023-12-31', 0]);
    book = path.join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(book);
  });

  it('reads the first sheet: date cells, formula results, rich text', async () => {
    // 50,000 over 2023-01-01..2023-06-30 (181 days): 50,000 x 365 / 181 = 100,828.73
    const r = await run(['arr', '--contracts', book, '--as-of', '2023-06-30', '--by', 'customer', '--json']);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      '{"asOf":"2023-06-30","currency":"USD","arr":100828.73,"mrr":8402.39,"customers":1,' +
        '"by":[{"key":"Acme","arr":100828.73,"customers":1}]}\n',
    );
    // The date cells are UTC midnight: read in UTC, 2023-06-30 is the last day and 2023-07-01 is after.
    const after = await run(['arr', '--contracts', book, '--as-of', '2023-07-01', '--json']);
    expect(JSON.parse(after.out).arr).toBe(0);
  });

  it('reads date cells as the same calendar days whatever the machine time zone', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles'; // UTC midnight is the evening before there
    try {
      expect(new Date(Date.UTC(2023, 0, 1)).getDate()).toBe(31);
      const r = await run(['arr', '--contracts', book, '--as-of', '2023-06-30', '--json']);
      expect(JSON.parse(r.out).arr).toBe(100828.73);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reads another sheet with FILE.xlsx#Sheet Name', async () => {
    // 36,600 over 2023-04-01..2024-03-31 (366 days): 36,600 x 365 / 366 = 36,500.00
    const r = await run(['arr', '--contracts', 'book.xlsx#Q2 Deals', '--as-of', '2023-06-30', '--json'], {
      cwd: dir,
    });
    expect(r.err).toBe('');
    expect(r.out).toBe('{"asOf":"2023-06-30","currency":"USD","arr":36500,"mrr":3041.67,"customers":1}\n');
  });

  it('names the sheets when the one asked for is not there', async () => {
    const r = await run(['arr', '--contracts', 'book.xlsx#Nope', '--as-of', '2023-06-30'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe('runrate: book.xlsx#Nope: no sheet named "Nope" (sheets: "Contracts", "Q2 Deals")\n');
  });

  it('refuses a file that is not a workbook', async () => {
    const fake = path.join(dir, 'fake.xlsx');
    await writeFile(fake, 'Customer,Start,Amount\n');
    const r = await run(['arr', '--contracts', fake, '--as-of', '2023-06-30']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^runrate: .*fake\.xlsx: cannot be read as an \.xlsx workbook/);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('CSV flavours', () => {
  it('reads UTF-8 with BOM, CRLF line ends, quoted fields with commas, quotes and line breaks', async () => {
    const csv =
      '\uFEFFCustomer,Start Date,End Date,Amount,Region\r\n' +
      '"Acme, Inc.",2023-01-01,2023-06-30,"$50,000.00","North\r\nAmerica"\r\n' +
      '"Zürich ""Z"" AG",1/1/2023,12/31/2023,"12,000",EMEA\r\n' +
      '\r\n';
    const file = path.join(dir, 'bom-crlf.csv');
    await writeFile(file, csv, 'utf8');
    const r = await run(['arr', '--contracts', file, '--as-of', '2023-03-31', '--by', 'customer', '--json']);
    expect(r.err).toBe('');
    // 100,828.73 + 12,000.00; the BOM does not stick to the Customer header.
    expect(r.out).toBe(
      '{"asOf":"2023-03-31","currency":"USD","arr":112828.73,"mrr":9402.39,"customers":2,' +
        '"by":[{"key":"Acme, Inc.","arr":100828.73,"customers":1},{"key":"Zürich \\"Z\\" AG","arr":12000,"customers":1}]}\n',
    );
  });

  it('refuses an unterminated quote, naming the row', async () => {
    const file = path.join(dir, 'quote.csv');
    await writeFile(file, 'Customer,Start Date,End Date,Amount\n"Acme,2023-01-01,2023-12-31,5\n');
    const r = await run(['arr', '--contracts', file, '--as-of', '2023-03-31']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/quote\.csv: row 2: quoted field unterminated\n$/);
  });

  it('refuses text that is not UTF-8', async () => {
    const file = path.join(dir, 'latin1.csv');
    await writeFile(
      file,
      Buffer.from('Customer,Start Date,End Date,Amount\nZ\xfcrich,2023-01-01,2023-12-31,1\n', 'latin1'),
    );
    const r = await run(['arr', '--contracts', file, '--as-of', '2023-03-31']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/latin1\.csv: is not UTF-8 text/);
  });
});

describe('bad input: exit 2 with the reason on stderr, nothing on stdout', () => {
  it('a bad cell names its row and column', async () => {
    const r = await run(['arr', '--contracts', 'bad-date.csv', '--as-of', '2023-03-31', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'runrate: bad-date.csv: row 3, End Date: "2023-02-30" is not a date (no day 30 in that month)\n',
    );
  });

  it('several bad cells are listed one a line', async () => {
    const file = path.join(dir, 'many.csv');
    await writeFile(
      file,
      'Customer,Start Date,End Date,Amount\nA,2023-01-01,2023-13-01,1\nB,2023-01-01,2023-12-31,abc\n',
    );
    const r = await run(['bridge', '--contracts', file, '--from', '2023-01-01', '--to', '2023-12-31']);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^runrate: .*many\.csv: 2 errors/);
    expect(lines[1]).toMatch(/^ {2}row 2, End Date: "2023-13-01"/);
    expect(lines[2]).toMatch(/^ {2}row 3, Amount: "abc" is not a number/);
  });

  it('an unknown flag', async () => {
    const r = await run(['arr', '--contracts', 'contracts.csv', '--as-of', '2023-03-31', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("runrate: unknown option --bogus\nRun 'runrate --help' for usage.\n");
  });

  it('a flag of another command', async () => {
    const r = await run(['arr', '--contracts', 'contracts.csv', '--as-of', '2023-03-31', '--detail']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^runrate: --detail does not apply to arr\n/);
  });

  it('a missing --as-of, --from or --to', async () => {
    const a = await run(['arr', '--contracts', 'contracts.csv']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^runrate: arr needs --as-of\n/);
    const b = await run(['bridge', '--contracts', 'contracts.csv', '--from', '2023-01-01']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^runrate: bridge needs --to\n/);
    const c = await run(['retention', '--from', '2023-01-01', '--to', '2023-12-31']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/^runrate: retention needs --contracts\n/);
  });

  it('a bad date', async () => {
    const r = await run(['arr', '--contracts', 'contracts.csv', '--as-of', '2023-02-30']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('runrate: --as-of "2023-02-30" is not a date (no day 30 in that month)\n');
    const swapped = await run([
      'bridge',
      '--contracts',
      'contracts.csv',
      '--from',
      '2023-09-30',
      '--to',
      '2023-03-31',
    ]);
    expect(swapped.code).toBe(2);
    expect(swapped.err).toBe('runrate: --from 2023-09-30 is after --to 2023-03-31\n');
  });

  it('a missing file', async () => {
    const r = await run(['arr', '--contracts', 'nope.csv', '--as-of', '2023-03-31']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('runrate: nope.csv: no such file\n');
    const rates = await run([
      'arr',
      '--contracts',
      'contracts.csv',
      '--rates',
      'nope.xlsx#X',
      '--as-of',
      '2023-03-31',
    ]);
    expect(rates.err).toBe('runrate: nope.xlsx#X: no such file\n');
  });

  it('a bad --by', async () => {
    const r = await run(['arr', '--contracts', 'contracts.csv', '--as-of', '2023-03-31', '--by', 'colour']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^runrate: --by "colour": expected one of customer, parent, product, segment/);
  });

  it('a policy file with a bad key names the file and row', async () => {
    const file = path.join(dir, 'bad-policy.csv');
    await writeFile(file, 'Key,Value\nversion,2\nannualisation,daily365\n');
    const r = await run(['policy', '--policy', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad-policy\.csv: policy row 3.*"annualisation" is not a policy key/);
  });

  it('an unknown command, and no command', async () => {
    const r = await run(['forecast']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^runrate: unknown command "forecast"/);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toMatch(/^runrate: ARR, bridge and retention/);
    expect(none.err).toContain('Usage:');
  });

  it('an internal failure is exit 1 with one line, no stack trace', async () => {
    let err = '';
    const code = await main(['policy'], {
      stdout: {
        write: () => {
          throw new Error('disk full\n    at somewhere (file.js:1:1)');
        },
      },
      stderr: { write: (s: string) => (err += s) },
      cwd: '/',
    });
    expect(code).toBe(1);
    expect(err).toBe('runrate: internal error: disk full\n');
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('runrate arr       --contracts FILE --as-of DATE [--by FIELD]');
    expect((await run(['bridge', '-h'])).code).toBe(0);
  });
});
