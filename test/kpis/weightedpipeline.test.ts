import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("WEIGHTEDPIPELINE", () => {
  it("sums amount × probability over paired rows", () => {
    expectResult(run("WEIGHTEDPIPELINE", col(10000, 5000, 20000), col(0.5, 0.2, 0.1)), 8000);
  });
  it("skips a row whose amount or probability is blank", () => {
    expectResult(run("WEIGHTEDPIPELINE", col(10000, 5000, 20000, null), col(0.5, 0.2, "", 1)), 6000);
  });
  it("pairs 2-D ranges cell by cell in reading order", () => {
    expectResult(
      run(
        "WEIGHTEDPIPELINE",
        [
          [100, 200],
          [300, 400],
        ],
        row(1, 0.5, 0, 0.25),
      ),
      300,
    );
  });
  it("is #NUM! for a probability outside [0, 1], naming the cell", () => {
    expectError(run("WEIGHTEDPIPELINE", col(1, 2), col(0.5, 50)), "#NUM!", "probabilities: cell 2");
  });
  it("is #VALUE! naming both arguments and sizes when they differ", () => {
    expectError(
      run("WEIGHTEDPIPELINE", col(1, 2, 3), col(0.5, 0.5)),
      "#VALUE!",
      "amounts and probabilities must be the same size",
      "amounts has 3 cells",
      "probabilities has 2",
    );
  });
  it("is 0 when every row has a blank", () => {
    expectResult(run("WEIGHTEDPIPELINE", col(1, null), col(null, 0.5)), 0);
  });
});
