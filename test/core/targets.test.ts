import { describe, it } from "vitest";
import { dateToSerial } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

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

describe("VARIANCE", () => {
  it("is Σactual − Σplan by default", () => {
    expectResult(run("VARIANCE", col(90, 130), col(100, 100)), 20);
    expectResult(run("VARIANCE", col(90, 130), col(100, 100), false), 20);
  });
  it("is relative to |Σplan| as a percent", () => {
    expectResult(run("VARIANCE", col(90, 130), col(100, 100), true), 0.1);
    expectResult(run("VARIANCE", col(-150), col(-100), true), -0.5);
  });
  it("skips blanks and reads rows", () => {
    expectResult(run("VARIANCE", row(90, null, 130), row(200, "")), 20);
  });
  it("is #DIV/0! as a percent of a zero plan", () => {
    expectError(run("VARIANCE", col(1), col(0), true), "#DIV/0!", "plan");
  });
});

describe("RUNRATE", () => {
  const start = 46023; // 2026-01-01
  const end = 46053; // 2026-01-31
  it("projects the value to date over the whole period, days counted inclusively", () => {
    expectResult(run("RUNRATE", col(5000, 5000), start, end, start + 9), 31_000);
    expectResult(run("RUNRATE", col(5000, 5000), 46023, 46052, 46032), 30_000);
  });
  it("is the value itself on the last day", () => {
    expectResult(run("RUNRATE", col(100, 200), start, end, end), 300);
  });
  it("gives the same result for Date objects and serial numbers", () => {
    const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
    const withDates = run("RUNRATE", col(1000), d("2026-01-01"), d("2026-01-31"), d("2026-01-10"));
    expectResult(withDates, 3100);
    expectResult(run("RUNRATE", col(1000), dateToSerial(d("2026-01-01")), end, start + 9), 3100);
  });
  it("ignores a time of day on the dates", () => {
    expectResult(run("RUNRATE", col(1000), start + 0.75, end + 0.2, start + 9.5), 3100);
  });
  it("is #NUM! when asOf is outside the period or the period ends before it starts", () => {
    expectError(run("RUNRATE", col(1), start, end, end + 1), "#NUM!", "asOf");
    expectError(run("RUNRATE", col(1), start, end, start - 1), "#NUM!", "asOf");
    expectError(run("RUNRATE", col(1), end, start, start), "#NUM!", "periodEnd");
  });
  it("is #VALUE! for a date given as text", () => {
    expectError(run("RUNRATE", col(1), "2026-01-01", end, end), "#VALUE!", "periodStart", "DATEVALUE");
  });
});
