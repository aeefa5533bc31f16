import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("CROSSSELL", () => {
  it("is customers with at least 2 distinct products / distinct customers", () => {
    expectResult(run("CROSSSELL", col("Ann", "Ann", "Bob", "Bob"), col("Shoes", "Bag", "Shoes", " shoes")), 0.5);
  });
  it("skips a row whose customer or product is blank", () => {
    expectResult(run("CROSSSELL", col("Ann", "Ann", "Bob"), col("Shoes", "", "Bag")), 0);
  });
  it("is #DIV/0! with no complete row and #VALUE! for mismatched sizes", () => {
    expectError(run("CROSSSELL", col("Ann"), col(null)), "#DIV/0!");
    expectError(run("CROSSSELL", col("Ann"), col("A", "B")), "#VALUE!", "customerIds and products", "1 cells", "has 2");
  });
});
