import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

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
