import type * as echarts from "echarts/core";
import type { ChartSpec, PlanValue } from "../core/plan/plan.js";

/** What a chart draws, as echarts options: its data read from the sheet and the series the spec describes. */

/** A chart's data once read from its source range: category labels and named series. */
export interface ChartData {
  readonly categories: string[];
  readonly series: { readonly name: string; readonly values: (number | null)[] }[];
  /** Indices into `series` of an interval's bounds, drawn as a shaded band. */
  readonly band?: { readonly lower: number; readonly upper: number };
}

const asNumber = (value: PlanValue | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** Splits a source block the way the spec says: series in columns or rows, optional header row and label column. */
export function chartData(
  spec: ChartSpec,
  block: readonly (readonly PlanValue[])[],
  shown: readonly (readonly PlanValue[])[] = block,
): ChartData {
  const grid = spec.seriesIn === "columns" ? block : transpose(block);
  // Category labels as the sheet shows them: a month is "Jan 2025", not its serial number.
  const labels = spec.seriesIn === "columns" ? shown : transpose(shown);
  const headerFirst = spec.seriesIn === "columns" ? spec.headerRow : spec.labelColumn;
  const labelsFirst = spec.seriesIn === "columns" ? spec.labelColumn : spec.headerRow;
  const header = headerFirst ? (grid[0] ?? []) : [];
  const body = headerFirst ? grid.slice(1) : grid;
  const firstSeries = labelsFirst ? 1 : 0;
  const width = Math.max(0, ...body.map((r) => r.length));
  const labelRows = headerFirst ? labels.slice(1) : labels;
  const categories = body.map((_, i) => (labelsFirst ? String(labelRows[i]?.[0] ?? "") : String(i + 1)));
  // The columns drawn: those the spec lists (series in columns only), else every one after the labels.
  const columns =
    spec.seriesIn === "columns" && spec.seriesColumns
      ? [...spec.seriesColumns]
      : Array.from({ length: Math.max(0, width - firstSeries) }, (_, i) => firstSeries + i);
  const series = columns.map((c) => ({
    name: String(header[c] ?? `Series ${c + 1 - firstSeries}`),
    values: body.map((r) => asNumber(r[c])),
  }));
  const lower = spec.band ? columns.indexOf(spec.band.lower) : -1;
  const upper = spec.band ? columns.indexOf(spec.band.upper) : -1;
  return lower >= 0 && upper >= 0 ? { categories, series, band: { lower, upper } } : { categories, series };
}

function transpose(block: readonly (readonly PlanValue[])[]): PlanValue[][] {
  const width = Math.max(0, ...block.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => block.map((r) => r[c] ?? null));
}

/** The echarts option drawing `spec` over `data`: one function per native chart kind of the plan. */
export function chartOption(spec: ChartSpec, data: ChartData, locale = "en-US"): echarts.EChartsCoreOption {
  const percent = spec.axisFormat?.includes("%") ?? false;
  // Axis numbers as the grid beside them shows them: `15,000` and `40%` in English, `15 000` and `40 %` in French.
  const percentSign = locale.startsWith("fr") ? "\u00a0%" : "%";
  const axisLabel = {
    formatter: (v: number) => (percent ? `${Math.round(v * 100)}${percentSign}` : v.toLocaleString(locale)),
  };
  // No animation: the chart is a view of cells and redraws after each recalculation.
  const base = {
    animation: false,
    title: { text: spec.title, left: "center", textStyle: { fontSize: 13 } },
    tooltip: {},
    legend: { bottom: 0 },
  };
  const first = data.series[0];
  switch (spec.type) {
    case "doughnut":
      return {
        ...base,
        series: [
          {
            type: "pie",
            radius: ["40%", "65%"],
            data: data.categories.map((name, i) => ({ name, value: first?.values[i] ?? 0 })),
          },
        ],
      };
    case "funnel":
      return {
        ...base,
        series: [
          {
            type: "funnel",
            sort: "none",
            data: data.categories.map((name, i) => ({ name, value: first?.values[i] ?? 0 })),
          },
        ],
      };
    case "bar":
    case "stacked100": {
      const totals = data.categories.map((_, i) => data.series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
      const stacked = spec.type === "stacked100";
      return {
        ...base,
        grid: { left: 90, right: 20, top: 36, bottom: 40 },
        xAxis: {
          type: "value",
          max: stacked ? 1 : undefined,
          axisLabel: stacked ? { formatter: (v: number) => `${Math.round(v * 100)}${percentSign}` } : axisLabel,
        },
        yAxis: { type: "category", data: data.categories },
        series: data.series.map((s) => ({
          type: "bar",
          name: s.name,
          stack: stacked ? "total" : undefined,
          data: stacked
            ? s.values.map((v, i) => ((totals[i] ?? 0) === 0 ? 0 : (v ?? 0) / (totals[i] as number)))
            : s.values,
        })),
      };
    }
    default:
      return {
        ...base,
        grid: { left: 60, right: 20, top: 36, bottom: 40 },
        xAxis: { type: "category", data: data.categories },
        yAxis: { type: "value", axisLabel },
        series: data.series.map((s, i) => {
          const type = spec.type === "line" || (spec.type === "combo" && i > 0) ? "line" : "bar";
          const band = data.band;
          if (!band || (i !== band.lower && i !== band.upper)) return { type, name: s.name, data: s.values };
          // The interval: the lower bound as an invisible base, the width above it stacked and shaded.
          const lower = data.series[band.lower]?.values ?? [];
          return i === band.lower
            ? { type: "line", name: s.name, data: s.values, stack: "band", symbol: "none", lineStyle: { opacity: 0 } }
            : {
                type: "line",
                name: s.name,
                data: s.values.map((v, k) => (v === null || lower[k] == null ? null : v - lower[k])),
                stack: "band",
                symbol: "none",
                lineStyle: { opacity: 0 },
                areaStyle: { opacity: 0.25 },
              };
        }),
      };
  }
}
