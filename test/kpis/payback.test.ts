import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { expectError, run } from "../helpers/kpi.js";

describe("PAYBACK", () => {
  it("is cac / (monthly revenue × margin), in months", () => {
    expectResult(run("PAYBACK", 300, 50, 0.5), 12);
  });
  it("defaults grossMargin to 1", () => {
    expectResult(run("PAYBACK", 300, 50), 6);
  });
  it("is #DIV/0! with no monthly revenue", () => {
    expectError(run("PAYBACK", 300, 0), "#DIV/0!", "revenuePerMonth");
  });
});
