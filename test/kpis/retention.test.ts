import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("RETENTION", () => {
  it("is (end − new) / start", () => {
    expectResult(run("RETENTION", col(1000), col(1050), col(150)), 0.9);
  });
  it("sums each range, skipping blanks", () => {
    expectResult(run("RETENTION", col(600, 400, null), row(500, 550), col(100, 50, "")), 0.9);
  });
  it("is #NUM! when new customers exceed customers at the end", () => {
    expectError(run("RETENTION", col(100), col(50), col(60)), "#NUM!", "newCustomers");
  });
  it("is #DIV/0! with no customers at the start", () => {
    expectError(run("RETENTION", col(0), col(50), col(10)), "#DIV/0!", "customersAtStart");
  });
});
