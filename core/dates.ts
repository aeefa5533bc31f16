/** Spreadsheet serial dates: days since 1899-12-30, the convention Excel and Sheets share. */

const MS_PER_DAY = 86_400_000;
/** Days between the spreadsheet epoch (1899-12-30) and the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25_569;

/** A Date's UTC instant as a serial; hosts pass dates already shifted to the sheet's calendar day. */
export const dateToSerial = (date: Date): number => date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;

export const serialToDate = (serial: number): Date => new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));

/**
 * Calendar month of a serial as year × 12 + month (0-based), by integer arithmetic: it runs once per order
 * row in COHORT, where building a Date per row would dominate the cost.
 */
export function monthIndex(serial: number): number {
  // Days-to-civil conversion on the proleptic Gregorian calendar (eras of 400 years).
  const z = Math.floor(serial) - UNIX_EPOCH_SERIAL + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  return year * 12 + month;
}

/** Serial of the first day of a month index. */
export const monthStartSerial = (month: number): number =>
  Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
