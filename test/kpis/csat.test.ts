import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("CSAT", () => {
  it("is the share of scores at or above 4 on a 1–5 scale by default", () => {
    expectResult(run("CSAT", col(5, 4, 3, 5, 1)), 0.6);
  });
  it("takes the scale and threshold as arguments", () => {
    expectResult(run("CSAT", col(9, 10, 6), 10, 9), 2 / 3);
    expectResult(run("CSAT", col(9, 10, 6), 10), 1);
  });
  it("skips blanks", () => {
    expectResult(run("CSAT", col(5, null, "", 1)), 0.5);
  });
  it("is #NUM! for a score outside [1, scaleMax], naming the cell", () => {
    expectError(run("CSAT", col(5, 6)), "#NUM!", "scores: cell 2", "1 to 5");
    expectError(run("CSAT", col(0)), "#NUM!", "scores: cell 1");
  });
  it("is #NUM! for a threshold outside the scale", () => {
    expectError(run("CSAT", col(5), 5, 6), "#NUM!", "threshold");
  });
  it("is #DIV/0! with no responses", () => {
    expectError(run("CSAT", col(null)), "#DIV/0!", "scores");
  });
});
