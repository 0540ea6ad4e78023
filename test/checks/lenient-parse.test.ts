/** parseContractsLenient: every problem listed with its kind, the good lines kept, the strict parser unchanged. */
import { describe, expect, it } from 'vitest';
import { CellError, defaultPolicy, parseContracts, parseContractsLenient } from '../../src/index.js';
import { table } from './helpers.js';

const policy = defaultPolicy();

describe('parseContractsLenient', () => {
  const t = table(
    {},
    { amount: 'abc' },
    { customer: 'Beta' },
    { end: '' },
    { start: '2025-02-01', end: '2025-01-31' },
    { cancel: '2024-12-01' },
    { customer: '' },
  );

  it('keeps the lines without a problem and lists every problem with its kind', () => {
    const r = parseContractsLenient(t, policy);
    if (r instanceof CellError) throw new Error(r.message);
    expect(Array.from(r.book.row)).toEqual([2, 4]);
    expect(r.book.customer).toEqual(['Acme', 'Beta']);
    expect(r.issues.map((i) => [i.row, i.kind, i.column])).toEqual([
      [3, 'cell', 'Amount'],
      [5, 'missing-end', 'End Date'],
      [6, 'end-before-start', 'End Date'],
      [7, 'cancel-before-start', 'Cancel Date'],
      [8, 'cell', 'Customer'],
    ]);
  });

  it('gives the messages the strict parser lists', () => {
    const r = parseContractsLenient(t, policy);
    const strict = parseContracts(t, policy);
    if (r instanceof CellError || !(strict instanceof CellError)) throw new Error('unexpected');
    expect(strict.message).toBe(
      `5 errors in the contracts range:\n${r.issues.map((i) => i.message).join('\n')}`,
    );
    expect(r.issues[0].message).toContain('row 3, Amount: "abc"');
    expect(r.issues[4].message).toBe('row 8, Customer: blank; every line needs a customer');
  });

  it('lists every problem, not only the first 20, while the strict parser still shows 20', () => {
    const many = table(...Array.from({ length: 25 }, () => ({ amount: 'x' })));
    const r = parseContractsLenient(many, policy);
    if (r instanceof CellError) throw new Error(r.message);
    expect(r.issues).toHaveLength(25);
    expect(r.book.n).toBe(0);
    const strict = parseContracts(many, policy);
    expect(
      strict instanceof CellError &&
        strict.message.startsWith('25 errors in the contracts range (first 20 shown)'),
    ).toBe(true);
  });

  it('returns a CellError only for the range as a whole', () => {
    expect(parseContractsLenient([], policy)).toBeInstanceOf(CellError);
    expect(parseContractsLenient([['Customer', 'Start', 'End', 'Amount']], policy)).toBeInstanceOf(CellError);
    expect(
      parseContractsLenient(
        [
          ['Customer', 'Start'],
          ['Acme', '2025-01-01'],
        ],
        policy,
      ),
    ).toBeInstanceOf(CellError);
  });

  it('reads a clean range exactly as parseContracts does', () => {
    const clean = table({}, { customer: 'Beta', currency: 'EUR', fx: '1.1', status: 'active' });
    const r = parseContractsLenient(clean, policy);
    const strict = parseContracts(clean, policy);
    if (r instanceof CellError) throw new Error(r.message);
    expect(r.issues).toEqual([]);
    expect(r.book).toEqual(strict);
  });
});
