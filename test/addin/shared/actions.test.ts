/**
 * The task-pane actions through createPaneHost over the in-memory workbook holding the example book.
 * Figures: the ARR on 2025-12-31 under the example policy is 17,938,426.95 USD by the example
 * generator's own arithmetic (examples/README.md), and the core's own ARR sheet function on the same
 * ranges must agree with what the pane writes.
 */
import { describe, expect, it } from 'vitest';
import { excelSerialFromDay } from '../../../src/cells/days.js';
import { readDate } from '../../../src/cells/read.js';
import { CellError } from '../../../src/cells/error.js';
import { callFunction } from '../../../src/functions/registry.js';
import { POLICY_KEYS } from '../../../src/policy/keys.js';
import { defaultPolicy, parsePolicy, policyHash } from '../../../src/policy/parse.js';
import { BOARD_PACK_SHEETS } from '../../../src/reports/pack.js';
import { readSnapshot } from '../../../src/snapshots/read.js';
import { callAction, createPaneHost } from '../../../addin/shared/pane-host.js';
import type { PolicyState } from '../../../addin/shared/host.js';
import { MemoryWorkbook } from '../../../addin/shared/memory-workbook.js';
import { csv, exampleBook, examplePolicyValues } from './fixture.js';

const EXAMPLE_ARR_CENTS = 1_793_842_695; // examples/README.md: 17,938,426.95 on 2025-12-31
const AS_OF = '2025-12-31';
const day = (s: string): number => readDate(s) as number;

/** The RR_POLICY block's values, read through the name as a sheet function would get them. */
function rrPolicy(wb: MemoryWorkbook): unknown[][] {
  const at = wb.nameAddress('RR_POLICY');
  if (!at) throw new Error('no RR_POLICY name');
  return wb.rangeValues(at.sheet, at.address);
}

describe('policy', () => {
  it('starts from the defaults when there is no RR Policy sheet', async () => {
    const { host } = await exampleBook('serial', { setUp: false });
    const s = await host.loadPolicy();
    expect(s.fromSheet).toBe(false);
    expect(s.hash).toBe(policyHash(defaultPolicy()));
    expect(s.fields.map((f) => f.key)).toEqual(POLICY_KEYS.map((k) => k.key));
    expect(s.fields.find((f) => f.key === 'fx')?.choices).toEqual(['contract', 'fixed', 'spot']);
    expect(s.changeLog).toEqual([]);
  });

  it('saves and loads back: RR_POLICY over the key/value block, the hash, a growing change log', async () => {
    const { wb, host } = await exampleBook('serial', { setUp: false });
    const first = await host.savePolicy(examplePolicyValues());
    const expected = parsePolicy(csv('policy.csv')) as ReturnType<typeof defaultPolicy>;
    expect(expected).not.toBeInstanceOf(CellError);
    expect(first.state.hash).toBe(policyHash(expected));
    // The keys the example sets to something other than the default, and only those, changed.
    const defaults = new Map(POLICY_KEYS.map((k) => [k.key as string, k.default]));
    const differing = Object.entries(examplePolicyValues())
      .filter(([k, v]) => defaults.get(k) !== v)
      .map(([k]) => k);
    expect(first.changed.sort()).toEqual(differing.sort());
    expect(first.state.changeLog).toHaveLength(differing.length);
    expect(first.state.changeLog.every((c) => c.who === 'A finance user' && !isNaN(Date.parse(c.when)))).toBe(
      true,
    );

    // The name covers exactly the 2-column block, header included, and parsePolicy reads it.
    const at = wb.nameAddress('RR_POLICY');
    expect(at).toEqual({ sheet: 'RR Policy', address: `A4:B${4 + POLICY_KEYS.length}` });
    const block = rrPolicy(wb);
    expect(block[0]).toEqual(['Key', 'Value']);
    expect(block.every((r) => r.length === 2)).toBe(true);
    const read = parsePolicy(block);
    expect(read).not.toBeInstanceOf(CellError);
    expect(policyHash(read as typeof expected)).toBe(first.state.hash);
    expect(wb.sheet('RR Policy')?.kind).toBe('policy');
    expect(wb.sheet('Policy')?.kind).toBe('report');

    const second = await host.savePolicy({ renewalGraceDays: '45' });
    expect(second.changed).toEqual(['renewalGraceDays']);
    expect(second.state.changeLog).toHaveLength(differing.length + 1);
    expect(second.state.changeLog.at(-1)).toMatchObject({ key: 'renewalGraceDays', from: '30', to: '45' });
    const loaded: PolicyState = await host.loadPolicy();
    expect(loaded.fromSheet).toBe(true);
    expect(loaded.hash).toBe(second.state.hash);
    expect(loaded.hash).not.toBe(first.state.hash);
    expect(loaded.changeLog).toEqual(second.state.changeLog);
  });

  it('names the row of a bad value typed into the sheet, and refuses a bad value from the form', async () => {
    const { wb, host } = await exampleBook('serial', { setUp: false });
    await host.savePolicy(examplePolicyValues());
    const fxRow = 5 + POLICY_KEYS.findIndex((k) => k.key === 'fx');
    wb.setCell('RR Policy', `B${fxRow}`, 'sideways');
    await expect(host.loadPolicy()).rejects.toThrow(
      new RegExp(`row ${fxRow} .*fx: "sideways" is not allowed`),
    );
    wb.setCell('RR Policy', `B${fxRow}`, 'spot');
    await expect(host.savePolicy({ rounding: 'up' })).rejects.toThrow(/rounding: "up" is not allowed/);
  });
});

