import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { expectError, run } from "../helpers/kpi.js";

describe("LTVCAC", () => {
  it("is ltv / cac", () => {
    expectResult(run("LTVCAC", 960, 320), 3);
  });
  it("is #DIV/0! for a cac of 0 and #NUM! for a negative cac", () => {
    expectError(run("LTVCAC", 960, 0), "#DIV/0!", "cac");
    expectError(run("LTVCAC", 960, -1), "#NUM!", "cac");
  });
});
