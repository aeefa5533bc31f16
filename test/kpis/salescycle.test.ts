import { describe, it } from "vitest";
import { dateToSerial } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("SALESCYCLE", () => {
  const created = col(46023, 46030, 46040);
  it("averages closed − created over rows with both dates", () => {
    expectResult(run("SALESCYCLE", created, col(46053, 46040, "")), 20);
  });
  it("uses only won rows when outcomes are given, labels trimmed and case-insensitive", () => {
    expectResult(run("SALESCYCLE", created, col(46053, 46040, 46041), col(" won", "Lost", "WON")), 15.5);
  });
  it("takes the median on request", () => {
    expectResult(
      run("SALESCYCLE", created, col(46053, 46040, 46041), col("Won", "Lost", "Won"), "Won", "median"),
      15.5,
    );
    expectResult(run("SALESCYCLE", col(1, 1, 1), col(2, 3, 11), null, null, "MEDIAN"), 2);
  });
  it("defaults wonLabel to Won and statistic to mean", () => {
    expectResult(run("SALESCYCLE", col(1, 1, 1), col(2, 3, 11), col("Won", "Won", "Won")), 13 / 3);
  });
  it("skips a row where any of its paired cells is blank", () => {
    expectResult(run("SALESCYCLE", col(1, null, 1), col(11, 5, 21), col("Won", "Won", "")), 10);
  });
  it("gives the same result for Date objects and serial numbers", () => {
    const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
    const asDates = run("SALESCYCLE", col(d("2026-01-01"), d("2026-01-10")), col(d("2026-01-31"), d("2026-01-20")));
    const asSerials = run(
      "SALESCYCLE",
      col(dateToSerial(d("2026-01-01")), dateToSerial(d("2026-01-10"))),
      col(dateToSerial(d("2026-01-31")), dateToSerial(d("2026-01-20"))),
    );
    expectResult(asDates, 20);
    expectResult(asSerials, 20);
  });
  it("is #N/A when no row has both dates, or no won row does", () => {
    expectError(run("SALESCYCLE", col(1, 2), col(null, "")), "#N/A");
    expectError(run("SALESCYCLE", col(1, 2), col(3, 4), col("Lost", "Open")), "#N/A", "won");
  });
  it("is #NUM! when a closed date is before its created date, naming the cell", () => {
    expectError(run("SALESCYCLE", col(10, 20, 30), col(15, "", 25)), "#NUM!", "closedDates: cell 3");
  });
  it("is #VALUE! for an unknown statistic or mismatched sizes", () => {
    expectError(run("SALESCYCLE", col(1), col(2), null, null, "mode"), "#VALUE!", "statistic", "mean, median");
    expectError(run("SALESCYCLE", col(1, 2), col(2)), "#VALUE!", "createdDates and closedDates", "2 cells", "has 1");
  });
  it("is #NUM!, never Infinity, when the day counts add up beyond what a number can hold", () => {
    expectError(run("SALESCYCLE", col(0, 0), col(1e308, 1e308)), "#NUM!", "too large");
  });
  it("takes the median of two huge day counts without overflowing", () => {
    expectResult(run("SALESCYCLE", col(0, 0), col(1e308, 1e308), null, null, "median"), 1e308);
  });
  it("is #NUM! for a negative serial date", () => {
    expectError(run("SALESCYCLE", col(-1), col(2)), "#NUM!", "createdDates: cell 1");
  });
});
