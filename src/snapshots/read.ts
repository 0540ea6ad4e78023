/**
 * Reading a snapshot table back and verifying it: every cell is read as its column's type, then
 * the row checks, the column checks, the header checks, the count, the total, each row's
 * arithmetic, the order of the rows and the seal are recomputed and compared. Every difference is
 * a named discrepancy (`row 57, ARR Reporting: 1234.56 was changed after the lock`).
 *
 * Decisions:
 * - A table is *unreadable* (a CellError) only when it is not a snapshot at all: its first cell is
 *   not `RunRate snapshot`, its format version is unknown, or no row holds the column names. Any
 *   other problem, a cell that does not read included, is a discrepancy: the snapshot was altered.
 * - A cell is compared by its value, not its spelling: a date written back as a serial, 1234.5 for
 *   1234.50, or a number for the text `14` is the same cell; 1234.561 is not (it is not whole cents).
 * - The column names row is found by its names (at least half of them where they belong), so that
 *   an edited header label or name is named rather than making the table unreadable.
 * - Fully blank rows after the last row are ignored (a sheet range may be larger than the snapshot).
 */
import { NO_DAY, formatDay, type Day } from '../cells/days.js';
import { CellError, showCell } from '../cells/error.js';
import { convertCents } from '../arr/model.js';
import { exactRate, type ExactRate } from '../money/rates.js';
import type { RoundingMode } from '../money/round.js';
import { emptyRows, compareRows } from './build.js';
import {
  Problem,
  cellText,
  isProblem,
  readCents,
  readDay,
  readExact,
  readInteger,
  readRate,
  readRows,
  valueText,
} from './cells.js';
import {
  type BadCells,
  type HeaderValue,
  checkHex,
  columnChecks,
  headerCheck,
  policyRowsHash,
  rowChecks,
  seal,
} from './checks.js';
import {
  C_AMOUNT,
  C_ARR,
  C_CHECK,
  C_CONTRACT,
  C_CURRENCY,
  C_CUSTOMER,
  C_END,
  C_EXACT,
  C_FIRST,
  C_LOCAL,
  C_PRODUCT,
  C_RATE,
  C_ROWS,
  C_START,
  COLUMNS,
  FORMAT_VERSION,
  HEADER_LABELS,
  MARKER,
  POLICY_PREFIX,
  SEAL_LABEL,
  WIDTH,
} from './layout.js';
import type { Discrepancy, Snapshot, SnapshotHeader } from './types.js';

export interface ReadSnapshotResult {
  /** The snapshot as read (cells that did not read hold a placeholder; see discrepancies). */
  snapshot: Snapshot;
  /** Empty when the snapshot is intact. */
  discrepancies: Discrepancy[];
  /** Sheet row of the first data row (the rows follow it in order). */
  firstDataRow: number;
}

const isBlankCell = (v: unknown): boolean =>
  v === null || v === undefined || v === 0 || (typeof v === 'string' && v.trim() === '');
const isBlankRow = (row: unknown[] | undefined): boolean => !row || row.every(isBlankCell);
const norm = (v: unknown): string => cellText(v).toLowerCase();

