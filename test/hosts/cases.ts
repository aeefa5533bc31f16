import { isRangeKind, KPIS, kpiById, type AnyKpi } from "../../core/index.js";
import { CDNOW_LIKE, simulateLog } from "../clv/simulate.js";

/**
 * One table of cases for both hosts. A case is written host-neutrally (dates as `day("2026-01-31")`, blank cells
 * as null, omitted arguments as OMITTED); `toExcelArgs` and `toSheetsArgs` turn it into what each host passes.
 * Every registry example is a case, plus cases for blanks, dates across month ends, spilled errors and every
 * error code.
 */

export class Day {
  constructor(readonly serial: number) {}
}

/** A date cell, written as an ISO day. */
export const day = (iso: string): Day => new Day(Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569);

export const OMITTED = Symbol("omitted");
/** A scalar argument given as a reference to an empty cell (a cleared threshold): the default applies. */
export const EMPTY_CELL = Symbol("empty cell");

export type Cell = number | string | boolean | null | Day;
export type Arg = Cell | Cell[] | Cell[][] | typeof OMITTED | typeof EMPTY_CELL;

/** The hosts the table runs against: Excel on the web (null blanks), Excel desktop (0 blanks), Sheets, the playground. */
export type HostId = "excel-web" | "excel-desktop" | "sheets" | "playground";

export interface HostCase {
  name: string;
  fn: string;
  args: Arg[];
  /** An error code every host must show, or a value every host must return (dates as Day). */
  expect?: unknown;
  /** Hosts that cannot be asked this case, and why: the table says so rather than skipping silently. */
  differs?: Partial<Record<HostId, string>>;
  /** Relative agreement asked of numbers, when not 1e-9; with the reason. */
  tolerance?: { readonly relative: number; readonly why: string };
}

const isDateKind = (kind: string): boolean => kind === "date" || kind === "dates";

/** Registry examples hold dates as serials: mark them as dates so Sheets receives Date objects. */
function fromExample(kpi: AnyKpi, args: readonly unknown[]): Arg[] {
  return kpi.params.map((param, i): Arg => {
    if (i >= args.length) return OMITTED;
    const arg = args[i];
    const cell = (value: unknown): Cell =>
      value === undefined || value === null
        ? null
        : isDateKind(param.kind) && typeof value === "number"
          ? new Day(value)
          : (value as Cell);
    if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row.map(cell) : cell(row))) as Arg;
    return arg === undefined ? OMITTED : cell(arg);
  });
}

const fromRegistry: HostCase[] = KPIS.flatMap((kpi) =>
  kpi.examples.map((example, i) => ({
    name: `${kpi.id} registry example ${i + 1}`,
    fn: kpi.id,
    args: fromExample(kpi, example.args),
    expect: typeof example.result === "string" && example.result.startsWith("#") ? example.result : undefined,
  })),
);

const col = (...cells: Cell[]): Cell[][] => cells.map((c) => [c]);

