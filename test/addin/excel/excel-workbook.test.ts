/**
 * ExcelWorkbook against an Excel workbook built on office-addin-mock (fake-excel.ts): what a report
 * model becomes in the sheet, one sync per block, marks, replacing only RunRate's sheets, reading
 * sources and the sheet calls the task pane makes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../../src/cells/days.js';
import { NUMBER_FORMATS, type ReportSheet } from '../../../src/reports/model.js';
import { UserSheetExists } from '../../../addin/shared/workbook.js';
import { ExcelWorkbook, MARK_KIND, MARK_SHEET } from '../../../addin/excel/excel-workbook.js';
import { FakeExcel } from './fake-excel.js';
import { exampleInput, pack } from '../../reports/helpers.js';

let fake: FakeExcel;
const g = globalThis as { Excel?: unknown };

beforeEach(() => {
  fake = new FakeExcel();
  g.Excel = fake.global;
});
afterEach(() => {
  delete g.Excel;
});

/** A small report sheet with every kind of cell and style. */
function smallSheet(name = 'Bridge'): ReportSheet {
  return {
    name,
    title: 'A test sheet',
    columns: [{ width: 20 }, { width: 14 }, { width: 10 }],
    rows: [
      [{ kind: 'text', text: 'A test sheet', style: 'title' }],
      [{ kind: 'text', text: 'as of 2025-12-31', style: 'subtitle' }],
      [
        { kind: 'text', text: 'Customer', style: 'header' },
        { kind: 'text', text: 'ARR', style: 'header' },
        { kind: 'text', text: 'Since', style: 'header' },
      ],
      [
        { kind: 'text', text: '=SUM(A1)' },
        { kind: 'money', cents: 1_234_567 },
        { kind: 'date', day: dayFromYmd(2000, 1, 1) },
      ],
      [
        { kind: 'text', text: '00123' },
        { kind: 'money', cents: -50 },
        { kind: 'percent', value: null },
      ],
      [
        { kind: 'text', text: 'Total', style: 'total' },
        { kind: 'formula', formula: 'SUM(B4:B5)', format: 'money', expect: 1_234_517, style: 'total' },
        { kind: 'count', value: 2, style: 'total' },
      ],
      [
        {
          kind: 'formula',
          formula: 'IF(B6=12345.17,"OK","CHECK")',
          format: 'text',
          expect: 'OK',
          style: 'check',
        },
      ],
      [{ kind: 'text', text: 'Figures in USD.', style: 'note' }],
    ],
    freezeRows: 3,
    charts: [
      {
        kind: 'waterfall',
        title: 'Bridge',
        categories: 'A4:A6',
        series: [{ name: 'ARR', values: 'B4:B6' }],
        anchor: 'E2',
        width: 4,
        height: 10,
      },
    ],
    heatMaps: [{ range: 'B4:B5', min: -50, max: 1_234_567 }],
    pageBreaks: [7],
  };
}

