import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/cells/days.js';
import { CellError } from '../../src/cells/error.js';
import {
  readNetSuiteExport,
  type NetSuiteExport,
  type ReadNetSuiteOptions,
} from '../../src/netsuite/index.js';

const DIR = join(__dirname, '..', 'fixtures', 'netsuite');
const bytes = (f: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, f)));

function read(f: string, options: ReadNetSuiteOptions = {}): NetSuiteExport {
  const x = readNetSuiteExport(bytes(f), { label: f, ...options });
  if (x instanceof CellError) throw new Error(x.message);
  return x;
}

function fail(f: string, options: ReadNetSuiteOptions = {}): CellError {
  const x = readNetSuiteExport(bytes(f), { label: f, ...options });
  if (!(x instanceof CellError)) throw new Error(`${f} was read`);
  return x;
}

const D = dayFromYmd;

describe('transaction saved search', () => {
  const x = read('transactions.csv');

  it('is a saved search of transactions with its header on line 1', () => {
    expect(x.family).toBe('saved_search');
    expect(x.kind).toBe('transactions');
    expect(x.headerLine).toBe(1);
    expect(x.title).toEqual([]);
    expect(x.encoding).toBe('utf-8');
    expect(x.amountSource).toBe('reporting');
  });

  it('keeps the three Internal ID columns apart by position', () => {
    expect(x.headers.filter((h) => h === 'Internal ID')).toHaveLength(3);
    expect(x.columns.internalId).toEqual({ index: 0, header: 'Internal ID' });
    const again = read('transactions.csv', { columns: { internalId: 'Internal ID#2' } });
    expect(again.columns.internalId).toEqual({ index: 6, header: 'Internal ID' });
    const third = read('transactions.csv', { columns: { internalId: 'internal id#3' } });
    expect(third.columns.internalId?.index).toBe(8);
  });

  it('reads every line with its file line (a quoted memo spans two lines)', () => {
    expect(x.lines.map((l) => l.line)).toEqual([2, 3, 5, 7, 8, 9]);
    expect(x.lines.map((l) => l.type)).toEqual([
      'Invoice',
      'Invoice',
      'Invoice',
      'Credit Memo',
      'Journal',
      'Journal',
    ]);
    expect(x.lines.map((l) => l.amountCents)).toEqual([239928, 150000, 1200000, -634380, 20378, -5000]);
    expect(x.lines[1].memo).toBe('Kick-off, workshop\nand data migration');
    expect(x.lines[0].memo).toBe('Annual platform, seats "Gold" tier');
  });

  it('reads dates, posting periods and rev rec dates', () => {
    const l = x.lines[0];
    expect(l.date).toBe(D(2025, 1, 1));
    expect(l.period).toBe('2025-01');
    expect(l.month).toBe(2025 * 12);
    expect(l.revRecStart).toBe(D(2025, 1, 1));
    expect(l.revRecEnd).toBe(D(2025, 12, 31));
    expect(x.lines[4].revRecStart).toBeNull();
  });

  it('keeps entity names as exported and takes the entity number of the leaf', () => {
    expect(x.lines[0].entity).toBe('C1004 Initech, LLC');
    expect(x.lines[0].entityId).toBe('C1004');
    expect(x.lines[1].entity).toBe('C1001 Acme Holdings : C1002 Acme EMEA');
    expect(x.lines[1].entityId).toBe('C1002');
    expect(x.entities).toEqual([
      'C1004 Initech, LLC',
      'C1001 Acme Holdings : C1002 Acme EMEA',
      'C1005 Globex Corporation',
    ]);
    expect(x.entityIds).toEqual(['C1004', 'C1002', 'C1005']);
  });

  it('reads accounts with their number', () => {
    expect(x.lines[0].account).toBe('2400 Deferred Revenue');
    expect(x.lines[0].accountNumber).toBe('2400');
    expect(x.lines[1].item).toBe('Implementation Services');
  });

  it('drops the blank-amount line and the Total line, and counts them', () => {
    expect(x.dropped).toEqual({ totals: 1, sections: 0, blank: 1, empty: 0 });
  });

  it('reads the CRLF file the same', () => {
    const crlf = read('transactions-crlf.csv');
    expect(crlf.lines).toEqual(
      x.lines.map((l, i) => (i === 1 ? { ...l, memo: 'Kick-off, workshop\r\nand data migration' } : l)),
    );
    expect(crlf.dropped).toEqual(x.dropped);
  });

  it('reads text and a pasted range the same as bytes', () => {
    const text = readFileSync(join(DIR, 'transactions.csv'), 'utf8');
    const t = readNetSuiteExport(text, { label: 'transactions.csv' }) as NetSuiteExport;
    expect(t.lines).toEqual(x.lines);
    expect(t.encoding).toBe('text');
    const range = [
      ['Type', 'Date', 'Name', 'Amount', 'Rev Rec Start Date'],
      ['Invoice', 45658, 'C1004 Initech, LLC', 2399.28, new Date(2025, 0, 1)],
      ['Invoice', '1/2/2025', 'C1004 Initech, LLC', '$1,000.00', ''],
    ];
    const r = readNetSuiteExport(range, { label: 'range' }) as NetSuiteExport;
    expect(r.encoding).toBe('range');
    expect(r.lines.map((l) => [l.line, l.date, l.amountCents, l.revRecStart])).toEqual([
      [2, D(2025, 1, 1), 239928, D(2025, 1, 1)],
      [3, D(2025, 1, 2), 100000, null],
    ]);
  });
});

