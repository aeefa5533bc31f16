/// <reference types="google-apps-script" />
import {
  callKpi,
  causeLangOf,
  isKpiError,
  kpiById,
  publicName,
  toValueOrCells,
  type CauseLang,
  type KpiResult,
} from "../core/index.js";

/**
 * The Sheets side of every `=KPI_NAME(...)`: what Sheets does differently from the other hosts (Dates on the
 * spreadsheet's calendar in and out, an Error whose message starts with the Excel code, since Sheets itself can
 * only show #ERROR!, and error codes as text inside spills). Naming, arity, blanks, result cells and internal
 * errors are the core's host boundary (core/host/boundary.ts).
 */

const MS_PER_DAY = 86_400_000;
const MINUTE_MS = 60_000;
const WINDOW_MS = 7 * MS_PER_DAY;
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

  /** Zone look-ups made so far (each one is an Apps Script service call): the benchmark reads it. */
  lookups = 0;
  /** Offset at each window edge looked up so far, by window number. */
  private readonly edges = new Map<number, number>();
  /** The first minute of the new offset, in the windows that hold a transition. */
  private readonly transitions = new Map<number, number>();

  private lookUp(time: number): number {
    this.lookups++;
    return offsetMinutes(Utilities.formatDate(new Date(time), this.timeZone(), "Z")) * 60_000;
  }

  private edge(window: number): number {
    let offset = this.edges.get(window);
    if (offset === undefined) this.edges.set(window, (offset = this.lookUp(window * WINDOW_MS)));
    return offset;
  }

  /** The first minute at the later offset inside a window whose edges differ: a binary search, 14 look-ups. */
  private transitionIn(window: number, before: number): number {
    let at = this.transitions.get(window);
    if (at !== undefined) return at;
    let low = window * WINDOW_MS;
    let high = low + WINDOW_MS;
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.lookUp(middle) === before) low = middle;
      else high = middle;
    }
    this.transitions.set(window, (at = high));
    return at;
  }

  /**
   * Offset of the spreadsheet's zone at an instant, in ms. Each Utilities.formatDate is a service call, so their
   * number must not grow with the rows: time is cut into windows of a week and the offset looked up at their
   * edges. A window whose edges agree holds no transition (zones change offset at most a few times a year, never
   * twice within a week), so every instant in it has that offset; a window whose edges differ holds one
   * transition, found to the minute once. COHORT over 10^5 timestamped orders over two years costs about 160
   * look-ups, not one per distinct timestamp.
   */
  private offsetAt(time: number): number {
    const window = Math.floor(time / WINDOW_MS);
    const before = this.edge(window);
    const after = this.edge(window + 1);
    if (before === after) return before;
    return time < this.transitionIn(window, before) ? before : after;
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

/**
 * Sheets passes a scalar or rows of cells. Dates become serials on the spreadsheet's calendar; only those two
 * levels are walked (an argument nested deeper is left for the core to reject, never recursed into).
 */
function toCoreValue(value: unknown, clock: SheetClock): unknown {
  const cell = (v: unknown): unknown => {
    if (!isDate(v)) return v;
    const serial = clock.toSerial(v);
    // An invalid Date is left for the core to reject with a precise message.
    return Number.isNaN(serial) ? v : serial;
  };
  if (!Array.isArray(value)) return cell(value);
  return value.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : cell(row)));
}

export type SheetsCell = number | string | boolean | Date;

/** Sheets cannot hold an error inside an array: its code text takes the cell; no cell is ever null. */
export function toSheetsResult(result: KpiResult, clock: SheetClock): SheetsCell | SheetsCell[][] {
  return toValueOrCells<SheetsCell>(result, { date: (serial) => clock.toDate(serial), error: (error) => error.code });
}

/** The language of this execution's error causes, once looked up (each custom-function call is an execution). */
let causeLang: CauseLang | undefined;

/**
 * The language error causes are written in: the spreadsheet's locale ("fr_FR" → French), read only when an error
 * is to be shown and then kept for the rest of the execution. getSpreadsheetLocale is a read-only getter, which
 * custom functions may call; where it fails (no active spreadsheet, a run from the editor) causes stay English.
 */
export function sheetCauseLang(): CauseLang {
  if (causeLang === undefined) {
    try {
      causeLang = causeLangOf(SpreadsheetApp.getActive().getSpreadsheetLocale());
    } catch {
      causeLang = "en";
    }
  }
  return causeLang;
}

/**
 * Runs the KPI `id` on the arguments Sheets passed to `KPI_<id>`. The generated wrapper forwards every argument
 * the formula gave, so a formula with one too many is refused with #VALUE! as Excel refuses it.
 */
export function call(id: string, rawArgs: readonly unknown[]): SheetsCell | SheetsCell[][] {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`#NAME? ${publicName("sheets", id)}: unknown function`);
  const clock = new SheetClock();
  const result = callKpi(
    kpi,
    rawArgs.map((arg) => toCoreValue(arg, clock)),
  );
  if (isKpiError(result)) throw new Error(result.format(publicName("sheets", kpi.id), sheetCauseLang()));
  return toSheetsResult(result, clock);
}
