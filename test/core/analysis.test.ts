import { describe, expect, it } from "vitest";
import { dateToSerial, KpiDate } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const serial = (iso: string): number => dateToSerial(utc(iso));
const date = (iso: string): KpiDate => new KpiDate(serial(iso));

describe("COHORT", () => {
  const customers = col("Ann", "Bob", "Ann", "Cid");
  const orders = col(serial("2026-01-01"), serial("2026-01-08"), serial("2026-02-01"), serial("2026-02-01"));

  it("spills one row per first-order month: month start, size, then the share active each month after", () => {
    expectResult(run("COHORT", customers, orders, 3), [
      [date("2026-01-01"), 2, 1, 0.5, ""],
      [date("2026-02-01"), 1, 1, "", ""],
    ]);
  });
  it("returns the cohort month as a date cell holding its serial", () => {
    const out = run("COHORT", customers, orders, 1) as unknown[][];
    expect(out[0]?.[0]).toBeInstanceOf(KpiDate);
    expect((out[0]?.[0] as KpiDate).serial).toBe(serial("2026-01-01"));
  });
  it("defaults to 12 periods, months after the latest order month blank", () => {
    const out = run("COHORT", customers, orders) as unknown[][];
    expect(out[0]).toHaveLength(14);
    expect(out[0]?.slice(4)).toEqual(Array(10).fill(""));
  });
  it("gives the same result for Date objects and serial numbers", () => {
    const withDates = run(
      "COHORT",
      customers,
      col(utc("2026-01-01"), utc("2026-01-08"), utc("2026-02-01"), utc("2026-02-01")),
      3,
    );
    expectResult(withDates, run("COHORT", customers, orders, 3));
  });
  it("compares customers trimmed and case-insensitively and counts a customer once per month", () => {
    const out = run(
      "COHORT",
      col("Ann", " ANN ", "ann", "Bob"),
      col(serial("2026-03-02"), serial("2026-03-20"), serial("2026-05-01"), serial("2026-03-30")),
      3,
    );
    expectResult(out, [[date("2026-03-01"), 2, 1, 0, 0.5]]);
  });
  it("shows 0 for a month with no returning customer before the latest month", () => {
    const out = run(
      "COHORT",
      col("A", "B", "A"),
      col(serial("2026-01-05"), serial("2026-03-05"), serial("2026-03-06")),
      3,
    );
    expectResult(out, [
      [date("2026-01-01"), 1, 1, 0, 1],
      [date("2026-03-01"), 1, 1, "", ""],
    ]);
  });
  it("sorts cohorts oldest first whatever the row order", () => {
    const out = run("COHORT", col("B", "A"), col(serial("2026-06-10"), serial("2025-12-31")), 1) as unknown[][];
    expect(out.map((r) => (r[0] as KpiDate).serial)).toEqual([serial("2025-12-01"), serial("2026-06-01")]);
  });
  it("skips a row whose customer or date is blank, and reads row-shaped ranges", () => {
    expectResult(run("COHORT", row("A", "", "B"), row(serial("2026-01-01"), serial("2026-02-01"), null), 2), [
      [date("2026-01-01"), 1, 1, ""],
    ]);
  });
  it("is #N/A with no complete row, #NUM! for periods out of 1..120, #VALUE! for mismatched sizes", () => {
    expectError(run("COHORT", col("A", ""), col(null, 46023)), "#N/A");
    expectError(run("COHORT", customers, orders, 0), "#NUM!", "periods");
    expectError(run("COHORT", customers, orders, 121), "#NUM!", "periods");
    expectError(run("COHORT", col("A", "B"), col(46023)), "#VALUE!", "customerIds and orderDates", "2 cells", "has 1");
  });
  it("is #VALUE! for an order date given as text, #VALUE! for an invalid Date", () => {
    expectError(run("COHORT", col("A"), col("2026-01-01")), "#VALUE!", "orderDates: cell 1", "DATEVALUE");
    expectError(run("COHORT", col("A"), col(new Date(Number.NaN))), "#VALUE!", "orderDates: cell 1", "invalid date");
  });
});

