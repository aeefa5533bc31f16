import { describe, expect, it } from "vitest";
import { planChart } from "../../core/dashboard/index.js";
import { dateToSerial } from "../../core/index.js";

describe("a chart from the selection", () => {
  it("is placed right of the data's region and writes no cell", () => {
    const plan = planChart({
      sheet: "Sales",
      address: "Sales!A1:B4",
      regionAddress: "Sales!A1:D20",
      values: [
        ["Month", "Revenue"],
        [dateToSerial(new Date(Date.UTC(2025, 0, 1))), 10],
        [dateToSerial(new Date(Date.UTC(2025, 1, 1))), 12],
        [dateToSerial(new Date(Date.UTC(2025, 2, 1))), 9],
      ],
      type: "line",
      title: "Revenue",
    });
    const sheet = plan.sheets[0]!;
    expect(sheet.mode).toBe("existing");
    expect(sheet.blocks).toEqual([]);
    expect(sheet.charts[0]).toMatchObject({
      anchor: "F1",
      headerRow: true,
      source: { sheet: "Sales", range: "A1:B4" },
    });
  });

  it("uses a percent axis when every value is a share", () => {
    const plan = planChart({
      sheet: "S",
      address: "A1:B3",
      values: [
        ["Web", 0.4],
        ["Shop", 0.6],
        ["x", 0.1],
      ],
      type: "bar",
      title: "t",
    });
    expect(plan.sheets[0]!.charts[0]).toMatchObject({ axisFormat: "0%", labelColumn: true, headerRow: false });
  });
});
