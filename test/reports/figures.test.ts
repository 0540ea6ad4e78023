/**
 * Every figure of the example pack equals the core's own figure, computed here independently from
 * the ranges with the core's functions (arrOn, bridge, retention, cohorts, revenueSchedule,
 * checkContracts, policyDocument), never copied from the pack's output.
 */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayFromYmd,
  endOfMonth,
  formatQuarter,
  startOfMonth,
  startOfQuarter,
  type Day,
} from '../../src/cells/days.js';
import { arrOn } from '../../src/arr/arr-on.js';
import { buildModel } from '../../src/arr/model.js';
import { bridge, LANES, type BridgeResult } from '../../src/bridge/bridge.js';
import { retention } from '../../src/retention/retention.js';
import { cohorts } from '../../src/retention/cohorts.js';
import { compileRevenue } from '../../src/revenue/lines.js';
import { revenueSchedule } from '../../src/revenue/schedule.js';
import { checkContracts } from '../../src/checks/check.js';
import { policyDocument } from '../../src/policy/document.js';
import { policyTable } from '../../src/policy/parse.js';
import { linesThatMatter } from '../../src/reports/revenue-sheet.js';
import {
  AS_OF,
  cellAt,
  core,
  exampleInput,
  figure,
  ok,
  pack,
  rowFigures,
  rowOf,
  sheet,
  tableBody,
  textOf,
} from './helpers.js';

const input = exampleInput();
const book = pack(input);
const { model, policy, rates } = core(input);

// The periods, by hand: a month end maps to a month end.
const Q0 = dayFromYmd(2025, 9, 30);
const Y0 = dayFromYmd(2024, 12, 31);
const monthEnd = (y: number, m: number): Day => endOfMonth(dayFromYmd(y, m, 1));

const arr = (d: Day) => ok(arrOn(model, d));
const quarter = ok(bridge(model, Q0, AS_OF));
const year = ok(bridge(model, Y0, AS_OF));
const t12 = ok(retention(model, Y0, AS_OF));
const lanes = (b: BridgeResult) => [
  b.newCents,
  b.reactivationCents,
  b.expansionCents,
  b.contractionCents,
  b.churnCents,
  b.fxCents,
];

describe('Summary', () => {
  const s = sheet(book, 'Summary');
  const value = (label: string) => figure(cellAt(s, `B${rowOf(s, label)}`));

  it('shows ARR, CARR, MRR, customers and ARR per customer on the as-of date', () => {
    const a = arr(AS_OF);
    expect(value('ARR')).toBe(a.arrCents);
    const contracted = ok(buildModel(core(input).book, { ...policy, basis: 'contracted' }, rates));
    expect(value('CARR')).toBe(ok(arrOn(contracted, AS_OF)).arrCents);
    expect(value('MRR')).toBe(a.mrrCents);
    expect(value('Customers')).toBe(a.customers);
    // Half up (the demo policy's rounding) of ARR / customers, in whole cents.
    expect(value('ARR per customer')).toBe(Math.floor((2 * a.arrCents + a.customers) / (2 * a.customers)));
  });

  it('shows ARR a quarter and a year before, net new ARR and growth', () => {
    expect(value('ARR on 2025-09-30')).toBe(arr(Q0).arrCents);
    expect(value('ARR on 2024-12-31')).toBe(arr(Y0).arrCents);
    const netNew = (b: BridgeResult) =>
      lanes(b)
        .slice(0, 5)
        .reduce((x, y) => x + y, 0);
    expect(value('Net new ARR, 2025-Q4')).toBe(netNew(quarter));
    expect(value('Net new ARR, year')).toBe(netNew(year));
    expect(value('Growth vs prior quarter')).toBe(arr(AS_OF).arrCents / arr(Q0).arrCents - 1);
    expect(value('Growth vs prior year')).toBe(arr(AS_OF).arrCents / arr(Y0).arrCents - 1);
  });

  it('shows GRR, NRR and logo retention over the trailing year, the quick ratio over the quarter and the year', () => {
    expect(value('GRR, trailing twelve months')).toBe(t12.grr);
    expect(value('NRR, trailing twelve months')).toBe(t12.nrr);
    expect(value('Logo retention, trailing twelve months')).toBe(t12.logoRetention);
    expect(value('Quick ratio, 2025-Q4')).toBe(ok(retention(model, Q0, AS_OF)).quickRatio);
    expect(value('Quick ratio, year')).toBe(t12.quickRatio);
  });

  it("ties ARR to the Bridge sheet's year-end cell with a cross-sheet check", () => {
    const check = cellAt(s, `C${rowOf(s, 'ARR')}`);
    expect(check).toMatchObject({ kind: 'formula', format: 'text', expect: 'OK', style: 'check' });
    const end = rowOf(sheet(book, 'Bridge'), 'End ARR');
    expect(check?.kind === 'formula' && check.formula).toContain(`'Bridge'!C${end}`);
    expect(figure(cellAt(sheet(book, 'Bridge'), `C${end}`))).toBe(arr(AS_OF).arrCents);
  });
});