describe("SEASONALITY", () => {
  it("divides the mean at each season position by the overall mean, as a column for a column", () => {
    expectResult(run("SEASONALITY", col(10, 30, 20, 40), 2), [[0.6], [1.4]]);
  });
  it("returns a row for a row", () => {
    expectResult(run("SEASONALITY", row(10, 30, 20, 40), 2), [[0.6, 1.4]]);
  });
  it("skips blanks but keeps positions", () => {
    // Positions 1 and 3 are season 1, 2 and 4 season 2; the blank at position 3 leaves season 1 with 10 alone.
    expectResult(run("SEASONALITY", col(10, 30, null, 40), 2), [[10 / (80 / 3)], [35 / (80 / 3)]]);
  });
  it("leaves a season blank when it has no values", () => {
    expectResult(run("SEASONALITY", col(10, null, 30, null, 20), 2), [[1], [""]]);
  });
  it("shows #NUM!, never Infinity, in a season whose values add up beyond what a number can hold", () => {
    const out = run("SEASONALITY", col(1e308, -1e308, 1e308, -1e308, 5), 2);
    expectResult(out, [["#NUM!"], ["#NUM!"]]);
  });
  it("is #N/A with fewer values than the season length", () => {
    expectError(run("SEASONALITY", col(1, 2, null), 3), "#N/A", "seasonLength");
  });
  it("shows #DIV/0! when the values average 0, #NUM! for a season length below 1", () => {
    expectResult(run("SEASONALITY", col(5, -5), 2), [["#DIV/0!"], ["#DIV/0!"]]);
    expectError(run("SEASONALITY", col(1, 2), 0), "#NUM!", "seasonLength");
  });
});

describe("TREND", () => {
  it("extends the least-squares line through (position, value), as a row for a row", () => {
    expectResult(run("TREND", row(100, 110, 120, 130), 2), [[140, 150]]);
  });
  it("returns a column for a column", () => {
    expectResult(run("TREND", col(1, 3, 2, 4), 1), [[4.5]]);
  });
  it("keeps the positions of blanks, as FORECAST.LINEAR over the cell positions would", () => {
    expectResult(run("TREND", col(1, null, 3), 2), [[4], [5]]);
  });
  it("is flat for a constant series", () => {
    expectResult(run("TREND", col(7, 7, 7), 3), [[7], [7], [7]]);
  });
  it("is #N/A with fewer than 2 values, #NUM! for a horizon below 1", () => {
    expectError(run("TREND", col(5, null), 1), "#N/A", "at least 2");
    expectError(run("TREND", col(1, 2), 0), "#NUM!", "horizon");
  });
  it("is #VALUE! when horizon is missing", () => {
    expectError(run("TREND", col(1, 2)), "#VALUE!", "horizon");
  });
});

describe("SCORE", () => {
  it("spills one weighted sum per row of criteria", () => {
    expectResult(
      run(
        "SCORE",
        [
          [1, 0, 3],
          [0, 1, 5],
        ],
        row(10, 20, 2),
      ),
      [[16], [30]],
    );
  });
  it("accepts the weights as a column", () => {
    expectResult(run("SCORE", [[1, 2]], col(3, 4)), [[11]]);
  });
  it("counts a blank criterion as 0 and leaves an all-blank row blank", () => {
    expectResult(
      run(
        "SCORE",
        [
          [1, null, 3],
          [null, "", null],
        ],
        row(10, 20, 2),
      ),
      [[16], [""]],
    );
  });
  it("is #VALUE! when the number of criteria columns differs from the number of weights", () => {
    expectError(run("SCORE", [[1, 2, 3]], row(1, 2)), "#VALUE!", "criteria has 3 columns", "weights has 2 values");
  });
  it("is #VALUE! for a text criterion, naming its row and column", () => {
    expectError(
      run(
        "SCORE",
        [
          [1, 2],
          [3, "x"],
        ],
        row(1, 1),
      ),
      "#VALUE!",
      "criteria: cell 4 (row 2, column 2)",
    );
  });
});
