import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("VARIANCE", () => {
  it("is Σactual − Σplan by default", () => {
    expectResult(run("VARIANCE", col(90, 130), col(100, 100)), 20);
    expectResult(run("VARIANCE", col(90, 130), col(100, 100), false), 20);
  });
  it("is relative to |Σplan| as a percent", () => {
    expectResult(run("VARIANCE", col(90, 130), col(100, 100), true), 0.1);
    expectResult(run("VARIANCE", col(-150), col(-100), true), -0.5);
  });
  it("skips blanks and reads rows", () => {
    expectResult(run("VARIANCE", row(90, null, 130), row(200, "")), 20);
  });
  it("is #DIV/0! as a percent of a zero plan", () => {
    expectError(run("VARIANCE", col(1), col(0), true), "#DIV/0!", "plan");
  });
});
