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
  it("is #NUM! for a negative target or a warn ratio outside (0, 1]", () => {
    expectError(run("STATUS", 1, -1), "#NUM!", "target");
    expectError(run("STATUS", 1, 1, true, 0), "#NUM!", "warnRatio");
    expectError(run("STATUS", 1, 1, true, 1.2), "#NUM!", "warnRatio");
  });
  it("is #VALUE! for a higherIsBetter that is not a boolean", () => {
    expectError(run("STATUS", 1, 1, "maybe"), "#VALUE!", "higherIsBetter", "TRUE or FALSE");
  });
});
