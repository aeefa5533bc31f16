import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("CPL", () => {
  it("divides total spend by total leads", () => {
    expectResult(run("CPL", row(1000, 500), row(40, 20)), 25);
  });
  it("skips blanks in either range independently", () => {
    expectResult(run("CPL", col(1000, null, 500), col(40, 20, "")), 25);
  });
  it("is #DIV/0! when leads sum to 0", () => {
    expectError(run("CPL", col(100), col(0, 0)), "#DIV/0!", "leads sums to 0");
  });
  it("is #NUM! for a negative spend", () => {
    expectError(run("CPL", col(100, -5), col(10)), "#NUM!", "spend: cell 2");
  });
  it("names the row and column of a bad cell in a 2-D range", () => {
    expectError(
      run(
        "CPL",
        [
          [1, 2],
          [3, "x"],
        ],
        col(10),
      ),
      "#VALUE!",
      "spend: cell 4 (row 2, column 2)",
      'text "x"',
    );
  });
});
