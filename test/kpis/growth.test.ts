import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("GROWTH", () => {
  it("is (Σcurrent − Σprevious) / |Σprevious|", () => {
    expectResult(run("GROWTH", col(120000), col(100000)), 0.2);
    expectResult(run("GROWTH", col(60000, 60000), row(50000, 50000)), 0.2);
  });
  it("divides by the absolute previous value, so a smaller loss is positive growth", () => {
    expectResult(run("GROWTH", col(-50), col(-100)), 0.5);
  });
  it("is #DIV/0! when previous sums to 0", () => {
    expectError(run("GROWTH", col(5), col(5, -5)), "#DIV/0!", "previous sums to 0");
  });
});
