/// <reference types="google-apps-script" />
import { evaluate, isKpiError, KpiDate, kpiById, type KpiResult } from "../core/index.js";

/**
 * The Sheets side of every `=KPI_NAME(...)`: Sheets values in, the core's result out, or an Error whose message
 * starts with the Excel code (Sheets itself can only show #ERROR!).
 */

export const SHEETS_PREFIX = "KPI_";

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/** Sheets passes Dates from its own realm; a tag check works across realms where `instanceof` may not. */
const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === "[object Date]";

/** Minutes east of UTC from a `Z` pattern such as "+0530" or "-0800". */
function offsetMinutes(zone: string): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone.trim());
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * Converts between instants and serials on the spreadsheet's wall clock. A date cell reaches the script as
 * midnight in the SPREADSHEET's time zone, which is not the script's: reading it as UTC would move some dates
 * to the previous day and some orders to the previous month. The zone is looked up once per call, and only if a
 * date is actually seen.
 */
export class SheetClock {
  private zone: string | undefined;
  private readonly offsets = new Map<number, number>();

  private timeZone(): string {
    if (this.zone === undefined) {
      let zone = "";
      try {
        zone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
      } catch {
        // No active spreadsheet (a test run from the editor): the script's zone is the best guess.
      }
      this.zone = zone || Session.getScriptTimeZone();
    }
    return this.zone;
  }

  /** Offset of the spreadsheet's zone at an instant, in ms; cached because ranges repeat the same dates. */
  private offsetAt(time: number): number {
    let offset = this.offsets.get(time);
    if (offset === undefined) {
      offset = offsetMinutes(Utilities.formatDate(new Date(time), this.timeZone(), "Z")) * 60_000;
      this.offsets.set(time, offset);
    }
    return offset;
  }

  toSerial(date: Date): number {
    const time = date.getTime();
    if (Number.isNaN(time)) return Number.NaN;
    return (time + this.offsetAt(time)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  }

  toDate(serial: number): Date {
    const wall = Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
    // The offset at the wall time is right except within a DST jump; one correction settles it.
    const guess = wall - this.offsetAt(wall);
    return new Date(wall - this.offsetAt(guess));
  }
}

function toCoreValue(value: unknown, clock: SheetClock): unknown {
  if (Array.isArray(value)) return value.map((item) => toCoreValue(item, clock));
  if (isDate(value)) {
    const serial = clock.toSerial(value);
    // An invalid Date is left for the core to reject with a precise message.
    return Number.isNaN(serial) ? value : serial;
  }
  return value;
}

export type SheetsCell = number | string | boolean | Date;

/** Sheets cannot hold an error inside an array: its code text takes the cell; no cell is ever null. */
function toSheetsCell(cell: unknown, clock: SheetClock): SheetsCell {
  if (cell instanceof KpiDate) return clock.toDate(cell.serial);
  if (isKpiError(cell)) return cell.code;
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") return cell;
  return "";
}

export function toSheetsResult(result: KpiResult, clock: SheetClock): SheetsCell | SheetsCell[][] {
  if (Array.isArray(result)) return result.map((row) => row.map((cell) => toSheetsCell(cell, clock)));
  return toSheetsCell(result, clock);
}

/** Runs the KPI `id` on the arguments Sheets passed to `KPI_<id>`. */
export function call(id: string, rawArgs: readonly unknown[]): SheetsCell | SheetsCell[][] {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`#NAME? ${SHEETS_PREFIX}${id}: unknown function`);
  const clock = new SheetClock();
  // Sheets passes every declared parameter, trailing omitted ones as undefined.
  const args = rawArgs.slice(0, kpi.params.length).map((arg) => toCoreValue(arg, clock));
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  let result;
  try {
    result = evaluate(kpi, args);
  } catch (error) {
    const reason =
      typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
    throw new Error(`#VALUE! ${SHEETS_PREFIX}${kpi.id}: internal error: ${reason}`);
  }
  if (isKpiError(result)) throw new Error(result.format(SHEETS_PREFIX + kpi.id));
  return toSheetsResult(result, clock);
}
