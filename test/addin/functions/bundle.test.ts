/**
 * The =RR.* functions through their registered entry points: dist-style functions.js built by the
 * project's webpack config (the generated wrappers plus the metadata plugin's associate calls),
 * run in a fresh context with a CustomFunctions stub, and called the way Excel calls them: ranges
 * as 2-D arrays with dates as serial numbers, numbers as numbers, blank cells as 0 (Excel desktop)
 * or null (Excel on the web), omitted optional arguments as null.
 *
 * Figures:
 * - the CLI fixture book (test/fixtures/cli/contracts.csv), worked by hand in
 *   test/cli/commands.test.ts and test/snapshots/bridge.test.ts: ARR 149,328.73 on 2023-03-31 and
 *   202,434.78 on 2023-09-30; the bridge between them; NRR, GRR and the quick ratio;
 * - the example book (examples/), the scenario figures of examples/README.md (worked by the
 *   generator's own daily365 arithmetic): ARR 17,938,426.95 on 2025-12-31, Quarry Lane Robotics
 *   125,000.00 and Larkspur Aerospace 124,885.95 on 2025-06-30, and in the FY2025 bridge Bluefin
 *   Logistics churn -68,811.47, Ironbark Engineering contraction -33,000.00, Blauwhaven Maritime
 *   expansion +4,680.00 and fx +18,300.00.
 * Errors come back as CustomFunctions.Error with the core's row and column message. The functions
 * touch no network API.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import {
  buildFunctionsBundle,
  loadFunctionsBundle,
  StubCustomFunctionsError,
  type LoadedFunctions,
} from '../../../bench/addin-bundle.js';
import { callFunction, FUNCTIONS } from '../../../src/functions/registry.js';
import { FUNCTIONS_TS } from '../../../webpack.config.js';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
const csv = (file: string): string[][] =>
  Papa.parse<string[]>(readFileSync(path.join(ROOT, file), 'utf8').trim()).data;

/** Excel's serial number of a YYYY-MM-DD or M/D/YYYY date (days since 1899-12-30). */
function serial(text: string): number {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!m) throw new Error(`not a date: ${text}`);
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  return (Date.UTC(y, mo - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

type Blank = 0 | null;

/**
 * A CSV table as Excel hands a range to a custom function: date columns as serials, number
 * columns as numbers ("$50,000.00" is a number formatted as currency in Excel), blanks as `blank`.
 */
function excelRange(table: string[][], dates: string[], numbers: string[], blank: Blank): unknown[][] {
  const header = table[0];
  return [
    header.slice(),
    ...table.slice(1).map((row) =>
      row.map((cell, j) => {
        if (cell.trim() === '') return blank;
        if (dates.includes(header[j])) return serial(cell);
        if (numbers.includes(header[j])) return Number(cell.replace(/[$,]/g, ''));
        return cell;
      }),
    ),
  ];
}

const CLI_BOOK = csv('test/fixtures/cli/contracts.csv');
const cliRange = (blank: Blank) => {
  // a blank Parent column, so the blank convention reaches the reader
  const t = CLI_BOOK.map((r, i) => [...r, i === 0 ? 'Parent' : '']);
  return excelRange(t, ['Start Date', 'End Date'], ['Amount'], blank);
};

const EX_DATES = ['Start Date', 'End Date', 'Signed Date', 'Cancel Date', 'Notice Date', 'Date'];
const EX_NUMBERS = ['Amount', 'List Amount', 'Free Months', 'FX Rate', 'Rate'];
const example = (blank: Blank) => ({
  contracts: excelRange(csv('examples/contracts.csv'), EX_DATES, EX_NUMBERS, blank),
  // key/value: numbers typed into Excel are numbers (renewalGraceDays 30)
  policy: csv('examples/policy.csv').map(([k, v]) => [k, /^\d+$/.test(v) ? Number(v) : v]),
  rates: excelRange(csv('examples/fx-rates.csv'), EX_DATES, EX_NUMBERS, blank),
});

/** BRIDGE's table as lane -> amount. */
function lanes(t: unknown): Record<string, number> {
  expect(Array.isArray(t), JSON.stringify(t)).toBe(true);
  const rows = t as unknown[][];
  expect(rows[0]).toEqual(['Lane', 'Amount']);
  return Object.fromEntries(rows.slice(1).map((r) => [r[0], r[1]]));
}

function excelError(x: unknown): StubCustomFunctionsError {
  expect(x, JSON.stringify(x)).toBeInstanceOf(StubCustomFunctionsError);
  return x as StubCustomFunctionsError;
}

let outDir = '';
let fns: LoadedFunctions;
const call = (name: string, ...args: unknown[]): unknown => {
  const f = fns.associated.get(name);
  if (!f) throw new Error(`${name} is not associated`);
  return f(...args);
};

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'runrate-addin-'));
  const built = await buildFunctionsBundle(outDir);
  fns = loadFunctionsBundle(built.js);
});
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the built functions bundle', () => {
  it('associates one function per descriptor, by name', () => {
    expect([...fns.associated.keys()]).toEqual(FUNCTIONS.map((f) => f.name));
  });

  it('ships the functions.json the metadata generator makes of the wrappers', async () => {
    const built = readFileSync(path.join(outDir, 'functions.json'), 'utf8');
    const fresh = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
    expect(fresh.errors).toEqual([]);
    expect(JSON.parse(built)).toEqual(JSON.parse(fresh.metadataJson));
  });
});

