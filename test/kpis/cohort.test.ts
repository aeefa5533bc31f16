import { describe, expect, it } from "vitest";
import { KpiDate } from "../../core/index.js";
import { date, serial, utc } from "../helpers/dates.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

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