const handWritten: HostCase[] = [
  { name: "CAC with no new customers", fn: "CAC", args: [col(100), col(50), col(0)], expect: "#DIV/0!" },
  { name: "NPS with a score of 11", fn: "NPS", args: [col(10, 11)], expect: "#NUM!" },
  {
    name: "CONVERSION with text in a number range",
    fn: "CONVERSION",
    args: [col(5, "abc"), col(10, 20)],
    expect: "#VALUE!",
  },
  { name: "TREND with a single point", fn: "TREND", args: [col(5), 3], expect: "#N/A" },
  {
    name: "WEIGHTEDPIPELINE with ranges of different sizes",
    fn: "WEIGHTEDPIPELINE",
    args: [col(1, 2, 3), col(0.5, 0.5)],
    expect: "#VALUE!",
  },
  {
    name: "NPS skips blank cells in the middle and at the end",
    fn: "NPS",
    args: [col(10, null, 6, 9, null, null)],
    expect: 100 / 3,
  },
  { name: "GROWTH over single cells", fn: "GROWTH", args: [[[120]], [[100]]], expect: 0.2 },
  {
    name: "WINRATE with the default labels omitted",
    fn: "WINRATE",
    args: [col("Won", "lost", "Open", " won ")],
    expect: 2 / 3,
  },
  { name: "STATUS returns text", fn: "STATUS", args: [95, 100, OMITTED, OMITTED], expect: "WARN" },
  {
    name: "GROWTHSERIES keeps a zero base as #DIV/0! in its cell only",
    fn: "GROWTHSERIES",
    args: [col(100, 0, 50, null, 80)],
    expect: [[""], [-1], ["#DIV/0!"], [""], [""]],
  },
  {
    name: "COHORT groups orders by the sheet's calendar month, first days of months included",
    fn: "COHORT",
    args: [
      col("Ann", "Bob", "Ann", "Cid", "Bob"),
      col(day("2026-01-01"), day("2026-01-31"), day("2026-02-01"), day("2026-02-01"), day("2026-03-01")),
      3,
    ],
    expect: [
      [day("2026-01-01"), 2, 1, 0.5, 0.5],
      [day("2026-02-01"), 1, 1, 0, ""],
    ],
  },
  {
    name: "SALESCYCLE measures days between date cells across a DST change",
    fn: "SALESCYCLE",
    args: [col(day("2026-03-20"), day("2026-10-20")), col(day("2026-04-09"), day("2026-11-09"))],
    expect: 20,
  },
  {
    name: "RUNRATE projects with scalar date arguments",
    fn: "RUNRATE",
    args: [col(100, 200), day("2026-01-01"), day("2026-01-31"), day("2026-01-10")],
    expect: 930,
  },
  {
    name: "BREAKDOWN spills keys with their first spelling",
    fn: "BREAKDOWN",
    args: [col("North", "south", "north ", "South"), col(10, 5, 30, 5), OMITTED],
    expect: [
      ["North", 40, 0.8],
      ["south", 10, 0.2],
    ],
  },
  {
    name: "CAC with its newCustomers range left out says the argument is missing",
    fn: "CAC",
    args: [col(100), col(50), OMITTED],
    expect: "#VALUE!",
  },
  {
    name: "WINRATE without labels counts French outcomes (Gagné, Gagnée, Perdu, Perdue)",
    fn: "WINRATE",
    args: [col("Gagné", "Perdue", "En cours", "gagnee", "Perdu")],
    expect: 1 / 2,
  },
  {
    name: "SALESCYCLE with a closed date before its created date",
    fn: "SALESCYCLE",
    args: [col(day("2026-02-10")), col(day("2026-02-01"))],
    expect: "#NUM!",
  },
];

/** A moment of a day: a date cell that also holds a time ("2026-01-31T23:30"). */
const moment = (iso: string): Day => new Day(Date.parse(`${iso}:00Z`) / 86_400_000 + 25_569);
const blanks = (n: number): null[] => Array<null>(n).fill(null);

/**
 * What users met at the host boundary: blanks where a host used to see zeros, cleared cells, single cells,
 * times of day, errors inside spills, one argument too many and labels padded with Unicode spaces.
 */
