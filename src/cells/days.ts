/**
 * Calendar days as integers: the number of days since 1970-01-01 (day 0). A `Day` has no time
 * and no time zone; every date in the core is one. Conversions from spreadsheet serials, text and
 * JavaScript `Date` objects happen at the edge (see `read.ts`).
 */
export type Day = number;

/** Marks an absent optional date in typed arrays (`Int32Array`). */
export const NO_DAY = -2147483648;

/** Days from 0000-03-01 style civil algorithm (proleptic Gregorian), valid for any year. */
export function dayFromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymdFromDay(d: Day): Ymd {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year/month/day name a real calendar date (2023-02-30 does not). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DD`. */
export function formatDay(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** `YYYY-MM` of the month holding the day. */
export function formatMonth(d: Day): string {
  const { year, month } = ymdFromDay(d);
  return `${String(year).padStart(4, '0')}-${pad2(month)}`;
}

/** `YYYY-Qn` of the quarter holding the day. */
export function formatQuarter(d: Day): string {
  const { year, month } = ymdFromDay(d);
  return `${String(year).padStart(4, '0')}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * The date `months` calendar months after `d`, anchored on d's day of month and clamped to the
 * last day of a shorter month (2023-01-31 + 1 month = 2023-02-28; + 2 months = 2023-03-31).
 */
export function addMonths(d: Day, months: number): Day {
  const { year, month, day } = ymdFromDay(d);
  const m0 = month - 1 + months;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  return dayFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

export function startOfMonth(d: Day): Day {
  const { year, month } = ymdFromDay(d);
  return dayFromYmd(year, month, 1);
}

export function endOfMonth(d: Day): Day {
  const { year, month } = ymdFromDay(d);
  return dayFromYmd(year, month, daysInMonth(year, month));
}

export function startOfQuarter(d: Day): Day {
  const { year, month } = ymdFromDay(d);
  return dayFromYmd(year, month - ((month - 1) % 3), 1);
}

export function endOfQuarter(d: Day): Day {
  return endOfMonth(addMonths(startOfQuarter(d), 2));
}

/** Excel 1900 date system: serial 1 = 1900-01-01, serial 60 = the fictitious 1900-02-29. */
const EXCEL_EPOCH_SHIFT = 25569; // serial of 1970-01-01

/** Day of an Excel serial (integer part only), or null for serial 60 and serials before 1. */
export function dayFromExcelSerial(serial: number): Day | null {
  const s = Math.floor(serial);
  if (s < 1 || s === 60) return null;
  return s < 60 ? s - EXCEL_EPOCH_SHIFT + 1 : s - EXCEL_EPOCH_SHIFT;
}

/** Excel serial of a day (1900 system). */
export function excelSerialFromDay(d: Day): number {
  const s = d + EXCEL_EPOCH_SHIFT;
  return s <= 60 ? s - 1 : s;
}
