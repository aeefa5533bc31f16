import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { serialToDate } from "../../core/index.js";
import { PERIODS } from "../../core/kpis/periods.js";
import { evaluate } from "../../core/run.js";
import { closeTo } from "../helpers/expect.js";
import { comparable, type DataCell } from "../helpers/hyperformula-kpi.js";
import { seeded, type Rng } from "../helpers/random.js";

/**
 * PERIODS against native formulas in HyperFormula: period starts from DATE/EDATE/WEEKDAY, each statistic by
 * SUMIFS/COUNTIFS over [start, next start) (HyperFormula has no AVERAGEIFS) on a seeded random log with blanks, times of day, zero and
 * negative amounts, and the change columns as plain cell arithmetic. The core must agree to 1e-9 relative.
 */

const SEEDS = [7, 2026];
const ROWS = 300;
const HF_CONFIG = { licenseKey: "gpl-v3", smartRounding: false } as const;

type Kind = "day" | "week" | "month" | "quarter" | "year";

/** How each period kind is laid out natively, and how many days of log make it interesting. */
const KINDS: Record<Kind, { spanDays: number; lag: number; first: string; next: (prev: string) => string }> = {
  day: { spanDays: 800, lag: 364, first: "INT(MIN(@D))", next: (a) => `${a}+1` },
  week: { spanDays: 1_200, lag: 52, first: "INT(MIN(@D))-WEEKDAY(INT(MIN(@D)),2)+1", next: (a) => `${a}+7` },
  month: { spanDays: 1_600, lag: 12, first: "EOMONTH(INT(MIN(@D)),-1)+1", next: (a) => `EDATE(${a},1)` },
  quarter: {
    spanDays: 2_400,
    lag: 4,
    first: "DATE(YEAR(MIN(@D)),INT((MONTH(MIN(@D))-1)/3)*3+1,1)",
    next: (a) => `EDATE(${a},3)`,
  },
  year: { spanDays: 3_000, lag: 1, first: "DATE(YEAR(MIN(@D)),1,1)", next: (a) => `DATE(YEAR(${a})+1,1,1)` },
};

/** The number of periods from the earliest to the latest date, counted on JavaScript's own calendar. */
function periodCount(kind: Kind, earliest: number, latest: number): number {
  const a = serialToDate(Math.floor(earliest));
  const b = serialToDate(Math.floor(latest));
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  const mondayOf = (d: Date): number => d.getTime() / 86_400_000 - ((d.getUTCDay() + 6) % 7);
  switch (kind) {
    case "day":
      return Math.floor(latest) - Math.floor(earliest) + 1;
    case "week":
      return (mondayOf(b) - mondayOf(a)) / 7 + 1;
    case "month":
      return months + 1;
    case "quarter":
      return (
        Math.floor(b.getUTCMonth() / 3) -
        Math.floor(a.getUTCMonth() / 3) +
        4 * (b.getUTCFullYear() - a.getUTCFullYear()) +
        1
      );
    case "year":
      return b.getUTCFullYear() - a.getUTCFullYear() + 1;
  }
}

/** A transaction log: dates with a time of day over `spanDays`, amounts with refunds and zeros, 10% blanks. */
function randomLog(rng: Rng, spanDays: number): { dates: DataCell[]; values: DataCell[] } {
  const origin = 42_000 + rng.int(0, 3_000);
  const dates = Array.from({ length: ROWS }, (): DataCell =>
    rng.chance(0.1) ? null : origin + rng.int(0, spanDays) + (rng.chance(0.5) ? rng.next() : 0),
  );
  const values = Array.from({ length: ROWS }, (): DataCell =>
    rng.chance(0.1)
      ? null
      : rng.chance(0.05)
        ? 0
        : Math.round((rng.chance(0.1) ? -1 : 1) * rng.next() * 1_000_000) / 100,
  );
  return { dates, values };
}

/** The native table: one row per period, [start, statistic, change vs previous, change vs a year earlier]. */
function nativeTable(kind: Kind, statistic: string, rows: number): string[][] {
  const { lag, first, next } = KINDS[kind];
  const D = `Data!$A$1:$A$${ROWS}`;
  const V = `Data!$B$1:$B$${ROWS}`;
  const within = (r: number): string => `${D},">="&A${r},${D},"<"&${next(`A${r}`)},${V},"<>"`;
  const stat = (r: number): string =>
    statistic === "sum"
      ? `=SUMIFS(${V},${within(r)})`
      : statistic === "count"
        ? `=COUNTIFS(${within(r)})`
        : // HyperFormula has no AVERAGEIFS: its sum over its count is the same average.
          `=IF(COUNTIFS(${within(r)})=0,"",SUMIFS(${V},${within(r)})/COUNTIFS(${within(r)}))`;
  const change = (r: number, base: number): string =>
    base < 1 ? `=""` : `=IF(OR(B${base}="",B${r}=""),"",(B${r}-B${base})/ABS(B${base}))`;
  return Array.from({ length: rows }, (_, i) => {
    const r = i + 1;
    const start = r === 1 ? `=${first.replaceAll("@D", D)}` : `=${next(`A${r - 1}`)}`;
    return [start, stat(r), change(r, r - 1), change(r, r - lag)];
  });
}

function agree(actual: unknown, expected: unknown, path: string): void {
  if (typeof actual === "number" && typeof expected === "number") {
    if (!closeTo(actual, expected)) expect.fail(`${path}: ${actual} is not within 1e-9 of ${expected}`);
    return;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    expect(actual.length, `${path}: length`).toBe(expected.length);
    actual.forEach((v, i) => agree(v, expected[i], `${path}[${i}]`));
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe("PERIODS agrees with SUMIFS and COUNTIFS over date bounds in HyperFormula", () => {
  for (const kind of Object.keys(KINDS) as Kind[]) {
    for (const statistic of ["sum", "count", "average"]) {
      it.each(SEEDS)(`by ${kind}, ${statistic}, on the random log of seed %i`, (seed) => {
        const { dates, values } = randomLog(seeded(seed), KINDS[kind].spanDays);
        const kept = dates.flatMap((d, i) => (d !== null && values[i] !== null ? [d as number] : []));
        const rows = periodCount(kind, Math.min(...kept), Math.max(...kept));
        const hf = HyperFormula.buildFromSheets(
          {
            Data: dates.map((d, i) => [d, values[i] ?? null]),
            Native: nativeTable(kind, statistic, rows),
          },
          HF_CONFIG,
        );
        const native = comparable(hf.getSheetValues(hf.getSheetId("Native") as number));
        hf.destroy();
        const core = comparable(evaluate(PERIODS, [dates.map((d) => [d]), values.map((v) => [v]), kind, statistic]));
        agree(core, native, `${kind} ${statistic}`);
        // The log must exercise what the test is about: empty periods and year-earlier bases.
        expect(rows).toBeGreaterThan(KINDS[kind].lag);
      });
    }
  }
});