const boundary: HostCase[] = [
  {
    name: "NPS over a range with room for new rows (trailing empty cells)",
    fn: "NPS",
    args: [col(10, 9, 6, 8, ...blanks(16))],
    expect: 25,
  },
  {
    name: "NPS after a promoter's answer is cleared in the middle of the range",
    fn: "NPS",
    args: [col(10, 9, null, 6, 3, 8)],
    expect: 0,
  },
  { name: "NPS over an all-empty range", fn: "NPS", args: [col(...blanks(5))], expect: "#DIV/0!" },
  { name: "NPS over a single cell", fn: "NPS", args: [[[9]]], expect: 100 },
  { name: "CSAT with empty cells inside the scores", fn: "CSAT", args: [col(5, null, 4, 2, null)], expect: 2 / 3 },
  {
    name: "CSAT with its optional scale and threshold given as cleared cells",
    fn: "CSAT",
    args: [col(5, 4, 2), EMPTY_CELL, EMPTY_CELL],
    expect: 2 / 3,
  },
  {
    name: "SALESCYCLE over open deals whose close dates are empty",
    fn: "SALESCYCLE",
    args: [col(day("2026-01-01"), day("2026-01-10"), day("2026-02-01")), col(day("2026-01-21"), null, null)],
    expect: 20,
  },
  {
    name: "AOV with an empty order id is not a phantom order",
    fn: "AOV",
    args: [col(100, 50, 30, null), col("A1", "A2", "A2", null)],
    expect: 90,
  },
  {
    name: "COHORT puts a late-evening order in its own day's month",
    fn: "COHORT",
    args: [
      col("Ann", "Bob", "Ann"),
      col(moment("2026-01-31T23:30"), moment("2026-02-01T00:30"), moment("2026-02-28T12:00")),
      2,
    ],
    expect: [
      [day("2026-01-01"), 1, 1, 1],
      [day("2026-02-01"), 1, 1, ""],
    ],
  },
  {
    name: "FUNNEL keeps a zero stage's #DIV/0! inside its cell of the spill",
    fn: "FUNNEL",
    args: [col(100, 0, 5), OMITTED],
    expect: [
      [100, 1, 1, 0],
      [0, 0, 0, 1],
      [5, "#DIV/0!", 0.05, "#DIV/0!"],
    ],
  },
  {
    name: "NPS with one argument too many",
    fn: "NPS",
    args: [col(10, 9), col(1)],
    expect: "#VALUE!",
    differs: {
      "excel-web":
        "Excel refuses a formula with more arguments than functions.json declares: it never calls the function",
      "excel-desktop":
        "Excel refuses a formula with more arguments than functions.json declares: it never calls the function",
    },
  },
  {
    name: "REPEATRATE treats ids padded with no-break and ideographic spaces as the same customer",
    fn: "REPEATRATE",
    args: [col("C1", "C1\u00a0", "\u3000c2", "C3", "c3\u2009"), OMITTED],
    expect: 2 / 3,
  },
  {
    name: "WINRATE matches labels padded with Unicode spaces, in a range and in a single cell",
    fn: "WINRATE",
    args: [col("Won\u00a0", "\u2009lost", "Open", "WON\u3000"), "Won\u00a0", OMITTED],
    expect: 2 / 3,
  },
  { name: "WINRATE over a one-cell range with a padded label", fn: "WINRATE", args: [[["Won\u202f"]]], expect: 1 },
  {
    name: "BREAKDOWN shows trimmed keys and merges their padded spellings",
    fn: "BREAKDOWN",
    args: [col("North\u00a0", "South", "\u3000north", "south "), col(10, 5, 30, 5), OMITTED],
    expect: [
      ["North", 40, 0.8],
      ["South", 10, 0.2],
    ],
  },
];

/** BY hands each group's rows to another KPI: dates, blanks and options must cross every host unchanged. */
const byGroup: HostCase[] = [
  {
    name: "BY segment of SALESCYCLE over date cells, open deals' empty close dates skipped",
    fn: "BY",
    args: [
      col("PME", "ETI", "pme ", "ETI", null),
      "SALESCYCLE",
      col(day("2026-01-01"), day("2026-01-10"), day("2026-02-01"), day("2026-03-01"), day("2026-03-02")),
      col(day("2026-01-21"), null, day("2026-02-11"), day("2026-03-31"), day("2026-04-01")),
      OMITTED,
      OMITTED,
      OMITTED,
      OMITTED,
    ],
    expect: [
      ["PME", 15],
      ["ETI", 30],
    ],
  },
  {
    name: "BY rep of WINRATE with French labels passed to every group",
    fn: "BY",
    args: [
      col("Marie", "Paul", "Marie", "Paul"),
      "KPI.WINRATE",
      col("Gagné", "Perdu", "Perdu", "Gagné"),
      "Gagné",
      "Perdu",
    ],
    expect: [
      ["Marie", 0.5],
      ["Paul", 0.5],
    ],
  },
];

