import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("VELOCITY", () => {
  it("is opportunities × winRate × averageDealSize / cycleDays", () => {
    expectResult(run("VELOCITY", 50, 0.2, 10000, 40), 2500);
  });
  it("accepts one-cell ranges for its scalar arguments", () => {
    expectResult(run("VELOCITY", [[50]], [[0.2]], [[10000]], [[40]]), 2500);
  });
  it("is #DIV/0! when cycleDays is 0", () => {
    expectError(run("VELOCITY", 50, 0.2, 10000, 0), "#DIV/0!", "cycleDays");
  });
  it("is #NUM! for a win rate outside [0, 1] or a negative count", () => {
    expectError(run("VELOCITY", 50, 1.2, 10000, 40), "#NUM!", "winRate");
    expectError(run("VELOCITY", -1, 0.2, 10000, 40), "#NUM!", "opportunities");
  });
  it("is #VALUE! when a required argument is empty or a range of several values", () => {
    expectError(run("VELOCITY", 50, null, 10000, 40), "#VALUE!", "winRate", "required");
    expectError(run("VELOCITY", col(1, 2), 0.2, 10000, 40), "#VALUE!", "opportunities", "single value");
  });
});
