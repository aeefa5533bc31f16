import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KPIS } from "../../core/index.js";
import { acquisitionOracles } from "./oracle/acquisition.js";
import { analysisOracles } from "./oracle/analysis.js";
import { layoutOracles } from "./oracle/layout.js";
import { retentionOracles } from "./oracle/retention.js";
import { revenueOracles } from "./oracle/revenue.js";
import { satisfactionOracles } from "./oracle/satisfaction.js";
import { covered, SEEDS, useStreams } from "./oracle/shared.js";
import { targetsOracles } from "./oracle/targets.js";

/**
 * The independent oracle, by family in test/core/oracle/: each KPI recomputed with native spreadsheet formulas in
 * HyperFormula on seeded random data, for three seeds.
 */
describe.each(SEEDS)("with seed %i the core agrees with native formulas", (seed) => {
  useStreams(seed);
  acquisitionOracles();
  revenueOracles();
  retentionOracles();
  satisfactionOracles();
  targetsOracles();
  layoutOracles();
  analysisOracles();
});

/**
 * KPIs whose independent engine is not a spreadsheet formula in HyperFormula, and where they are compared with
 * it: R's forecast::ets and Python with scipy produce fixtures that those tests read.
 */
const ORACLES_ELSEWHERE: Record<string, string> = {
  PERIODS: "test/periods/oracle.test.ts",
  FORECAST: "test/forecast/r-oracle.test.ts",
  FORECASTSTAT: "test/forecast/r-oracle.test.ts",
  CLV: "test/clv/cdnow.test.ts",
  CLVMODEL: "test/clv/cdnow.test.ts",
  RFM: "test/clv/rfm-oracle.test.ts",
  BY: "test/core/by.test.ts",
};

// Declared last, so it runs after every oracle above (vitest runs a file's tests in order).
it("compares every KPI of the registry with a native equivalent, here or in the file named for it", () => {
  for (const file of new Set(Object.values(ORACLES_ELSEWHERE))) expect(existsSync(file), file).toBe(true);
  expect([...covered, ...Object.keys(ORACLES_ELSEWHERE)].sort()).toEqual(KPIS.map((k) => k.id).sort());
});
