import { describe, it } from "vitest";
import { dateToSerial } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

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
