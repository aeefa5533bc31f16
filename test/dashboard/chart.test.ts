import { describe, expect, it } from "vitest";
import { chartShape } from "../../core/dashboard/index.js";

describe("the shape of a selection to chart", () => {
  it("takes a first column of dates (serials in time order) as the categories, like a date-formatted column in Excel", () => {
    const shape = chartShape([
      ["Month", "Revenue"],
      [45_658, 1200],
      [45_689, 1350],
      [45_717, 990],
    ]);
    expect(shape).toMatchObject({ headerRow: true, labelColumn: true, axisFormat: "#,##0" });
  });

  it("keeps a first column of plain numbers as a data series", () => {
    expect(
      chartShape([
        [3, 1200],
        [1, 1350],
        [2, 990],
      ]).labelColumn,
    ).toBe(false);
  });

  it("does not take numbers out of time order for dates", () => {
    expect(
      chartShape([
        [45_689, 1200],
        [45_658, 1350],
      ]).labelColumn,
    ).toBe(false);
  });

  it("takes a first column of text as the categories", () => {
    expect(
      chartShape([
        ["Web", 0.5],
        ["Shop", 0.25],
      ]),
    ).toMatchObject({ labelColumn: true, axisFormat: "0%" });
  });
});
