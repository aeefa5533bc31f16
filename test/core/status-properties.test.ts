import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, kpiById, type AnyKpi } from "../../core/index.js";

/**
 * STATUS grades a value against a target of any sign: for fixed target, direction, warn ratio and tolerance, a
 * better value never gets a worse status, and the target itself is always OK.
 */

const STATUS = kpiById("STATUS") as AnyKpi;
const RANK: Readonly<Record<string, number>> = { ALERT: 0, WARN: 1, OK: 2 };
const rank = (outcome: unknown): number => {
  const r = RANK[String(outcome)];
  if (r === undefined) throw new Error(`STATUS returned ${JSON.stringify(outcome)}`);
  return r;
};

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const ratio = fc.double({ min: 0.01, max: 1, noNaN: true });
const tolerance = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e3, noNaN: true }));

describe("STATUS properties", () => {
  it("is monotone in the value, in both directions and for a target of any sign", () => {
    fc.assert(
      fc.property(finite, finite, finite, fc.boolean(), ratio, tolerance, (a, b, target, higher, w, tol) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowRank = rank(evaluate(STATUS, [low, target, higher, w, tol]));
        const highRank = rank(evaluate(STATUS, [high, target, higher, w, tol]));
        if (higher) expect(highRank).toBeGreaterThanOrEqual(lowRank);
        else expect(lowRank).toBeGreaterThanOrEqual(highRank);
      }),
      { numRuns: 500 },
    );
  });

  it("is OK at the target and has a WARN band of at least tolerance on its bad side", () => {
    fc.assert(
      fc.property(
        finite,
        fc.boolean(),
        ratio,
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (t, higher, w, tol) => {
          expect(evaluate(STATUS, [t, t, higher, w, tol])).toBe("OK");
          const justWorse = higher ? t - tol / 2 : t + tol / 2;
          if (justWorse !== t) expect(evaluate(STATUS, [justWorse, t, higher, w, tol])).toBe("WARN");
        },
      ),
      { numRuns: 300 },
    );
  });
});
