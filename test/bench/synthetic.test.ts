/**
 * Keeps the benchmark honest: the synthetic book is deterministic, the DuckDB SQL reproduces the
 * methodology's worked figures and a plain per-line computation, and RunRate agrees with it to the
 * cent on ARR, every bridge lane and NRR (from the columnar book and through the cell range).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrOn,
  bridge,
  buildModel,
  CellError,
  dayFromExcelSerial,
  dayFromYmd,
  defaultPolicy,
  excelSerialFromDay,
  parseContracts,
  retention,
  type ArrModel,
  type Day,
} from '../../src/index.js';
import { BRIDGE } from '../../src/functions/index.js';
import { diffArr, diffBridge, diffRetention, lanesOf, sheetBridgeLanes } from '../../bench/compare.js';
import { DuckDbReference, type RefBridge } from '../../bench/duckdb-reference.js';
import {
  CELL_HEADER,
  syntheticBook,
  toCells,
  toContractBook,
  type SyntheticBook,
} from '../../bench/synthetic.js';

const N = 2000;
const D0 = dayFromYmd(2024, 12, 31);
const D1 = dayFromYmd(2025, 12, 31);
/** Dates across the book's life, including ends of years and a leap day. */
const DAYS: Day[] = [
  dayFromYmd(2022, 6, 30),
  dayFromYmd(2023, 12, 31),
  dayFromYmd(2024, 2, 29),
  D0,
  dayFromYmd(2025, 6, 30),
  D1,
  dayFromYmd(2026, 12, 31),
];
const PERIODS: [Day, Day][] = [
  [D0, D1],
  [dayFromYmd(2023, 12, 31), dayFromYmd(2024, 12, 31)],
  [dayFromYmd(2023, 6, 30), dayFromYmd(2025, 6, 30)],
  [dayFromYmd(2025, 12, 31), dayFromYmd(2026, 12, 31)],
];

function unwrap<T>(x: T | CellError): T {
  if (x instanceof CellError) throw new Error(`${x.code} ${x.message}`);
  return x;
}

/** Per-customer ARR on a day, computed line by line (the definition, with no SQL and no model). */
function plainPerCustomer(book: SyntheticBook, day: Day): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < book.n; i++) {
    if (book.start[i] > day || book.end[i] < day) continue;
    const term = book.end[i] - book.start[i] + 1;
    const x = book.amountCents[i] * 365; // exact: well below 2^53
    const q = Math.floor(x / term);
    const cents = x - q * term >= term - (x - q * term) ? q + 1 : q; // half up (amounts are positive)
    out.set(book.customer[i], (out.get(book.customer[i]) ?? 0) + cents);
  }
  return out;
}

function plainBridge(book: SyntheticBook, d0: Day, d1: Day): RefBridge {
  const a = plainPerCustomer(book, d0);
  const b = plainPerCustomer(book, d1);
  const before = new Set<string>();
  for (let i = 0; i < book.n; i++) if (book.start[i] < d0) before.add(book.customer[i]);
  const r: RefBridge = {
    startCents: 0,
    newCents: 0,
    reactivationCents: 0,
    expansionCents: 0,
    contractionCents: 0,
    churnCents: 0,
    fxCents: 0,
    endCents: 0,
  };
  for (const c of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(c) ?? 0;
    const y = b.get(c) ?? 0;
    r.startCents += x;
    r.endCents += y;
    if (x === 0 && y > 0) {
      if (before.has(c)) r.reactivationCents += y;
      else r.newCents += y;
    } else if (x > 0 && y === 0) r.churnCents -= x;
    else if (y > x) r.expansionCents += y - x;
    else r.contractionCents += y - x;
  }
  return r;
}

describe('synthetic book', () => {
  it('is deterministic and has exactly N lines', () => {
    const a = syntheticBook(N);
    const b = syntheticBook(N);
    expect(a.n).toBe(N);
    expect(a.customer.length).toBe(N);
    expect(b).toEqual(a);
    expect(syntheticBook(N, 7).amountCents).not.toEqual(a.amountCents);
    // A prefix of a larger book is the smaller book: lines are generated in one stream.
    const big = syntheticBook(N * 2);
    expect(Array.from(big.start.subarray(0, N))).toEqual(Array.from(a.start));
  });

  it('looks like a SaaS book: ~10 lines per customer, annual terms, 2022-2026 starts, positive cents', () => {
    const book = syntheticBook(N);
    expect(N / book.customers).toBeGreaterThan(7);
    expect(N / book.customers).toBeLessThan(13);
    let annual = 0;
    for (let i = 0; i < N; i++) {
      expect(book.start[i]).toBeGreaterThanOrEqual(dayFromYmd(2022, 1, 1));
      expect(book.start[i]).toBeLessThanOrEqual(dayFromYmd(2026, 12, 31));
      expect(book.end[i]).toBeGreaterThanOrEqual(book.start[i]);
      expect(Number.isInteger(book.amountCents[i]) && book.amountCents[i] > 0).toBe(true);
      const days = book.end[i] - book.start[i] + 1;
      if (days === 365 || days === 366) annual++;
    }
    expect(annual / N).toBeGreaterThan(0.8);
    expect(annual).toBeLessThan(N); // add-ons and two-year terms exist too
  });

  it('comes out as a cell range with a header row, Excel serial dates and dollar amounts', () => {
    const book = syntheticBook(50);
    const cells = toCells(book);
    expect(cells.length).toBe(51);
    expect(cells[0]).toEqual(CELL_HEADER);
    for (let i = 0; i < book.n; i++) {
      const row = cells[i + 1];
      expect(row[0]).toBe(book.customer[i]);
      expect(dayFromExcelSerial(row[3] as number)).toBe(book.start[i]);
      expect(dayFromExcelSerial(row[4] as number)).toBe(book.end[i]);
      expect(Math.round((row[5] as number) * 100)).toBe(book.amountCents[i]);
    }
  });
});

