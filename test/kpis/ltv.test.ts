import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { expectError, run } from "../helpers/kpi.js";

describe("LTV", () => {
  it("multiplies order value, purchases per period, lifespan and margin", () => {
    expectResult(run("LTV", 80, 4, 3, 0.5), 480);
  });
  it("defaults grossMargin to 1", () => {
    expectResult(run("LTV", 80, 4, 3), 960);
    expectResult(run("LTV", 80, 4, 3, null), 960);
  });
  it("is #NUM! for negative inputs or a margin outside (0, 1]", () => {
    expectError(run("LTV", -80, 4, 3), "#NUM!", "averageOrderValue");
    expectError(run("LTV", 80, 4, 3, 0), "#NUM!", "grossMargin");
  });
  it("is #VALUE! for text in a number argument, with the stored-as-text hint", () => {
    expectError(run("LTV", "1 234,5", 4, 3), "#VALUE!", "averageOrderValue", "stored as text");
  });
});
