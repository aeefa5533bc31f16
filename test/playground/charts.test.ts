import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../core/plan/plan.js";
import { chartData, chartOption, placeInView } from "../../playground/charts.js";

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

  it("draws only the listed columns, and an interval as a shaded band stacked on its lower bound", () => {
    const wide = [
      ["Month", "Revenue", "Change", "Forecast", "Low", "High"],
      [45658, 10, null, null, null, null],
      [45689, null, null, 12, 9, 15],
    ];
    const band = spec({ type: "combo", seriesColumns: [1, 3, 4, 5], band: { lower: 4, upper: 5 } });
    const data = chartData(band, wide);
    expect(data.series.map((s) => s.name)).toEqual(["Revenue", "Forecast", "Low", "High"]);
    expect(data.band).toEqual({ lower: 2, upper: 3 });
    const option = chartOption(band, data) as {
      series: { type: string; stack?: string; data: unknown[]; areaStyle?: unknown }[];
    };
    expect(option.series.map((s) => s.type)).toEqual(["bar", "line", "line", "line"]);
    expect(option.series[2]?.stack).toBe("band");
    expect(option.series[3]?.data).toEqual([null, 6]);
    expect(option.series[3]?.areaStyle).toBeDefined();
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

describe("placeInView", () => {
  const view = { x: 46, y: 20, width: 900, height: 600 };

  it("keeps a chart whose anchor fits where it is", () => {
    expect(placeInView({ x: 200, y: 100 }, { width: 400 }, view)).toEqual({ x: 200, y: 100 });
  });

  it("moves a chart anchored right of the visible columns (under the pane) left into view", () => {
    expect(placeInView({ x: 1200, y: 100 }, { width: 560 }, view)).toEqual({ x: 46 + 900 - 560 - 8, y: 100 });
  });

  it("never moves a chart wider than the view past its left edge, nor above its top edge", () => {
    expect(placeInView({ x: 1200, y: 0 }, { width: 2000 }, view)).toEqual({ x: 46 + 8, y: 20 + 8 });
  });

  it("leaves a chart anchored below the visible rows there, so stacked charts do not overlap", () => {
    expect(placeInView({ x: 200, y: 2000 }, { width: 400 }, view)).toEqual({ x: 200, y: 2000 });
  });
});

describe("chart axis labels", () => {
  const data = { categories: ["a"], series: [{ name: "s", values: [15000] }] };
  const formatter = (option: unknown): ((v: number) => string) =>
    (option as { yAxis: { axisLabel: { formatter: (v: number) => string } } }).yAxis.axisLabel.formatter;

  it("writes axis numbers and percentages the way the page's language does", () => {
    expect(formatter(chartOption(spec({}), data))(15000)).toBe("15,000");
    expect(formatter(chartOption(spec({}), data, "fr-FR"))(15000).replace(/\s/g, " ")).toBe("15 000");
    expect(formatter(chartOption(spec({ axisFormat: "0%" }), data, "fr-FR"))(0.4)).toBe("40\u00a0%");
  });
});
