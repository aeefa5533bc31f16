import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKpiError, KpiDate, KpiError, serialToDate, type SpillCell } from "../../core/index.js";
import { PERIODS } from "../../core/kpis/periods.js";
import { evaluate } from "../../core/run.js";
import { closeTo } from "../helpers/expect.js";

/**
 * Properties of PERIODS: whatever a host passes it returns a well-formed spill or a typed KpiError; on a valid log
 * the periods partition the rows (sums add up to the total, counts to the rows kept) and follow one another.
 */

const RUNS = { numRuns: 200 };
const KINDS = ["day", "week", "month", "quarter", "year"] as const;
type Kind = (typeof KINDS)[number];

/** Any cell a host might pass, including the awkward ones. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 2_958_465, noNaN: true }),
  fc.constantFrom(Number.NaN, Infinity, -1, 1e308, -1e308, 5e-324, 0, -0, 46_023, 2_958_465, 2_958_466),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("1 234,5", "  ", "2026-01-01", "TRUE"),
  fc.boolean(),
  fc.constantFrom(null, "", undefined),
  fc.date({ noInvalidDate: false }),
);
const anyArg: fc.Arbitrary<unknown> = fc.oneof(
  anyCell,
  fc.array(anyCell, { maxLength: 5 }),
  fc.array(fc.array(anyCell, { minLength: 1, maxLength: 1 }), { maxLength: 8 }),
  fc.array(fc.array(anyCell, { maxLength: 3 }), { maxLength: 4 }),
);
const anyOption = fc.oneof(
  fc.constantFrom("day", "Semaine", " mois ", "TRIMESTRE", "année", "annee", "sum", "nombre", "moyenne", "hour"),
  anyCell,
);

/** A valid log: dates (some with a time of day) and amounts, with blank cells on either side. */
const logRow = fc.record({
  date: fc.oneof(
    { weight: 9, arbitrary: fc.double({ min: 45_000, max: 46_500, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(null, "") },
  ),
  value: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => cents / 100) },
    { weight: 1, arbitrary: fc.constantFrom(null, "") },
  ),
});
const log = fc.array(logRow, { minLength: 1, maxLength: 60 });

/** The next period start after `serial`, on JavaScript's own calendar. */
function nextStart(kind: Kind, serial: number): number {
  const d = serialToDate(serial);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const toSerial = (ms: number): number => ms / 86_400_000 + 25_569;
  switch (kind) {
    case "day":
      return serial + 1;
    case "week":
      return serial + 7;
    case "month":
      return toSerial(Date.UTC(y, m + 1, 1));
    case "quarter":
      return toSerial(Date.UTC(y, m + 3, 1));
    case "year":
      return toSerial(Date.UTC(y + 1, 0, 1));
  }
}

/** True when `serial` is the first day of a period of `kind`. */
function isPeriodStart(kind: Kind, serial: number): boolean {
  const d = serialToDate(serial);
  switch (kind) {
    case "day":
      return true;
    case "week":
      return d.getUTCDay() === 1;
    case "month":
      return d.getUTCDate() === 1;
    case "quarter":
      return d.getUTCDate() === 1 && d.getUTCMonth() % 3 === 0;
    case "year":
      return d.getUTCDate() === 1 && d.getUTCMonth() === 0;
  }
}

const isBlank = (v: unknown): boolean => v === null || v === "";

