import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("TREND", () => {
  it("extends the least-squares line through (position, value), as a row for a row", () => {
    expectResult(run("TREND", row(100, 110, 120, 130), 2), [[140, 150]]);
  });
  it("returns a column for a column", () => {
    expectResult(run("TREND", col(1, 3, 2, 4), 1), [[4.5]]);
  });
  it("keeps the positions of blanks, as FORECAST.LINEAR over the cell positions would", () => {
    expectResult(run("TREND", col(1, null, 3), 2), [[4], [5]]);
  });
  it("is flat for a constant series", () => {
    expectResult(run("TREND", col(7, 7, 7), 3), [[7], [7], [7]]);
  });
  it("is #N/A with fewer than 2 values, #NUM! for a horizon below 1", () => {
    expectError(run("TREND", col(5, null), 1), "#N/A", "at least 2");
    expectError(run("TREND", col(1, 2), 0), "#NUM!", "horizon");
  });
  it("is #VALUE! when horizon is missing", () => {
    expectError(run("TREND", col(1, 2)), "#VALUE!", "horizon");
  });
});
