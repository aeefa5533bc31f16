import { describe, expect, it } from "vitest";
import { currentRegion } from "../../playground/region.js";

describe("currentRegion", () => {
  const sheet = [
    ["Month", "Revenue", null, null],
    [45658, 100, null, "note"],
    [45689, 120, null, null],
    [null, null, null, null],
    ["other", 1, null, null],
  ];

  it("grows a single cell to the block around it, stopping at empty rows and columns", () => {
    expect(currentRegion(sheet, { row: 1, col: 1, rows: 1, cols: 1 })).toEqual({ row: 0, col: 0, rows: 3, cols: 2 });
  });

  it("takes in a block that only touches the region diagonally, as Excel does", () => {
    const diagonal = [
      ["a", null],
      [null, "b"],
    ];
    expect(currentRegion(diagonal, { row: 0, col: 0, rows: 1, cols: 1 })).toEqual({ row: 0, col: 0, rows: 2, cols: 2 });
  });

  it("leaves an empty cell surrounded by emptiness as it is", () => {
    expect(currentRegion(sheet, { row: 3, col: 3, rows: 1, cols: 1 })).toEqual({ row: 3, col: 3, rows: 1, cols: 1 });
  });
});
