import { describe, expect, it } from "vitest";
import { isKpiError } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("FUNNEL", () => {
  it("spills one row per stage: count, step, cumulative and drop-off", () => {
    expectResult(run("FUNNEL", col(1000, 250, 50)), [
      [1000, 1, 1, 0],
      [250, 0.25, 0.25, 0.75],
      [50, 0.2, 0.05, 0.8],
    ]);
  });
  it("adds the stage names as a first column, trimmed", () => {
    expectResult(run("FUNNEL", row(200, 50), row(" Leads ", "Deals")), [
      ["Leads", 200, 1, 1, 0],
      ["Deals", 50, 0.25, 0.25, 0.75],
    ]);
  });
  it("shows #DIV/0! only in the ratio cells after a stage of 0", () => {
    expectResult(run("FUNNEL", col(100, 0, 0)), [
      [100, 1, 1, 0],
      [0, 0, 0, 1],
      [0, "#DIV/0!", 0, "#DIV/0!"],
    ]);
    expectResult(run("FUNNEL", col(0, 5)), [
      [0, 1, "#DIV/0!", 0],
      [5, "#DIV/0!", "#DIV/0!", "#DIV/0!"],
    ]);
  });
  it("names the function in the errors inside its spill, as in a thrown one", () => {
    const cells = (run("FUNNEL", col(0, 5)) as unknown[][]).flat().filter(isKpiError);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.format(`KPI_${cell.fn}`)).toMatch(/^#DIV\/0! KPI_FUNNEL: /);
  });
  it("skips blank counts, and a stage whose name or count is blank", () => {
    expectResult(run("FUNNEL", col(100, null, 50)), [
      [100, 1, 1, 0],
      [50, 0.5, 0.5, 0.5],
    ]);
    expectResult(run("FUNNEL", col(100, 80, 50), col("A", "", "C")), [
      ["A", 100, 1, 1, 0],
      ["C", 50, 0.5, 0.5, 0.5],
    ]);
  });
  it("is #N/A with no stage, #NUM! for a negative count, #VALUE! for mismatched names", () => {
    expectError(run("FUNNEL", col(null, "")), "#N/A", "stageCounts");
    expectError(run("FUNNEL", col(10, -1)), "#NUM!", "stageCounts: cell 2");
    expectError(run("FUNNEL", col(10, 5), col("A")), "#VALUE!", "stageCounts and stageNames", "2 cells", "has 1");
  });
});
