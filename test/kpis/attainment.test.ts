import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("ATTAINMENT", () => {
  it("is Σactual / Σtarget", () => {
    expectResult(run("ATTAINMENT", col(90, 120), col(100, 100)), 1.05);
  });
  it("skips blanks", () => {
    expectResult(run("ATTAINMENT", col(90, null), col(100, "")), 0.9);
  });
  it("is #DIV/0! when the target sums to 0", () => {
    expectError(run("ATTAINMENT", col(1), col(0)), "#DIV/0!", "target");
  });
});
