import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { expectError, run } from "../helpers/kpi.js";

describe("STATUS", () => {
  it("when higher is better (the default): OK at target, WARN down to target × 0.9, ALERT below", () => {
    expectResult(run("STATUS", 100, 100), "OK");
    expectResult(run("STATUS", 120, 100), "OK");
    expectResult(run("STATUS", 95, 100), "WARN");
    expectResult(run("STATUS", 90, 100), "WARN");
    expectResult(run("STATUS", 89, 100), "ALERT");
  });
  it("when lower is better: OK at or below target, WARN up to target / warnRatio, ALERT above", () => {
    expectResult(run("STATUS", 0.04, 0.05, false), "OK");
    expectResult(run("STATUS", 0.05, 0.05, false), "OK");
    expectResult(run("STATUS", 0.055, 0.05, false), "WARN");
    expectResult(run("STATUS", 0.06, 0.05, false), "ALERT");
  });
  it("takes a warn ratio and reads TRUE/FALSE given as text or numbers", () => {
    expectResult(run("STATUS", 85, 100, true, 0.8), "WARN");
    expectResult(run("STATUS", 79, 100, "TRUE", 0.8), "ALERT");
    expectResult(run("STATUS", 110, 100, 0, 0.8), "WARN");
    expectResult(run("STATUS", 112, 100, "faux"), "ALERT");
  });
  it("defaults higherIsBetter and warnRatio when omitted or blank", () => {
    expectResult(run("STATUS", 95, 100, null, null), "WARN");
    expectResult(run("STATUS", 95, 100, "", ""), "WARN");
  });
  it("takes a negative target, with its band on the far side of it: an NPS of −10.5 aiming at −10 is WARN", () => {
    expectResult(run("STATUS", -10, -10), "OK");
    expectResult(run("STATUS", -10.5, -10), "WARN");
    expectResult(run("STATUS", -11.5, -10), "ALERT");
    // Lower is better: OK up to −10, WARN up to −10 + 10 × 0.1 / 0.9 ≈ −8.89.
    expectResult(run("STATUS", -11, -10, false), "OK");
    expectResult(run("STATUS", -9, -10, false), "WARN");
    expectResult(run("STATUS", -8.5, -10, false), "ALERT");
  });
  it("keeps a WARN band of at least tolerance, so a target of zero still has one", () => {
    expectResult(run("STATUS", -0.001, 0), "ALERT");
    expectResult(run("STATUS", -0.01, 0, true, 0.9, 0.02), "WARN");
    expectResult(run("STATUS", -0.03, 0, true, 0.9, 0.02), "ALERT");
    expectResult(run("STATUS", 0.01, 0, false, 0.9, 0.02), "WARN");
    expectResult(run("STATUS", 0.03, 0, false, 0.9, 0.02), "ALERT");
    // Where the share of |target| is wider than the tolerance, the share wins: 100 × 0.1 > 5.
    expectResult(run("STATUS", 91, 100, true, 0.9, 5), "WARN");
    expectError(run("STATUS", 1, 1, true, 0.9, -1), "#NUM!", "tolerance");
  });
  it("is #NUM! for a warn ratio outside (0, 1]", () => {
    expectError(run("STATUS", 1, 1, true, 0), "#NUM!", "warnRatio");
    expectError(run("STATUS", 1, 1, true, 1.2), "#NUM!", "warnRatio");
  });
  it("is #VALUE! for a higherIsBetter that is not a boolean", () => {
    expectError(run("STATUS", 1, 1, "maybe"), "#VALUE!", "higherIsBetter", "TRUE or FALSE");
  });
});
