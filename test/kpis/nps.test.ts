import { describe, it } from "vitest";
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
