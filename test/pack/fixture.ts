/**
 * A small hand-made ReportBook for the renderer's tests: every ReportCell kind, formulas of every
 * format (with RunRate's `expect` worked out here by hand), formulas across sheets (a sheet name
 * with a space), the three chart kinds, heat maps over percentages and over money, an undefined
 * ratio, and customer names that look like formulas.
 */
import { dayFromYmd, type Day } from '../../src/cells/days.js';
import type { ReportBook, ReportCell, ReportSheet } from '../../src/reports/model.js';

const text = (
  t: string,
  style?: 'title' | 'subtitle' | 'header' | 'label' | 'total' | 'note',
): ReportCell => ({
  kind: 'text',
  text: t,
  ...(style ? { style } : {}),
});
const money = (cents: number, style?: 'total'): ReportCell => ({
  kind: 'money',
  cents,
  ...(style ? { style } : {}),
});
const pct = (value: number | null): ReportCell => ({ kind: 'percent', value });
const date = (day: Day): ReportCell => ({ kind: 'date', day });

/** Names that a spreadsheet would take for formulas if they were typed in. */
export const FORMULA_LOOKING = ['=1+1', '+SUM(A1)', '@cmd', '-2+3', '=HYPERLINK("http://example.com","x")'];

export const AS_OF = dayFromYmd(2025, 12, 31);

// The bridge, in cents: start + new + expansion + contraction + churn = end.
export const START = 100_000_000; // 1,000,000.00
export const LANES = { New: 25_000_050, Expansion: 8_000_025, Contraction: -2_000_010, Churn: -5_555_555 };
export const END = START + LANES.New + LANES.Expansion + LANES.Contraction + LANES.Churn; // 1,254,445.10

/** Detail rows of the New lane: one per formula-looking customer, summing to LANES.New. */
export const NEW_DETAIL = [10_000_000, 5_000_000, 4_000_000, 3_000_050, 3_000_000];

function bridgeSheet(): ReportSheet {
  const rows: ReportCell[][] = [
    [text('ARR bridge, Q4 2025', 'title')],
    [text('Acme & Co · as of 2025-12-31 · USD', 'subtitle')],
    [text('Lane', 'header'), text('ARR', 'header')],
    [text('Start'), money(START)], // row 4
    [text('New'), money(LANES.New)],
    [text('Expansion'), money(LANES.Expansion)],
    [text('Contraction'), money(LANES.Contraction)],
    [text('Churn'), money(LANES.Churn)],
    [text('End', 'total'), money(END, 'total')], // row 9
    [
      text('Check: start + lanes = end', 'label'),
      { kind: 'formula', formula: 'B4+SUM(B5:B8)', format: 'money', expect: END, style: 'check' },
    ],
    [],
    [text('Customer', 'header'), text('Lane', 'header'), text('ARR change', 'header')], // row 12
    ...FORMULA_LOOKING.map((name, i) => [text(name), text('New'), money(NEW_DETAIL[i])]), // rows 13-17
    [
      text('New, sum of detail', 'total'),
      null,
      { kind: 'formula', formula: 'SUM(C13:C17)', format: 'money', expect: LANES.New, style: 'total' },
    ],
    [
      text('Check: detail = lane', 'label'),
      null,
      { kind: 'formula', formula: 'C18-B5', format: 'money', expect: 0, style: 'check' },
    ],
    [text('Amounts in USD; negative lanes in parentheses.', 'note')],
  ];
  return {
    name: 'Bridge',
    title: 'ARR bridge, Q4 2025',
    columns: [{ width: 30 }, { width: 10 }, { width: 16 }, { width: 10 }, { width: 10 }],
    rows,
    freezeRows: 3,
    charts: [
      {
        kind: 'waterfall',
        title: 'ARR bridge',
        categories: 'A4:A9',
        series: [{ name: 'ARR', values: 'B4:B9' }],
        anchor: 'E3',
        width: 6,
        height: 16,
      },
    ],
    heatMaps: [],
  };
}

