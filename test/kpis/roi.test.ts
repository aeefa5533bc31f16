import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("ROI", () => {
  it("is (returns − costs) / costs", () => {
    expectResult(run("ROI", col(15000), col(10000)), 0.5);
  });
  it("can be negative when returns fall short, and returns may be negative", () => {
    expectResult(run("ROI", col(5000, -1000), col(10000)), -0.6);
  });
  it("is #DIV/0! when costs sum to 0", () => {
    expectError(run("ROI", col(1), col(0)), "#DIV/0!", "costs");
  });
  it("is #NUM! for a negative cost", () => {
    expectError(run("ROI", col(1), col(-3)), "#NUM!", "costs: cell 1");
  });
});
