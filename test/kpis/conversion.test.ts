import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("CONVERSION", () => {
  it("divides total conversions by total prospects", () => {
    expectResult(run("CONVERSION", col(12, 30), col(100, 200)), 0.14);
  });
  it("reads 2-D and row-shaped ranges row by row", () => {
    expectResult(run("CONVERSION", [[12, 30]], [[100], [200]]), 0.14);
    expectResult(
      run(
        "CONVERSION",
        [
          [5, 5],
          [1, 1],
        ],
        row(20, 20, 10),
      ),
      0.24,
    );
  });
  it("skips blank cells (null, empty text, spaces, undefined)", () => {
    expectResult(run("CONVERSION", col(12, null, "", 30, "  ", undefined), col(100, 200)), 0.14);
  });
  it("is #DIV/0! when prospects sum to 0 or are all blank", () => {
    expectError(run("CONVERSION", col(5), col(0)), "#DIV/0!", "prospects");
    expectError(run("CONVERSION", col(5), col(null, "")), "#DIV/0!", "prospects");
  });
  it("is #NUM! for negative counts, naming the cell", () => {
    expectError(run("CONVERSION", col(5, -1), col(100)), "#NUM!", "conversions: cell 2", "-1");
  });
  it("is #NUM! when conversions exceed prospects (documented: arguments probably swapped)", () => {
    expectError(run("CONVERSION", col(200), col(100)), "#NUM!", "argument order");
  });
  it("accepts a single cell for each argument", () => {
    expectResult(run("CONVERSION", 25, 100), 0.25);
  });
});