/**
 * The customer-value models over a small order log drawn from the BG/NBD and Gamma-Gamma models (30 customers,
 * 75 orders, seed 2: one whose fits converge): dates cross each host as it passes them (Date objects in Sheets).
 */
const orderLog = simulateLog(CDNOW_LIKE, 30, 2, 120, 300);
const logColumn = (column: unknown[][], asDate = false): Cell[][] =>
  column.map(([v]) => [asDate ? new Day(v as number) : (v as Cell)]);
/**
 * Fitted models agree to the optimiser's tolerance, not to the last bits: the browser's Math.exp and Math.log may
 * round differently from Node's in the last bit, and along a flat direction of the likelihood maximum the search
 * stops a little elsewhere (BG/NBD's a moved by 2e-5 relative on this log, the log-likelihood by less than 1e-9).
 */
const FITTED = {
  relative: 1e-4,
  why: "a maximum-likelihood fit, flat along some directions: the browser's and Node's Math.exp/log round differently",
};
const customerValue: HostCase[] = [
  {
    name: "CLV over a small order log, with asOf as a date cell",
    fn: "CLV",
    tolerance: FITTED,
    args: [
      logColumn(orderLog.ids),
      logColumn(orderLog.dates, true),
      logColumn(orderLog.amounts),
      12,
      new Day(orderLog.asOf),
      0.5,
    ],
  },
  {
    name: "CLVMODEL over a small order log",
    fn: "CLVMODEL",
    tolerance: FITTED,
    args: [logColumn(orderLog.ids), logColumn(orderLog.dates, true), logColumn(orderLog.amounts), OMITTED],
  },
  {
    name: "RFM over a small order log",
    fn: "RFM",
    args: [logColumn(orderLog.ids), logColumn(orderLog.dates, true), logColumn(orderLog.amounts), OMITTED],
  },
];

export const CASES: HostCase[] = [...fromRegistry, ...handWritten, ...boundary, ...byGroup, ...customerValue];

export function kpiOf(c: HostCase): AnyKpi {
  const kpi = kpiById(c.fn);
  if (!kpi) throw new Error(`unknown function ${c.fn} in case "${c.name}"`);
  return kpi;
}

/** An argument beyond the declared ones (one too many) is passed as a range. */
export const isRangeArg = (kpi: AnyKpi, i: number): boolean => isRangeKind(kpi.params[i]?.kind ?? "numberList");

/** Excel: ranges always arrive as 2-D arrays, dates as serials, blanks and omitted arguments as null. */
export function toExcelArgs(c: HostCase): unknown[] {
  const kpi = kpiOf(c);
  const cell = (value: Cell): unknown => (value instanceof Day ? value.serial : value);
  return Array.from({ length: Math.max(kpi.params.length, c.args.length) }, (_, i) => {
    const arg = c.args[i];
    if (arg === undefined || arg === OMITTED || arg === EMPTY_CELL) return null;
    if (!Array.isArray(arg)) return isRangeArg(kpi, i) ? [[cell(arg)]] : cell(arg);
    const rows = arg.some(Array.isArray) ? (arg as Cell[][]) : [arg as Cell[]];
    return rows.map((row) => row.map(cell));
  });
}

/** Sheets: a one-cell range arrives as a scalar, blanks as "", dates as Date objects, omitted arguments as undefined. */
export function toSheetsArgs(c: HostCase, makeDate: (serial: number) => Date): unknown[] {
  const cell = (value: Cell): unknown => (value instanceof Day ? makeDate(value.serial) : value === null ? "" : value);
  return c.args.map((_, i) => {
    const arg = c.args[i];
    if (arg === undefined || arg === OMITTED) return undefined;
    if (arg === EMPTY_CELL) return "";
    if (!Array.isArray(arg)) return cell(arg);
    const rows = arg.some(Array.isArray) ? (arg as Cell[][]) : [arg as Cell[]];
    if (rows.length === 1 && rows[0]?.length === 1) return cell(rows[0][0] as Cell);
    return rows.map((row) => row.map(cell));
  });
}
