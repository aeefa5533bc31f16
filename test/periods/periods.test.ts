import { describe, expect, it } from "vitest";
import { dateToSerial, isKpiError, KpiDate, KpiError, type KpiResult, type SpillCell } from "../../core/index.js";
import { PERIODS } from "../../core/kpis/periods.js";
import { evaluate } from "../../core/run.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row } from "../helpers/kpi.js";

const periods = (...args: unknown[]): KpiResult | KpiError => evaluate(PERIODS, args);

/** A spill result, failing the test when it is an error. */
function spill(outcome: KpiResult | KpiError): SpillCell[][] {
  if (isKpiError(outcome)) expect.fail(`expected a spill, got ${outcome.message}`);
  expect(Array.isArray(outcome)).toBe(true);
  return outcome as SpillCell[][];
}

/** The serial of a calendar day, written as a date for readability. */
const day = (iso: string): number => dateToSerial(new Date(`${iso}T00:00:00Z`));

const starts = (outcome: KpiResult | KpiError): number[] => spill(outcome).map((r) => (r[0] as KpiDate).serial);
const column = (outcome: KpiResult | KpiError, c: number): SpillCell[] => spill(outcome).map((r) => r[c] as SpillCell);

describe("PERIODS examples", () => {
  PERIODS.examples.forEach((example, i) => {
    it(`returns the documented result of example ${i + 1}`, () => {
      expectResult(evaluate(PERIODS, example.args), example.result);
    });
  });
});

describe("PERIODS by month", () => {
  it("sums each calendar month by default, oldest first, whatever the order of the rows", () => {
    const outcome = periods(col(day("2026-03-10"), day("2026-01-05"), day("2026-01-31")), col(120, 100, 50));
    expectResult(outcome, [
      [new KpiDate(day("2026-01-01")), 150, "", ""],
      [new KpiDate(day("2026-02-01")), 0, -1, ""],
      [new KpiDate(day("2026-03-01")), 120, new KpiError("#DIV/0!", ""), ""],
    ]);
  });

  it("lists months without rows between the first and the last", () => {
    const outcome = periods(col(day("2025-11-20"), day("2026-04-02")), col(1, 2));
    expect(starts(outcome)).toEqual(
      ["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"].map(day),
    );
    expect(column(outcome, 1)).toEqual([1, 0, 0, 0, 0, 2]);
  });

  it("gives one row when every date falls in the same month", () => {
    const outcome = periods(col(day("2024-02-01"), day("2024-02-29")), col(3, 4));
    expectResult(outcome, [[new KpiDate(day("2024-02-01")), 7, "", ""]]);
  });

  it("returns four columns: start as a date, statistic and the two changes", () => {
    const outcome = spill(periods(col(day("2026-01-05")), col(9)));
    expect(outcome[0]).toHaveLength(4);
    expect(outcome[0]?.[0]).toBeInstanceOf(KpiDate);
  });
});

describe("PERIODS by ISO week", () => {
  it("puts 2020-12-31 in ISO week 53, which starts on Monday 2020-12-28", () => {
    expect(starts(periods(col(day("2020-12-31")), col(1), "week"))).toEqual([day("2020-12-28")]);
  });

  it("keeps Sunday 2021-01-03 in the week of 2020-12-28 and starts a new week on Monday 2021-01-04", () => {
    const outcome = periods(col(day("2020-12-31"), day("2021-01-03"), day("2021-01-04")), col(1, 2, 4), "week");
    expect(starts(outcome)).toEqual([day("2020-12-28"), day("2021-01-04")]);
    expect(column(outcome, 1)).toEqual([3, 4]);
  });

  it("starts the week of Monday 2018-12-31 on that day, although it is ISO week 1 of 2019", () => {
    expect(starts(periods(col(day("2019-01-06"), day("2018-12-31")), col(1, 1), "week"))).toEqual([day("2018-12-31")]);
  });

  it("starts the week of Thursday 2026-01-01 on Monday 2025-12-29", () => {
    expect(starts(periods(col(day("2026-01-01")), col(1), "week"))).toEqual([day("2025-12-29")]);
  });

  it("lists consecutive Mondays, empty weeks included", () => {
    const outcome = periods(col(day("2025-12-30"), day("2026-01-20")), col(5, 6), "week");
    expect(starts(outcome)).toEqual(["2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19"].map(day));
    expect(column(outcome, 1)).toEqual([5, 0, 0, 6]);
  });
});

