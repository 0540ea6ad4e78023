/**
 * The board pack's charts as PNG images. exceljs cannot write native Excel charts, so each ChartSpec
 * is drawn from the same cells the sheet shows: the data is read from the model's grid (the ranges
 * the spec names), described as a Vega-Lite chart, turned into SVG by Vega in Node (no browser, no
 * canvas) and into PNG by resvg. The image is embedded at the chart's anchor by write-xlsx.ts.
 *
 * Kinds:
 * - `waterfall`: one series; the first and the last categories are totals (bars from zero, e.g. the
 *   bridge's start and end), the ones between are steps from the running total (green up, red down);
 * - `stackedColumn`: one column per category, the series stacked (negative values below zero);
 * - `line`: one line per series.
 * A series whose cells are percentages gets a percent axis, money a compact currency axis
 * (1.2M, 350k) titled with the currency.
 */
import type { ChartSpec, ReportSheet } from '../../src/reports/model.js';
import { cellLabel, cellsIn, columnIndex, numberKind, parseRange, sheetNumber } from './cells.js';

export interface ChartData {
  kind: ChartSpec['kind'];
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** How the values are shown: money in currency units, percent as a fraction, or plain numbers. */
  unit: 'money' | 'percent' | 'number';
}

/** The chart's data, read from the sheet's cells (money in currency units, as the sheet shows it). */
export function chartData(chart: ChartSpec, sheet: ReportSheet): ChartData {
  const categoryCells = cellsIn(sheet, chart.categories);
  const categories = categoryCells.map((c) =>
    c !== null && (c.kind === 'date' || (c.kind === 'formula' && c.format === 'date'))
      ? monthLabel(cellLabel(c))
      : cellLabel(c),
  );
  let unit: ChartData['unit'] = 'number';
  const series = chart.series.map((s) => {
    const cells = cellsIn(sheet, s.values);
    for (const c of cells) {
      const k = numberKind(c);
      if (k === 'money') unit = 'money';
      else if (k === 'percent' && unit === 'number') unit = 'percent';
    }
    const values = cells.map(sheetNumber);
    if (values.length !== categories.length) {
      throw new Error(
        `chart "${chart.title}" on ${sheet.name}: series "${s.name}" has ${values.length} values for ${categories.length} categories`,
      );
    }
    return { name: s.name, values };
  });
  return { kind: chart.kind, title: chart.title, categories, series, unit };
}

/** 2025-12-31 -> Dec 2025 (chart categories that are month ends). */
function monthLabel(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(ymd);
  if (!m) return ymd;
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  return `${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** Pixels of a column `width` characters wide (Calibri 11: 7 px a character plus padding). */
export const columnPixels = (width: number): number => Math.round(width * 7 + 5);
/** Pixels of a default row (15 pt). */
export const ROW_PIXELS = 20;

/** The chart's size on the sheet in pixels: the widths of the columns it spans and its rows. */
export function chartPixels(chart: ChartSpec, sheet: ReportSheet): { width: number; height: number } {
  const at = parseRange(chart.anchor);
  let width = 0;
  for (let c = at.col0; c < at.col0 + chart.width; c++) width += columnPixels(sheet.columns[c]?.width ?? 9);
  return { width, height: chart.height * ROW_PIXELS };
}

/** 0-based column and row of the chart's top-left cell (what exceljs's image anchor takes). */
export function chartAnchor(chart: ChartSpec): { col: number; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(chart.anchor.trim());
  if (!m) throw new Error(`chart anchor is not one cell: ${JSON.stringify(chart.anchor)}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
}

const COLORS = ['#1f4e79', '#2e75b6', '#70ad47', '#ffc000', '#7f6084', '#a5a5a5', '#c55a11', '#264478'];
/** Lane colours by series name, so a lane looks the same in every chart. */
const LANE_COLORS: [RegExp, string][] = [
  [/^new/i, '#2e7d32'],
  [/^reactiv/i, '#00897b'],
  [/^expan/i, '#81c784'],
  [/^contract/i, '#ef6c00'],
  [/^churn/i, '#c62828'],
  [/^fx/i, '#9e9e9e'],
  [/^nrr|^net/i, '#1f4e79'],
  [/^grr|^gross/i, '#ed7d31'],
  [/^logo/i, '#7f6084'],
];

function seriesColors(names: string[]): string[] {
  let next = 0;
  return names.map((n) => LANE_COLORS.find(([re]) => re.test(n))?.[1] ?? COLORS[next++ % COLORS.length]);
}

const FONT = 'Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif';
const UP = '#2e7d32';
const DOWN = '#c62828';
const TOTAL = '#1f4e79';

/** A Vega expression formatting `x` for a label: compact money (1.23M, 350k, B for billions) or percent. */
function formatExpr(x: string, unit: ChartData['unit']): string {
  if (unit === 'percent') return `format(${x}, '.1%')`;
  return `replace(format(${x}, ',.3~s'), 'G', 'B')`;
}