describe('DuckDB reference', () => {
  it("reproduces the methodology's daily365 worked figures", async () => {
    const lines: [number, number, number, number, number, number, number][] = [
      [2023, 1, 1, 2023, 6, 30, 5_000_000],
      [2023, 7, 1, 2023, 12, 31, 5_000_000],
      [2024, 1, 1, 2024, 12, 31, 10_000_000],
      [2024, 1, 1, 2026, 12, 31, 37_500_000],
    ];
    const book: SyntheticBook = {
      n: lines.length,
      customers: lines.length,
      customer: lines.map((_, i) => `W${i}`),
      product: lines.map(() => 'P'),
      contract: lines.map((_, i) => `K${i}`),
      start: Int32Array.from(lines.map((l) => dayFromYmd(l[0], l[1], l[2]))),
      end: Int32Array.from(lines.map((l) => dayFromYmd(l[3], l[4], l[5]))),
      amountCents: Float64Array.from(lines.map((l) => l[6])),
    };
    const ref = await DuckDbReference.load(book);
    try {
      expect(await ref.arr(dayFromYmd(2023, 3, 31))).toBe(10_082_873); // 100,828.73
      expect(await ref.arr(dayFromYmd(2023, 9, 30))).toBe(9_918_478); // 99,184.78
      expect(await ref.arr(dayFromYmd(2025, 6, 30))).toBe(12_488_595); // 124,885.95
      expect(await ref.arr(dayFromYmd(2024, 6, 30))).toBe(9_972_678 + 12_488_595); // 99,726.78 + the above
    } finally {
      ref.close();
    }
  });

  describe(`on the ${N}-line synthetic book`, () => {
    const book = syntheticBook(N);
    let ref: DuckDbReference;
    let model: ArrModel;
    beforeAll(async () => {
      ref = await DuckDbReference.load(book);
      model = unwrap(buildModel(toContractBook(book), defaultPolicy()));
    });
    afterAll(() => ref?.close());

    it('holds every line', async () => {
      expect(await ref.count()).toBe(N);
    });

    it('agrees with a line-by-line computation on ARR and the bridge lanes', async () => {
      for (const day of DAYS) {
        const plain = plainPerCustomer(book, day);
        expect(await ref.arr(day)).toBe([...plain.values()].reduce((s, v) => s + v, 0));
        expect(await ref.customersOn(day)).toBe(plain.size);
      }
      for (const [d0, d1] of PERIODS) expect(await ref.bridge(d0, d1)).toEqual(plainBridge(book, d0, d1));
    });

    it('exercises every lane over 2025, and the bridge balances', async () => {
      const br = await ref.bridge(D0, D1);
      expect(br.newCents).toBeGreaterThan(0);
      expect(br.reactivationCents).toBeGreaterThan(0);
      expect(br.expansionCents).toBeGreaterThan(0);
      expect(br.contractionCents).toBeLessThan(0);
      expect(br.churnCents).toBeLessThan(0);
      const lanes =
        br.newCents + br.reactivationCents + br.expansionCents + br.contractionCents + br.churnCents;
      expect(br.startCents + lanes + br.fxCents).toBe(br.endCents);
    });

    it('RunRate agrees to the cent on ARR', async () => {
      for (const day of DAYS) {
        const got = unwrap(arrOn(model, day));
        expect(diffArr(got, await ref.arr(day), await ref.customersOn(day))).toEqual([]);
      }
    });

    it('RunRate agrees to the cent on every bridge lane', async () => {
      for (const [d0, d1] of PERIODS) {
        expect(diffBridge(lanesOf(unwrap(bridge(model, d0, d1))), await ref.bridge(d0, d1))).toEqual([]);
      }
    });

    it('RunRate agrees on NRR (cohort start ARR and retained ARR to the cent)', async () => {
      for (const [d0, d1] of PERIODS) {
        const want = await ref.retention(d0, d1);
        const got = unwrap(retention(model, d0, d1));
        expect(diffRetention(got, want)).toEqual([]);
        expect(got.nrr).toBe(want.nrr);
      }
    });

    it('the cell range path (parseContracts, BRIDGE) gives the same figures', async () => {
      const cells = toCells(book);
      const parsed = unwrap(buildModel(unwrap(parseContracts(cells, defaultPolicy())), defaultPolicy()));
      expect(unwrap(arrOn(parsed, D0)).arrCents).toBe(await ref.arr(D0));
      const sheet = sheetBridgeLanes(BRIDGE(cells, excelSerialFromDay(D0), excelSerialFromDay(D1)));
      expect(sheet).toEqual(await ref.bridge(D0, D1));
    });
  });
});