describe("PERIODS by day, quarter and year", () => {
  it("gives one row per calendar day", () => {
    const outcome = periods(col(day("2024-02-28"), day("2024-03-01")), col(1, 2), "day");
    expect(starts(outcome)).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"].map(day));
    expect(column(outcome, 1)).toEqual([1, 0, 2]);
  });

  it("starts quarters in January, April, July and October", () => {
    const dates = col(day("2025-03-31"), day("2025-04-01"), day("2025-12-31"));
    const outcome = periods(dates, col(1, 2, 4), "quarter");
    expect(starts(outcome)).toEqual(["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01"].map(day));
    expect(column(outcome, 1)).toEqual([1, 2, 0, 4]);
  });

  it("starts years on January 1st, leap days included", () => {
    const outcome = periods(col(day("2024-02-29"), day("2026-12-31")), col(1, 2), "year");
    expect(starts(outcome)).toEqual(["2024-01-01", "2025-01-01", "2026-01-01"].map(day));
    expect(column(outcome, 1)).toEqual([1, 0, 2]);
  });
});

describe("PERIODS options", () => {
  const dates = col(day("2026-01-05"), day("2026-01-20"), day("2026-03-10"));
  const values = col(100, 50, 120);

  it.each([
    ["jour", "day"],
    [" Semaine ", "week"],
    ["MOIS", "month"],
    ["Trimestre", "quarter"],
    ["année", "year"],
    ["ANNÉE", "year"],
    ["annee", "year"],
    ["  Month", "month"],
  ])("reads the period %j like %j", (word, english) => {
    expect(periods(dates, values, word)).toEqual(periods(dates, values, english));
  });

  it.each([
    ["somme", "sum"],
    ["Nombre", "count"],
    [" MOYENNE ", "average"],
    ["Average", "average"],
  ])("reads the statistic %j like %j", (word, english) => {
    expect(periods(dates, values, "month", word)).toEqual(periods(dates, values, "month", english));
  });

  it("counts rows per period with count, an empty period counting 0", () => {
    expect(column(periods(dates, values, "month", "count"), 1)).toEqual([2, 0, 1]);
  });

  it("averages each period with average, an empty period being empty", () => {
    expect(column(periods(dates, values, "month", "average"), 1)).toEqual([75, "", 120]);
  });

  it("uses month and sum for omitted or blank options", () => {
    const expected = periods(dates, values, "month", "sum");
    expect(periods(dates, values)).toEqual(expected);
    expect(periods(dates, values, null, null)).toEqual(expected);
    expect(periods(dates, values, "", [[""]])).toEqual(expected);
  });

  it("refuses an unknown period or statistic with #VALUE! listing the choices", () => {
    expectError(periods(dates, values, "hour"), "#VALUE!", "period", "hour", "month", "mois");
    expectError(periods(dates, values, "month", "median"), "#VALUE!", "statistic", "median", "moyenne");
  });
});

describe("PERIODS change columns", () => {
  it("compares each period with the previous one as (v − base) / |base|", () => {
    const outcome = periods(col(day("2026-01-01"), day("2026-02-01"), day("2026-03-01")), col(-100, -50, 25));
    expect(column(outcome, 2)).toEqual(["", 0.5, 1.5]);
  });

  it("puts #DIV/0! in the one cell whose base is 0 and numbers in the others", () => {
    const outcome = spill(
      periods(col(day("2026-01-01"), day("2026-02-01"), day("2026-03-01"), day("2026-04-01")), col(10, 0, 5, 10)),
    );
    const changes = outcome.map((r) => r[2]);
    expect(changes[1]).toBe(-1);
    expect(changes[3]).toBe(1);
    expectError(changes[2], "#DIV/0!", "previous month", "0");
    expect(changes[2]).toBeInstanceOf(KpiError);
    expect((changes[2] as KpiError).fn).toBe("PERIODS");
  });

  it("leaves the change empty when the average of either side is empty", () => {
    const outcome = periods(
      col(day("2026-01-01"), day("2026-03-01"), day("2026-04-01")),
      col(10, 20, 30),
      "mois",
      "moyenne",
    );
    expect(column(outcome, 2)).toEqual(["", "", "", 0.5]);
  });

  it("gives #NUM! in a change cell too large to represent", () => {
    const changes = column(periods(col(day("2026-01-01"), day("2026-02-01")), col(1e-300, 1e300)), 2);
    expectError(changes[1], "#NUM!", "too large");
  });

  it.each([
    ["day", "2024-01-01", "2024-12-30", 364],
    ["week", "2024-01-01", "2024-12-30", 52],
    ["month", "2024-01-15", "2025-01-15", 12],
    ["quarter", "2024-02-15", "2025-02-15", 4],
    ["year", "2024-02-15", "2025-02-15", 1],
  ])("compares a %s with the same one a year earlier, %s and %s being %i periods apart", (kind, a, b, lag) => {
    const outcome = spill(periods(col(day(a), day(b)), col(80, 100), kind));
    expect(outcome).toHaveLength(lag + 1);
    expect(outcome[lag]?.[3]).toBe(0.25);
    // Every period before the first year-earlier base has none.
    expect(outcome.slice(0, lag).map((r) => r[3])).toEqual(Array<string>(lag).fill(""));
  });

  it("puts #DIV/0! in the year-earlier change when that period is empty", () => {
    const outcome = spill(periods(col(day("2024-01-15"), day("2025-01-15"), day("2025-02-15")), col(80, 100, 7)));
    expect(outcome[12]?.[3]).toBe(0.25);
    expectError(outcome[13]?.[3], "#DIV/0!", "a year earlier");
  });
});