/** 1234.5 -> `1,234.50`. */
function money(cents: number): string {
  const a = Math.abs(cents);
  const units = Math.floor(a / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}${units}.${String(a % 100).padStart(2, '0')}`;
}

class Report {
  readonly list: Discrepancy[] = [];
  private readonly cells = new Set<string>();
  /** Adds a discrepancy unless the same cell already has one. */
  add(row: number | null, column: string | null, message: string): void {
    const key = `${row}|${column}`;
    if (row !== null && column !== null) {
      if (this.cells.has(key)) return;
      this.cells.add(key);
    }
    this.list.push({ row, column, message });
  }
  has(row: number, column: string): boolean {
    return this.cells.has(`${row}|${column}`);
  }
}

/** Reads a snapshot table; a CellError only when it is not a snapshot at all. */
export function readSnapshot(
  table: unknown[][],
  opts: { timeZone?: string } = {},
): ReadSnapshotResult | CellError {
  const tz = opts.timeZone;
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) {
    return new CellError('#VALUE!', `snapshot: the range is empty; a snapshot starts with "${MARKER}"`);
  }
  const first = cellText(table[0][0]);
  if (first.toLowerCase() !== MARKER.toLowerCase()) {
    return new CellError(
      '#VALUE!',
      `snapshot: not a RunRate snapshot (its first cell is ${showCell(table[0][0] ?? null)}; a snapshot starts with "${MARKER}")`,
      1,
    );
  }
  const format = readInteger(table[0][1]);
  if (format !== FORMAT_VERSION) {
    return new CellError(
      '#VALUE!',
      `snapshot: format ${showCell(table[0][1] ?? null)} is not one this version of RunRate reads (format ${FORMAT_VERSION})`,
      1,
    );
  }
  // The column names row.
  let H = -1;
  for (let i = 1; i < table.length && H < 0; i++) {
    const row = table[i];
    if (!Array.isArray(row)) continue;
    let hits = 0;
    for (let c = 0; c < WIDTH; c++) if (norm(row[c]) === COLUMNS[c].toLowerCase()) hits++;
    if (hits * 2 >= WIDTH) H = i;
  }
  if (H < 0) {
    return new CellError(
      '#VALUE!',
      `snapshot: no row holds the column names (${COLUMNS.join(', ')}); it is not a complete snapshot`,
    );
  }

  const report = new Report();
  const header = readHeader(table, H, tz, report);

  // The blank row and the column names.
  if (H - 1 >= 1 && !isBlankRow(table[H - 1]) && header.sealRow !== H - 1) {
    report.add(H, null, `row ${H}: should be blank (it separates the header from the rows)`);
  }
  const names = table[H];
  for (let c = 0; c < Math.max(WIDTH, names.length); c++) {
    const want = c < WIDTH ? COLUMNS[c] : '';
    const got = cellText(names[c]);
    if (got !== want) {
      const col = want || `column ${c + 1}`;
      report.add(
        H + 1,
        col,
        want
          ? `row ${H + 1}, ${col}: the column name is ${showCell(names[c] ?? null)}, not "${want}"`
          : `row ${H + 1}, ${col}: ${showCell(names[c])} is outside the snapshot`,
      );
    }
  }

  // The rows.
  let last = table.length - 1;
  while (last > H && isBlankRow(table[last])) last--;
  const n = last - H;
  const rows = emptyRows(n);
  const bad: BadCells = new Map();
  const storedChecks = new Array<string>(n);
  const problem = (i: number, c: number, raw: unknown, p: Problem): void => {
    bad.set(i * WIDTH + c, `${typeof raw}:${String(raw)}`);
    report.add(H + 2 + i, COLUMNS[c], `row ${H + 2 + i}, ${COLUMNS[c]}: ${showCell(raw ?? null)} ${p.text}`);
  };
  // Dates and rates repeat from row to row: each distinct text is read once.
  const days = new Map<string, Day | null | Problem>();
  const cachedDay = (raw: unknown): Day | null | Problem => {
    if (typeof raw !== 'string') return readDay(raw, tz);
    let d = days.get(raw);
    if (d === undefined) days.set(raw, (d = readDay(raw, tz)));
    return d;
  };
  const rates = new Map<unknown, string | Problem>();
  const dayCell = (i: number, c: number, raw: unknown): Day => {
    const d = cachedDay(raw);
    if (d !== null && !isProblem(d)) return d;
    problem(i, c, raw, d ?? new Problem('is blank; a date is required'));
    return NO_DAY;
  };
  const centsCell = (i: number, c: number, raw: unknown): number => {
    const v = readCents(raw);
    if (!isProblem(v)) return v;
    problem(i, c, raw, v);
    return 0;
  };
  for (let i = 0; i < n; i++) {
    const row = (Array.isArray(table[H + 1 + i]) ? table[H + 1 + i] : []) as unknown[];
    for (let c = WIDTH; c < row.length; c++) {
      if (!isBlankCell(row[c])) {
        report.add(
          H + 2 + i,
          `column ${c + 1}`,
          `row ${H + 2 + i}, column ${c + 1}: ${showCell(row[c])} is outside the snapshot`,
        );
      }
    }
    rows.customer[i] = cellText(row[C_CUSTOMER]);
    rows.product[i] = cellText(row[C_PRODUCT]);
    rows.contract[i] = cellText(row[C_CONTRACT]);
    const lineRows = readRows(row[C_ROWS]);
    if (isProblem(lineRows)) {
      problem(i, C_ROWS, row[C_ROWS], lineRows);
      rows.rows[i] = '';
    } else {
      rows.rows[i] = lineRows.joined;
      rows.firstRow[i] = lineRows.first;
    }
    rows.start[i] = dayCell(i, C_START, row[C_START]);
    rows.end[i] = dayCell(i, C_END, row[C_END]);
    rows.amountCents[i] = centsCell(i, C_AMOUNT, row[C_AMOUNT]);
    rows.localCents[i] = centsCell(i, C_LOCAL, row[C_LOCAL]);
    rows.arrCents[i] = centsCell(i, C_ARR, row[C_ARR]);
    rows.currency[i] = cellText(row[C_CURRENCY]);
    const exact = readExact(row[C_EXACT]);
    if (isProblem(exact)) {
      problem(i, C_EXACT, row[C_EXACT], exact);
    } else if (exact !== null) {
      rows.exactNum[i] = exact[0];
      rows.exactDen[i] = exact[1];
    }
    let rate = rates.get(row[C_RATE]);
    if (rate === undefined) rates.set(row[C_RATE], (rate = readRate(row[C_RATE])));
    if (isProblem(rate)) {
      problem(i, C_RATE, row[C_RATE], rate);
      rows.rate[i] = '';
    } else rows.rate[i] = rate;
    const f = cachedDay(row[C_FIRST]);
    if (isProblem(f)) {
      problem(i, C_FIRST, row[C_FIRST], f);
      rows.firstArr[i] = NO_DAY;
    } else rows.firstArr[i] = f ?? NO_DAY;
    storedChecks[i] = cellText(row[C_CHECK]);
  }

  // The header's own checks.
  const headerChecks: string[] = [];
  for (const h of header.rows) {
    const check = headerCheck(h.label, h.value);
    headerChecks.push(check);
    if (check !== h.check.toLowerCase()) {
      report.add(
        h.row,
        h.label,
        `header, ${h.label}: ${showCell(h.raw ?? null)} does not match its check (row ${h.row}: the value or its check was changed after the lock)`,
      );
    }
  }
  // Row and column checks: an edited cell is where a changed row meets a changed column.
  const rc = rowChecks(rows, bad);
  const badRows: number[] = [];
  for (let i = 0; i < n; i++) if (checkHex(rc.rows, i) !== storedChecks[i].toLowerCase()) badRows.push(i);
  const computedColumns = columnChecks(rc.columnSums, storedChecks, n);
  const storedColumns = header.columnChecks.split(/\s+/).filter((s) => s !== '');
  const badColumns: number[] = [];
  for (let c = 0; c < WIDTH; c++) {
    if ((storedColumns[c] ?? '').toLowerCase() !== computedColumns[c]) badColumns.push(c);
  }
  const cellValue = (i: number, c: number): string => {
    const row = table[H + 1 + i] as unknown[];
    return showCell(row?.[c] ?? null);
  };
  const sheetRow = (i: number) => H + 2 + i;
  for (const i of badRows) {
    const r = sheetRow(i);
    if (badColumns.length > 0 && (badRows.length === 1 || badColumns.length === 1)) {
      for (const c of badColumns) {
        const what =
          c === C_CHECK
            ? 'does not match the row (the check was changed after the lock)'
            : 'was changed after the lock';
        report.add(r, COLUMNS[c], `row ${r}, ${COLUMNS[c]}: ${cellValue(i, c)} ${what}`);
      }
    } else if (badColumns.length > 1) {
      report.add(
        r,
        null,
        `row ${r}: was changed after the lock (in one of ${badColumns.map((c) => COLUMNS[c]).join(', ')})`,
      );
    } else {
      report.add(r, null, `row ${r}: was changed after the lock (its check does not match its cells)`);
    }
  }
  if (badRows.length === 0) {
    for (const c of badColumns) {
      report.add(
        header.rowOf.get('Column checks') ?? null,
        'Column checks',
        `header, Column checks: the check of column ${COLUMNS[c]} does not match its cells (a row was deleted, added or changed, or the checks were)`,
      );
    }
  }
  const badRowSet = new Set(badRows);

  const label = (l: string) => header.rowOf.get(l) ?? null;

  // The count, the total and the policy.
  const s = header.snapshot;
  if (s.rowCount >= 0 && s.rowCount !== n) {
    report.add(label('Rows'), 'Rows', `header, Rows: ${s.rowCount}, but the table has ${n} rows`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += rows.arrCents[i];
  if (!Number.isNaN(s.totalCents) && s.totalCents !== total) {
    report.add(
      label('Total'),
      'Total',
      `header, Total: ${money(s.totalCents)}, but the rows add up to ${money(total)}`,
    );
  }
  const policy = new Map(s.policy);
  if (s.policy.length > 0 && policyRowsHash(s.policy) !== s.policyHash) {
    report.add(
      label('Policy hash'),
      'Policy hash',
      `header, Policy hash: ${JSON.stringify(s.policyHash)} is not the hash of the policy rows (${policyRowsHash(s.policy)})`,
    );
  }
  if (policy.has('version') && policy.get('version') !== s.policyVersion) {
    report.add(
      label('Policy version'),
      'Policy version',
      `header, Policy version: ${JSON.stringify(s.policyVersion)} is not the policy's version ${JSON.stringify(policy.get('version'))}`,
    );
  }
  if (policy.has('reportingCurrency') && policy.get('reportingCurrency') !== s.currency) {
    report.add(
      label('Currency'),
      'Currency',
      `header, Currency: ${JSON.stringify(s.currency)} is not the policy's reporting currency ${JSON.stringify(policy.get('reportingCurrency'))}`,
    );
  }

  // Each intact row's arithmetic, and the order of the rows.
  const mode: RoundingMode = policy.get('rounding') === 'half_even' ? 'half_even' : 'half_up';
  const exactRates = new Map<string, ExactRate | null>();
  let outOfOrder = 0;
  for (let i = 0; i < n; i++) {
    const r = sheetRow(i);
    if (badRowSet.has(i)) continue;
    let num = rows.localCents[i];
    let den = 1;
    if (rows.exactDen[i] !== 0) {
      num = rows.exactNum[i];
      den = rows.exactDen[i];
      const local = convertCents(num, den, num / den, null, mode);
      if (local !== rows.localCents[i]) {
        report.add(
          r,
          'ARR Local',
          `row ${r}, ARR Local: ${money(rows.localCents[i])} is not ARR Local Exact rounded to cents (${money(local)})`,
        );
      }
    }
    let rate = exactRates.get(rows.rate[i]);
    if (rate === undefined) exactRates.set(rows.rate[i], (rate = exactRate(rows.rate[i])));
    if (rate !== null) {
      const arr = convertCents(num, den, num / den, rate, mode);
      if (arr !== rows.arrCents[i]) {
        report.add(
          r,
          'ARR Reporting',
          `row ${r}, ARR Reporting: ${money(rows.arrCents[i])} is not ARR Local x Rate (${money(arr)})`,
        );
      }
    }
    if (rows.currency[i] === s.currency && rows.rate[i] !== '1') {
      report.add(
        r,
        'Rate',
        `row ${r}, Rate: ${rows.rate[i]} on a ${s.currency} line (the reporting currency) is not 1`,
      );
    }
    if (i > 0 && !badRowSet.has(i - 1)) {
      if (rows.customer[i] === rows.customer[i - 1] && rows.firstArr[i] !== rows.firstArr[i - 1]) {
        report.add(
          r,
          'First ARR',
          `row ${r}, First ARR: ${showDay(rows.firstArr[i])} is not the ${showDay(rows.firstArr[i - 1])} of row ${r - 1}, the same customer`,
        );
      }
      if (compareRows(rows, i - 1, i) > 0 && ++outOfOrder <= MAX_ORDER_MESSAGES) {
        report.add(
          r,
          null,
          `row ${r}: out of order after row ${r - 1} (rows are sorted by customer, product, start, end, contract and row; they were moved)`,
        );
      }
    }
  }

  if (outOfOrder > MAX_ORDER_MESSAGES) {
    report.add(null, null, `and ${outOfOrder - MAX_ORDER_MESSAGES} more rows out of order`);
  }

  // The seal, over the checks as they should be.
  const computedSeal = seal(headerChecks, rc.rows);
  if (computedSeal !== header.seal.toLowerCase() && report.list.length === 0) {
    report.add(
      header.sealRow + 1,
      SEAL_LABEL,
      `header, Seal: ${JSON.stringify(header.seal)} does not match the snapshot (the seal or the order of the header rows was changed)`,
    );
  }

  const snapshot: Snapshot = {
    ...s,
    rows,
    checks: {
      rows: storedChecks,
      columns: header.columnChecks,
      header: header.rows.map((h) => h.check),
      seal: header.seal,
    },
  };
  return { snapshot, discrepancies: report.list, firstDataRow: H + 2 };
}