describe.each([
  ['Excel desktop (blank cells as 0)', 0 as Blank],
  ['Excel on the web (blank cells as null)', null as Blank],
])('%s', (_label, blank) => {
  const book = cliRange(blank);
  const d0 = serial('2023-03-31');
  const d1 = serial('2023-09-30');

  it('ARR and MRR on serial dates, omitted optionals as null', () => {
    expect(call('ARR', book, d0, null, null, null)).toEqual([[149328.73]]);
    expect(call('ARR', book, d1, null, null, null)).toEqual([[202434.78]]);
    // MRR: 14,932,873 cents / 12 = 1,244,406.08 cents
    expect(call('MRR', book, d0, null, null, null)).toEqual([[12444.06]]);
  });

  it('a blank cell passed for an optional argument is the default', () => {
    // Excel desktop passes a blank single cell as 0 to an `any` argument, a range of one blank
    // cell as [[0]]; the web passes null / [[null]].
    expect(call('ARR', book, d0, [[blank]], [[blank]], blank)).toEqual([[149328.73]]);
    expect(lanes(call('BRIDGE', book, [[d0]], d1, [[blank]], [[blank]], blank)).End).toBe(202434.78);
  });

  it('ARR by segment spills a table', () => {
    const t = call('ARR', book, d1, null, null, 'segment') as unknown[][];
    expect(t[0]).toEqual(['Segment', 'ARR', 'Customers']);
    const rows = Object.fromEntries(t.slice(1).map((r) => [r[0], r.slice(1)]));
    expect(rows).toEqual({ Enterprise: [99184.78, 1], Mid: [73000, 2], SMB: [30250, 1] });
  });

  it('the policy is a range argument: annualization monthly12', () => {
    // Acme 50,000 x 12 / 6 = 100,000; Beta 12,000; Delta 18,100 x 12 / 6 = 36,200.
    const policy = [
      ['Key', 'Value'],
      ['annualization', 'monthly12'],
    ];
    expect(call('ARR', book, d0, policy, null, null)).toEqual([[148200]]);
  });

  it('BRIDGE: the hand-worked lanes; the from date as a 1x1 range (its matrix argument)', () => {
    const want = {
      Start: 149328.73,
      New: 36500,
      Reactivation: 36500,
      Expansion: 18250,
      Contraction: -1643.95,
      Churn: -36500,
      FX: 0,
      End: 202434.78,
    };
    expect(lanes(call('BRIDGE', book, [[d0]], d1, null, null, null))).toEqual(want);
    expect(lanes(call('BRIDGE', book, d0, d1, null, null, false))).toEqual(want);
  });

  it('BRIDGE with detail TRUE: blanks come back as "" (a returned null would show as 0)', () => {
    expect(call('BRIDGE', book, [[d0]], d1, null, null, true)).toEqual([
      ['Customer', 'Product', 'Lane', 'Start ARR', 'End ARR', 'Amount', 'Contracts'],
      ['Gamma', '', 'New', 0, 36500, 36500, 'C4'],
      ['Echo', '', 'Reactivation', 0, 36500, 36500, 'C8'],
      ['Beta', '', 'Expansion', 12000, 30250, 18250, 'C3, C5'],
      ['Acme', '', 'Contraction', 100828.73, 99184.78, -1643.95, 'C1, C2'],
      ['Delta', '', 'Churn', 36500, 0, -36500, 'C6'],
    ]);
  });

  it('NRR, GRR and the quick ratio are numbers', () => {
    expect(call('NRR', book, [[d0]], d1, null, null)).toBeCloseTo(129434.78 / 149328.73, 12);
    expect(call('GRR', book, [[d0]], d1, null, null)).toBeCloseTo(111184.78 / 149328.73, 12);
    expect(call('QUICKRATIO', book, [[d0]], d1, null, null)).toBeCloseTo(91250 / 38143.95, 12);
  });

  it('BRIDGE from two SNAPSHOT ranges, the to date left blank', () => {
    const a = call('SNAPSHOT', book, d0, null, null);
    const b = call('SNAPSHOT', book, d1, null, null);
    expect(Array.isArray(a) && Array.isArray(b), JSON.stringify(a).slice(0, 300)).toBe(true);
    expect(lanes(call('BRIDGE', a, b, blank, null, null, null))).toMatchObject({
      Start: 149328.73,
      Contraction: -1643.95,
      End: 202434.78,
    });
  });

  it('the example book: total ARR and the scenario customers', () => {
    const ex = example(blank);
    expect(call('ARR', ex.contracts, serial('2025-12-31'), ex.policy, ex.rates, null)).toEqual([
      [17938426.95],
    ]);
    const byCustomer = call('ARR', ex.contracts, serial('2025-06-30'), ex.policy, ex.rates, 'customer');
    const arr = new Map((byCustomer as unknown[][]).slice(1).map((r) => [r[0], r[1]]));
    expect(arr.get('Quarry Lane Robotics')).toBe(125000);
    expect(arr.get('Larkspur Aerospace')).toBe(124885.95);
  });

  it('the example book: FY2025 bridge detail rows of the scenarios', () => {
    const ex = example(blank);
    const t = call(
      'BRIDGE',
      ex.contracts,
      [[serial('2024-12-31')]],
      serial('2025-12-31'),
      ex.policy,
      ex.rates,
      true,
    ) as unknown[][];
    const amount = (customer: string, lane: string) =>
      t.filter((r) => r[0] === customer && r[2] === lane).map((r) => r[5]);
    expect(amount('Bluefin Logistics', 'Churn')).toEqual([-68811.47]);
    expect(amount('Ironbark Engineering', 'Contraction')).toEqual([-33000]);
    expect(amount('Blauwhaven Maritime', 'Expansion')).toEqual([4680]);
    expect(amount('Blauwhaven Maritime', 'FX')).toEqual([18300]);
  });

  it('gives the same tables as the core on the same book written as text', () => {
    const ex = example(blank);
    const text = { contracts: csv('examples/contracts.csv'), policy: csv('examples/policy.csv') };
    const rates = csv('examples/fx-rates.csv');
    const core = callFunction('BRIDGE', [
      text.contracts,
      '2025-06-30',
      '2025-09-30',
      text.policy,
      rates,
      true,
    ]);
    const viaExcel = call(
      'BRIDGE',
      ex.contracts,
      [[serial('2025-06-30')]],
      serial('2025-09-30'),
      ex.policy,
      ex.rates,
      true,
    );
    expect(Array.isArray(core)).toBe(true);
    expect(viaExcel).toEqual((core as unknown[][]).map((r) => r.map((v) => (v === null ? '' : v))));
  });

  it('a bad cell is #VALUE! with the row and column in the message', () => {
    const bad = book.map((r) => r.slice());
    bad[4][5] = 'abc'; // sheet row 5 (header = row 1), Amount
    const e = excelError(call('ARR', bad, d0, null, null, null));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/row 5\b/);
    expect(e.message).toContain('Amount');
    expect(e.message).toContain('abc');
    // a serial in the fictitious 1900-02-29 is refused, naming row and column
    const leap = book.map((r) => r.slice());
    leap[2][3] = 60;
    const e2 = excelError(call('BRIDGE', leap, [[d0]], d1, null, null, null));
    expect(e2.code).toBe('#VALUE!');
    expect(e2.message).toMatch(/row 3\b/);
    expect(e2.message).toContain('Start Date');
  });

  it('a missing rate is #N/A with its message; nothing to divide is #VALUE! naming #DIV/0!', () => {
    const eur = [
      ['Customer', 'Start', 'End', 'Amount', 'Currency'],
      ['Acme', serial('2025-01-01'), serial('2025-12-31'), 1000, 'EUR'],
    ];
    const policy = [
      ['Key', 'Value'],
      ['fx', 'spot'],
    ];
    const rates = [
      ['Currency', 'Date', 'Rate'],
      ['EUR', serial('2025-07-01'), 1.1],
    ];
    const na = excelError(call('ARR', eur, serial('2025-06-30'), policy, rates, null));
    expect(na.code).toBe('#N/A');
    expect(na.message).toContain('EUR');
    expect(na.message).toContain('2025-06-30');
    // no customer has ARR before the book starts
    const div = excelError(call('NRR', book, [[serial('2021-01-31')]], serial('2021-06-30'), null, null));
    expect(div.code).toBe('#VALUE!');
    expect(div.message).toMatch(/^#DIV\/0! NRR: /);
  });

  it('a missing required argument is #VALUE! naming the arguments', () => {
    const e = excelError(call('ARR', book, null, null, null, null));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/asOf/);
  });
});