describe('writeSheet', () => {
  it('writes values, number formats, formulas only where the model has one, and styles', async () => {
    const stats = await new ExcelWorkbook().writeSheet(smallSheet(), { kind: 'report' });
    const s = fake.sheet('Bridge')!;
    // Text stays text, even when it looks like a formula or a number.
    expect(s.cell('A4')).toMatchObject({ kind: 'text', value: '=SUM(A1)' });
    expect(s.cell('A4')!.parsed).toBeUndefined();
    expect(s.cell('A5')).toMatchObject({ kind: 'text', value: '00123' });
    // Money in currency units, dates as serials (1 Jan 2000 = 36526), each in its format.
    expect(s.cell('B4')).toMatchObject({
      kind: 'number',
      value: 12345.67,
      numberFormat: NUMBER_FORMATS.money,
    });
    expect(s.cell('B5')).toMatchObject({ kind: 'number', value: -0.5 });
    expect(s.cell('C4')).toMatchObject({ kind: 'number', value: 36526, numberFormat: 'yyyy-mm-dd' });
    expect(s.cell('C5')).toMatchObject({ kind: 'text', value: 'n/a', font: { color: '#808080' } });
    expect(s.cell('B6')).toMatchObject({
      kind: 'formula',
      value: '=SUM(B4:B5)',
      numberFormat: NUMBER_FORMATS.money,
    });
    expect(s.cell('C6')).toMatchObject({ kind: 'number', value: 2, numberFormat: '#,##0' });
    expect(s.cell('A7')).toMatchObject({ kind: 'formula', value: '=IF(B6=12345.17,"OK","CHECK")' });
    const formulas = [...s.cells.entries()].filter(([, c]) => c.kind === 'formula').map(([k]) => k);
    expect(formulas.sort()).toEqual(['5,1', '6,0']);
    expect([...s.cells.values()].some((c) => c.parsed)).toBe(false);
    // Styles.
    expect(s.cell('A1')!.font).toMatchObject({ bold: true, size: 16 });
    expect(s.cell('A2')!.font).toMatchObject({ italic: true });
    expect(s.cell('B3')!.font).toMatchObject({ bold: true });
    expect(s.cell('B3')!.fill).toBe('#1F4E79');
    expect(s.cell('A6')!.font).toMatchObject({ bold: true });
    expect(s.cell('C6')!.borders?.EdgeTop).toMatchObject({ style: 'Continuous' });
    expect(s.cell('A8')!.font).toMatchObject({ italic: true, color: '#595959' });
    expect(s.cell('B4')!.font).toBeUndefined();
    // Layout: widths in points, frozen header, page break, heat map in currency units.
    expect(s.columnWidths.get(0)).toBe((20 * 7 + 5) * 0.75);
    expect(s.columnWidths.get(2)).toBe((10 * 7 + 5) * 0.75);
    expect(s.frozenRows).toBe(3);
    expect(s.pageBreaks).toEqual(['A7']);
    expect(s.colorScales).toEqual([
      {
        range: 'B4:B5',
        criteria: {
          minimum: { type: 'Number', formula: '-0.5', color: '#F7FBFF' },
          maximum: { type: 'Number', formula: '12345.67', color: '#4F8FCC' },
        },
      },
    ]);
    // The waterfall without its closing total (Office.js cannot mark a point as a total).
    expect(s.charts).toEqual([
      {
        type: 'Waterfall',
        name: 'RunRate chart 1',
        source: 'B4:B5',
        title: 'Bridge',
        series: [{ name: 'ARR', values: 'B4:B5', categories: 'A4:A5' }],
        legend: false,
        position: { start: 'E2', end: 'H11' },
      },
    ]);
    // Marked, visible, not protected; three syncs: the check, one block, the finish.
    expect(Object.fromEntries(s.props)).toEqual({ [MARK_KIND]: 'report', [MARK_SHEET]: 'Bridge' });
    expect(s.visibility).toBe('Visible');
    expect(s.protected).toBe(false);
    expect(stats).toEqual({ rows: 8, syncs: 3 });
    expect(fake.syncs).toBe(3);
  });

  it('draws a waterfall as stacked columns where Excel has none, and still finishes the sheet', async () => {
    fake.waterfall = false;
    const stats = await new ExcelWorkbook().writeSheet(smallSheet(), { kind: 'snapshot', protect: true });
    const s = fake.sheet('Bridge')!;
    expect(s.charts.map((c) => [c.type, c.source, c.series[0].categories])).toEqual([
      ['ColumnStacked', 'B4:B6', 'A4:A6'],
    ]);
    expect(s.protected).toBe(true);
    // The check, the block, the finish Excel refused, the look for a half-made chart, the finish again.
    expect(stats.syncs).toBe(5);
    expect(fake.syncs).toBe(5);
  });

  it('removes a waterfall Excel made but could not finish before drawing stacked columns', async () => {
    fake.waterfall = false;
    fake.waterfallFails = 'axis';
    await new ExcelWorkbook().writeSheet(smallSheet(), { kind: 'report' });
    const s = fake.sheet('Bridge')!;
    expect(s.charts.map((c) => [c.type, c.name, c.series[0].categories])).toEqual([
      ['ColumnStacked', 'RunRate chart 1', 'A4:A6'],
    ]);
  });

  it('writes a 10k-row bridge detail sheet in one sync per 2,000-row block', async () => {
    const { syntheticBook, toCells } = await import('../../../bench/synthetic.js');
    const book = pack({
      contracts: toCells(syntheticBook(75_000)),
      asOf: dayFromYmd(2025, 12, 31),
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    const bridge = book.sheets.find((x) => x.name === 'Bridge')!;
    expect(bridge.rows.length).toBeGreaterThanOrEqual(10_000);
    const progress: [number, number][] = [];
    const t0 = performance.now();
    const stats = await new ExcelWorkbook().writeSheet(bridge, {
      kind: 'report',
      onProgress: (done, total) => progress.push([done, total]),
    });
    console.log(
      `writeSheet ${bridge.rows.length} rows: ${stats.syncs} syncs, ${(performance.now() - t0).toFixed(0)} ms`,
    );
    const blocks = Math.ceil(bridge.rows.length / 2000);
    expect(stats.syncs).toBe(1 + blocks + 1);
    expect(stats.syncs).toBeLessThanOrEqual(20);
    expect(fake.syncs).toBe(stats.syncs);
    expect(progress).toHaveLength(blocks);
    expect(progress[blocks - 1]).toEqual([bridge.rows.length, bridge.rows.length]);
    // Every model cell is in the sheet as the model says: formulas only where it has one.
    const s = fake.sheet('Bridge')!;
    let formulas = 0;
    const problems: string[] = [];
    bridge.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const got = s.cells.get(`${r},${c}`);
        const at = `row ${r + 1} column ${c + 1}`;
        if (cell === null || (cell.kind === 'text' && cell.text === '')) return;
        if (!got) problems.push(`${at}: missing`);
        else if (cell.kind === 'formula') {
          formulas++;
          if (got.kind !== 'formula' || got.value !== `=${cell.formula}`)
            problems.push(`${at}: ${got.value}`);
        } else if (cell.kind === 'text') {
          if (got.kind !== 'text' || got.value !== cell.text || got.parsed)
            problems.push(`${at}: ${got.value}`);
        } else if (cell.kind === 'money') {
          if (got.value !== cell.cents / 100 || got.numberFormat !== NUMBER_FORMATS.money)
            problems.push(`${at}: ${got.value}`);
        }
      }),
    );
    expect(problems).toEqual([]);
    expect(formulas).toBeGreaterThan(0);
    expect([...s.cells.values()].filter((c) => c.kind === 'formula')).toHaveLength(formulas);
  });

  it('replaces its own sheet in place, leaves other user sheets alone and refuses a user sheet of the name', async () => {
    const wb = new ExcelWorkbook();
    const notes = fake.addSheet('Notes').fill([['my own', 42]]);
    await wb.writeSheet(smallSheet(), { kind: 'report' });
    const second = smallSheet();
    second.rows[3][1] = { kind: 'money', cents: 100 };
    second.rows = second.rows.slice(0, 6);
    const stats = await wb.writeSheet(second, { kind: 'report' });
    const s = fake.sheet('Bridge')!;
    expect(fake.sheets.map((x) => x.name)).toEqual(['Notes', 'Bridge']);
    expect(s.cell('B4')!.value).toBe(1);
    expect(s.cell('A7')).toBeUndefined(); // cleared, not left over from the first write
    expect(s.charts).toHaveLength(1);
    expect(s.colorScales).toHaveLength(1);
    expect(stats.syncs).toBe(4); // the check, the marks, one block, the finish
    expect(notes.cells.size).toBe(2);
    expect(notes.cell('A1')!.value).toBe('my own');

    fake.addSheet('Retention').fill([['a user table']]);
    await expect(wb.writeSheet(smallSheet('Retention'), { kind: 'report' })).rejects.toBeInstanceOf(
      UserSheetExists,
    );
    expect(fake.sheet('Retention')!.cells.size).toBe(1);
    expect(fake.sheet('Retention')!.props.size).toBe(0);
  });

  it('treats a renamed or copied RunRate sheet as the user sheet it now is', async () => {
    fake.addSheet('Summary', { [MARK_KIND]: 'report', [MARK_SHEET]: 'Summary (old)' }).fill([['kept']]);
    await expect(
      new ExcelWorkbook().writeSheet(smallSheet('Summary'), { kind: 'report' }),
    ).rejects.toBeInstanceOf(UserSheetExists);
    expect(fake.sheet('Summary')!.cell('A1')!.value).toBe('kept');
  });

  it('protects snapshots, rewrites a protected snapshot, hides and places sheets', async () => {
    const wb = new ExcelWorkbook();
    fake.addSheet('First');
    await wb.writeSheet(smallSheet('Snap 2025-12'), {
      kind: 'snapshot',
      protect: true,
      hidden: true,
      position: 0,
    });
    const s = fake.sheet('Snap 2025-12')!;
    expect(s.protected).toBe(true);
    expect(s.protectOptions).toMatchObject({ allowFormatColumns: true });
    expect(s.visibility).toBe('Hidden');
    expect(fake.sheets.map((x) => x.name)).toEqual(['Snap 2025-12', 'First']);
    expect(s.props.get(MARK_KIND)).toBe('snapshot');
    // The fake refuses writes to a protected sheet: the rewrite must unprotect first.
    await wb.writeSheet(smallSheet('Snap 2025-12'), { kind: 'snapshot', protect: true });
    expect(s.protected).toBe(true);
    expect(s.visibility).toBe('Visible');
    expect(s.cell('B4')!.value).toBe(12345.67);
  });

  it('writes the example board pack, every sheet marked, charts and the cohort heat map in place', async () => {
    const book = pack(exampleInput());
    const wb = new ExcelWorkbook();
    for (const sheet of book.sheets) await wb.writeSheet(sheet, { kind: 'report' });
    expect(fake.sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));
    const charts = book.sheets.reduce((n, s) => n + s.charts.length, 0);
    expect(fake.sheets.reduce((n, s) => n + s.charts.length, 0)).toBe(charts);
    const trend = fake.sheet('ARR trend')!;
    expect(trend.charts.map((c) => c.type)).toEqual(['Line', 'ColumnStacked']);
    expect(trend.charts[1].series).toHaveLength(6);
    const retention = fake.sheet('Retention')!;
    const heat = book.sheets.find((s) => s.name === 'Retention')!.heatMaps[0];
    expect(retention.colorScales[0].range).toBe(heat.range);
    expect(retention.colorScales[0].criteria.maximum.formula).toBe(String(heat.max));
    const listed = await wb.listSheets();
    expect(listed.every((x) => x.kind === 'report')).toBe(true);
  });
});

