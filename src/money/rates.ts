/**
 * Exchange rates to the reporting currency: `reporting amount = local amount x rate`.
 * Rates are kept as exact decimals (numerator / 10^scale) so a tie in rounding is decided exactly.
 */
import { formatDay, type Day } from '../cells/days.js';
import { CellError, cellError, showCell } from '../cells/error.js';
import { isBlankOrZero, isProblem, readDate, readNumber, readText } from '../cells/read.js';

export interface ExactRate {
  /** The rate as a double, for the fast path. */
  value: number;
  /** value = num / 10^scale exactly (num an integer, as a bigint). */
  num: bigint;
  scale: number;
}

export interface FxRates {
  reportingCurrency: string;
  /** Dated rates per currency, sorted by date ascending. */
  dated: Map<string, { day: Day; rate: ExactRate }[]>;
  /** Undated ("board") rates per currency, used by `fx: fixed`. */
  board: Map<string, ExactRate>;
}

/** The rate of the reporting currency to itself. */
export const RATE_ONE: Readonly<ExactRate> = Object.freeze({ value: 1, num: 1n, scale: 0 });

/** Decimal text: digits (thousands may be grouped by commas), a fraction, an exponent. */
const DECIMAL = /^\+?(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d*))?(?:e([+-]?\d{1,4}))?$/i;

/**
 * A positive rate as an exact decimal. Text is read digit for digit (`1.0825`, `0.00000731`,
 * `1.2e-3`, `1,234.5`); a number is read through its shortest decimal form, the one JavaScript
 * prints (1.0825 -> num 10825n, scale 4). Trailing zeros are dropped (`1.50` -> 15n, scale 1).
 * Returns null for anything that is not a number above 0 (0, negatives, NaN, Infinity, `abc`).
 */
export function exactRate(value: number | string): ExactRate | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const whole = m[1] !== undefined ? m[1].replace(/,/g, '') : m[2];
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return null;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > 400) return null; // far outside what a double holds
  let num = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (num === 0n) return null;
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  while (scale > 0 && num % 10n === 0n) {
    num /= 10n;
    scale--;
  }
  const rateValue = Number(scale === 0 ? `${num}` : `${num}e-${scale}`);
  if (!(rateValue > 0) || !Number.isFinite(rateValue)) return null;
  return { value: rateValue, num, scale };
}

/** Lower case, letters and digits only: how rate-table headers are compared. */
const headerKey = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

type RateField = 'currency' | 'date' | 'rate';
const RATE_HEADERS: Record<string, RateField> = {
  currency: 'currency',
  currencycode: 'currency',
  ccy: 'currency',
  date: 'date',
  asof: 'date',
  effectivedate: 'date',
  ratedate: 'date',
  rate: 'rate',
  fxrate: 'rate',
  exchangerate: 'rate',
};
const FIELD_HELP: Record<RateField, string> = {
  currency: 'currency, currency code or ccy',
  date: 'date, as of, effective date or rate date',
  rate: 'rate, fx rate, exchange rate or rate to <reporting currency>',
};

const isBlankRow = (row: unknown): boolean =>
  Array.isArray(row) ? row.every(isBlankOrZero) : isBlankOrZero(row);

/**
 * Reads a rates table: a header row (row 1) then one rate per row. Columns are found by their
 * header: currency (`currency`, `currency code`, `ccy`), date (`date`, `as of`, `effective date`,
 * `rate date`; optional) and rate (`rate`, `fx rate`, `exchange rate`, `rate to USD` where USD must
 * be the reporting currency). Other columns are ignored. A rate converts to the reporting
 * currency: reporting amount = local amount x rate.
 *
 * A row with a blank date (or a table without a date column) gives the currency's undated board
 * rate, used by `fx: fixed`. The reporting currency always has rate 1: a row for it must say 1.
 * A bad cell, or a second rate for the same currency and date, is an error naming the sheet row
 * and column; all errors (up to `maxErrors`, default 20) come back in one CellError, one per line,
 * with the first error's row and column. A blank table gives rates with no entries.
 */
