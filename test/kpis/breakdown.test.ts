import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("BREAKDOWN", () => {
  const keys = col("Web", "Shop", "web ", "Phone");
  const values = col(100, 50, 150, 200);
  it("spills [key, sum, share] per distinct key, largest first, first spelling shown trimmed", () => {
    expectResult(run("BREAKDOWN", keys, values), [
      ["Web", 250, 0.5],
      ["Phone", 200, 0.4],
      ["Shop", 50, 0.1],
    ]);
    expectResult(run("BREAKDOWN", col("  SHOP ", "shop"), col(1, 1)), [["SHOP", 2, 1]]);
  });
  it("counts rows with statistic count, its share the count over all rows", () => {
    expectResult(run("BREAKDOWN", keys, values, "count"), [
      ["Web", 2, 0.5],
      ["Shop", 1, 0.25],
      ["Phone", 1, 0.25],
    ]);
  });
  it("averages with statistic average, its share still the key's sum over the total", () => {
    expectResult(run("BREAKDOWN", keys, values, "Average"), [
      ["Phone", 200, 0.4],
      ["Web", 125, 0.5],
      ["Shop", 50, 0.1],
    ]);
  });
  it("keeps ties in order of first appearance", () => {
    expectResult(run("BREAKDOWN", col("B", "A", "C"), col(5, 5, 5)), [
      ["B", 5, 1 / 3],
      ["A", 5, 1 / 3],
      ["C", 5, 1 / 3],
    ]);
  });
  it("skips a row whose key or value is blank", () => {
    expectResult(run("BREAKDOWN", col("A", "", "B", "C"), col(1, 2, null, 3)), [
      ["C", 3, 0.75],
      ["A", 1, 0.25],
    ]);
  });
  it("defaults statistic to sum and rejects an unknown one with #VALUE!", () => {
    expectResult(run("BREAKDOWN", col("A"), col(2), null), [["A", 2, 1]]);
    expectError(run("BREAKDOWN", col("A"), col(2), "max"), "#VALUE!", "statistic", "sum, count, average");
  });
  it("shows #DIV/0! shares when the values sum to 0", () => {
    expectResult(run("BREAKDOWN", col("A", "B"), col(5, -5)), [
      ["A", 5, "#DIV/0!"],
      ["B", -5, "#DIV/0!"],
    ]);
  });
  it("is #NUM!, never Infinity or a share of 0, when the values add up beyond what a number can hold", () => {
    expectError(run("BREAKDOWN", col("A", "A"), col(1e308, 1e308)), "#NUM!", "values add up");
    expectError(run("BREAKDOWN", col("A", "B"), col(1e308, 1e308)), "#NUM!", "values add up");
    expectError(run("BREAKDOWN", col("A", "B", "A", "B"), col(1e308, -1e308, 1e308, -1e308)), "#NUM!");
    expectResult(run("BREAKDOWN", col("A", "B", "A"), col(1e308, -1e308, -5e-324)), [
      ["A", 1e308, "#NUM!"],
      ["B", -1e308, "#NUM!"],
    ]);
  });
  it("is #N/A with no complete row and #VALUE! for mismatched sizes", () => {
    expectError(run("BREAKDOWN", col("A", ""), col(null, 1)), "#N/A");
    expectError(
      run("BREAKDOWN", col("A", "B"), col(1)),
      "#VALUE!",
      "keys and values",
      "keys has 2 cells",
      "values has 1",
    );
  });
  it("shows booleans used as keys as TRUE and FALSE (documented)", () => {
    expectResult(run("BREAKDOWN", col(true, false, true), col(1, 1, 1)), [
      ["TRUE", 2, 2 / 3],
      ["FALSE", 1, 1 / 3],
    ]);
  });
  it("pairs row-shaped keys with column-shaped values of the same size", () => {
    expectResult(run("BREAKDOWN", row("A", "B", "A"), col(1, 2, 3)), [
      ["A", 4, 2 / 3],
      ["B", 2, 1 / 3],
    ]);
  });
});
