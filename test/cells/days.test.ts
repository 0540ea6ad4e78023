import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  dayFromExcelSerial,
  dayFromYmd,
  endOfMonth,
  endOfQuarter,
  excelSerialFromDay,
  formatDay,
  formatQuarter,
  isValidYmd,
  startOfQuarter,
  ymdFromDay,
} from '../../src/cells/days.js';

const d = (iso: string) => {
  const [y, m, dd] = iso.split('-').map(Number);
  return dayFromYmd(y, m, dd);
};

describe('calendar days', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    // 2000-03-01: 30 years of 365 days + 7 leap days (72,76,80,84,88,92,96) + Jan 31 + Feb 29 (2000 leap)
    expect(dayFromYmd(2000, 3, 1)).toBe(30 * 365 + 7 + 31 + 29);
  });

  it('round-trips every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(1800, 1, 1), max: dayFromYmd(2400, 12, 31) }), (day) => {
        const { year, month, day: dd } = ymdFromDay(day);
        expect(isValidYmd(year, month, dd)).toBe(true);
        expect(dayFromYmd(year, month, dd)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the length of terms from the methodology', () => {
    expect(d('2023-06-30') - d('2023-01-01') + 1).toBe(181);
    expect(d('2023-12-31') - d('2023-07-01') + 1).toBe(184);
    expect(d('2024-12-31') - d('2024-01-01') + 1).toBe(366);
    expect(d('2026-12-31') - d('2024-01-01') + 1).toBe(1096);
  });

  it('adds months anchored on the start day, clamped to month ends', () => {
    expect(formatDay(addMonths(d('2023-01-31'), 1))).toBe('2023-02-28');
    expect(formatDay(addMonths(d('2023-01-31'), 2))).toBe('2023-03-31');
    expect(formatDay(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDay(addMonths(d('2024-02-29'), 12))).toBe('2025-02-28');
    expect(formatDay(addMonths(d('2023-11-15'), 3))).toBe('2024-02-15');
    expect(formatDay(addMonths(d('2023-03-15'), -3))).toBe('2022-12-15');
  });

  it('finds month and quarter bounds', () => {
    expect(formatDay(endOfMonth(d('2024-02-10')))).toBe('2024-02-29');
    expect(formatDay(startOfQuarter(d('2025-08-19')))).toBe('2025-07-01');
    expect(formatDay(endOfQuarter(d('2025-08-19')))).toBe('2025-09-30');
    expect(formatQuarter(d('2025-12-31'))).toBe('2025-Q4');
  });

  it('reads Excel 1900 serials, refusing the fictitious 1900-02-29', () => {
    expect(formatDay(dayFromExcelSerial(1) as number)).toBe('1900-01-01');
    expect(formatDay(dayFromExcelSerial(59) as number)).toBe('1900-02-28');
    expect(dayFromExcelSerial(60)).toBeNull();
    expect(formatDay(dayFromExcelSerial(61) as number)).toBe('1900-03-01');
    // 2023-01-01 is serial 44927 in Excel's 1900 system.
    expect(formatDay(dayFromExcelSerial(44927) as number)).toBe('2023-01-01');
    expect(formatDay(dayFromExcelSerial(44927.75) as number)).toBe('2023-01-01');
    expect(excelSerialFromDay(d('2023-01-01'))).toBe(44927);
    expect(excelSerialFromDay(d('1900-02-28'))).toBe(59);
    expect(excelSerialFromDay(d('1900-03-01'))).toBe(61);
  });
});
