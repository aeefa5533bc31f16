import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { hasTotals } from "../../core/aggregate/index.js";
import { evaluate, isKpiError, KPIS, type AnyKpi, type KpiError } from "../../core/index.js";
import { RUNS } from "./properties/arbitrary.js";

/**
 * BY's fast path (each row added to its group's totals, core/aggregate/groups.ts) against its direct path (each
 * group's cells read as a direct call): on random rows, bad cells and bad options included, both give the same
 * table, the same values and the same errors word for word. The direct path is BY with the fast path switched off.
 */

const state = vi.hoisted(() => ({ fast: true, totalled: 0 }));

vi.mock("../../core/aggregate/groups.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../core/aggregate/groups.js")>();
  return {
    ...real,
    totalsPerGroup: (...args: Parameters<typeof real.totalsPerGroup>) => {
      if (!state.fast) return undefined;
      const totals = real.totalsPerGroup(...args);
      state.totalled += totals?.filter((t) => t !== undefined).length ?? 0;
      return totals;
    },
  };
});

const BY = KPIS.find((k) => k.id === "BY") as AnyKpi;
const INNER = KPIS.filter((k) => hasTotals(k.id));

const label = fc.constantFrom("North", " north ", "NORTH", "South", "Été", "été ", 2024, true, null, "", "  ");
/** Numbers mostly inside the parameter's bounds (a score on its scale), sometimes outside. */
const number = (min = 0, max = 20): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 20)) }) },
    { weight: 2, arbitrary: fc.double({ min, max: Math.min(max, 100), noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(-5, 0, 0.25, 0.5, 1, 9, 10, 1e308) },
  );
/** A cell of a numeric or label column: mostly plain values, sometimes what goes wrong in a sheet. */
const cell = (plain: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 25, arbitrary: plain },
    { weight: 2, arbitrary: fc.constantFrom(null, "", undefined) },
    { weight: 1, arbitrary: fc.constantFrom("12", "n/a", " Won ", "lost", true, -3, Number.NaN, new Date(2024, 0, 2)) },
  );
const outcome = fc.constantFrom("Won", "Lost", "Open", " won ", "Gagné", "perdu", "Perdue");

/** A value for a scalar parameter: omitted, plausible, out of bounds, or a range where a value is expected. */
const option = (kind: string): fc.Arbitrary<unknown> => {
  const plain =
    kind === "text"
      ? fc.constantFrom("Won", "Lost", "Gagné", "Perdu", " won ", "")
      : kind === "boolean"
        ? fc.boolean()
        : fc.constantFrom(0, 0.3, 0.5, 3, 4, 5, 7, 9, 10, 11, -1);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 6, arbitrary: plain },
    { weight: 1, arbitrary: fc.constantFrom("x", [[5]]) },
  );
};

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

function expectSame(fast: unknown, direct: unknown): void {
  if (isKpiError(direct)) {
    expect(isKpiError(fast), `fast path gave ${JSON.stringify(fast)} where the direct path gave ${direct.detail}`).toBe(
      true,
    );
    expect((fast as KpiError).code).toBe(direct.code);
    expect((fast as KpiError).causes).toEqual(direct.causes);
    return;
  }
  expect(Array.isArray(fast), `fast path gave ${String(fast)}`).toBe(true);
  const [f, d] = [fast as unknown[][], direct as unknown[][]];
  expect(f.map((r) => r[0])).toEqual(d.map((r) => r[0]));
  d.forEach((row, g) => {
    const [x, y] = [f[g]?.[1], row[1]];
    if (typeof y === "number") {
      expect(typeof x, `group ${String(row[0])}: ${String(x)} against ${y}`).toBe("number");
      expect(close(x as number, y), `group ${String(row[0])}: ${String(x)} against ${y}`).toBe(true);
    } else expectSame(x, y);
  });
}

describe("BY's totals per group against its direct path", () => {
  for (const inner of INNER) {
    it(`${inner.id}: the same table, values and errors`, () => {
      const before = state.totalled;
      const args = fc.integer({ min: 1, max: 40 }).chain((n) => {
        const column = (c: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[][]> =>
          fc.array(cell(c), { minLength: n, maxLength: n }).map((cells) => cells.map((v) => [v]));
        return fc.tuple(
          column(label),
          fc.tuple(
            ...inner.params.map((p) =>
              p.kind === "keys"
                ? column(outcome)
                : p.kind === "numberRange"
                  ? column(number(p.min, p.max ?? (p.name === "scores" ? 5 : undefined)))
                  : option(p.kind),
            ),
          ),
        );
      });
      fc.assert(
        fc.property(args, ([groups, rest]) => {
          const call = [groups, inner.id, ...rest];
          state.fast = true;
          const fast = evaluate(BY, call);
          state.fast = false;
          const direct = evaluate(BY, call);
          state.fast = true;
          expectSame(fast, direct);
        }),
        RUNS,
      );
      // The comparison means something only if the fast path answered for many groups.
      expect(state.totalled - before).toBeGreaterThan(50);
    });
  }

  it("covers every KPI with a totals aggregate", () => {
    expect(INNER.map((k) => k.id)).toEqual(expect.arrayContaining(["CONVERSION", "NPS", "WINRATE", "CSAT", "NRR"]));
  });
});
