/**
 * The built Apps Script project (dist/gas) loaded into a vm context as Apps Script loads it, its
 * custom functions called with Sheets-shaped arguments: ranges as 2-D arrays, blanks "", date cells
 * as Date objects at midnight of the date IN THE SPREADSHEET's zone, which differs from the
 * process's (the script's) zone. Hand-worked figures of the core's methodology tests, dates that
 * never shift, errors with the core's message, and every function on the example book giving the
 * core's own figures.
 *
 * The spreadsheet zones tried are those of ZONES whose offset differs from the process's (or
 * RR_SHEET_TZ, comma-separated); functions-tz.test.ts reruns this file under several TZ values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFunction } from '../../src/functions/index.js';
import { CellError } from '../../src/cells/error.js';
import { contracts, lanes, policy } from '../methodology/book.js';
import { LANES_BOOK, RETENTION_BOOK } from '../methodology/worked-books.js';
import { ensureGasBuilt, loadGas, zonedMidnight, type GasRuntime } from './support/load-gas.js';
import { coreShape, exampleBook, readCsv, shape, sheetsView } from './support/sheets-shape.js';

export const ZONES = ['Pacific/Auckland', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'];
const PROCESS_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Minutes east of UTC of a zone on 2025-01-01 (the process's: from its own Date). */
const offsetMinutes = (zone: string): number =>
  (Date.UTC(2025, 0, 1) - zonedMidnight(2025, 1, 1, zone)) / 60_000;
const processOffset = -new Date(2025, 0, 1).getTimezoneOffset();
const SHEET_ZONES = (process.env.RR_SHEET_TZ?.split(',') ?? ZONES).filter(
  (z) => offsetMinutes(z) !== processOffset,
);

beforeAll(() => {
  ensureGasBuilt();
});

it('tries at least one spreadsheet zone that differs from the process zone', () => {
  expect(SHEET_ZONES.length).toBeGreaterThan(0);
});

const M12 = (kv: Record<string, string | number> = {}) => policy({ annualization: 'monthly12', ...kv });

