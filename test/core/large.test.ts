import { describe, expect, it } from "vitest";
import { evaluate, isKpiError, kpiById, type AnyKpi } from "../../core/index.js";
import { seeded } from "../helpers/random.js";

/**
 * Cheap evidence of no quadratic blow-up in the distinct counts and group-bys: 200,000 rows complete within
 * vitest's default timeout (a quadratic scan would need tens of billions of steps). Timing itself is the
 * benchmark's job, not this test's.
 */

const ROWS = 200_000;
const rng = seeded(7);
const customers = Array.from({ length: ROWS }, () => [`C-${rng.int(0, 40_000)}`]);
const orders = Array.from({ length: ROWS }, (_, i) => [`O-${Math.floor(i / 2)}`]);
const products = Array.from({ length: ROWS }, () => [rng.pick(["Shoes", "Bag", "Hat", "Belt", "Scarf"])]);
const amounts = Array.from({ length: ROWS }, () => [Math.round(rng.next() * 50_000) / 100]);
const dates = Array.from({ length: ROWS }, () => [45_658 + rng.int(0, 729)]);

const kpi = (id: string): AnyKpi => kpiById(id) as AnyKpi;

describe(`${ROWS.toLocaleString("en")} rows`, () => {
  it("REPEATRATE with order ids completes with a share", () => {
    const out = evaluate(kpi("REPEATRATE"), [customers, orders]);
    expect(out).toBeGreaterThan(0);
    expect(out).toBeLessThanOrEqual(1);
  });

  it("CROSSSELL completes with a share", () => {
    const out = evaluate(kpi("CROSSSELL"), [customers, products]);
    expect(out).toBeGreaterThan(0);
    expect(out).toBeLessThanOrEqual(1);
  });

  it("AOV with order ids divides by the 100,000 distinct orders", () => {
    const total = amounts.reduce((s, [v]) => s + (v as number), 0);
    expect(evaluate(kpi("AOV"), [amounts, orders])).toBeCloseTo(total / (ROWS / 2), 6);
  });

  it("BREAKDOWN by customer completes with one row per customer", () => {
    const out = evaluate(kpi("BREAKDOWN"), [customers, amounts]);
    expect(isKpiError(out)).toBe(false);
    expect((out as unknown[][]).length).toBe(new Set(customers.map(([c]) => c)).size);
  });

  it("COHORT completes with one row per first-order month", () => {
    const out = evaluate(kpi("COHORT"), [customers, dates, 24]);
    expect(isKpiError(out)).toBe(false);
    expect((out as unknown[][]).length).toBe(24);
  });
});