describe('reports', () => {
  it('writes the pack with the Summary ARR equal to the ARR function on the same ranges (Excel serials)', async () => {
    const { wb, host } = await exampleBook('serial');
    wb.setSheet('Notes', [['Board meeting notes'], ['=1+1 stays as typed']]);
    const progress: string[] = [];
    const run = await host.generateReports(AS_OF, (m) => progress.push(m));
    expect(run.sheets.map((s) => s.name)).toEqual([...BOARD_PACK_SHEETS]);
    expect(run.skipped).toEqual([]);
    for (const name of BOARD_PACK_SHEETS) {
      expect(wb.sheet(name)?.kind).toBe('report');
      expect(progress).toContain(`Writing ${name}`);
    }
    const fn = callFunction('ARR', [
      wb.rangeValues('Data', wb.tableAddress('Contracts')!.address),
      excelSerialFromDay(day(AS_OF)),
      rrPolicy(wb),
      wb.rangeValues('Rates', wb.tableAddress('Rates')!.address),
    ]);
    expect(fn).toBe(EXAMPLE_ARR_CENTS / 100);
    expect(run.arrCents).toBe(EXAMPLE_ARR_CENTS);
    const summary = wb.readSheet('Summary')!;
    const arrRow = summary.find((r) => r[0] === 'ARR')!;
    expect(arrRow[1]).toBe(fn);
    expect(run.syncs).toBeGreaterThanOrEqual(BOARD_PACK_SHEETS.length);
    expect(wb.readSheet('Notes')).toEqual([['Board meeting notes'], ['=1+1 stays as typed']]);
    expect(wb.sheet('Notes')?.kind).toBe('user');
  });

  it('never touches a user sheet named Summary, and reads ISO text dates (Sheets)', async () => {
    const { wb, host } = await exampleBook('iso');
    wb.setSheet('Summary', [['My own summary', 42]]);
    const run = await host.generateReports(AS_OF);
    expect(run.skipped).toEqual(['Summary']);
    expect(run.sheets.map((s) => s.name)).toEqual(BOARD_PACK_SHEETS.filter((n) => n !== 'Summary'));
    expect(wb.readSheet('Summary')).toEqual([['My own summary', 42]]);
    expect(wb.sheet('Summary')?.kind).toBe('user');
    expect(run.arrCents).toBe(EXAMPLE_ARR_CENTS);
    // Regenerating replaces RunRate's own sheets and still skips the user's.
    const again = await host.generateReports(AS_OF);
    expect(again.skipped).toEqual(['Summary']);
    expect(wb.sheetNames().filter((n) => n === 'Bridge')).toHaveLength(1);
  });

  it('keeps text that looks like a formula as text in every report sheet', async () => {
    // A customer that moves in the year's bridge (so it is listed), renamed to formula-looking text.
    const probe = await exampleBook('serial');
    await probe.host.generateReports(AS_OF);
    const customers = new Set(probe.contracts.slice(1).map((r) => r[0] as string));
    const listed = probe.wb
      .readSheet('Bridge')!
      .flat()
      .find((v) => typeof v === 'string' && customers.has(v));
    expect(listed).toBeDefined();
    const evil = '=HYPERLINK("x")';
    const { wb, host } = await exampleBook('serial', {
      edit: (t) => t.forEach((r, i) => i > 0 && r[0] === listed && (r[0] = evil)),
    });
    await host.generateReports(AS_OF);
    let seen = 0;
    for (const name of BOARD_PACK_SHEETS) {
      for (const row of wb.sheet(name)!.rows) {
        for (const cell of row) {
          if (!cell) continue;
          if (cell.kind === 'formula') expect(cell.formula).not.toContain('HYPERLINK');
          if (cell.value === evil) {
            expect(cell.kind).toBe('text');
            seen++;
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('errors', () => {
  it("a core error reaches the pane as an Error with the core's row and column message", async () => {
    const { host } = await exampleBook('serial', {
      edit: (t) => {
        t[10][6] = 'not a date'; // End Date of the range's row 11
      },
    });
    await expect(host.generateReports(AS_OF)).rejects.toThrow(
      /^row 11, End Date: "not a date" is not a date/,
    );
    await expect(host.lockSnapshot(AS_OF)).rejects.toThrow(/^row 11, End Date/);
    const fresh = await exampleBook('serial', { setUp: false });
    await expect(fresh.host.generateReports(AS_OF)).rejects.toThrow(/No contract range is chosen yet/);
  });

  it('adds the sheet cell when the range does not start at A1', async () => {
    const { host } = await exampleBook('serial', {
      topLeft: 'B3',
      edit: (t) => {
        t[10][6] = 'not a date'; // End Date (7th column) of the range's row 11
      },
    });
    // Range row 11 is sheet row 3 + 11 - 1 = 13; the 7th column from B is H.
    await expect(host.generateReports(AS_OF)).rejects.toThrow(/^row 11, End Date: .*\(cell Data!H13\)$/);
    await expect(host.lockSnapshot(AS_OF)).rejects.toThrow(/\(cell Data!H13\)$/);
  });
});

describe('data', () => {
  it('detects the mapping, and findings carry the sheet and address of their row', async () => {
    const { wb, host } = await exampleBook('serial', {
      topLeft: 'B3',
      edit: (t) => {
        t[10][6] = 'not a date'; // End Date of the range's row 11
      },
    });
    const info = await host.currentContracts();
    expect(info?.missing).toEqual([]);
    expect(info?.lines).toBe(1600);
    expect(info?.label).toBe('Table Contracts (Data!B3:V1603)');
    expect(info?.mapping.find((m) => m.header === 'End Date')?.field).toBe('end');
    expect(info?.mapping.find((m) => m.header === 'Sales Rep')?.field).toBe('rep');

    const run = await host.runChecks(AS_OF);
    const bad = run.findings.find((f) => f.rule === 'bad-cell');
    expect(bad).toBeDefined();
    expect(bad!.message).toMatch(/row 11, End Date/);
    // Range row 11 sits on sheet row 3 + 11 - 1 = 13, across the range's columns B:V.
    expect(bad).toMatchObject({ severity: 'error', sheet: 'Data', address: 'B13:V13' });
    expect(run.errors).toBeGreaterThan(0);
    await host.selectFinding(bad!);
    expect(wb.selection).toEqual({ sheet: 'Data', address: 'B13:V13' });
  });

  it("applies a finance user's mapping: a renamed header mapped by hand", async () => {
    const { wb, host } = await exampleBook('serial', {
      setUp: false,
      edit: (t) => {
        t[0][0] = 'Who pays'; // no alias: detected as ignored
      },
    });
    await host.savePolicy(examplePolicyValues());
    const src = { kind: 'table', name: 'Contracts' } as const;
    const detected = await host.describeSource(src);
    expect(detected.missing).toEqual(['customer']);
    await expect(host.useContracts(src, detected.mapping, null)).rejects.toThrow(/customer/);
    const mapping = detected.mapping.map((m) => (m.column === 0 ? { ...m, field: 'customer' } : m));
    const used = await host.useContracts(src, mapping, { kind: 'table', name: 'Rates' });
    expect(used.missing).toEqual([]);
    expect(used.rates).toEqual({ kind: 'table', name: 'Rates' });
    // Remembered in the RR Policy sheet: a new pane host over the same workbook finds it, rates too.
    const again = await createPaneHost(wb, 'Test workbook').currentContracts();
    expect(again?.mapping[0]).toMatchObject({ header: 'Who pays', field: 'customer' });
    expect(again?.rates).toEqual({ kind: 'table', name: 'Rates' });
    const run = await host.generateReports(AS_OF);
    expect(run.arrCents).toBe(EXAMPLE_ARR_CENTS);
  });
});

describe('snapshots', () => {
  it('locks into a protected sheet readSnapshot reads as intact; an edit makes verify report it', async () => {
    const { wb, host } = await exampleBook('serial');
    const info = await host.lockSnapshot(AS_OF);
    expect(info.sheet).toBe('RR Snapshot 2025-12-31');
    expect(info.totalCents).toBe(EXAMPLE_ARR_CENTS);
    expect(info.asOf).toBe(AS_OF);
    const sheet = wb.sheet(info.sheet)!;
    expect(sheet.kind).toBe('snapshot');
    expect(sheet.protected).toBe(true);
    const read = readSnapshot(wb.readSheet(info.sheet)!);
    expect(read).not.toBeInstanceOf(CellError);
    if (read instanceof CellError) return;
    expect(read.discrepancies).toEqual([]);
    expect(read.snapshot.totalCents).toBe(EXAMPLE_ARR_CENTS);
    expect(read.snapshot.checks.seal).toBe(info.seal);
    expect(await host.verifySnapshot(info.sheet)).toEqual({
      sheet: info.sheet,
      status: 'intact',
      discrepancies: [],
    });

    // A second lock of the same date never replaces the first.
    const second = await host.lockSnapshot(AS_OF);
    expect(second.sheet).toBe('RR Snapshot 2025-12-31 (2)');
    const list = await host.listSnapshots();
    expect(list.map((s) => s.sheet)).toEqual([info.sheet, second.sheet]);
    expect(list.every((s) => s.createdAt !== '' && s.totalCents === EXAMPLE_ARR_CENTS)).toBe(true);

    // The sheet function reads the locked sheet as a snapshot too: nothing moved, one total row.
    const fn = callFunction('RESTATEMENT', [
      wb.rangeValues('Data', wb.tableAddress('Contracts')!.address),
      wb.readSheet(info.sheet),
      rrPolicy(wb),
      wb.rangeValues('Rates', wb.tableAddress('Rates')!.address),
    ]);
    expect(fn).not.toBeInstanceOf(CellError);
    expect(JSON.stringify(fn)).toContain('17938426.95');

    // Nothing moved since the lock.
    const same = await host.restatement(info.sheet);
    expect(same.lines).toEqual([]);
    expect(same.todayCents).toBe(same.snapshotCents);

    // Edit one ARR Reporting cell: refused while protected, then altered once unprotected.
    const firstData = read.firstDataRow;
    expect(() => wb.setCell(info.sheet, `L${firstData}`, 1)).toThrow(/protected/);
    wb.unprotect(info.sheet);
    wb.setCell(info.sheet, `L${firstData}`, 1);
    const v = await host.verifySnapshot(info.sheet);
    expect(v.status).toBe('altered');
    expect(v.discrepancies.some((d) => d.row === firstData && d.column === 'ARR Reporting')).toBe(true);
    await expect(host.restatement(info.sheet)).rejects.toThrow(/altered/);
  });

  it('restates a snapshot against changed data', async () => {
    const { wb, host } = await exampleBook('iso');
    const info = await host.lockSnapshot(AS_OF);
    // Double one line's amount (a recurring USD line live on the date).
    const t = wb.rangeValues('Data', wb.tableAddress('Contracts')!.address);
    const h = t[0];
    const col = (name: string) => h.indexOf(name);
    const r = t.findIndex(
      (row, i) =>
        i > 0 &&
        row[col('Currency')] === 'USD' &&
        row[col('Line Type')] === 'recurring' &&
        String(row[col('Start Date')]) <= AS_OF &&
        String(row[col('End Date')]) >= '2026-06-30' &&
        row[col('Cancel Date')] === '',
    );
    expect(r).toBeGreaterThan(0);
    const amount = t[r][col('Amount')] as number;
    const letter = String.fromCharCode(65 + col('Amount'));
    wb.setCell('Data', `${letter}${r + 1}`, amount * 2);
    const view = await host.restatement(info.sheet);
    expect(view.lines.length).toBe(1);
    expect(view.lines[0]).toMatchObject({ customer: t[r][0], cause: 'amount changed' });
    expect(view.todayCents - view.snapshotCents).toBe(view.lines[0].amountCents);
    expect(view.todayCents).toBeGreaterThan(view.snapshotCents);
  });
});

describe('callAction (Apps Script)', () => {
  it('runs the same actions synchronously by name', async () => {
    const { wb } = await exampleBook('iso');
    const s = callAction(wb, 'loadPolicy', []) as PolicyState;
    expect(s.fromSheet).toBe(true);
    const run = callAction(wb, 'generateReports', [AS_OF, () => undefined]) as { arrCents: number };
    expect(run.arrCents).toBe(EXAMPLE_ARR_CENTS);
    expect(() => callAction(wb, 'hostName', [])).toThrow(/unknown action/);
    expect(() => callAction(wb, 'lockSnapshot', ['2025-02-30'])).toThrow(/2025-02-30/);
  });
});