describe('reading and the other calls', () => {
  it('lists sheets with their kind, visibility and protection', async () => {
    fake.addSheet('Data');
    const snap = fake.addSheet('Snap', { [MARK_KIND]: 'snapshot', [MARK_SHEET]: 'Snap' });
    snap.protected = true;
    snap.visibility = 'Hidden';
    fake.addSheet('Odd', { [MARK_KIND]: 'something', [MARK_SHEET]: 'Odd' });
    expect(await new ExcelWorkbook().listSheets()).toEqual([
      { name: 'Data', kind: 'user', visible: true, protected: false },
      { name: 'Snap', kind: 'snapshot', visible: false, protected: true },
      { name: 'Odd', kind: 'user', visible: true, protected: false },
    ]);
  });

  it('lists tables, named ranges and the user sheets with data; reads each source', async () => {
    const data = fake.addSheet('Contracts').fill(
      [
        ['Customer', 'Start', 'Amount'],
        ['Acme', 45658, 1200],
        ['Beta', 45689, 600],
      ],
      2,
      1,
    );
    fake.addSheet('Empty');
    fake.addSheet('Bridge', { [MARK_KIND]: 'report', [MARK_SHEET]: 'Bridge' }).fill([['x']]);
    fake.tables.push({ name: 'Deals', sheet: 'Contracts', range: 'B3:D5' });
    fake.names.set('RR_POLICY', { sheet: 'Contracts', range: 'B3:C4' });
    fake.selection = { sheet: 'Contracts', range: 'C4:D5' };
    const wb = new ExcelWorkbook();
    expect(await wb.listSources()).toEqual([
      { kind: 'table', name: 'Deals' },
      { kind: 'name', name: 'RR_POLICY' },
      { kind: 'sheet', name: 'Contracts' },
    ]);
    const table = await wb.readSource({ kind: 'table', name: 'Deals' });
    expect(table).toEqual({
      source: { kind: 'table', name: 'Deals' },
      sheet: 'Contracts',
      topLeft: 'B3',
      values: [
        ['Customer', 'Start', 'Amount'],
        ['Acme', 45658, 1200],
        ['Beta', 45689, 600],
      ],
    });
    expect((await wb.readSource({ kind: 'name', name: 'RR_POLICY' })).values).toEqual([
      ['Customer', 'Start'],
      ['Acme', 45658],
    ]);
    const sheet = await wb.readSource({ kind: 'sheet', name: 'Contracts' });
    expect(sheet.topLeft).toBe('B3');
    expect(sheet.values).toEqual(table.values);
    const sel = await wb.readSource({ kind: 'selection', name: '' });
    expect(sel).toMatchObject({
      sheet: 'Contracts',
      topLeft: 'C4',
      values: [
        [45658, 1200],
        [45689, 600],
      ],
    });
    expect(data.cells.size).toBe(9);
    await expect(wb.readSource({ kind: 'table', name: 'Gone' })).rejects.toThrow(/No table "Gone"/);
    await expect(wb.readSource({ kind: 'sheet', name: 'Nope' })).rejects.toThrow(/No sheet "Nope"/);
  });

  it('reads large ranges in blocks, one sync each', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`c${i}`, i, i * 2, i * 3]);
    fake.addSheet('Big').fill(rows);
    const wb = new ExcelWorkbook({ readCells: 400 });
    const before = fake.syncs;
    const got = await wb.readSource({ kind: 'sheet', name: 'Big' });
    expect(got.values).toEqual(rows);
    // One sync for the range's size, then 250 rows / (400 / 4 = 100 rows a block) = 3 blocks.
    expect(fake.syncs - before).toBe(4);
  });

  it('reads a sheet from A1, null when there is none', async () => {
    fake.addSheet('Policy').fill(
      [
        ['key', 'value'],
        ['fiscalYearStart', 1],
      ],
      1,
      1,
    );
    const wb = new ExcelWorkbook();
    expect(await wb.readSheet('Policy')).toEqual([
      ['', '', ''],
      ['', 'key', 'value'],
      ['', 'fiscalYearStart', 1],
    ]);
    expect(await wb.readSheet('Nope')).toBeNull();
    fake.addSheet('Blank');
    expect(await wb.readSheet('Blank')).toEqual([]);
  });

  it('deletes only RunRate sheets', async () => {
    fake.addSheet('Keep');
    fake.addSheet('Old', { [MARK_KIND]: 'report', [MARK_SHEET]: 'Old' });
    const wb = new ExcelWorkbook();
    await wb.deleteSheet('Old');
    await wb.deleteSheet('Absent');
    await expect(wb.deleteSheet('Keep')).rejects.toBeInstanceOf(UserSheetExists);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Keep']);
  });

  it('defines names, selects ranges, and says what Excel does not know', async () => {
    fake.addSheet('RR Policy');
    fake.names.set('RR_POLICY', { sheet: 'RR Policy', range: 'A1:B2' });
    const wb = new ExcelWorkbook();
    await wb.setName('RR_POLICY', 'RR Policy', 'A5:B40');
    expect(fake.names.get('RR_POLICY')).toEqual({ sheet: 'RR Policy', range: 'A5:B40' });
    await wb.select('RR Policy', 'B7');
    expect(fake.sheet('RR Policy')!.activated).toBe(1);
    expect(fake.selection).toEqual({ sheet: 'RR Policy', range: 'B7' });
    expect(wb.timeZone()).toBe('UTC');
    expect(wb.userName()).toBe('');
    expect(wb.host).toBe('excel');
  });
});