describe('income statement detail report', () => {
  const x = read('income-statement-detail.csv');

  it('is a report: title rows, then a header with trailing spaces', () => {
    expect(x.family).toBe('report');
    expect(x.kind).toBe('income_statement');
    expect(x.headerLine).toBe(4);
    expect(x.title).toEqual([
      'Initech Software, Inc.',
      'Income Statement Detail',
      'January 2025 - March 2025',
    ]);
    expect(x.columns.amount).toEqual({ index: 6, header: 'Amount' });
    expect(x.columns.type?.header).toBe('Type');
  });

  it('reads $ money, (negatives), -$ negatives and large amounts', () => {
    expect(x.lines.map((l) => l.amountCents)).toEqual([
      123456, 111508, -123456, -20000, 150000, 1234567890, 80000,
    ]);
  });

  it('drops sections and totals, counts them, and reads the account from the section', () => {
    expect(x.dropped).toEqual({ totals: 8, sections: 6, blank: 0, empty: 0 });
    expect(x.lines.map((l) => [l.account, l.accountNumber, l.accountType])).toEqual([
      ['4000 - Subscription Revenue', '4000', 'Income'],
      ['4000 - Subscription Revenue', '4000', 'Income'],
      ['4000 - Subscription Revenue', '4000', 'Income'],
      ['4000 - Subscription Revenue', '4000', 'Income'],
      ['4100 - Professional Services Revenue', '4100', 'Income'],
      ['4100 - Professional Services Revenue', '4100', 'Income'],
      ['5000 - Hosting', '5000', 'Cost of Goods Sold'],
    ]);
    expect(x.lines[0].line).toBe(8);
    expect(x.lines[0].period).toBe('2025-01');
  });

  it('reads a report with an Account column as given (the reconciliation fixture layout)', () => {
    const text = [
      'Example SaaS Inc.',
      'Income Statement Detail',
      'Jan 2025 - Mar 2025',
      '"Type ","Date ","Document Number ","Name ","Memo ","Account ","Amount "',
      '"Income","","","","","",""',
      '"4000 Subscription Revenue","","","","","",""',
      '"Journal","1/31/2025","JE-1","C1002 Globex Corporation","Rev rec","4000 Subscription Revenue","$3,100.00"',
      '"Total - 4000 Subscription Revenue","","","","","","$3,100.00"',
      '"Total - Income","","","","","","$3,100.00"',
      '"Net Income","","","","","","$3,100.00"',
    ].join('\n');
    const r = readNetSuiteExport(text) as NetSuiteExport;
    expect(r.dropped).toEqual({ totals: 3, sections: 2, blank: 0, empty: 0 });
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0].account).toBe('4000 Subscription Revenue');
    expect(r.lines[0].accountType).toBe('Income');
    expect(r.lines[0].amountCents).toBe(310000);
  });
});