export function parseRates(
  table: unknown[][] | null | undefined,
  reportingCurrency: string,
  opts: { timeZone?: string; maxErrors?: number } = {},
): FxRates | CellError {
  const reporting = String(reportingCurrency ?? '')
    .trim()
    .toUpperCase();
  if (!/^[A-Z]{3}$/.test(reporting)) {
    return new CellError(
      '#VALUE!',
      `the reporting currency ${showCell(reportingCurrency)} is not a 3-letter currency code`,
    );
  }
  const rates: FxRates = { reportingCurrency: reporting, dated: new Map(), board: new Map() };
  if (isBlankRow(table) || (Array.isArray(table) && table.every(isBlankRow))) return rates;
  if (!Array.isArray(table) || !table.every((row) => Array.isArray(row))) {
    return new CellError('#VALUE!', 'the rates must be a range with a header row (currency, date, rate)');
  }

  // Header.
  const header = table[0];
  const column: Partial<Record<RateField, number>> = {};
  const name: Record<RateField, string> = { currency: 'currency', date: 'date', rate: 'rate' };
  for (let c = 0; c < header.length; c++) {
    const text = readText(header[c]);
    if (text === null) continue;
    const key = headerKey(text);
    let field: RateField | undefined = RATE_HEADERS[key];
    const to = /^rateto([a-z]{3})$/.exec(key);
    if (to) {
      if (to[1].toUpperCase() !== reporting) {
        return new CellError(
          '#VALUE!',
          `rates table, header ${JSON.stringify(text)}: the rates are to ${to[1].toUpperCase()}, but the reporting currency is ${reporting}`,
          1,
          text,
        );
      }
      field = 'rate';
    }
    if (!field) continue;
    const seen = column[field];
    if (seen !== undefined) {
      return new CellError(
        '#VALUE!',
        `rates table: two ${field} columns (${JSON.stringify(name[field])} and ${JSON.stringify(text)}); keep one`,
        1,
        text,
      );
    }
    column[field] = c;
    name[field] = text;
  }
  for (const field of ['currency', 'rate'] as const) {
    if (column[field] === undefined) {
      const found = header.map(readText).filter((t) => t !== null);
      return new CellError(
        '#VALUE!',
        `rates table: row 1 has no ${field} column (name it ${FIELD_HELP[field]}); its headers are ${
          found.length ? found.map((t) => JSON.stringify(t)).join(', ') : 'blank'
        }`,
        1,
      );
    }
  }
  const currencyCol = column.currency as number;
  const rateCol = column.rate as number;
  const dateCol = column.date;

  // Rows.
  const maxErrors = Math.max(1, opts.maxErrors ?? 20);
  const errors: CellError[] = [];
  const seenAt = new Map<string, number>();
  const add = (e: CellError): boolean => {
    errors.push(e);
    return errors.length >= maxErrors;
  };
  let i = 1;
  for (; i < table.length; i++) {
    const row = table[i];
    const r = i + 1;
    if (isBlankRow(row)) continue;

    const rawCurrency = row[currencyCol];
    const text = readText(rawCurrency);
    const currency = text === null ? null : text.toUpperCase();
    let bad = false;
    if (currency === null || !/^[A-Z]{3}$/.test(currency)) {
      bad = true;
      if (add(cellError(r, name.currency, rawCurrency, 'is not a 3-letter currency code (e.g. EUR)'))) break;
    }

    let day: Day | null = null;
    if (dateCol !== undefined) {
      const d = readDate(row[dateCol], opts.timeZone);
      if (isProblem(d)) {
        bad = true;
        if (add(cellError(r, name.date, row[dateCol], d.text))) break;
      } else {
        day = d;
      }
    }

    const rawRate = row[rateCol];
    const n = readNumber(rawRate);
    if (isProblem(n)) {
      if (add(cellError(r, name.rate, rawRate, n.text))) break;
      continue;
    }
    if (n === null || n <= 0) {
      const problem = `is not a rate; give the rate to ${reporting} (${reporting} amount = local amount x rate), above 0`;
      if (add(cellError(r, name.rate, rawRate, problem))) break;
      continue;
    }
    const rate = (typeof rawRate === 'string' ? exactRate(rawRate) : null) ?? exactRate(n);
    if (rate === null) {
      if (add(cellError(r, name.rate, rawRate, 'is not a usable rate'))) break;
      continue;
    }
    if (bad || currency === null) continue;

    if (currency === reporting) {
      if (rate.num !== 1n || rate.scale !== 0) {
        const problem = `is not 1; ${reporting} is the reporting currency, whose rate is always 1`;
        if (add(cellError(r, name.rate, rawRate, problem))) break;
      }
      continue;
    }

    const key = day === null ? currency : `${currency} ${day}`;
    const previous = seenAt.get(key);
    if (previous !== undefined) {
      const what = day === null ? 'two undated rates' : `two rates for ${formatDay(day)}`;
      const col = day === null || dateCol === undefined ? name.currency : name.date;
      const message = `row ${r}, ${col}: ${currency} has ${what} (rows ${previous} and ${r}); keep one`;
      if (add(new CellError('#VALUE!', message, r, col))) break;
      continue;
    }
    seenAt.set(key, r);
    if (day === null) {
      rates.board.set(currency, rate);
    } else {
      let list = rates.dated.get(currency);
      if (!list) rates.dated.set(currency, (list = []));
      list.push({ day, rate });
    }
  }

  if (errors.length > 0) {
    const lines = errors.map((e) => e.message);
    if (table.slice(i + 1).some((row) => !isBlankRow(row))) lines.push(`(stopped after ${maxErrors} errors)`);
    return new CellError('#VALUE!', lines.join('\n'), errors[0].row, errors[0].column);
  }
  for (const list of rates.dated.values()) list.sort((a, b) => a.day - b.day);
  return rates;
}

