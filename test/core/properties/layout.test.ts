import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, serialToDate } from "../../../core/index.js";
import { RUNS, kpi, withBlanks, count, score, label, comparable } from "./arbitrary.js";

/**
 * The layout of the cells (column, row, block) and the form of dates (Date objects, serials) never change a result.
 */

describe("layout and date invariants", () => {
  /** The same cells as a column, as a row, and as a block `width` wide (padded with blanks). */
  const layouts = (values: unknown[], width: number): unknown[][][] => {
    const block: unknown[][] = [];
    for (let start = 0; start < values.length; start += width) {
      const r = values.slice(start, start + width);
      while (r.length < width) r.push(null);
      block.push(r);
    }
    return [values.map((v) => [v]), [values], block];
  };

  it("a KPI over ranges gives the same result for a column, a row or a 2-D block of the same cells", () => {
    const cases: [string, fc.Arbitrary<unknown>][] = [
      ["NPS", withBlanks(score)],
      ["CPL", withBlanks(count)],
      ["AOV", withBlanks(count)],
      ["GROWTH", withBlanks(fc.integer({ min: -500, max: 500 }))],
      ["WINRATE", withBlanks(fc.constantFrom("Won", "Lost", "open"))],
      ["REPEATRATE", withBlanks(label)],
      ["CSAT", withBlanks(fc.integer({ min: 1, max: 5 }))],
      ["WEIGHTEDPIPELINE", withBlanks(fc.integer({ min: 0, max: 4 }).map((v) => v / 4))],
      ["BREAKDOWN", withBlanks(label)],
    ];
    for (const [id, cell] of cases) {
      const arity = id === "WEIGHTEDPIPELINE" || id === "BREAKDOWN" || id === "CPL" || id === "GROWTH" ? 2 : 1;
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 24 })
            .chain((n) =>
              fc.tuple(
                fc.array(cell, { minLength: n, maxLength: n }),
                fc.array(id === "BREAKDOWN" ? withBlanks(count) : cell, { minLength: n, maxLength: n }),
              ),
            ),
          fc.integer({ min: 2, max: 5 }),
          ([a, b], width) => {
            const [aCol, aRow, aBlock] = layouts(a, width) as [unknown[][], unknown[][], unknown[][]];
            const [bCol, bRow, bBlock] = layouts(b, width) as [unknown[][], unknown[][], unknown[][]];
            const args = (x: unknown, y: unknown): unknown[] => (arity === 2 ? [x, y] : [x]);
            const reference = comparable(evaluate(kpi(id), args(aCol, bCol)));
            expect(comparable(evaluate(kpi(id), args(aRow, bRow)))).toEqual(reference);
            expect(comparable(evaluate(kpi(id), args(aBlock, bBlock)))).toEqual(reference);
          },
        ),
        { numRuns: 100 },
      );
    }
  });

  it("Date objects and serial numbers give the same SALESCYCLE, RUNRATE and COHORT", () => {
    const day = fc.integer({ min: 40_000, max: 50_000 });
    const asDate = (serial: number): Date => serialToDate(serial);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, day, fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 60 }),
        (rows, elapsed) => {
          const created = rows.map(([, d]) => d);
          const closed = rows.map(([, d, len]) => d + len);
          const same = (id: string, serialArgs: unknown[], dateArgs: unknown[]): void => {
            expect(comparable(evaluate(kpi(id), dateArgs))).toEqual(comparable(evaluate(kpi(id), serialArgs)));
          };
          same(
            "SALESCYCLE",
            [created.map((d) => [d]), closed.map((d) => [d])],
            [created.map((d) => [asDate(d)]), closed.map((d) => [asDate(d)])],
          );
          const start = created[0] as number;
          same(
            "RUNRATE",
            [[[100]], start, start + 60, start + elapsed],
            [[[100]], asDate(start), asDate(start + 60), asDate(start + elapsed)],
          );
          same(
            "COHORT",
            [rows.map(([c]) => [c]), created.map((d) => [d])],
            [rows.map(([c]) => [c]), created.map((d) => [asDate(d)])],
          );
        },
      ),
      RUNS,
    );
  });
});
