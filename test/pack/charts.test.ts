/**
 * The chart renderer: the data comes from the cells the chart names (money in currency units, as
 * the sheet shows it), and each kind renders to SVG and to a PNG of the chart's size.
 */
import { describe, expect, it } from 'vitest';
import { chartData, chartPixels, chartPng, chartSvg, columnPixels } from '../../cli/pack/charts.js';
import { END, GRR, LANES, MONTH_CHURN, MONTH_NEW, NRR, START, fixtureBook } from './fixture.js';

const book = fixtureBook();
const bridge = book.sheets.find((s) => s.name === 'Bridge')!;
const trend = book.sheets.find((s) => s.name === 'ARR trend')!;

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('chart data', () => {
  it('the waterfall reads the bridge lanes from the cells', () => {
    const d = chartData(bridge.charts[0], bridge);
    expect(d.categories).toEqual(['Start', 'New', 'Expansion', 'Contraction', 'Churn', 'End']);
    expect(d.series[0].values).toEqual(
      [START, LANES.New, LANES.Expansion, LANES.Contraction, LANES.Churn, END].map((c) => c / 100),
    );
    expect(d.unit).toBe('money');
  });

  it('month-end dates become month labels; percent series, with a gap for an undefined value', () => {
    const stacked = chartData(trend.charts[0], trend);
    expect(stacked.categories).toEqual(['Sep 2025', 'Oct 2025', 'Nov 2025', 'Dec 2025']);
    expect(stacked.series.map((s) => s.values)).toEqual([
      MONTH_NEW.map((c) => c / 100),
      MONTH_CHURN.map((c) => c / 100),
    ]);
    const line = chartData(trend.charts[1], trend);
    expect(line.unit).toBe('percent');
    expect(line.series.map((s) => s.values)).toEqual([NRR, GRR]);
  });

  it('a series of the wrong length is an error naming the chart', () => {
    const bad = { ...bridge.charts[0], series: [{ name: 'ARR', values: 'B4:B8' }] };
    expect(() => chartData(bad, bridge)).toThrow(/ARR bridge.*5 values for 6 categories/);
  });
});

describe('rendering', () => {
  it('the size spans the anchor columns and rows', () => {
    const size = chartPixels(bridge.charts[0], bridge);
    // Columns E..J: E has width 10 in the model, F..J the default 9.
    expect(size.width).toBe(columnPixels(10) + 5 * columnPixels(9));
    expect(size.height).toBe(16 * 20);
  });

  it('each kind renders its title and category labels to SVG', async () => {
    for (const [sheet, chart] of [
      [bridge, bridge.charts[0]],
      [trend, trend.charts[0]],
      [trend, trend.charts[1]],
    ] as const) {
      const svg = await chartSvg(chartData(chart, sheet), chartPixels(chart, sheet), 'USD');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(chart.title);
    }
  });

  it('the waterfall labels each step with its sign and a compact amount', async () => {
    const svg = await chartSvg(chartData(bridge.charts[0], bridge), { width: 500, height: 300 }, 'USD');
    expect(svg).toContain('+250k'); // New: 250,000.50
    expect(svg).toContain('−55.6k'); // Churn: -55,555.55 (Unicode minus)
    expect(svg).toContain('1.25M'); // End
  });

  it('a PNG twice the size on the sheet', async () => {
    const chart = bridge.charts[0];
    const size = chartPixels(chart, bridge);
    const png = await chartPng(chartData(chart, bridge), size, 'USD');
    expect(pngSize(png)).toEqual({ width: size.width * 2, height: size.height * 2 });
  });
});