/** Month-end ARR for four months, in cents, and NRR/GRR (the last NRR undefined). */
export const MONTHS = [dayFromYmd(2025, 9, 30), dayFromYmd(2025, 10, 31), dayFromYmd(2025, 11, 30), AS_OF];
export const MONTH_ARR = [110_000_000, 115_500_000, 121_000_099, END];
export const MONTH_NEW = [3_000_000, 6_000_000, 7_000_000, 9_000_050];
export const MONTH_CHURN = [-1_000_000, -500_000, -1_499_901, -3_555_555];
export const NRR = [1.05, 1.061, 1.0725, null];
export const GRR = [0.91, 0.925, 0.93, 0.9475];

function trendSheet(): ReportSheet {
  const rows: ReportCell[][] = [
    [text('ARR trend', 'title')],
    [text('Month-end ARR and its lanes', 'subtitle')],
    [
      text('Month', 'header'),
      text('ARR', 'header'),
      text('New', 'header'),
      text('Churn', 'header'),
      text('NRR', 'header'),
      text('GRR', 'header'),
    ],
    ...MONTHS.map((d, i) => [
      date(d),
      money(MONTH_ARR[i]),
      money(MONTH_NEW[i]),
      money(MONTH_CHURN[i]),
      pct(NRR[i]),
      pct(GRR[i]),
    ]), // rows 4-7
  ];
  return {
    name: 'ARR trend',
    title: 'ARR trend',
    columns: [{ width: 12 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 8 }, { width: 8 }],
    rows,
    freezeRows: 3,
    charts: [
      {
        kind: 'stackedColumn',
        title: 'New and churned ARR by month',
        categories: 'A4:A7',
        series: [
          { name: 'New', values: 'C4:C7' },
          { name: 'Churn', values: 'D4:D7' },
        ],
        anchor: 'A10',
        width: 4,
        height: 14,
      },
      {
        kind: 'line',
        title: 'NRR and GRR',
        categories: 'A4:A7',
        series: [
          { name: 'NRR', values: 'E4:E7' },
          { name: 'GRR', values: 'F4:F7' },
        ],
        anchor: 'E10',
        width: 4,
        height: 14,
      },
    ],
    heatMaps: [],
  };
}

// Summary figures, worked out by hand from the ones above.
export const CUSTOMERS = 42;
export const GROWTH_Q = END / MONTH_ARR[0] - 1; // end vs the start of the quarter
export const ARR_PER_CUSTOMER_CENTS = Math.round(END / CUSTOMERS);
export const QUICK_RATIO = (LANES.New + LANES.Expansion) / -(LANES.Contraction + LANES.Churn);

