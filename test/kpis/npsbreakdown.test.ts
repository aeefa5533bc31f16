import { describe, expect, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("NPSBREAKDOWN", () => {
  it("spills one row: promoter, passive and detractor shares and the responses", () => {
    expectResult(run("NPSBREAKDOWN", col(10, 9, 8, 6)), [[0.5, 0.25, 0.25, 4]]);
  });
  it("skips blanks in the response count", () => {
    expectResult(run("NPSBREAKDOWN", col(10, null, "")), [[1, 0, 0, 1]]);
  });
  it("gives a row whatever the input orientation", () => {
    const out = run("NPSBREAKDOWN", row(0, 7, 9, 10));
    expect(out).toHaveLength(1);
    expectResult(out, [[0.5, 0.25, 0.25, 4]]);
  });
  it("is #DIV/0! with no responses and #NUM! for an off-scale score", () => {
    expectError(run("NPSBREAKDOWN", col(null)), "#DIV/0!", "scores");
    expectError(run("NPSBREAKDOWN", col(3, 12)), "#NUM!", "scores: cell 2");
  });
});
