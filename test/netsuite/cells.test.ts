import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromYmd } from '../../src/cells/days.js';
import {
  accountNumber,
  decodeExport,
  decodeUtf8Strict,
  decodeWindows1252,
  entityNumber,
  parseMoney,
  parseNsDate,
  parsePeriod,
} from '../../src/netsuite/index.js';

describe('money', () => {
  it.each([
    ['2399.28', 239928],
    ['-6343.80', -634380],
    ['12000', 1200000],
    ['0.5', 50],
    ['-0.00', 0],
    ['1,234.56', 123456],
    ['$1,234.56', 123456],
    ['($1,234.56)', -123456],
    ['-$1,234.56', -123456],
    ['$-1,234.56', -123456],
    ['(1,234.56)', -123456],
    [' $12,345,678.90 ', 1234567890],
    ['USD 1,234.56', 123456],
    ['US$5', 500],
    ['€99.99', 9999],
    ['1234.', 123400],
    ['.25', 25],
    ['\u00a0$7.00\u00a0', 700],
  ])('%j is %d cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it('blank is null', () => {
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('   ')).toBeNull();
  });

  it.each(['12,34,5', '1,23', '1.234,56', '12.345', 'abc', '--5', '(-5)', '$', '1 234.00', '5-'])(
    '%j is refused',
    (text) => {
      expect(typeof parseMoney(text)).toBe('string');
    },
  );

  it('says why 12,34,5 and 12.345 are refused', () => {
    expect(parseMoney('12,34,5')).toMatch(/comma must group thousands by three/);
    expect(parseMoney('12.345')).toMatch(/more than two decimals/);
  });

  it('every cents value written in each NetSuite form reads back (property)', () => {
    const group = (n: bigint): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (c) => {
        const cents = Number(c);
        const abs = c < 0n ? -c : c;
        const whole = abs / 100n;
        const frac = (abs % 100n).toString().padStart(2, '0');
        const plain = `${c < 0n ? '-' : ''}${whole}.${frac}`;
        const report = `$${group(whole)}.${frac}`;
        expect(parseMoney(plain)).toBe(cents === 0 ? 0 : cents);
        expect(parseMoney(c < 0n ? `(${report})` : report)).toBe(cents);
        expect(parseMoney(c < 0n ? `-${report}` : report)).toBe(cents);
      }),
      { numRuns: 500 },
    );
  });
});

describe('dates', () => {
  const D = dayFromYmd;
  it('reads each preference', () => {
    expect(parseNsDate('1/31/2025', 'M/D/YYYY')).toBe(D(2025, 1, 31));
    expect(parseNsDate('31/1/2025', 'D/M/YYYY')).toBe(D(2025, 1, 31));
    expect(parseNsDate('31-Jan-2025', 'D-Mon-YYYY')).toBe(D(2025, 1, 31));
    expect(parseNsDate('31-jan-2025', 'D-Mon-YYYY')).toBe(D(2025, 1, 31));
    expect(parseNsDate('31.01.2025', 'D.M.YYYY')).toBe(D(2025, 1, 31));
  });
  it('ignores a time of day and reads ISO under any preference', () => {
    expect(parseNsDate('1/31/2025 11:59 pm', 'M/D/YYYY')).toBe(D(2025, 1, 31));
    expect(parseNsDate('2025-01-31', 'D.M.YYYY')).toBe(D(2025, 1, 31));
  });
  it('refuses impossible dates and says why', () => {
    expect(parseNsDate('2/30/2024', 'M/D/YYYY')).toBe(
      'is not a date under netsuiteDateFormat M/D/YYYY (it has no day 30 in month 2)',
    );
    expect(parseNsDate('2/29/2024', 'M/D/YYYY')).toBe(D(2024, 2, 29));
    expect(parseNsDate('2/29/2025', 'M/D/YYYY')).toMatch(/no day 29/);
    expect(parseNsDate('31-Foo-2025', 'D-Mon-YYYY')).toMatch(/has no month "Foo"/);
    expect(parseNsDate('Jan 5, 2025', 'M/D/YYYY')).toBe('is not a date under netsuiteDateFormat M/D/YYYY');
  });
  it('never reads 1/2/2025 as another order than the setting says', () => {
    expect(parseNsDate('1/2/2025', 'M/D/YYYY')).toBe(D(2025, 1, 2));
    expect(parseNsDate('1/2/2025', 'D/M/YYYY')).toBe(D(2025, 2, 1));
  });
  it('posting periods', () => {
    expect(parsePeriod('Jul 2024')).toBe(2024 * 12 + 6);
    expect(parsePeriod('Sept 2024')).toBe(2024 * 12 + 8);
    expect(parsePeriod('Q3 2024')).toMatch(/not a posting period/);
    expect(parsePeriod('Adjust Dec 2024')).toMatch(/not a posting period/);
    expect(parsePeriod('')).toBeNull();
  });
});

