import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("GROWTHSERIES", () => {
  it("gives period-over-period growth with the first cell blank, as a column for a column", () => {
    expectResult(run("GROWTHSERIES", col(100, 110, 99)), [[""], [0.1], [-0.1]]);
  });
  it("returns a row for a row", () => {
    expectResult(run("GROWTHSERIES", row(100, 110, 121)), [["", 0.1, 0.1]]);
  });
  it("keeps the shape of a 2-D input, reading it row by row", () => {
    expectResult(
      run("GROWTHSERIES", [
        [100, 200],
        [300, 600],
      ]),
      [
        ["", 1],
        [0.5, 1],
      ],
    );
  });
  it("leaves a cell blank when it or its base is blank", () => {
    expectResult(run("GROWTHSERIES", col(100, 110, null, 120, 132)), [[""], [0.1], [""], [""], [0.1]]);
  });
  it("shows #DIV/0! in a cell with a zero base only", () => {
    expectResult(run("GROWTHSERIES", row(100, 0, 50)), [["", -1, "#DIV/0!"]]);
  });
  it("compares with lag periods back, the first lag cells blank", () => {
    expectResult(run("GROWTHSERIES", col(100, 200, 110, 250), 2), [[""], [""], [0.1], [0.25]]);
  });
  it("defaults lag to 1 when omitted or blank", () => {
    expectResult(run("GROWTHSERIES", col(1, 2), null), [[""], [1]]);
  });
  it("is #NUM! for a lag below 1 or not a whole number", () => {
    expectError(run("GROWTHSERIES", col(1, 2), 0), "#NUM!", "lag");
    expectError(run("GROWTHSERIES", col(1, 2), 1.5), "#NUM!", "lag");
  });
  it("divides by the absolute base", () => {
    expectResult(run("GROWTHSERIES", col(-100, -50)), [[""], [0.5]]);
  });
});
