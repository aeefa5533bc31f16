import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("NRR", () => {
  it("is (start + expansion − contraction − churned) / start", () => {
    expectResult(run("NRR", col(100000), col(15000), col(5000), col(3000)), 1.07);
  });
  it("sums each range", () => {
    expectResult(run("NRR", col(50000, 50000), row(10000, 5000), col(5000, null), col(3000, "")), 1.07);
  });
  it("is #NUM! when contraction and churn exceed the start, #DIV/0! for a zero start", () => {
    expectError(run("NRR", col(100), col(0), col(60), col(50)), "#NUM!", "startingRevenue");
    expectError(run("NRR", col(0), col(10), col(0), col(0)), "#DIV/0!", "startingRevenue");
  });
});
