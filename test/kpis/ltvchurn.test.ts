import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { expectError, run } from "../helpers/kpi.js";

describe("LTVCHURN", () => {
  it("is revenue × margin / churn", () => {
    expectResult(run("LTVCHURN", 50, 0.05, 0.8), 800);
  });
  it("defaults grossMargin to 1", () => {
    expectResult(run("LTVCHURN", 50, 0.05), 1000);
  });
  it("is #DIV/0! for a churn rate of 0, #NUM! for a churn rate above 1", () => {
    expectError(run("LTVCHURN", 50, 0), "#DIV/0!", "churnRate");
    expectError(run("LTVCHURN", 50, 1.5), "#NUM!", "churnRate");
  });
});
