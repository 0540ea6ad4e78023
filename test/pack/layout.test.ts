/**
 * The layout rules the printed pack needed (cli/pack/layout.ts), on small sheets built here.
 */
import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportSheet } from '../../src/reports/model.js';
import { TEXT_WIDTH_CAP, key, layoutSheet } from '../../cli/pack/layout.js';

const text = (t: string, style?: 'header' | 'note' | 'check' | 'title'): ReportCell =>
  style ? { kind: 'text', text: t, style } : { kind: 'text', text: t };
const money = (cents: number): ReportCell => ({ kind: 'money', cents });

function sheet(rows: ReportCell[][], extra: Partial<ReportSheet> = {}): ReportSheet {
  return {
    name: 'S',
    title: 'S',
    columns: [{ width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }],
    rows,
    freezeRows: 1,
    charts: [],
    heatMaps: [],
    ...extra,
  };
}

describe('alignment', () => {
  const l = layoutSheet(
    sheet([
      [
        text('Customer', 'header'),
        text('Amount', 'header'),
        text('Contracts', 'header'),
        text('Check', 'header'),
      ],
      [text('Acme'), money(100_00), text('C-1'), text('OK', 'check')],
    ]),
  );

  it('numbers right, check results centred, text left; headers follow their column', () => {
    expect([0, 1, 2, 3].map((c) => l.align.get(key(2, c)))).toEqual(['left', 'right', 'left', 'center']);
    expect([0, 1, 2, 3].map((c) => l.align.get(key(1, c)))).toEqual(['left', 'right', 'left', 'center']);
  });

  it('text right after a number is indented, header and cell alike', () => {
    expect([...l.indent].sort()).toEqual([key(1, 2), key(2, 2)]);
  });

  it('a header looks past blank cells for its column', () => {
    const m = layoutSheet(
      sheet([[text('Lane', 'header'), text('New', 'header')], [text('Opening')], [text('Jan'), money(5)]]),
    );
    expect(m.align.get(key(1, 1))).toBe('right');
  });
});

describe('widths and wrapping', () => {
  it('a column is widened for its numbers, whatever the model says', () => {
    const l = layoutSheet(sheet([[money(123_456_789_00)]]));
    expect(l.widths[0]).toBeGreaterThanOrEqual('123,456,789.00'.length + 2);
  });

  it('table text widens up to the cap, then wraps with a taller row', () => {
    const long = 'x'.repeat(100);
    const l = layoutSheet(sheet([[text('h', 'header')], [text(long)]]));
    expect(l.widths[0]).toBe(TEXT_WIDTH_CAP);
    expect(l.wrap.has(key(2, 0))).toBe(true);
    expect(l.rowHeights.get(2)).toBe(15 * Math.ceil((100 * 0.95) / (TEXT_WIDTH_CAP - 1)));
  });

  it('a note runs on into empty cells, but is merged and wrapped where it would pass the last column', () => {
    const short = layoutSheet(sheet([[text('A short note', 'note')]]));
    expect(short.merges).toEqual([]);
    const long = layoutSheet(sheet([[text('n'.repeat(120), 'note')]]));
    expect(long.merges).toEqual([{ row: 1, col0: 0, col1: 3 }]);
    expect(long.wrap.has(key(1, 0))).toBe(true);
  });

  it('a note never runs under a chart beside it', () => {
    const l = layoutSheet(
      sheet([[text('h', 'header')], [text('n'.repeat(40), 'note')]], {
        charts: [
          { kind: 'line', title: 'c', categories: 'A1:A1', series: [], anchor: 'C1', width: 2, height: 5 },
        ],
      }),
    );
    expect(l.merges).toEqual([{ row: 2, col0: 0, col1: 1 }]);
  });

  it('every row gets a height; a title row a taller one', () => {
    const l = layoutSheet(sheet([[text('Title', 'title')], [text('a')], []]));
    expect([...l.rowHeights.entries()].sort()).toEqual([
      [1, 21],
      [2, 15],
      [3, 15],
    ]);
  });
});

describe('page breaks around charts', () => {
  const chart = (anchor: string) => ({
    kind: 'line' as const,
    title: 'c',
    categories: 'A1:A1',
    series: [],
    anchor,
    width: 2,
    height: 18,
  });
  const rows = (n: number) => [
    [text('h', 'header')],
    ...Array.from({ length: n }, () => [text('row'), money(1)]),
  ];

  it('a chart below a long table starts a new page', () => {
    const l = layoutSheet(sheet(rows(33), { charts: [chart('A36')] }));
    expect(l.pageBreaks).toEqual([35]);
  });

  it('a chart that fits on the first page with what is above it does not', () => {
    expect(layoutSheet(sheet(rows(5), { charts: [chart('A8')] })).pageBreaks).toEqual([]);
    expect(layoutSheet(sheet(rows(60), { charts: [chart('C2')] })).pageBreaks).toEqual([]);
  });

  it("the model's own breaks are kept, as the rows before them", () => {
    expect(layoutSheet(sheet(rows(40), { pageBreaks: [20, 1] })).pageBreaks).toEqual([19]);
  });
});