/** Rows out of order are listed up to this many, then counted. */
const MAX_ORDER_MESSAGES = 10;

const showDay = (d: Day): string => (d === NO_DAY ? 'blank' : formatDay(d));

interface HeaderRow {
  row: number;
  label: string;
  raw: unknown;
  value: HeaderValue | { kind: 'bad'; value: string };
  check: string;
}

interface ReadHeader {
  snapshot: SnapshotHeader;
  rows: HeaderRow[];
  rowOf: Map<string, number>;
  columnChecks: string;
  seal: string;
  /** 0-based index of the Seal row (-1 when missing). */
  sealRow: number;
}

/** The header rows 1 .. H - 2 (0-based), by label. */
function readHeader(table: unknown[][], H: number, tz: string | undefined, report: Report): ReadHeader {
  const s: SnapshotHeader = {
    format: FORMAT_VERSION,
    asOf: NO_DAY,
    currency: '',
    policyVersion: '',
    policyHash: '',
    policy: [],
    dataHash: '',
    rowCount: -1,
    totalCents: NaN,
  };
  const rows: HeaderRow[] = [
    {
      row: 1,
      label: MARKER,
      raw: table[0][1],
      value: { kind: 'int', value: FORMAT_VERSION },
      check: cellText(table[0][2]),
    },
  ];
  const rowOf = new Map<string, number>([[MARKER, 1]]);
  let columnChecks = '';
  let sealText = '';
  let sealRow = -1;
  const known = new Set<string>(HEADER_LABELS);
  for (let i = 0; i < H; i++) {
    const row = (Array.isArray(table[i]) ? table[i] : []) as unknown[];
    if (isBlankRow(row)) continue;
    const r = i + 1;
    const label = cellText(row[0]);
    // The seal row has no check: its third cell is blank like the rest.
    for (let c = label === SEAL_LABEL ? 2 : 3; c < row.length; c++) {
      if (!isBlankCell(row[c])) {
        report.add(
          r,
          `column ${c + 1}`,
          `row ${r}, column ${c + 1}: ${showCell(row[c])} is outside the header`,
        );
      }
    }
    if (i === 0) continue; // the marker row, read above
    if (label === SEAL_LABEL) {
      sealText = cellText(row[1]);
      sealRow = i;
      rowOf.set(SEAL_LABEL, r);
      continue;
    }
    const isPolicy = label.startsWith(POLICY_PREFIX);
    if (!isPolicy && !known.has(label)) {
      report.add(r, label || null, `row ${r}: ${showCell(row[0] ?? null)} is not a snapshot header label`);
      rows.push({
        row: r,
        label,
        raw: row[1],
        value: { kind: 'bad', value: valueText(row[1]) },
        check: cellText(row[2]),
      });
      continue;
    }
    if (rowOf.has(label))
      report.add(r, label, `row ${r}: a second "${label}" row (row ${rowOf.get(label)} is the first)`);
    rowOf.set(label, r);
    const raw = row[1];
    let value: HeaderRow['value'];
    const bad = (p: Problem): HeaderRow['value'] => {
      report.add(r, label, `header, ${label}: ${showCell(raw ?? null)} ${p.text} (row ${r})`);
      return { kind: 'bad', value: `${typeof raw}:${String(raw)}` };
    };
    if (isPolicy) {
      const v = valueText(raw);
      s.policy.push([label.slice(POLICY_PREFIX.length), v]);
      value = { kind: 'text', value: v };
    } else if (label === 'As of') {
      const d = readDay(raw, tz);
      if (d === null || isProblem(d)) value = bad(d ?? new Problem('is blank; a date is required'));
      else {
        s.asOf = d;
        value = { kind: 'int', value: d };
      }
    } else if (label === 'Rows') {
      const v = readInteger(raw);
      if (isProblem(v)) value = bad(v);
      else {
        s.rowCount = v;
        value = { kind: 'int', value: v };
      }
    } else if (label === 'Total') {
      const v = readCents(raw);
      if (isProblem(v)) value = bad(v);
      else {
        s.totalCents = v;
        value = { kind: 'int', value: v };
      }
    } else {
      // A hash of 12 decimal digits that a spreadsheet took for a number: its digits, zeros restored.
      const digits =
        (label === 'Policy hash' || label === 'Data hash') &&
        typeof raw === 'number' &&
        Number.isSafeInteger(raw) &&
        raw >= 0 &&
        raw < 1e12;
      const v = digits ? String(raw).padStart(12, '0') : valueText(raw);
      value = { kind: 'text', value: v };
      if (label === 'Currency') s.currency = v;
      else if (label === 'Policy version') s.policyVersion = v;
      else if (label === 'Policy hash') s.policyHash = v;
      else if (label === 'Data hash') s.dataHash = v;
      else if (label === 'Column checks') columnChecks = v;
    }
    rows.push({ row: r, label, raw, value, check: cellText(row[2]) });
  }
  for (const l of [...HEADER_LABELS, SEAL_LABEL]) {
    if (!rowOf.has(l)) report.add(null, l, `header: the "${l}" row is missing`);
  }
  if (s.policy.length === 0) report.add(null, 'Policy', 'header: the policy rows are missing');
  return { snapshot: s, rows, rowOf, columnChecks, seal: sealText, sealRow };
}