describe('deferred revenue waterfall and revenue recognition forecast', () => {
  it('reads the waterfall balances and the monthly buckets', () => {
    const x = read('deferred-revenue-waterfall.csv');
    expect(x.family).toBe('report');
    expect(x.kind).toBe('deferred_waterfall');
    expect(x.amountSource).toBe('balance');
    expect(x.dropped.totals).toBe(1);
    expect(x.lines.map((l) => [l.entity, l.amountCents, l.balanceCents])).toEqual([
      ['C1004 Initech, LLC', 150000, 150000],
      ['C1005 Globex Corporation', 900000, 900000],
    ]);
    expect(x.lines[0].account).toBe('2400 Deferred Revenue');
    expect(x.lines[0].type).toBe('Invoice');
    expect(x.lines[0].buckets).toEqual([
      { period: '2025-04', month: 2025 * 12 + 3, cents: 50000 },
      { period: '2025-05', month: 2025 * 12 + 4, cents: 50000 },
      { period: '2025-06', month: 2025 * 12 + 5, cents: 50000 },
    ]);
  });

  it('reads a forecast: the Total column, else the sum of the months', () => {
    const x = read('revrec-forecast.csv');
    expect(x.kind).toBe('revrec_forecast');
    expect(x.lines.map((l) => l.amountCents)).toEqual([150000, 200000]);
    expect(x.lines[1].buckets.map((b) => b.period)).toEqual(['2025-04', '2025-06']);
    expect(x.dropped.totals).toBe(1);
  });
});

describe('customer list', () => {
  it('lists every customer with its id, without amounts', () => {
    const x = read('customers.csv');
    expect(x.kind).toBe('customers');
    expect(x.amountSource).toBe('none');
    expect(x.entities).toHaveLength(5);
    expect(x.entities[1]).toBe('C1001 Acme Holdings : C1002 Acme EMEA');
    expect(x.entityIds).toEqual(['C1001', 'C1002', 'C1004', 'C1005', 'C1006']);
    expect(x.lines.every((l) => !l.hasAmount && l.amountCents === 0)).toBe(true);
    expect(x.columns.companyName?.header).toBe('Company Name');
  });
});

describe('customer list with a receivable balance', () => {
  it('is a customer list: the Balance column is not a deferred revenue balance', () => {
    const x = readNetSuiteExport(
      'Internal ID,ID,Name,Balance,Overdue Balance\n301,C1001,C1001 Acme Holdings,"1,200.00",0.00\n',
    ) as NetSuiteExport;
    expect(x.kind).toBe('customers');
    expect(x.amountSource).toBe('none');
    expect(x.entities).toEqual(['C1001 Acme Holdings']);
  });
});

describe('a one-column list', () => {
  it('has its header on line 1 when that is a known column name', () => {
    const x = readNetSuiteExport('Customer\nC1001 Acme Holdings\n"Initech, LLC"\n') as NetSuiteExport;
    expect([x.kind, x.headerLine]).toEqual(['customers', 1]);
    expect(x.entities).toEqual(['C1001 Acme Holdings', 'Initech, LLC']);
    expect(readNetSuiteExport('Acme\nInitech\n')).toBeInstanceOf(CellError);
  });
});

