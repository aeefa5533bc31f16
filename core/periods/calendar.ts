/**
 * Calendar periods of serial dates (days since 1899-12-30) as consecutive integer indices, by integer arithmetic
 * only: PERIODS maps every row to its period, so a Date per row would dominate its cost.
 */
import { monthIndex } from "../dates.js";

export type PeriodKind = "day" | "week" | "month" | "quarter" | "year";

/** Days between the spreadsheet epoch (1899-12-30) and the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Serial of Monday 1900-01-01, the start of ISO week index 0. */
const FIRST_MONDAY = 2;

/** Periods back to the same period a year earlier: 364 days and 52 weeks keep the weekday. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodKind, number>> = {
  day: 364,
  week: 52,
  month: 12,
  quarter: 4,
  year: 1,
};

/** Serial of a civil date (month 0-based) on the proleptic Gregorian calendar (eras of 400 years). */
export function civilToSerial(year: number, month: number, day: number): number {
  const y = month <= 1 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month >= 2 ? month - 2 : month + 10;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + UNIX_EPOCH_SERIAL;
}

/** Serial of the first day of a month index (year × 12 + 0-based month), negative indices included. */
export const monthStart = (month: number): number => {
  const year = Math.floor(month / 12);
  return civilToSerial(year, month - year * 12, 1);
};

/** The index of the period holding calendar day `day` (an integer serial); consecutive periods differ by 1. */
export function periodIndex(kind: PeriodKind, day: number): number {
  switch (kind) {
    case "day":
      return day;
    case "week":
      return Math.floor((day - FIRST_MONDAY) / 7);
    case "month":
      return monthIndex(day);
    case "quarter":
      return Math.floor(monthIndex(day) / 3);
    case "year":
      return Math.floor(monthIndex(day) / 12);
  }
}

/** Serial of the first day of period `index`. */
export function periodStart(kind: PeriodKind, index: number): number {
  switch (kind) {
    case "day":
      return index;
    case "week":
      return index * 7 + FIRST_MONDAY;
    case "month":
      return monthStart(index);
    case "quarter":
      return monthStart(index * 3);
    case "year":
      return civilToSerial(index, 0, 1);
  }
}
