import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("ROMI", () => {
  it("defaults grossMargin to 1", () => {
    expectResult(run("ROMI", col(50000), col(10000)), 4);
    expectResult(run("ROMI", col(50000), col(10000), null), 4);
    expectResult(run("ROMI", col(50000), col(10000), ""), 4);
  });
  it("applies the gross margin to revenue", () => {
    expectResult(run("ROMI", col(50000), col(10000), 0.4), 1);
  });
  it("is #NUM! for a gross margin outside (0, 1]", () => {
    expectError(run("ROMI", col(1), col(1), 0), "#NUM!", "grossMargin");
    expectError(run("ROMI", col(1), col(1), 1.5), "#NUM!", "grossMargin");
  });
  it("is #DIV/0! when marketingCosts sum to 0", () => {
    expectError(run("ROMI", col(1), col(0)), "#DIV/0!", "marketingCosts");
  });
  it("is #VALUE! when grossMargin is a range of several values", () => {
    expectError(run("ROMI", col(1), col(1), col(0.5, 0.6)), "#VALUE!", "grossMargin", "single value");
  });
});