describe('encodings', () => {
  const names = ['C2001 Müller GmbH', 'Société Générale SA', 'O’Brien & Sons – Ltd'];
  it.each([
    ['encoding-utf8.csv', 'utf-8'],
    ['encoding-utf8-bom.csv', 'utf-8-bom'],
    ['encoding-cp1252.csv', 'windows-1252'],
  ])('%s is read as %s', (f, enc) => {
    const x = read(f);
    expect(x.encoding).toBe(enc);
    expect(x.entities).toEqual(names);
    expect(x.headers[0]).toBe('Internal ID');
    expect(x.lines.map((l) => l.amountCents)).toEqual([10000, 125050, 7525]);
  });

  it('refuses UTF-16 with a message', () => {
    const e = readNetSuiteExport(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), { label: 'x.csv' });
    expect(e).toBeInstanceOf(CellError);
    expect((e as CellError).message).toMatch(/x\.csv is UTF-16/);
  });
});

describe('multi-currency', () => {
  it('takes the reporting-currency Amount, keeping the foreign amount and currency', () => {
    const x = read('multi-currency.csv');
    expect(x.amountSource).toBe('reporting');
    expect(x.lines.map((l) => [l.amountCents, l.foreignCents, l.currency])).toEqual([
      [1080000, 1000000, 'EUR'],
      [1000000, 800000, 'GBP'],
      [-100000, -80000, 'GBP'],
    ]);
  });

  it('refuses foreign amounts in several currencies without a reporting column', () => {
    const e = fail('foreign-only-mixed.csv');
    expect(e.message).toMatch(
      /amounts are in EUR, GBP and the export has no reporting-currency Amount column/,
    );
  });

  it('reads foreign amounts in one currency', () => {
    const x = read('foreign-only-single.csv');
    expect(x.amountSource).toBe('foreign');
    expect(x.lines.map((l) => l.amountCents)).toEqual([1000000, 250050]);
  });
});

describe('dates under netsuiteDateFormat', () => {
  it('D/M/YYYY', () => {
    const x = read('dates-dmy.csv', { dateFormat: 'D/M/YYYY' });
    expect(x.lines.map((l) => [l.date, l.revRecStart, l.revRecEnd])).toEqual([
      [D(2024, 1, 25), D(2024, 1, 25), D(2025, 1, 24)],
      [D(2024, 2, 3), D(2024, 2, 3), D(2024, 3, 2)],
    ]);
  });
  it('D-Mon-YYYY', () => {
    const x = read('dates-dmon.csv', { dateFormat: 'D-Mon-YYYY' });
    expect(x.lines.map((l) => l.date)).toEqual([D(2024, 1, 25), D(2024, 2, 3)]);
  });
  it('D.M.YYYY', () => {
    const x = read('dates-dots.csv', { dateFormat: 'D.M.YYYY' });
    expect(x.lines.map((l) => l.date)).toEqual([D(2024, 1, 25), D(2024, 2, 3)]);
  });
  it('a D/M/YYYY file under the default M/D/YYYY is an error naming the line and column, not a guess', () => {
    const e = fail('dates-dmy.csv');
    expect(e.row).toBe(2);
    expect(e.column).toBe('Date');
    expect(e.message).toBe(
      'dates-dmy.csv line 2, Date: "25/01/2024" is not a date under netsuiteDateFormat M/D/YYYY (it has no month 25); it reads as a date under D/M/YYYY: set netsuiteDateFormat',
    );
  });
  it('13/13/2024 is an error under any setting', () => {
    const e = fail('bad-date.csv');
    expect(e.row).toBe(4);
    expect(e.column).toBe('Date');
    expect(e.message).toBe(
      'bad-date.csv line 4, Date: "13/13/2024" is not a date under netsuiteDateFormat M/D/YYYY (it has no month 13)',
    );
    expect(fail('bad-date.csv', { dateFormat: 'D/M/YYYY' }).message).toMatch(/line 3, Date: "12\/31\/2024"/);
  });
  it('a dotted file under the wrong setting names the setting that reads it', () => {
    expect(fail('dates-dots.csv').message).toMatch(
      /"25\.1\.2024" is not a date under netsuiteDateFormat M\/D\/YYYY; it reads as a date under D\.M\.YYYY/,
    );
  });
});