describe('Bridge', () => {
  const s = sheet(book, 'Bridge');

  it('shows the quarter and the year bridge, each lane a formula with the core lane as expect', () => {
    expect(rowFigures(s, 'From').slice(0, 2)).toEqual([Q0, Y0]);
    expect(rowFigures(s, 'To').slice(0, 2)).toEqual([AS_OF, AS_OF]);
    expect(rowFigures(s, 'Start ARR')).toEqual([quarter.startCents, year.startCents]);
    expect(rowFigures(s, 'End ARR')).toEqual([quarter.endCents, year.endCents]);
    const labels = ['New', 'Reactivation', 'Expansion', 'Contraction', 'Churn', 'FX'];
    labels.forEach((label, i) => {
      const r = rowOf(s, label);
      expect([figure(cellAt(s, `B${r}`)), figure(cellAt(s, `C${r}`))]).toEqual([
        lanes(quarter)[i],
        lanes(year)[i],
      ]);
      expect(cellAt(s, `B${r}`)).toMatchObject({ kind: 'formula', format: 'money' });
      expect(cellAt(s, `C${r}`)?.kind === 'formula' && cellAt(s, `C${r}`)).toMatchObject({
        formula: expect.stringMatching(/^SUMIFS\(E\d+:E\d+,B\d+:B\d+,A\d+\)$/),
      });
    });
    // The demo book moves every lane over the year (FX: spot rates).
    for (const v of lanes(year)) expect(v).not.toBe(0);
  });

  it('lists the per-customer detail of each bridge below, as the core gives it', () => {
    const laneName: Record<string, string> = {
      new: 'New',
      reactivation: 'Reactivation',
      expansion: 'Expansion',
      contraction: 'Contraction',
      churn: 'Churn',
      fx: 'FX',
    };
    [quarter, year].forEach((b, nth) => {
      const { rows } = tableBody(s, 'Customer', nth + 1);
      expect(rows.map((r) => r.map(figure))).toEqual(
        b.detail.map((d) => [
          d.customer,
          laneName[d.lane],
          d.startArrCents,
          d.endArrCents,
          d.amountCents,
          d.contracts.join(', '),
        ]),
      );
      expect(rows.length).toBeGreaterThan(50);
    });
  });
});

describe('ARR trend', () => {
  const s = sheet(book, 'ARR trend');

  it('shows month-end ARR, customers and the month bridge for the 24 months to the as-of date', () => {
    const { rows } = tableBody(s, 'Date');
    expect(rows).toHaveLength(25);
    const points: Day[] = [];
    for (let k = 24; k >= 0; k--) {
      const d = addMonths(dayFromYmd(2025, 12, 1), -k);
      points.push(endOfMonth(d));
    }
    expect(points[0]).toBe(monthEnd(2023, 12));
    expect(rows.map((r) => figure(r[0]))).toEqual(points);
    rows.forEach((r, i) => {
      const a = arr(points[i]);
      expect(figure(r[7])).toBe(a.arrCents);
      expect(figure(r[8])).toBe(a.customers);
      if (i === 0) return;
      const b = ok(bridge(model, points[i - 1], points[i], { detail: false }));
      expect(r.slice(1, 7).map(figure)).toEqual(lanes(b));
    });
  });
});

