import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

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
