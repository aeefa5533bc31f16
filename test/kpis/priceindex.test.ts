import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("PRICEINDEX", () => {
  it("is the average of our prices over the average of competitor prices", () => {
    expectResult(run("PRICEINDEX", col(110, 90), col(80, 120, 100)), 1);
    expectResult(run("PRICEINDEX", col(120), row(100, 100)), 1.2);
  });
  it("averages only non-blank prices", () => {
    expectResult(run("PRICEINDEX", col(110, null, 90), col(100, "")), 1);
  });
  it("is #DIV/0! with no prices on either side or competitor prices averaging 0", () => {
    expectError(run("PRICEINDEX", col(null), col(100)), "#DIV/0!", "ourPrices");
    expectError(run("PRICEINDEX", col(100), col("")), "#DIV/0!", "competitorPrices");
    expectError(run("PRICEINDEX", col(100), col(0, 0)), "#DIV/0!", "competitorPrices");
  });
  it("is #NUM! for a negative price", () => {
    expectError(run("PRICEINDEX", col(-1), col(1)), "#NUM!", "ourPrices: cell 1");
  });
});