/** The Vega-Lite description of a chart (size in pixels, the whole image including title and legend). */
export function vegaLiteSpec(
  data: ChartData,
  size: { width: number; height: number },
  currency: string,
): Record<string, unknown> {
  const yTitle = data.unit === 'money' ? currency : data.unit === 'percent' ? '' : null;
  const yAxis = {
    title: yTitle,
    labelExpr: formatExpr('datum.value', data.unit),
    grid: true,
    gridColor: '#e6e6e6',
  };
  // Labels turn when they would not fit side by side (about 6.5 px a character at 11 px).
  const manyCategories = data.categories.length > 12;
  const labelFontSize = manyCategories ? 9 : 11;
  const longest = Math.max(0, ...data.categories.map((c) => c.length));
  const crowded = data.categories.length * (longest * labelFontSize * 0.6 + 6) > size.width * 0.85;
  const xAxis = {
    title: null,
    labelAngle: crowded ? -45 : 0,
    labelLimit: 120,
    labelFontSize,
  };
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: data.title, anchor: 'start', fontSize: 14, font: FONT, color: '#1f1f1f' },
    width: size.width,
    height: size.height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 8,
    background: 'white',
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFont: FONT, titleFont: FONT, labelColor: '#404040', titleColor: '#404040' },
      legend: { labelFont: FONT, titleFont: FONT, orient: 'bottom', title: null, labelFontSize: 11 },
    },
  };
  const order = data.categories.map((c, i) => `${i}`);
  const xEncoding = {
    field: 'i',
    type: 'ordinal',
    sort: order,
    axis: { ...xAxis, labelExpr: `${JSON.stringify(data.categories)}[toNumber(datum.value)]` },
  };

  if (data.kind === 'waterfall') {
    const values = data.series[0]?.values ?? [];
    const rows: Record<string, unknown>[] = [];
    let running = 0;
    values.forEach((v, i) => {
      const x = v ?? 0;
      const total = i === 0 || i === values.length - 1;
      const y0 = total ? 0 : running;
      const y1 = total ? x : running + x;
      running = total ? x : running + x;
      rows.push({
        i: `${i}`,
        y0,
        y1,
        top: Math.max(y0, y1),
        v: x,
        kind: total ? 'total' : x >= 0 ? 'up' : 'down',
        label: total ? '' : x >= 0 ? '+' : '',
      });
    });
    return {
      ...common,
      data: { values: rows },
      encoding: { x: xEncoding },
      layer: [
        {
          mark: { type: 'bar', width: { band: 0.7 } },
          encoding: {
            y: { field: 'y0', type: 'quantitative', axis: yAxis, scale: { zero: true } },
            y2: { field: 'y1' },
            color: {
              field: 'kind',
              type: 'nominal',
              scale: { domain: ['total', 'up', 'down'], range: [TOTAL, UP, DOWN] },
              legend: null,
            },
          },
        },
        {
          mark: { type: 'text', dy: -6, fontSize: 11, color: '#1f1f1f', font: FONT },
          encoding: {
            y: { field: 'top', type: 'quantitative' },
            text: { field: 'text', type: 'nominal' },
          },
          transform: [{ calculate: `datum.label + ${formatExpr('datum.v', data.unit)}`, as: 'text' }],
        },
      ],
    };
  }

  const names = data.series.map((s) => s.name);
  const rows: Record<string, unknown>[] = [];
  data.series.forEach((s, k) =>
    s.values.forEach((v, i) => {
      if (v !== null) rows.push({ i: `${i}`, series: s.name, k, v });
    }),
  );
  // The legend wraps into rows rather than running off the image (about 110 px an entry).
  const legendColumns = Math.max(1, Math.min(names.length, Math.floor(size.width / 110)));
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: names, range: seriesColors(names) },
    sort: names,
    // One series needs no legend: the chart's title names it.
    legend: names.length > 1 ? { columns: legendColumns } : null,
  };
  if (data.kind === 'stackedColumn') {
    return {
      ...common,
      data: { values: rows },
      mark: { type: 'bar', width: { band: 0.75 } },
      encoding: {
        x: xEncoding,
        y: { field: 'v', type: 'quantitative', aggregate: 'sum', stack: 'zero', axis: yAxis },
        color,
        order: { field: 'k', type: 'quantitative' },
      },
    };
  }
  return {
    ...common,
    data: { values: rows },
    mark: { type: 'line', point: { size: 30 }, strokeWidth: 2 },
    encoding: {
      x: xEncoding,
      y: { field: 'v', type: 'quantitative', axis: yAxis, scale: { zero: data.unit !== 'percent' } },
      color,
    },
  };
}

/** The chart as SVG text. */
export async function chartSvg(
  data: ChartData,
  size: { width: number; height: number },
  currency: string,
): Promise<string> {
  // Loaded on first use: the other commands never pay for them.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const spec = vegaLite.compile(vegaLiteSpec(data, size, currency) as never).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG at `scale` times its size on the sheet (2: sharp on high-density screens and in print). */
export async function chartPng(
  data: ChartData,
  size: { width: number; height: number },
  currency: string,
  scale = 2,
): Promise<Buffer> {
  const svg = await chartSvg(data, size, currency);
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(size.width * scale) },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  });
  return r.render().asPng();
}