function summarySheet(): ReportSheet {
  const rows: ReportCell[][] = [
    [text('Summary', 'title')],
    [text('Acme & Co, as of 2025-12-31', 'subtitle')],
    [text('Measure', 'header'), text('Value', 'header'), text('Check', 'header')],
    [
      text('ARR'),
      money(END),
      { kind: 'formula', formula: "B4-'ARR trend'!B7", format: 'money', expect: 0, style: 'check' },
    ], // 4
    [
      text('ARR, from the bridge end'),
      { kind: 'formula', formula: 'Bridge!B9', format: 'money', expect: END },
    ], // 5
    [text('Customers'), { kind: 'count', value: CUSTOMERS }], // 6
    [
      text('ARR per customer'),
      { kind: 'formula', formula: 'ROUND(B4/B6,2)', format: 'money', expect: ARR_PER_CUSTOMER_CENTS },
    ], // 7
    [
      text('Growth vs prior quarter'),
      { kind: 'formula', formula: "B4/'ARR trend'!B4-1", format: 'percent', expect: GROWTH_Q },
    ], // 8
    [text('NRR (last month)'), pct(null)], // 9: undefined
    [text('GRR'), pct(0.9475)], // 10
    [text('Quick ratio'), { kind: 'multiple', value: QUICK_RATIO }], // 11
    [
      text('Quick ratio, from the bridge'),
      {
        kind: 'formula',
        formula: '(Bridge!B5+Bridge!B6)/-(Bridge!B7+Bridge!B8)',
        format: 'multiple',
        expect: QUICK_RATIO,
      },
    ], // 12
    [text('Churn share of start'), { kind: 'ratio', value: -LANES.Churn / START }], // 13
    [
      text('Churn share, from the bridge'),
      { kind: 'formula', formula: '-Bridge!B8/Bridge!B4', format: 'ratio', expect: -LANES.Churn / START },
    ], // 14
    [text('As of'), date(AS_OF)], // 15
    [
      text('Last month in the trend'),
      { kind: 'formula', formula: "MAX('ARR trend'!A4:A7)", format: 'date', expect: AS_OF },
    ], // 16
    [
      text('Months in the trend'),
      { kind: 'formula', formula: "COUNT('ARR trend'!A4:A7)", format: 'count', expect: MONTHS.length },
    ], // 17
    [
      text('Quarter'),
      {
        kind: 'formula',
        formula: '"Q"&ROUNDUP(MONTH(B15)/3,0)&" "&YEAR(B15)',
        format: 'text',
        expect: 'Q4 2025',
      },
    ], // 18
    [text('Formula-looking product'), text('=SUM(B4:B5)')], // 19
    [text('RunRate figures; the checks recompute them from the cells.', 'note')],
  ];
  return {
    name: 'Summary',
    title: 'Summary',
    columns: [{ width: 28 }, { width: 14 }, { width: 10 }],
    rows,
    freezeRows: 3,
    charts: [],
    heatMaps: [],
  };
}

/** Cohort retention by quarter (fractions) and the cohorts' ARR in cents. */
export const COHORT_PCT = [
  [1, 0.98, 0.95, 0.9],
  [1, 1.02, 1.01, null],
  [1, 0.97, null, null],
];
export const COHORT_ARR = [20_000_000, 35_000_050, 12_345_678];

function retentionSheet(): ReportSheet {
  const rows: ReportCell[][] = [
    [text('Retention', 'title')],
    [text('Net ARR retained by cohort (quarter of first ARR)', 'subtitle')],
    [
      text('Cohort', 'header'),
      text('Starting ARR', 'header'),
      text('Q0', 'header'),
      text('Q1', 'header'),
      text('Q2', 'header'),
      text('Q3', 'header'),
    ],
    ...COHORT_PCT.map((r, i) => [
      text(`2025-Q${i + 1}`),
      money(COHORT_ARR[i]),
      ...r.map((v) => (v === null ? null : pct(v))),
    ]), // rows 4-6
    [
      text('Total', 'total'),
      {
        kind: 'formula',
        formula: 'SUM(B4:B6)',
        format: 'money',
        expect: COHORT_ARR[0] + COHORT_ARR[1] + COHORT_ARR[2],
        style: 'total',
      },
    ],
  ];
  return {
    name: 'Retention',
    title: 'Retention',
    columns: [{ width: 12 }, { width: 14 }, { width: 8 }, { width: 8 }, { width: 8 }, { width: 8 }],
    rows,
    freezeRows: 3,
    charts: [],
    heatMaps: [
      { range: 'C4:F6', min: 0.9, max: 1.05 },
      { range: 'B4:B6', min: 12_345_678, max: 35_000_050 },
    ],
  };
}

export function fixtureBook(): ReportBook {
  return {
    title: {
      company: 'Acme & Co',
      asOf: AS_OF,
      policyVersion: '2025.1',
      policyHash: 'a1b2c3d4e5f6a7b8c9d0',
      dataHash: 'f0e1d2c3b4a5968778695a4b',
      generatedAt: '2026-01-05T09:30:00.000Z',
      currency: 'USD',
    },
    sheets: [summarySheet(), bridgeSheet(), trendSheet(), retentionSheet()],
  };
}