describe('Retention', () => {
  const s = sheet(book, 'Retention');

  it('shows the trailing twelve months and the last four quarters', () => {
    // The first row is set off as a total; the quarters follow it.
    const header = rowOf(s, 'Period');
    const rows = s.rows.slice(header, header + 5);
    const periods: [string, Day, Day][] = [
      ['Trailing twelve months', Y0, AS_OF],
      ['2025-Q1', Y0, monthEnd(2025, 3)],
      ['2025-Q2', monthEnd(2025, 3), monthEnd(2025, 6)],
      ['2025-Q3', monthEnd(2025, 6), Q0],
      ['2025-Q4', Q0, AS_OF],
    ];
    expect(rows.map((r) => r.map(figure))).toEqual(
      periods.map(([label, from, to]) => {
        const r = ok(retention(model, from, to));
        return [
          label,
          r.cohortCustomers,
          r.startArrCents,
          r.grr,
          r.nrr,
          r.logoRetention,
          r.quickRatio,
          from,
          to,
        ];
      }),
    );
  });

  it('shows NRR by band, the bands adding up to the cohort', () => {
    const { rows } = tableBody(s, 'Band');
    expect(rows.map((r) => r.map(figure))).toEqual([
      ['0 - 25,000', t12.bands[0].customers, t12.bands[0].startArrCents, t12.bands[0].nrr],
      ['25,000 - 100,000', t12.bands[1].customers, t12.bands[1].startArrCents, t12.bands[1].nrr],
      ['100,000 and above', t12.bands[2].customers, t12.bands[2].startArrCents, t12.bands[2].nrr],
    ]);
    expect(rowFigures(s, 'All bands')).toEqual([t12.cohortCustomers, t12.startArrCents, t12.nrr]);
  });

  it('shows the trailing-twelve-month NRR and GRR at the last eight quarter ends', () => {
    const { rows } = tableBody(s, 'Quarter end');
    const ends = [
      monthEnd(2024, 3),
      monthEnd(2024, 6),
      monthEnd(2024, 9),
      monthEnd(2024, 12),
      monthEnd(2025, 3),
      monthEnd(2025, 6),
      monthEnd(2025, 9),
      monthEnd(2025, 12),
    ];
    expect(rows.map((r) => r.map(figure))).toEqual(
      ends.map((to) => {
        const from = endOfMonth(addMonths(startOfMonth(to), -12));
        const r = ok(retention(model, from, to));
        return [to, r.nrr, r.grr, r.logoRetention];
      }),
    );
  });

  it('shows the net cohort table by quarter of first ARR, the last twelve quarters', () => {
    const { rows, first } = tableBody(s, 'Cohort');
    const table = ok(cohorts(model, startOfQuarter(dayFromYmd(2023, 1, 1)), AS_OF, 'quarter', 'net'));
    expect(rows.map((r) => r.map(figure))).toEqual(
      table.rows.map((r) => [r.cohort, r.customers, r.startArrCents, ...r.values]),
    );
    expect(rows.map((r) => textOf(r[0]))[0]).toBe(formatQuarter(dayFromYmd(2023, 1, 1)));
    expect(rows).toHaveLength(12);
    // The heat map covers the ratio cells.
    expect(s.heatMaps[0].range).toBe(`D${first}:O${first + 11}`);
  });
});

