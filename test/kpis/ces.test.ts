import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("CES", () => {
  it("is the mean score on a 1–7 scale by default", () => {
    expectResult(run("CES", col(7, 5, 6)), 6);
  });
  it("takes the scale as an argument and skips blanks", () => {
    expectResult(run("CES", row(1, null, 5), 5), 3);
  });
  it("is #NUM!, never Infinity, when the scores add up beyond what a number can hold", () => {
    expectError(run("CES", col(1e308, 1e308), 1e308), "#NUM!", "too large");
  });
  it("is #NUM! for a score above the scale, #DIV/0! with no responses", () => {
    expectError(run("CES", col(8)), "#NUM!", "scores: cell 1", "1 to 7");
    expectError(run("CES", col(6), 5), "#NUM!", "scores: cell 1");
    expectError(run("CES", col("")), "#DIV/0!", "scores");
  });
});
