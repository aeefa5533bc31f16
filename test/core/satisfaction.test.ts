import { describe, expect, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("NPS", () => {
  it("is 100 × (promoters − detractors) / responses", () => {
    expectResult(run("NPS", col(10, 9, 8, 6, 3, 10)), 100 / 6);
  });
  it("counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors", () => {
    expectResult(run("NPS", col(9, 10)), 100);
    expectResult(run("NPS", col(7, 8)), 0);
    expectResult(run("NPS", col(0, 6)), -100);
  });
  it("skips blanks and reads 2-D and row-shaped ranges", () => {
    expectResult(run("NPS", col(10, null, "", "  ", 0)), 0);
    expectResult(
      run("NPS", [
        [10, 9],
        [0, 8],
      ]),
      25,
    );
    expectResult(run("NPS", row(10, 10, 7, 3)), 25);
  });
  it("is #NUM! for a score that is not a whole number from 0 to 10, naming the cell", () => {
    expectError(run("NPS", col(10, 11)), "#NUM!", "scores: cell 2", "11");
    expectError(run("NPS", col(7.5)), "#NUM!", "scores: cell 1");
    expectError(run("NPS", col(-1)), "#NUM!", "scores: cell 1");
  });
  it("is #DIV/0! with no responses", () => {
    expectError(run("NPS", col(null, "")), "#DIV/0!", "scores");
  });
  it("is #VALUE! for a text score, naming the cell", () => {
    expectError(run("NPS", col(10, "ten")), "#VALUE!", "scores: cell 2", 'text "ten"');
  });
});

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