describe("in this process's global scope (how the bench runs it)", () => {
  it('gives the same lanes, and puts the globals back afterwards', () => {
    const g = globalThis as Record<string, unknown>;
    const fetchBefore = g.fetch;
    expect(g.CustomFunctions).toBeUndefined();
    const here = loadFunctionsBundle(path.join(outDir, 'functions.js'), 'here');
    try {
      expect(g.CustomFunctions).toBeDefined();
      const bridge = here.associated.get('BRIDGE')!;
      const book = cliRange(0);
      expect(lanes(bridge(book, [[serial('2023-03-31')]], serial('2023-09-30'), null, null, null))).toEqual(
        lanes(call('BRIDGE', book, [[serial('2023-03-31')]], serial('2023-09-30'), null, null, null)),
      );
      expect(here.network).toEqual([]);
    } finally {
      here.dispose();
    }
    expect(g.CustomFunctions).toBeUndefined();
    expect(g.fetch).toBe(fetchBefore);
  });
});

describe('no network', () => {
  it('no function touched fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon or importScripts', () => {
    // every function once more, on the example book, so the whole bundle has run
    const ex = example(0);
    const d0 = [[serial('2024-12-31')]];
    const d1 = serial('2025-12-31');
    for (const spec of FUNCTIONS) {
      const args = spec.args.map((a) => {
        if (a.name === 'contracts') return ex.contracts;
        if (a.name === 'policy') return ex.policy;
        if (a.name === 'rates') return ex.rates;
        if (a.name === 'from') return a.type === 'range' ? d0 : serial('2024-12-31');
        if (a.type === 'date') return d1;
        if (a.name === 'customer') return 'Bluefin Logistics';
        return null;
      });
      const r = call(spec.name, ...args);
      expect(r, spec.name).toBeDefined();
    }
    expect(fns.network).toEqual([]);
  });

  it('the recorders do record (a use would be caught)', async () => {
    const probe = loadFunctionsBundle(path.join(outDir, 'functions.js'));
    const vm = await import('node:vm');
    expect(() =>
      vm.runInContext('new XMLHttpRequest().open("GET", "https://example.com/")', probe.context),
    ).toThrow(/refused/);
    await expect(vm.runInContext('fetch("https://example.com/x")', probe.context)).rejects.toThrow(/refused/);
    expect(probe.network.map((n) => n.api)).toEqual(['XMLHttpRequest.open', 'fetch']);
  });
});
