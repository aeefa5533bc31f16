import { describe, expect, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("CAC", () => {
  it("divides marketing plus sales costs by new customers", () => {
    expectResult(run("CAC", col(3000, 2000), col(4000, 1000), col(20, 30)), 200);
  });
  it("takes ranges of different sizes: they are not paired", () => {
    expectResult(run("CAC", col(3000, 2000, 0), col(5000), row(20, 30)), 200);
  });
  it("is #DIV/0! when newCustomers sums to 0, with the Sheets message of the catalogue", () => {
    const error = expectError(run("CAC", col(100), col(100), col(0)), "#DIV/0!");
    expect(error.format("KPI_CAC")).toBe("#DIV/0! KPI_CAC: newCustomers sums to 0");
  });
  it("is #NUM! for negative costs", () => {
    expectError(run("CAC", col(100), col(-1), col(1)), "#NUM!", "salesCosts: cell 1");
  });
});