describe('Revenue', () => {
  const s = sheet(book, 'Revenue');

  it('shows recognised, billed and deferred for the 12 months of 2025', () => {
    const lines = ok(
      compileRevenue(linesThatMatter(core(input).book, dayFromYmd(2025, 1, 1)), policy, rates),
    );
    const sched = ok(revenueSchedule(lines, dayFromYmd(2025, 1, 1), AS_OF));
    const { rows } = tableBody(s, 'Month');
    expect(rows.map((r) => r.slice(0, 4).map(figure))).toEqual([
      ['Opening', null, null, sched.total.openingDeferredCents],
      ...sched.months.map((m, x) => [
        m,
        sched.total.recognizedCents[x],
        sched.total.billedCents[x],
        sched.total.deferredCents[x],
      ]),
    ]);
    expect(sched.months[0]).toBe('2025-01');
    expect(sched.months).toHaveLength(12);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(rowFigures(s, '12 months').slice(0, 3)).toEqual([
      sum(sched.total.recognizedCents),
      sum(sched.total.billedCents),
      sched.total.deferredCents[11],
    ]);
  });

  it('leaves out only lines that change no figure: the same schedule as the whole book where it computes', () => {
    // The rates table reaches back to the book's oldest lines, so the whole book compiles under every
    // fx setting, and dropping the lines outside the window changes nothing.
    for (const fx of ['fixed', 'contract', 'spot']) {
      const fixed = core(exampleInput({ overrides: { fx } }));
      for (const from of [dayFromYmd(2024, 1, 1), dayFromYmd(2025, 1, 1), dayFromYmd(2025, 7, 1)]) {
        const whole = ok(
          revenueSchedule(ok(compileRevenue(fixed.book, fixed.policy, fixed.rates)), from, AS_OF),
        );
        const part = linesThatMatter(fixed.book, from);
        expect(part.n).toBeLessThan(fixed.book.n);
        const kept = ok(revenueSchedule(ok(compileRevenue(part, fixed.policy, fixed.rates)), from, AS_OF));
        expect(kept.total).toEqual(whole.total);
      }
    }
  });
});

describe('Checks', () => {
  it('lists the findings of the data checks as of the as-of date', () => {
    const s = sheet(book, 'Checks');
    const found = ok(
      checkContracts({ contracts: input.contracts, policy: input.policy, rates: input.rates, asOf: AS_OF }),
    );
    expect(found.findings.length).toBeGreaterThan(5);
    const { rows } = tableBody(s, 'Severity');
    // One row per finding, its message continued on the rows below when long.
    const joined: (string | number | null)[][] = [];
    for (const r of rows) {
      if (r[0] === null) joined[joined.length - 1][5] += ` ${textOf(r[5])}`;
      else joined.push(r.map(figure));
    }
    expect(joined).toEqual(
      found.findings.map((f) => [f.severity, f.row, f.customer, f.contract, f.rule, f.message]),
    );
    expect(rowFigures(s, 'Warnings')[0]).toBe(found.findings.filter((f) => f.severity === 'warning').length);
    expect(rowFigures(s, 'All findings')[0]).toBe(found.findings.length);
  });
});

describe('Policy', () => {
  it('states the policy in plain words, then every key and value, the hash and a sign-off block', () => {
    const s = sheet(book, 'Policy');
    const start = rowOf(s, 'The policy in plain words');
    const end = rowOf(s, 'The policy table');
    const paragraphs: string[] = [];
    let current: string[] = [];
    for (let r = start; r < end - 1; r++) {
      const t = textOf(s.rows[r][0] ?? null);
      if (t === null) {
        if (current.length) paragraphs.push(current.join(' '));
        current = [];
      } else current.push(t);
    }
    if (current.length) paragraphs.push(current.join(' '));
    expect(paragraphs).toEqual(policyDocument(policy));
    const { rows } = tableBody(s, 'Key');
    expect(rows.map((r) => [textOf(r[0]), textOf(r[1])])).toEqual(policyTable(policy).slice(1));
    expect(rowFigures(s, 'Policy hash')[0]).toBe(book.title.policyHash);
    for (const role of ['Prepared by', 'Reviewed by', 'Approved by']) {
      expect(rowFigures(s, role)).toEqual(['', '', '']);
    }
    // The lines of the paragraphs are short enough to print.
    for (let r = start; r < end; r++)
      expect((textOf(s.rows[r][0] ?? null) ?? '').length).toBeLessThanOrEqual(100);
  });
});

describe('no lane is left out', () => {
  it('the six lanes in the core order', () => {
    expect(LANES).toEqual(['new', 'reactivation', 'expansion', 'contraction', 'churn', 'fx']);
  });
});
