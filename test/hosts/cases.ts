import { isRangeKind, KPIS, kpiById, type AnyKpi } from "../../core/index.js";

/**
 * One table of cases for both hosts. A case is written host-neutrally (dates as `day("2026-01-31")`, blank cells
 * as null, omitted arguments as OMITTED); `toExcelArgs` and `toSheetsArgs` turn it into what each host passes.
 * Every registry example is a case, plus cases for blanks, dates across month ends, spilled errors and every
 * error code.
 */
import { boundary, byGroup, customerValue } from "./cases-boundary.js";
import { col, day, Day, EMPTY_CELL, OMITTED, type Arg, type Cell, type HostCase } from "./case-types.js";

export { col, day, Day, EMPTY_CELL, OMITTED, type Arg, type Cell, type HostCase, type HostId } from "./case-types.js";

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
