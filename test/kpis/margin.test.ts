import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("MARGIN", () => {
  it("is (Σrevenue − Σcosts) / Σrevenue", () => {
    expectResult(run("MARGIN", col(600, 400), col(300, 450)), 0.25);
  });
  it("can be negative", () => {
    expectResult(run("MARGIN", col(100), col(150)), -0.5);
  });
  it("is #DIV/0! when revenue sums to 0, #NUM! for a negative cost", () => {
    expectError(run("MARGIN", col(0), col(1)), "#DIV/0!", "revenue");
    expectError(run("MARGIN", col(10), col(-1)), "#NUM!", "costs: cell 1");
  });
});