describe('bad forms', () => {
  it('a money cell 12,34,5 is an error naming the line and column', () => {
    const e = fail('bad-money.csv');
    expect(e.row).toBe(3);
    expect(e.column).toBe('Amount');
    expect(e.message).toBe(
      'bad-money.csv line 3, Amount: "12,34,5" is not an amount (a comma must group thousands by three, e.g. 1,234.56)',
    );
  });
  it('no header row found', () => {
    const e = fail('no-header.csv');
    expect(e.message).toMatch(/^no-header\.csv: no header row found in the first 30 lines/);
  });
  it('a header named by the user is found', () => {
    const x = read('no-header.csv', { columns: { entity: 'foo', amount: 'baz' } });
    expect(x.lines.map((l) => [l.entity, l.amountCents])).toEqual([['1', 300]]);
  });
  it('an override naming no column is an error', () => {
    expect(fail('transactions.csv', { columns: { amount: 'Amount (Net)' } }).message).toMatch(
      /columns: amount is "Amount \(Net\)", but the header has no such column/,
    );
    expect(fail('transactions.csv', { columns: { amount: 99 } }).message).toMatch(
      /columns: amount is column 99, but the header has 14 columns/,
    );
  });
  it('an unclosed quote is an error naming its line', () => {
    const e = fail('unclosed-quote.csv');
    expect(e.message).toBe('unclosed-quote.csv line 2: a quoted field is not closed');
  });
  it('a bad posting period is an error', () => {
    const e = readNetSuiteExport('Type,Posting Period,Name,Amount\nInvoice,Q3 2024,X,1\n', {
      label: 'p.csv',
    }) as CellError;
    expect(e.message).toBe('p.csv line 2, Posting Period: "Q3 2024" is not a posting period (like Jul 2024)');
  });
});

describe('signs', () => {
  it('an unsigned search shows credit memos positive: they are negated', () => {
    const x = read('unsigned-credit-memos.csv');
    expect(x.lines.map((l) => l.amountCents)).toEqual([100000, -25000, -1000]);
  });
  it('a signed search keeps credit memos as shown', () => {
    const x = read('transactions.csv');
    expect(x.lines.find((l) => l.type === 'Credit Memo')?.amountCents).toBe(-634380);
  });
  it('debit and credit columns: credit - debit', () => {
    const x = read('debit-credit.csv');
    expect(x.amountSource).toBe('debit_credit');
    expect(x.lines.map((l) => l.amountCents)).toEqual([50000, -50000, -2000]);
  });
});

describe('rows', () => {
  it('counts empty rows and keeps a customer named Total-something', () => {
    const text = 'Type,Date,Name,Amount\nInvoice,1/1/2025,Total Wine & More,5.00\n,,,\n\nTotal,,,5.00\n';
    const x = readNetSuiteExport(text) as NetSuiteExport;
    expect(x.lines.map((l) => l.entity)).toEqual(['Total Wine & More']);
    expect(x.dropped).toEqual({ totals: 1, sections: 0, blank: 0, empty: 2 });
  });
  it('a period from the date when there is no posting period column', () => {
    const x = readNetSuiteExport('Type,Date,Name,Amount\nInvoice,7/15/2024,A,1\n') as NetSuiteExport;
    expect(x.lines[0].period).toBe('2024-07');
  });
  it('posting periods: full month names and hierarchies', () => {
    const x = readNetSuiteExport(
      'Type,Posting Period,Name,Amount\nJournal,July 2024,A,1\nJournal,FY 2024 : Q3 2024 : Aug 2024,A,1\nJournal,Sep-2024,A,1\n',
    ) as NetSuiteExport;
    expect(x.lines.map((l) => l.period)).toEqual(['2024-07', '2024-08', '2024-09']);
  });
  it('a semicolon file (Excel in a comma-decimal locale keeps periods here) is read', () => {
    const x = readNetSuiteExport('Type;Date;Name;Amount\nInvoice;1/1/2025;A;12.50\n') as NetSuiteExport;
    expect(x.lines[0].amountCents).toBe(1250);
  });
});
