import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { expectError, run } from "../helpers/kpi.js";

describe("CAGR", () => {
  it("is (end / start)^(1 / periods) − 1", () => {
    expectResult(run("CAGR", 100000, 121000, 2), 0.1);
    expectResult(run("CAGR", 100, 50, 1), -0.5);
  });
  it("accepts fractional periods", () => {
    expectResult(run("CAGR", 100, 121, 4), Math.sqrt(1.1) - 1);
  });
  it("is #NUM! for a zero start (as RRI), negative values or non-positive periods", () => {
    expectError(run("CAGR", 0, 100, 3), "#NUM!", "startValue");
    expectError(run("CAGR", -1, 100, 3), "#NUM!", "startValue");
    expectError(run("CAGR", 1, 100, 0), "#NUM!", "periods");
  });
  it("is #VALUE! when an argument is missing", () => {
    expectError(run("CAGR", 1, 100), "#VALUE!", "periods");
  });
});
