import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../core/dashboard/plan.js";
import { chartData, chartOption } from "../../playground/charts.js";

const spec = (overrides: Partial<ChartSpec>): ChartSpec => ({
  id: "c",
  type: "column",
  title: "T",
  source: { range: "A1:C3" },
  seriesIn: "columns",
  headerRow: true,
  labelColumn: true,
  anchor: "E1",
  width: 400,
  height: 300,
  ...overrides,
});

describe("chart data read from a plan's source range", () => {
  const block = [
    ["Month", "Actual", "Target"],
    [45658, 10, 12],
    [45689, 14, 12],
  ];
  const shown = [
    ["Month", "Actual", "Target"],
    ["Jan 2025", "10", "12"],
    ["Feb 2025", "14", "12"],
  ];

  it("names series from the header row and labels categories as the sheet shows them", () => {
    expect(chartData(spec({}), block, shown)).toEqual({
      categories: ["Jan 2025", "Feb 2025"],
      series: [
        { name: "Actual", values: [10, 14] },
        { name: "Target", values: [12, 12] },
      ],
    });
  });

  it("reads series along rows when the spec says so", () => {
    const rows = [
      ["", "Promoters", "Passives"],
      ["NPS", 0.5, 0.3],
    ];
    const data = chartData(spec({ seriesIn: "rows" }), rows);
    expect(data.categories).toEqual(["Promoters", "Passives"]);
    expect(data.series).toEqual([{ name: "NPS", values: [0.5, 0.3] }]);
  });

  it("draws a combo as columns for the first series and lines for the others", () => {
    const option = chartOption(spec({ type: "combo" }), chartData(spec({}), block, shown)) as {
      series: { type: string }[];
    };
    expect(option.series.map((s) => s.type)).toEqual(["bar", "line"]);
  });

  it("scales a 100 % stacked bar to shares of each category's total", () => {
    const data = {
      categories: ["NPS"],
      series: [
        { name: "a", values: [1] },
        { name: "b", values: [3] },
      ],
    };
    const option = chartOption(spec({ type: "stacked100" }), data) as { series: { data: number[] }[] };
    expect(option.series.map((s) => s.data[0])).toEqual([0.25, 0.75]);
  });
});
