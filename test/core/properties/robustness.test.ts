import fc from "fast-check";
import { describe, it } from "vitest";
import { evaluate, KPIS } from "../../../core/index.js";
import { RUNS, anyArg, expectWellFormed } from "./arbitrary.js";

/**
 * Whatever a host passes, a KPI returns a finite number, a text, a well-formed spill or a typed KpiError with a
 * message, and never throws.
 */

describe("every KPI on arbitrary host values", () => {
  for (const k of KPIS) {
    it(`${k.id} returns a well-formed result or a typed error and never throws`, () => {
      const argCount = fc.integer({ min: 0, max: k.params.length + 1 });
      fc.assert(
        fc.property(
          argCount.chain((n) => fc.array(anyArg, { minLength: n, maxLength: n })),
          (args) => {
            expectWellFormed(k, evaluate(k, args));
          },
        ),
        RUNS,
      );
    });

    it(`${k.id} with numbers in its numeric arguments still returns a well-formed result`, () => {
      const numeric = fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 12 }),
        // Extremes weigh as much as ordinary numbers: overflow hides in sums of a few huge cells.
        fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 1e-300, 5e-324, 0, 0.5, 1, 46_023),
      );
      // One length for every range, so that paired ranges pair up instead of failing on their sizes.
      const argOf = (kind: string, n: number): fc.Arbitrary<unknown> => {
        const column = (cell: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[][]> =>
          fc.array(fc.oneof(cell, fc.constant(null)), { minLength: n, maxLength: n }).map((vs) => vs.map((v) => [v]));
        switch (kind) {
          case "numberRange":
          case "numberList":
          case "dates":
          case "series":
            return column(numeric);
          case "keys":
            return column(fc.constantFrom("A", " a ", "B", "Won", "Lost"));
          case "any":
            // Handed on to another KPI (BY): groups, numbers or labels alike.
            return fc.oneof(column(numeric), column(fc.constantFrom("A", " a ", "B", "Won", "Lost")), numeric);
          case "matrix":
            return fc.array(fc.array(fc.oneof(numeric, fc.constant(null)), { minLength: 3, maxLength: 3 }), {
              minLength: n,
              maxLength: n,
            });
          case "boolean":
            return fc.boolean();
          case "text":
            return fc.constantFrom("Won", "Lost", "mean", "median", "sum", "count", "average", "NPS", "KPI.CONVERSION");
          case "number":
          case "date":
            return numeric;
          default:
            throw new Error(`no generator for the kind ${kind}: add one`);
        }
      };
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...k.params.map((p) => argOf(p.kind, n)))),
          (args) => {
            expectWellFormed(k, evaluate(k, args));
          },
        ),
        RUNS,
      );
    });
  }
});

// Well-typed generators for the invariants.