describe.each(SHEET_ZONES)(`spreadsheet zone %s (process zone ${PROCESS_ZONE})`, (zone) => {
  let gas: GasRuntime;
  /** A date cell as Sheets passes it: midnight of the date in the spreadsheet's zone. */
  const D = (ymd: string): Date => {
    const [y, m, d] = ymd.split('-').map(Number);
    return gas.sheetDate(y, m, d);
  };
  /** A range as Sheets passes it: every YYYY-MM-DD text a date cell, blanks "". */
  const sheet = (t: readonly (readonly unknown[])[]): unknown[][] =>
    shape(t, (y, m, d) => gas.sheetDate(y, m, d), '');
  const num = (x: unknown): number => {
    expect(typeof x, JSON.stringify(x)).toBe('number');
    return x as number;
  };
  const thrown = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return (e as Error).message;
    }
    return expect.fail('expected an error');
  };

  beforeAll(() => {
    gas = loadGas({ spreadsheetTimeZone: zone });
  });
  afterAll(() => {
    // No custom function reached for the network.
    expect(gas.network).toEqual([]);
  });

  it('a date cell is midnight in the spreadsheet zone, not in the process zone', () => {
    const t = D('2025-01-01').getTime();
    expect(t).toBe(zonedMidnight(2025, 1, 1, zone));
    expect(t).not.toBe(new Date(2025, 0, 1).getTime());
  });

  describe('dates never shift: Date cells against text anchors', () => {
    // 36,500 over 2025-01-01..2025-12-31 (365 days), daily365: ARR = 36,500 x 365 / 365 = 36,500
    // from its first day through its last, 0 the day before and the day after.
    const days: [string, number][] = [
      ['2024-12-31', 0],
      ['2025-01-01', 36500],
      ['2025-12-31', 36500],
      ['2026-01-01', 0],
    ];
    const line = { Customer: 'Acme', Amount: 36500 };

    it('contract dates as Date cells, the as-of date as text', () => {
      const c = contracts([{ ...line, Start: D('2025-01-01'), End: D('2025-12-31') }]);
      for (const [asOf, want] of days) expect(gas.call('ARR', c, asOf), asOf).toBe(want);
    });

    it('contract dates as text, the as-of date as a Date cell', () => {
      const c = contracts([{ ...line, Start: '2025-01-01', End: '2025-12-31' }]);
      for (const [asOf, want] of days) expect(gas.call('ARR', c, D(asOf)), asOf).toBe(want);
    });

    it('contract dates as Excel-style serials (a date cell formatted as a number), the as-of date a Date cell', () => {
      // 2025-01-01 is serial 45658; 2025-12-31 is 45658 + 364 = 46022.
      const c = contracts([{ ...line, Start: 45658, End: 46022 }]);
      for (const [asOf, want] of days) expect(gas.call('ARR', c, D(asOf)), asOf).toBe(want);
    });

    it('a date-time cell (23:59 in the spreadsheet zone) is still its date', () => {
      const late = (ymd: string) => gas.instant(D(ymd).getTime() + (23 * 60 + 59) * 60_000);
      const c = contracts([{ ...line, Start: late('2025-01-01'), End: late('2025-12-31') }]);
      for (const [asOf, want] of days) expect(gas.call('ARR', c, late(asOf)), asOf).toBe(want);
    });

    it('the zone is asked for once per call and each distinct date formatted once', () => {
      const c = contracts([
        { ...line, Start: D('2025-01-01'), End: D('2025-12-31') },
        { ...line, Customer: 'Beta', Start: D('2025-01-01'), End: D('2025-12-31') },
      ]);
      const before = { ...gas.calls };
      expect(gas.call('ARR', c, D('2025-06-30'))).toBe(73000);
      expect(gas.calls.getSpreadsheetTimeZone - before.getSpreadsheetTimeZone).toBe(1);
      expect(gas.calls.formatDate - before.formatDate).toBe(3);
      // No Date at all: no service call.
      const text = contracts([{ ...line, Start: '2025-01-01', End: '2025-12-31' }]);
      const mid = { ...gas.calls };
      expect(gas.call('ARR', text, '2025-06-30')).toBe(36500);
      expect(gas.calls).toEqual(mid);
    });
  });

  describe('hand-worked figures (methodology tests), every date a Date cell', () => {
    it('ARR of one line: daily365 and monthly12', () => {
      // 2023-01-01..2023-06-30 is 181 days: 50,000 x 365 / 181 = 100,828.73; monthly12: 6 months,
      // 50,000 x 12 / 6 = 100,000. 2024 (366 days): 100,000 x 365 / 366 = 99,726.78.
      const h1 = sheet(
        contracts([{ Customer: 'Acme', Start: '2023-01-01', End: '2023-06-30', Amount: 50000 }]),
      );
      for (const d of ['2023-01-01', '2023-04-15', '2023-06-30']) {
        expect(gas.call('ARR', h1, D(d))).toBe(100828.73);
        expect(gas.call('ARR', h1, D(d), sheet(M12()))).toBe(100000);
      }
      expect(gas.call('ARR', h1, D('2023-07-01'))).toBe(0);
      const leap = sheet(
        contracts([{ Customer: 'Acme', Start: '2024-01-01', End: '2024-12-31', Amount: 100000 }]),
      );
      expect(gas.call('ARR', leap, D('2024-02-29'))).toBe(99726.78);
      // MRR = ARR / 12: 100,000 / 12 = 8,333.33 (monthly12).
      expect(gas.call('MRR', h1, D('2023-03-01'), sheet(M12()))).toBe(8333.33);
    });

    // The bridge book of the methodology tests, d0 = 2024-12-31, d1 = 2025-06-30, monthly12.
    const bridgeBook = LANES_BOOK;

    it('BRIDGE lanes: start 350,000 + new 60,000 + reactivation 48,000 + expansion 20,000 - 30,000 - 120,000 = 328,000', () => {
      const t = gas.call(
        'BRIDGE',
        sheet(contracts(bridgeBook)),
        D('2024-12-31'),
        D('2025-06-30'),
        sheet(M12()),
      );
      expect(lanes(t)).toEqual({
        Start: 350000,
        New: 60000,
        Reactivation: 48000,
        Expansion: 20000,
        Contraction: -30000,
        Churn: -120000,
        FX: 0,
        End: 328000,
      });
    });

    // The retention book of the methodology tests, d0 = 2024-12-31, d1 = 2025-12-31.
    const retentionBook = RETENTION_BOOK;

    it('GRR 185,000 / 225,000, NRR 205,000 / 225,000, logo retention 4 / 5, quick ratio 95,000 / 40,000', () => {
      const args = [sheet(contracts(retentionBook)), D('2024-12-31'), D('2025-12-31'), sheet(M12())];
      expect(num(gas.call('GRR', ...args))).toBeCloseTo(185000 / 225000, 12);
      expect(num(gas.call('NRR', ...args))).toBeCloseTo(205000 / 225000, 12);
      expect(num(gas.call('LOGORETENTION', ...args))).toBeCloseTo(0.8, 12);
      expect(num(gas.call('QUICKRATIO', ...args))).toBeCloseTo(2.375, 12);
    });
  });

  describe('arguments and errors', () => {
    const c = () =>
      sheet(contracts([{ Customer: 'Acme', Start: '2025-01-01', End: '2025-12-31', Amount: 36500 }]));

    it('omitted trailing arguments and empty cells ("") for optional ones are the defaults', () => {
      expect(gas.call('ARR', c(), D('2025-06-30'))).toBe(36500);
      expect(gas.call('ARR', c(), D('2025-06-30'), '', '', '')).toBe(36500);
      expect(gas.call('ARR', c(), D('2025-06-30'), [['']], [['']], [['']])).toBe(36500);
    });

    it('a table comes back as a 2-D array, blanks as ""', () => {
      const t = gas.call('ARR', c(), D('2025-06-30'), '', '', 'customer');
      expect(t).toEqual([
        ['Customer', 'ARR', 'Customers'],
        ['Acme', 36500, 1],
      ]);
      const policyTable = gas.call('POLICY') as unknown[][];
      expect(policyTable.every((r) => r.every((v) => v !== null && v !== undefined))).toBe(true);
    });

    it("an error is thrown with the core's message, naming the row and column", () => {
      const text = contracts([
        { Customer: 'Acme', Start: '2025-01-01', End: '2025-12-31', Amount: 36500 },
        { Customer: 'Beta', Start: '2025-01-01', End: '2025-13-01', Amount: 100 },
      ]);
      const bad = sheet(text);
      const core = callFunction('ARR', [coreShape(text), '2025-06-30']);
      expect(core).toBeInstanceOf(CellError);
      const message = thrown(() => gas.call('ARR', bad, D('2025-06-30')));
      expect(message).toBe((core as CellError).message);
      expect(message).toMatch(/row 3, End/);
    });

    it('a missing required argument names the arguments', () => {
      expect(thrown(() => gas.call('ARR', c()))).toBe(
        'ARR needs 2 arguments: contracts, asOf, [policy], [rates], [by]',
      );
      expect(thrown(() => gas.call('ARR', c(), ''))).toMatch(/^asOf: a date is required/);
    });
  });

  describe("every function on the example book gives the core's figures", () => {
    const book = exampleBook();
    const firstCustomer = book.contracts[1][0];
    const deals = [
      ['Customer', 'Deal Date', 'Type', 'ARR', 'Services', 'Term (Months)'],
      ['Acme', '2025-01-15', 'new', '120000', '5000', '12'],
      ['Acme', '2025-07-01', 'expansion', '30000', '', '12'],
      ['Beta', '2025-03-01', 'new', '48000', '', '24'],
      ['Acme', '2026-01-15', 'renewal', '150000', '', '12'],
    ];
    const netsuite = readCsv('examples/netsuite/transactions.csv');
    const mapping = readCsv('examples/netsuite/mapping.csv');

    /** How a host shapes a text table and a date. */
    interface Host {
      t(x: string[][]): unknown;
      d(ymd: string): unknown;
    }
    const coreHost: Host = { t: coreShape, d: (s) => s };
    const sheetsHost = (): Host => ({ t: sheet, d: D });

    const calls: [string, string, (h: Host) => unknown[]][] = [];
    const add = (name: string, label: string, args: (h: Host) => unknown[]) =>
      calls.push([name, label, args]);
    const base = (h: Host) => [h.t(book.contracts)];
    const pr = (h: Host) => [h.t(book.policy), h.t(book.rates)];
    for (const f of ['ARR', 'MRR', 'CARR']) {
      add(f, 'on 2025-12-31', (h) => [...base(h), h.d('2025-12-31'), ...pr(h)]);
      add(f, 'by segment on 2025-06-30', (h) => [...base(h), h.d('2025-06-30'), ...pr(h), 'segment']);
    }
    const period = (h: Host) => [...base(h), h.d('2024-12-31'), h.d('2025-12-31'), ...pr(h)];
    for (const f of ['BRIDGE', 'NRR', 'GRR', 'LOGORETENTION', 'QUICKRATIO', 'NDRBANDS'])
      add(f, 'FY2025', period);
    add('BRIDGE', 'FY2025 with detail', (h) => [...period(h), true]);
    add('COHORT', '2023..2025 by quarter', (h) => [
      ...base(h),
      h.d('2023-01-01'),
      h.d('2025-12-31'),
      ...pr(h),
    ]);
    add('COHORT', '2025 by month, gross', (h) => [
      ...base(h),
      h.d('2025-01-01'),
      h.d('2025-12-31'),
      ...pr(h),
      'month',
      'gross',
    ]);
    add('POLICY', 'the example policy', (h) => [h.t(book.policy)]);
    add('POLICY', 'the defaults', () => []);
    add('DEALFIELDS', 'four deals', (h) => [h.t(deals)]);
    add('EXPLAIN', firstCustomer, (h) => [...base(h), firstCustomer, h.d('2022-06-30'), ...pr(h)]);
    add('REVENUE', 'FY2025', (h) => [...base(h), h.d('2025-01-01'), h.d('2025-12-31'), ...pr(h)]);
    add('SCHEDULE', 'H1 2025 by customer', (h) => [
      ...base(h),
      h.d('2025-01-01'),
      h.d('2025-06-30'),
      h.t(book.policy),
      'customer',
      h.t(book.rates),
    ]);
    add('CHECK', 'as of 2025-12-31', (h) => [...base(h), h.d('2025-12-31'), ...pr(h)]);
    add('CHECK', 'no as-of date', (h) => [...base(h), '', ...pr(h)]);
    const recon = (h: Host) => [
      ...base(h),
      h.t(netsuite),
      h.d('2025-01-01'),
      h.d('2025-12-31'),
      h.t(book.policy),
      h.t(mapping),
      h.t(book.rates),
    ];
    add('RECONCILE', 'FY2025 revenue', recon);
    add('RECONCILE', 'FY2025 arr', (h) => [...recon(h), 'arr']);
    add('RECONCILE', 'FY2025 deferred', (h) => [...recon(h), 'deferred']);
    add('RECONWALK', 'FY2025', recon);
    add('SNAPSHOT', 'on 2024-12-31', (h) => [...base(h), h.d('2024-12-31'), ...pr(h)]);

    it.each(calls)('%s (%s)', (name, _label, args) => {
      const core = callFunction(name, args(coreHost));
      if (core instanceof CellError) {
        expect(thrown(() => gas.call(name, ...args(sheetsHost())))).toBe(core.message);
        return expect.fail(`the example book should compute ${name}: ${core.message}`);
      }
      const got = gas.call(name, ...args(sheetsHost()));
      expect(sheetsView(got)).toEqual(sheetsView(core));
    });

    it('snapshots: SNAPSHOT, RESTATEMENT, and BRIDGE, NRR and NDRBANDS between two snapshots', () => {
      const snap = (h: Host, d: string, via: (n: string, a: unknown[]) => unknown) =>
        via('SNAPSHOT', [...base(h), h.d(d), ...pr(h)]);
      const coreCall = (n: string, a: unknown[]) => {
        const r = callFunction(n, a);
        if (r instanceof CellError) return expect.fail(`${n}: ${r.message}`);
        return r;
      };
      const gasCall = (n: string, a: unknown[]) => gas.call(n, ...a);
      const c0 = snap(coreHost, '2024-12-31', coreCall);
      const c1 = snap(coreHost, '2025-12-31', coreCall);
      const s0 = snap(sheetsHost(), '2024-12-31', gasCall);
      const s1 = snap(sheetsHost(), '2025-12-31', gasCall);
      expect(sheetsView(s0)).toEqual(sheetsView(c0));
      expect(sheetsView(s1)).toEqual(sheetsView(c1));
      // The snapshot ranges come back into the sheet as values (Sheets hands them over as written).
      for (const f of ['BRIDGE', 'NRR', 'NDRBANDS'])
        expect(sheetsView(gas.call(f, s0, s1)), f).toEqual(sheetsView(coreCall(f, [c0, c1])));
      expect(sheetsView(gas.call('RESTATEMENT', sheet(book.contracts), s0, ...pr(sheetsHost())))).toEqual(
        sheetsView(coreCall('RESTATEMENT', [coreShape(book.contracts), c0, ...pr(coreHost)])),
      );
      // A snapshot pasted as values where the sheet turned its YYYY-MM-DD texts into date cells
      // reads the same.
      const asDates = (t: unknown) =>
        (t as unknown[][]).map((r) =>
          r.map((v) => {
            const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
            return m ? gas.sheetDate(+m[1], +m[2], +m[3]) : v;
          }),
        );
      const d0 = asDates(s0);
      expect(d0.flat().some((v) => Object.prototype.toString.call(v) === '[object Date]')).toBe(true);
      expect(sheetsView(gas.call('BRIDGE', d0, asDates(s1)))).toEqual(
        sheetsView(coreCall('BRIDGE', [c0, c1])),
      );
    });

    it('a whole-column range (trailing blank rows of "") gives the same figures', () => {
      const rows = sheet(book.contracts);
      const width = rows[0].length;
      const padded = [...rows, ...Array.from({ length: 500 }, () => Array.from({ length: width }, () => ''))];
      const args = (c: unknown) => [c, D('2024-12-31'), D('2025-12-31'), ...pr(sheetsHost())];
      expect(gas.call('BRIDGE', ...args(padded))).toEqual(gas.call('BRIDGE', ...args(rows)));
      expect(gas.call('ARR', padded, D('2025-06-30'))).toBe(gas.call('ARR', rows, D('2025-06-30')));
    });

    it('covers every custom function of the build', () => {
      const covered = new Set([...calls.map((c) => c[0]), 'RESTATEMENT']);
      const all = (gas.context.RunRate as { FUNCTIONS: { name: string }[] }).FUNCTIONS.map((f) => f.name);
      expect(all.filter((n) => !covered.has(n))).toEqual([]);
    });
  });
});