describe('the task pane over ExcelWorkbook', () => {
  it('saves the policy into RR Policy and loads it back from the sheet', async () => {
    const { createPaneHost } = await import('../../../addin/shared/pane-host.js');
    const { parsePolicy, policyHash } = await import('../../../src/policy/parse.js');
    const { examplePolicyValues, csv } = await import('../shared/fixture.js');
    fake.addSheet('Contracts').fill([['Customer', 'Start']]);
    const host = createPaneHost(new ExcelWorkbook(), 'Excel');
    const saved = await host.savePolicy(examplePolicyValues());
    const expected = parsePolicy(csv('policy.csv'));
    expect(saved.state.hash).toBe(policyHash(expected as Exclude<typeof expected, { code: string }>));
    // Excel knows no user: the change log says '' for who.
    expect(saved.state.changeLog.every((c) => c.who === '')).toBe(true);
    const loaded = await host.loadPolicy();
    expect(loaded.fromSheet).toBe(true);
    expect(loaded.hash).toBe(saved.state.hash);
    expect(loaded.changeLog).toEqual(saved.state.changeLog);
    // Marked, named, and the user's sheet untouched.
    expect(fake.sheet('RR Policy')!.props.get(MARK_KIND)).toBe('policy');
    expect(fake.names.get('RR_POLICY')?.sheet).toBe('RR Policy');
    expect(fake.sheet('Contracts')!.cells.size).toBe(2);
  });
});
