import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("GRR", () => {
  it("is (start − contraction − churned) / start", () => {
    expectResult(run("GRR", col(100000), col(5000), col(3000)), 0.92);
  });
  it("is #NUM! when losses exceed the start, #DIV/0! for a zero start", () => {
    expectError(run("GRR", col(100), col(60), col(50)), "#NUM!", "startingRevenue");
    expectError(run("GRR", col(0), col(0), col(0)), "#DIV/0!", "startingRevenue");
  });
});
