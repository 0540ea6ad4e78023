/**
 * The board pack of the example book as of 2025-12-31: every sheet present with its title block and
 * marker, every formula proved by the test evaluator (each computes RunRate's `expect`, every check
 * says OK), formulas in the plain syntax every engine evaluates, deterministic apart from
 * generatedAt, independent of the order of the contract rows.
 */
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/cells/error.js';
import { formatDay } from '../../src/cells/days.js';
import { policyHash } from '../../src/policy/parse.js';
import { REPORT_MARKER, type ReportBook } from '../../src/reports/model.js';
import { BOARD_PACK_SHEETS, buildBoardPack } from '../../src/reports/pack.js';
import { dataHash } from '../../src/reports/data-hash.js';
import { titleLines } from '../../src/reports/title.js';
import { OK } from '../../src/reports/cells.js';
import { proveFormulas } from './evaluate.js';
import { AS_OF, GENERATED_AT, allCells, core, exampleInput, pack } from './helpers.js';

const input = exampleInput();
const book = pack(input);
const c = core(input);

describe('the example pack', () => {
  it('has every sheet, in order, with a valid name', () => {
    expect(book.sheets.map((s) => s.name)).toEqual([...BOARD_PACK_SHEETS]);
    expect(BOARD_PACK_SHEETS).toEqual([
      'Summary',
      'Bridge',
      'ARR trend',
      'Retention',
      'Revenue',
      'Checks',
      'Policy',
    ]);
    for (const s of book.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      expect(s.rows.length).toBeGreaterThan(5);
      expect(s.columns.length).toBeGreaterThan(0);
      expect(s.freezeRows).toBeGreaterThanOrEqual(3);
    }
  });

  it('records the policy, the data and the run in the title block', () => {
    expect(book.title).toEqual({
      company: 'RunRate Demo',
      asOf: AS_OF,
      policyVersion: 'FY2025-Q4',
      policyHash: policyHash(c.policy),
      dataHash: dataHash(c.book, c.rates),
      generatedAt: GENERATED_AT,
      currency: 'USD',
    });
    expect(book.title.dataHash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('starts every sheet with the title block and carries the marker', () => {
    for (const s of book.sheets) {
      const [title, who, provenance] = titleLines(s.title, book.title);
      expect(s.rows[0]).toEqual([{ kind: 'text', text: title, style: 'title' }]);
      expect(s.rows[1]).toEqual([{ kind: 'text', text: who, style: 'subtitle' }]);
      expect(s.rows[2]).toEqual([{ kind: 'text', text: provenance, style: 'note' }]);
      expect(s.rows[3]).toEqual([]);
      expect(who).toBe(`RunRate Demo · As of ${formatDay(AS_OF)} · USD`);
      expect(provenance).toBe(
        `${REPORT_MARKER} · policy FY2025-Q4 (${book.title.policyHash}) · data ${book.title.dataHash} · generated ${GENERATED_AT}`,
      );
    }
  });

  it('proves every formula: each computes its expect, every check says OK', () => {
    const { formulas, problems } = proveFormulas(book);
    expect(problems).toEqual([]);
    expect(formulas).toBeGreaterThan(80);
    let checks = 0;
    for (const { cell } of allCells(book)) {
      if (cell?.kind === 'formula' && cell.style === 'check') {
        checks++;
        expect(cell.format).toBe('text');
        expect(cell.expect).toBe(OK);
      }
    }
    expect(checks).toBeGreaterThan(40);
  });

  it('writes formulas in plain syntax: known functions, quoted sheet names, no leading =', () => {
    const used = new Set<string>();
    for (const { cell } of allCells(book)) {
      if (cell?.kind !== 'formula') continue;
      expect(cell.formula).not.toMatch(/^=/);
      for (const m of cell.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]);
      // A reference to another sheet always quotes its name.
      for (const m of cell.formula.matchAll(/([A-Za-z0-9_ ]+)!/g)) expect(m[1]).toBe('');
      if (typeof cell.expect === 'number') expect(Number.isFinite(cell.expect)).toBe(true);
      if (cell.format === 'money' && typeof cell.expect === 'number')
        expect(Number.isInteger(cell.expect)).toBe(true);
    }
    expect([...used].sort()).toEqual(['ABS', 'COUNTIF', 'IF', 'ROUND', 'SUM', 'SUMIFS']);
  });

  it('keeps money in whole cents and every number finite', () => {
    for (const { sheet, row, col, cell } of allCells(book)) {
      if (cell === null) continue;
      const where = `${sheet} row ${row} col ${col}`;
      if (cell.kind === 'money') expect(Number.isInteger(cell.cents), where).toBe(true);
      if (cell.kind === 'percent' || cell.kind === 'multiple' || cell.kind === 'ratio') {
        if (cell.value !== null) expect(Number.isFinite(cell.value), where).toBe(true);
      }
    }
  });

  it('describes its charts over ranges of its own cells and shades the cohort table', () => {
    const charts = book.sheets.flatMap((s) => s.charts.map((ch) => ({ sheet: s.name, ...ch })));
    expect(charts.map((ch) => [ch.sheet, ch.kind])).toEqual([
      ['Bridge', 'waterfall'],
      ['ARR trend', 'line'],
      ['ARR trend', 'stackedColumn'],
      ['Retention', 'line'],
    ]);
    const heat = book.sheets.flatMap((s) => s.heatMaps.map((h) => ({ sheet: s.name, ...h })));
    expect(heat).toHaveLength(1);
    expect(heat[0].sheet).toBe('Retention');
    expect(heat[0].min).toBeLessThan(heat[0].max);
  });
});

describe('determinism', () => {
  const strip = (b: ReportBook) =>
    JSON.stringify(b).replaceAll(GENERATED_AT, 'T').replaceAll('2027-02-03T04:05:06.000Z', 'T');

  it('gives the same pack twice, apart from generatedAt', () => {
    const again = pack(exampleInput({ generatedAt: '2027-02-03T04:05:06.000Z' }));
    expect(again.title.generatedAt).toBe('2027-02-03T04:05:06.000Z');
    expect(strip(again)).toBe(strip(book));
  });

  it('does not depend on the order of the contract rows', () => {
    const [header, ...rows] = input.contracts;
    // A fixed shuffle: odd rows backwards, then even rows.
    const shuffled = [
      header,
      ...rows.filter((_, i) => i % 2 === 1).reverse(),
      ...rows.filter((_, i) => i % 2 === 0),
    ];
    const other = pack(exampleInput({ contracts: shuffled }));
    expect(other.title.dataHash).toBe(book.title.dataHash);
    // Figures are the same; only the Checks sheet names rows, which moved.
    for (const name of ['Summary', 'Bridge', 'ARR trend', 'Retention', 'Revenue', 'Policy']) {
      expect(JSON.stringify(other.sheets.find((s) => s.name === name))).toBe(
        JSON.stringify(book.sheets.find((s) => s.name === name)),
      );
    }
  });

  it('changes the data hash when a figure that matters changes', () => {
    const [header, first, ...rows] = input.contracts;
    const amount = (header as string[]).indexOf('Amount');
    const changed = [...first];
    changed[amount] = String(Number(changed[amount]) + 0.01);
    const other = pack(exampleInput({ contracts: [header, changed, ...rows] }));
    expect(other.title.dataHash).not.toBe(book.title.dataHash);
    // The status column is not read by the engine: it is not in the hash.
    const status = (header as string[]).indexOf('Status');
    const relabelled = [...first];
    relabelled[status] = 'something else';
    expect(pack(exampleInput({ contracts: [header, relabelled, ...rows] })).title.dataHash).toBe(
      book.title.dataHash,
    );
  });
});

describe('errors are values', () => {
  it('returns the CellError of a range that cannot be read', () => {
    const bad = buildBoardPack(
      exampleInput({
        contracts: [
          ['Customer', 'Start', 'End', 'Amount'],
          ['A', 'not a date', '2025-12-31', '1'],
        ],
      }),
    );
    expect(bad).toBeInstanceOf(CellError);
    expect((bad as CellError).message).toMatch(/row 2, Start: "not a date"/);
    const badPolicy = buildBoardPack(
      exampleInput({
        policy: [
          ['Key', 'Value'],
          ['grain', 'planet'],
        ],
      }),
    );
    expect(badPolicy).toBeInstanceOf(CellError);
  });

  it('reports progress, one step at a time', () => {
    const steps: string[] = [];
    pack(exampleInput({ onProgress: (m) => steps.push(m) }));
    expect(steps[0]).toMatch(/reading/);
    for (const name of BOARD_PACK_SHEETS) expect(steps).toContain(`sheet ${name}`);
  });
});
