import { describe, it, expect } from 'vitest';
import { CellError } from '../../src/cells/error.js';
import {
  ANNUAL_AMOUNT_ALIASES,
  HEADER_ALIASES,
  MONTHLY_AMOUNT_ALIASES,
  type Field,
  type HeaderMap,
  columnLetter,
  fieldOfHeader,
  mapHeaders,
  normalizeHeader,
} from '../../src/contracts/index.js';

const EXAMPLES: Record<Field, string[]> = {
  customer: [
    'Customer',
    'Customer ID',
    'Customer Name',
    'Account',
    'Account ID',
    'Account Name',
    'Client',
    'Logo',
  ],
  parent: ['Parent', 'Parent Customer', 'Parent Account', 'Ultimate Parent'],
  contract: ['Contract', 'Contract ID', 'Contract Number', 'Subscription', 'Subscription ID', 'Agreement'],
  product: ['Product', 'SKU', 'Item', 'Plan', 'Product Name'],
  lineType: ['Line Type', 'Type', 'Revenue Type', 'Charge Type'],
  start: [
    'Start',
    'Start Date',
    'Service Start',
    'Service Start Date',
    'Contract Start',
    'Subscription Start',
    'Term Start',
    'Rev Rec Start',
  ],
  end: ['End', 'End Date', 'Service End', 'Contract End', 'Subscription End', 'Term End', 'Rev Rec End'],
  signed: ['Signed', 'Signed Date', 'Signature Date', 'Booking Date', 'Close Date', 'Order Date'],
  cancel: ['Cancel Date', 'Cancellation Date', 'Termination Date', 'Cancelled'],
  notice: ['Notice Date', 'Non-Renewal Notice', 'Notice'],
  amount: ['Amount', 'Total', 'Contract Value', 'Term Amount', 'Net Amount', 'Value'],
  listAmount: ['List Amount', 'List Price', 'Gross Amount'],
  freeMonths: ['Free Months'],
  currency: ['Currency', 'Currency Code', 'CCY'],
  fxRate: ['FX Rate', 'Exchange Rate', 'Contract FX Rate'],
  billing: ['Billing', 'Billing Frequency', 'Billing Schedule'],
  segment: ['Segment'],
  region: ['Region'],
  rep: ['Rep', 'Sales Rep', 'Owner', 'Account Owner'],
  entity: ['Entity', 'Subsidiary', 'Legal Entity'],
  status: ['Status', 'Contract Status'],
};

function mapped(row: unknown[]): HeaderMap {
  const m = mapHeaders(row);
  if (m instanceof CellError) throw new Error(m.message);
  return m;
}

describe('fieldOfHeader', () => {
  for (const [field, headers] of Object.entries(EXAMPLES)) {
    it(`reads ${headers.map((h) => JSON.stringify(h)).join(', ')} as ${field}`, () => {
      for (const h of headers) expect(fieldOfHeader(h), h).toEqual({ field, basis: null });
    });
  }

  it("reads each field's own name (customer, lineType, fxRate ...)", () => {
    for (const field of Object.keys(EXAMPLES)) expect(fieldOfHeader(field)?.field, field).toBe(field);
    expect(fieldOfHeader('Cancel')?.field).toBe('cancel');
  });

  it('ignores case, spaces, _, -, ., / and #', () => {
    for (const h of [
      'START DATE',
      'start_date',
      'Start-Date',
      'start.date',
      ' Start  Date ',
      'Start/Date',
      'StartDate',
    ]) {
      expect(fieldOfHeader(h)?.field, h).toBe('start');
    }
    expect(fieldOfHeader('Contract #')?.field).toBe('contract');
    expect(fieldOfHeader('customer_id')?.field).toBe('customer');
    expect(fieldOfHeader('NON_RENEWAL_NOTICE')?.field).toBe('notice');
    expect(fieldOfHeader('fx-rate')?.field).toBe('fxRate');
    expect(fieldOfHeader('Rev. Rec. Start')?.field).toBe('start');
    expect(normalizeHeader(' Rev-Rec_Start/Date #')).toBe('revrecstartdate');
  });

  it('reads ARR-like columns as an annual amount and MRR-like ones as a monthly amount', () => {
    for (const h of ['ARR', 'arr', 'Annual Amount', 'Annual Recurring Revenue', 'annual_value']) {
      expect(fieldOfHeader(h), h).toEqual({ field: 'amount', basis: 'annual' });
    }
    for (const h of ['MRR', 'Monthly Amount', 'monthly recurring revenue']) {
      expect(fieldOfHeader(h), h).toEqual({ field: 'amount', basis: 'monthly' });
    }
  });

  it('does not read ACV, TCV or unknown headers', () => {
    for (const h of ['ACV', 'Annual Contract Value', 'TCV', 'Notes', 'Comments', '']) {
      expect(fieldOfHeader(h), h).toBeNull();
    }
  });

  it('lists no alias under two fields', () => {
    const seen = new Map<string, string>();
    const all: [string, string][] = [
      ...Object.entries(HEADER_ALIASES).flatMap(([f, hs]) => hs.map((h): [string, string] => [f, h])),
      ...ANNUAL_AMOUNT_ALIASES.map((h): [string, string] => ['amount', h]),
      ...MONTHLY_AMOUNT_ALIASES.map((h): [string, string] => ['amount', h]),
    ];
    for (const [f, h] of all) {
      const k = normalizeHeader(h);
      expect(seen.get(k) ?? f, h).toBe(f);
      seen.set(k, f);
    }
  });
});

