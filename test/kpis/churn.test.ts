import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("CHURN", () => {
  it("is Σlost / Σstart", () => {
    expectResult(run("CHURN", col(500, 500), col(30, 20)), 0.05);
    expectResult(run("CHURN", row(500, 500), [[30], [20]]), 0.05);
  });
  it("skips blanks", () => {
    expectResult(run("CHURN", col(1000, null), col(50, "")), 0.05);
  });
  it("is #NUM! when more customers are lost than there were", () => {
    expectError(run("CHURN", col(10), col(11)), "#NUM!", "customersLost", "customersAtStart");
  });
  it("is #DIV/0! with no customers at the start, #NUM! for a negative count", () => {
    expectError(run("CHURN", col(0), col(0)), "#DIV/0!", "customersAtStart");
    expectError(run("CHURN", col(10), col(-1)), "#NUM!", "customersLost: cell 1");
  });
});
