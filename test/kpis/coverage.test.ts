import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("COVERAGE", () => {
  it("divides open pipeline by quota minus closed won", () => {
    expectResult(run("COVERAGE", col(300000), 200000, 50000), 2);
  });
  it("defaults closedWon to 0", () => {
    expectResult(run("COVERAGE", col(100000, 200000), 200000), 1.5);
    expectResult(run("COVERAGE", col(100000, 200000), 200000, null), 1.5);
  });
  it("is #NUM! when the quota is already met (remaining ≤ 0)", () => {
    expectError(run("COVERAGE", col(300000), 200000, 250000), "#NUM!", "remaining quota");
    expectError(run("COVERAGE", col(300000), 200000, 200000), "#NUM!", "remaining quota");
  });
  it("is #NUM! for a negative pipeline amount", () => {
    expectError(run("COVERAGE", col(5, -5), 10), "#NUM!", "openPipeline: cell 2");
  });
});