/** Index of the last entry on or before `day`, or -1. */
function lastOnOrBefore(list: readonly { day: Day }[], day: Day): number {
  let lo = 0;
  let hi = list.length; // answer in [lo - 1, hi - 1]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The spot rate of `currency` on `day`: the table's latest dated rate on or before that day.
 * The reporting currency is always 1. Missing: CellError `#N/A`
 * (`no EUR rate on or before 2024-03-31 in the rates table`).
 */
export function spotRate(rates: FxRates, currency: string, day: Day): ExactRate | CellError {
  if (currency === rates.reportingCurrency) return RATE_ONE;
  let list = rates.dated.get(currency);
  if (list === undefined) {
    const upper = currency.trim().toUpperCase();
    if (upper === rates.reportingCurrency) return RATE_ONE;
    currency = upper;
    list = rates.dated.get(currency);
  }
  const i = list ? lastOnOrBefore(list, day) : -1;
  if (list && i >= 0) return list[i].rate;
  let hint = '';
  if (list && list.length > 0) hint = ` (its first ${currency} rate is on ${formatDay(list[0].day)})`;
  else if (rates.board.has(currency))
    hint = ` (it has only an undated ${currency} rate, which fx: fixed uses)`;
  return new CellError(
    '#N/A',
    `no ${currency} rate on or before ${formatDay(day)} in the rates table${hint}`,
  );
}

/**
 * The board rate of `currency` (its undated row), used by `fx: fixed`. The reporting currency is
 * always 1. Missing: CellError `#N/A` saying that fx: fixed needs an undated row.
 */
export function boardRate(rates: FxRates, currency: string): ExactRate | CellError {
  if (currency === rates.reportingCurrency) return RATE_ONE;
  let rate = rates.board.get(currency);
  if (rate === undefined) {
    currency = currency.trim().toUpperCase();
    if (currency === rates.reportingCurrency) return RATE_ONE;
    rate = rates.board.get(currency);
  }
  if (rate !== undefined) return rate;
  return new CellError(
    '#N/A',
    `no undated ${currency} rate in the rates table; fx: fixed needs a ${currency} row with a blank date (its board rate)`,
  );
}