describe('names and accounts', () => {
  it('entity numbers', () => {
    expect(entityNumber('C1004 Initech, LLC')).toBe('C1004');
    expect(entityNumber('CUST-00123 Acme')).toBe('CUST-00123');
    expect(entityNumber('1004 Initech')).toBe('1004');
    expect(entityNumber('C1000 Acme Holdings : C1001 Acme EMEA')).toBe('C1001');
    expect(entityNumber('Acme Holdings : Acme EMEA')).toBeNull();
    expect(entityNumber('3M Company')).toBeNull();
    expect(entityNumber('7-Eleven Inc')).toBeNull();
    expect(entityNumber('Initech')).toBeNull();
  });
  it('account numbers', () => {
    expect(accountNumber('4000 Subscription Revenue')).toBe('4000');
    expect(accountNumber('4000 - Subscription Revenue')).toBe('4000');
    expect(accountNumber('4000-01 Subscription Revenue')).toBe('4000-01');
    expect(accountNumber('Revenue : 4010 Subscriptions')).toBe('4010');
    expect(accountNumber('Subscription Revenue')).toBeNull();
  });
});

describe('decoding', () => {
  const text = 'Name\r\nMüller GmbH – “Société” €5 ‰ Œ ž Ÿ\r\n𝄞 emoji-free? 😀\r\n';
  const utf8 = new Uint8Array(Buffer.from(text, 'utf8'));

  it('the own UTF-8 decoder equals the platform one', () => {
    expect(decodeUtf8Strict(utf8)).toBe(text);
    expect(decodeExport(utf8, true)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeExport(utf8)).toEqual({ text, encoding: 'utf-8' });
  });

  it('refuses invalid UTF-8: lone continuation, overlong, surrogate, truncated', () => {
    for (const b of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf5, 0x80, 0x80, 0x80]]) {
      expect(decodeUtf8Strict(new Uint8Array(b))).toBeNull();
    }
  });

  it('Windows-1252: the 0x80-0x9F table and Latin-1 for the rest', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const own = decodeWindows1252(all);
    expect(own).toHaveLength(256);
    for (let i = 0; i < 256; i++) if (i < 0x80 || i > 0x9f) expect(own.charCodeAt(i)).toBe(i);
    const table: [number, string][] = [
      [0x80, '€'],
      [0x82, '‚'],
      [0x85, '…'],
      [0x8a, 'Š'],
      [0x8c, 'Œ'],
      [0x91, '‘'],
      [0x92, '’'],
      [0x93, '“'],
      [0x94, '”'],
      [0x95, '•'],
      [0x96, '–'],
      [0x97, '—'],
      [0x99, '™'],
      [0x9c, 'œ'],
      [0x9e, 'ž'],
      [0x9f, 'Ÿ'],
      // unassigned in the code page: kept as their C1 control
      [0x81, '\u0081'],
      [0x8d, '\u008d'],
      [0x8f, '\u008f'],
      [0x90, '\u0090'],
      [0x9d, '\u009d'],
    ];
    for (const [b, ch] of table) expect(own[b]).toBe(ch);
    expect(decodeWindows1252(new Uint8Array([0x80, 0x93, 0x94, 0x96, 0xe9]))).toBe('€“”–é');
  });

  it('bytes that are not UTF-8 are Windows-1252, with the own decoders too', () => {
    const cp = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x96, 0x20, 0x80]);
    expect(decodeExport(cp)).toEqual({ text: 'Müller – €', encoding: 'windows-1252' });
    expect(decodeExport(cp, true)).toEqual({ text: 'Müller – €', encoding: 'windows-1252' });
  });

  it('a BOM says UTF-8 and is not part of the text', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeExport(bom)).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeExport(bom, true)).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('any text round-trips through the own UTF-8 decoder (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (s) => {
        expect(decodeUtf8Strict(new Uint8Array(Buffer.from(s, 'utf8')))).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});