describe("PERIODS properties", () => {
  it("returns a rectangular spill of finite numbers, texts, dates and typed errors, or a typed error, and never throws", () => {
    fc.assert(
      fc.property(anyArg, anyArg, anyOption, anyOption, (dates, values, period, statistic) => {
        const outcome = evaluate(PERIODS, [dates, values, period, statistic]);
        if (isKpiError(outcome)) {
          expect(["#VALUE!", "#NUM!", "#N/A"]).toContain(outcome.code);
          expect(outcome.fn).toBe("PERIODS");
          return;
        }
        expect(Array.isArray(outcome)).toBe(true);
        for (const row of outcome as SpillCell[][]) {
          expect(row).toHaveLength(4);
          expect(row[0]).toBeInstanceOf(KpiDate);
          for (const cell of row.slice(1)) {
            if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
            else if (typeof cell === "string") expect(cell).toBe("");
            else expect(cell).toBeInstanceOf(KpiError);
          }
        }
      }),
      RUNS,
    );
  });

  it("sums over the periods add up to the total of the values kept", () => {
    fc.assert(
      fc.property(log, fc.constantFrom(...KINDS), (rows, kind) => {
        const kept = rows.filter((r) => !isBlank(r.date) && !isBlank(r.value));
        const outcome = evaluate(PERIODS, [rows.map((r) => [r.date]), rows.map((r) => [r.value]), kind, "sum"]);
        if (kept.length === 0) {
          expect(isKpiError(outcome) && outcome.code).toBe("#N/A");
          return;
        }
        const sums = (outcome as SpillCell[][]).map((r) => r[1] as number);
        const total = kept.reduce((s, r) => s + (r.value as number), 0);
        const scale = kept.reduce((s, r) => s + Math.abs(r.value as number), 0);
        const got = sums.reduce((s, v) => s + v, 0);
        expect(closeTo(got - total + scale, scale), `${got} vs ${total}`).toBe(true);
      }),
      RUNS,
    );
  });

  it("counts add up to the number of rows kept, and averages are sum over count", () => {
    fc.assert(
      fc.property(log, fc.constantFrom(...KINDS), (rows, kind) => {
        const kept = rows.filter((r) => !isBlank(r.date) && !isBlank(r.value)).length;
        const args = [rows.map((r) => [r.date]), rows.map((r) => [r.value]), kind];
        const counts = evaluate(PERIODS, [...args, "count"]);
        if (kept === 0) {
          expect(isKpiError(counts)).toBe(true);
          return;
        }
        const c = (counts as SpillCell[][]).map((r) => r[1] as number);
        expect(c.reduce((s, v) => s + v, 0)).toBe(kept);
        const sums = (evaluate(PERIODS, [...args, "sum"]) as SpillCell[][]).map((r) => r[1] as number);
        const averages = (evaluate(PERIODS, [...args, "average"]) as SpillCell[][]).map((r) => r[1]);
        expect(averages).toEqual(c.map((n, i) => (n === 0 ? "" : (sums[i] as number) / n)));
      }),
      RUNS,
    );
  });

  it("gives one row per period, consecutive starts from the earliest date's period to the latest's", () => {
    fc.assert(
      fc.property(log, fc.constantFrom(...KINDS), (rows, kind) => {
        const kept = rows.filter((r) => !isBlank(r.date) && !isBlank(r.value)).map((r) => r.date as number);
        const outcome = evaluate(PERIODS, [rows.map((r) => [r.date]), rows.map((r) => [r.value]), kind]);
        if (kept.length === 0) return;
        const starts = (outcome as SpillCell[][]).map((r) => (r[0] as KpiDate).serial);
        expect(starts.filter((s) => !isPeriodStart(kind, s)).map((s) => serialToDate(s).toISOString())).toEqual([]);
        expect(starts.slice(1)).toEqual(starts.slice(0, -1).map((s) => nextStart(kind, s)));
        const first = starts[0] as number;
        const last = starts[starts.length - 1] as number;
        expect(first).toBeLessThanOrEqual(Math.min(...kept));
        expect(nextStart(kind, first)).toBeGreaterThan(Math.floor(Math.min(...kept)));
        expect(last).toBeLessThanOrEqual(Math.floor(Math.max(...kept)));
        expect(nextStart(kind, last)).toBeGreaterThan(Math.max(...kept));
      }),
      RUNS,
    );
  });

  it("changes are (v − base) / |base| of the statistic column, a year back by the period's lag", () => {
    const lags: Record<Kind, number> = { day: 364, week: 52, month: 12, quarter: 4, year: 1 };
    fc.assert(
      fc.property(log, fc.constantFrom(...KINDS), (rows, kind) => {
        const outcome = evaluate(PERIODS, [rows.map((r) => [r.date]), rows.map((r) => [r.value]), kind]);
        if (isKpiError(outcome)) return;
        const table = outcome as SpillCell[][];
        const expected = (v: SpillCell, base: SpillCell | undefined): unknown =>
          base === undefined
            ? ""
            : base === 0
              ? "#DIV/0!"
              : ((v as number) - (base as number)) / Math.abs(base as number);
        const shown = (cell: SpillCell | undefined): unknown => (cell instanceof KpiError ? cell.code : cell);
        expect(table.map((row) => shown(row[2]))).toEqual(
          table.map((row, i) => expected(row[1] as SpillCell, table[i - 1]?.[1])),
        );
        expect(table.map((row) => shown(row[3]))).toEqual(
          table.map((row, i) => expected(row[1] as SpillCell, table[i - lags[kind]]?.[1])),
        );
      }),
      RUNS,
    );
  });
});