describe('columnLetter', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('mapHeaders', () => {
  it('maps each field to its column and keeps the header text as found', () => {
    const m = mapped([
      ' Account Name ',
      'Notes',
      'Service Start Date',
      null,
      'TERM END',
      'Net Amount',
      0,
      'ccy',
    ]);
    expect(m.index).toEqual({ customer: 0, start: 2, end: 4, amount: 5, currency: 7 });
    expect(m.columns).toEqual({
      customer: 'Account Name',
      start: 'Service Start Date',
      end: 'TERM END',
      amount: 'Net Amount',
      currency: 'ccy',
    });
    expect(m.headers).toEqual([
      'Account Name',
      'Notes',
      'Service Start Date',
      '',
      'TERM END',
      'Net Amount',
      '',
      'ccy',
    ]);
    expect(m.ignored).toEqual(['Notes']);
    expect(m.missing).toEqual([]);
    expect(m.impliedAmountBasis).toBeNull();
  });

  it('lists missing required fields', () => {
    expect(mapped(['Product', 'End']).missing).toEqual(['customer', 'start', 'amount']);
  });

  it('records the basis an ARR or MRR column implies', () => {
    expect(mapped(['Customer', 'Start', 'ARR']).impliedAmountBasis).toBe('annual');
    expect(mapped(['Customer', 'Start', 'Monthly Amount']).impliedAmountBasis).toBe('monthly');
  });

  it('refuses a duplicate header, naming its column letters', () => {
    const e = mapHeaders(['Customer', 'Start', 'Amount', 'End', 'Start']);
    expect(e).toBeInstanceOf(CellError);
    expect((e as CellError).message).toBe(
      'duplicate header "Start" in columns B and E of the contracts range; keep one',
    );
    expect((e as CellError).row).toBe(1);
    expect((e as CellError).column).toBe('Start');
    // identical after normalising counts as the same header
    expect((mapHeaders(['Customer', 'start_date', 'Start Date']) as CellError).message).toBe(
      'duplicate header "Start Date" in columns B and C of the contracts range; keep one',
    );
  });

  it('refuses two headers of one field, naming both', () => {
    expect((mapHeaders(['Customer', 'Start', 'Start Date', 'Amount']) as CellError).message).toBe(
      'columns "Start" (B) and "Start Date" (C) both give the start date; keep one',
    );
    expect((mapHeaders(['Customer', 'Amount', 'Start', 'ARR']) as CellError).message).toBe(
      'columns "Amount" (B) and "ARR" (D) both give the amount; keep one',
    );
  });

  it('ignores duplicated unknown columns', () => {
    const m = mapped(['Customer', 'Notes', 'Start', 'Notes', 'Amount']);
    expect(m.ignored).toEqual(['Notes', 'Notes']);
    expect(m.index).toEqual({ customer: 0, start: 2, amount: 4 });
  });
});