describe("PERIODS input", () => {
  it("puts a date with a time of day in its calendar day", () => {
    const outcome = periods(col(day("2026-01-31") + 0.99, day("2026-02-01") + 0.01), col(1, 2), "day");
    expect(starts(outcome)).toEqual([day("2026-01-31"), day("2026-02-01")]);
    expect(column(outcome, 1)).toEqual([1, 2]);
    expect(column(periods(col(day("2026-01-31") + 0.99), col(1)), 0)).toEqual([new KpiDate(day("2026-01-01"))]);
  });

  it("accepts the Date objects Sheets passes, times of day included", () => {
    const outcome = periods(col(new Date("2026-01-31T23:30:00Z"), new Date("2026-02-02T08:00:00Z")), col(1, 2), "jour");
    expect(starts(outcome)).toEqual(["2026-01-31", "2026-02-01", "2026-02-02"].map(day));
  });

  it("skips rows with a blank date or value, which open no period", () => {
    const dates = col(day("2025-10-15"), null, day("2026-01-10"), "", day("2026-02-10"), day("2026-04-10"));
    const values = col("", 999, 5, 999, 7, "  ");
    const outcome = periods(dates, values);
    expect(starts(outcome)).toEqual([day("2026-01-01"), day("2026-02-01")]);
    expect(column(outcome, 1)).toEqual([5, 7]);
  });

  it("spills one row per period whatever the orientation of the input", () => {
    const outcome = periods(row(day("2026-01-05"), day("2026-02-05"), day("2026-03-05")), row(1, 2, 3));
    expect(spill(outcome).map((r) => r.length)).toEqual([4, 4, 4]);
    expect(column(outcome, 1)).toEqual([1, 2, 3]);
  });

  it("is #N/A when no row is left", () => {
    expectError(periods(col(null, day("2026-01-01")), col(5, "")), "#N/A", "no complete row");
  });

  it("is #VALUE! for a date cell that is not a date, naming the cell", () => {
    expectError(periods(col(day("2026-01-01"), "March"), col(1, 2)), "#VALUE!", "dates", "cell 2");
  });

  it("is #VALUE! for a value that is text", () => {
    expectError(periods(col(day("2026-01-01")), col("12 €")), "#VALUE!", "values");
  });

  it("is #VALUE! when dates and values differ in size", () => {
    expectError(periods(col(day("2026-01-01"), day("2026-01-02")), col(1)), "#VALUE!", "dates", "values");
  });

  it("is #NUM! for a date before the first spreadsheet date or after 9999-12-31", () => {
    expectError(periods(col(-1), col(1)), "#NUM!", "dates");
    expectError(periods(col(day("2026-01-01"), 2_958_466), col(1, 2), "year"), "#NUM!", "cell 2", "9999-12-31");
  });

  it("names the original cell of a late date after skipped rows", () => {
    expectError(periods(col(null, 1, 2_958_466), col(1, 1, 1)), "#NUM!", "cell 3");
  });

  it("is #NUM! when the periods would not fit a sheet, suggesting a longer period", () => {
    expectError(periods(col(1, 2_958_465), col(1, 2), "day"), "#NUM!", "1,000,000 rows", "longer period");
    expect(spill(periods(col(1, 2_958_465), col(1, 2), "week")).length).toBe(422_639);
  });

  it("is #NUM! when a period's sum overflows", () => {
    expectError(periods(col(day("2026-01-01"), day("2026-01-02")), col(1e308, 1e308)), "#NUM!", "represented");
  });
});
