import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, kpiById, type AnyKpi } from "../../core/index.js";
import { readNumericPair } from "../../core/read/pairs.js";
import { readNumbers } from "../../core/read/readers.js";
import type { ReadSpec } from "../../core/read/where.js";

const PERIODS = kpiById("PERIODS") as AnyKpi;
const [DATES, VALUES] = PERIODS.params as [ReadSpec, ReadSpec];

/** Cells of a date or value column as hosts pass them, odd ones included. */
const cell = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0, max: 60_000, noNaN: true }) },
  fc.constantFrom(null, "", "  ", undefined),
  fc.constantFrom(-1, Infinity, "12 €", "text", true),
  fc.date({ min: new Date("1950-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
);

/** What the general reader makes of the pair: each column read with its blanks kept, then the complete rows. */
function general(dates: unknown[][], values: unknown[][]): { first: number[]; second: number[]; rows: number[] } {
  const a = readNumbers(dates, DATES, true);
  const b = readNumbers(values, VALUES, true);
  const out = { first: [] as number[], second: [] as number[], rows: [] as number[] };
  a.forEach((x, i) => {
    const y = b[i] as number;
    if (x === x && y === y) {
      out.first.push(x);
      out.second.push(y);
      out.rows.push(i + 1);
    }
  });
  return out;
}

describe("the fused reader of two numeric columns", () => {
  it("keeps the rows and values the general reader keeps, and gives way wherever a cell is wrong", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 40 }), (rows) => {
        const dates = rows.map(([d]) => [d]);
        const values = rows.map(([, v]) => [v]);
        const fused = readNumericPair([DATES, VALUES], [dates, values]);
        let expected: ReturnType<typeof general> | undefined;
        try {
          expected = general(dates, values);
        } catch {
          expected = undefined;
        }
        // Any cell the general reader refuses makes the fused reader give way, so the error is the general one.
        if (!expected) {
          expect(fused).toBeUndefined();
          return;
        }
        expect(fused?.first).toEqual(expected.first);
        expect(fused?.second).toEqual(expected.second);
        expect(expected.first.map((_, i) => fused?.positionOf(i))).toEqual(expected.rows);
      }),
      { numRuns: 300 },
    );
  });

  it("gives way to the general reader for ranges that are not two columns of one height", () => {
    expect(readNumericPair([DATES, VALUES], [[[1, 2]], [[3, 4]]])).toBeUndefined();
    expect(readNumericPair([DATES, VALUES], [[[1]], [[3], [4]]])).toBeUndefined();
    expect(readNumericPair([DATES, VALUES], [[1], [3]])).toBeUndefined();
  });

  it("leaves PERIODS's errors as they were: the bad cell named, whichever column it is in", () => {
    const result = evaluate(PERIODS, [
      [[45_700], [45_701], ["soon"]],
      [[1], ["x"], [3]],
    ]);
    expect(String(result)).toMatch(/dates: cell 3/);
  });
});
