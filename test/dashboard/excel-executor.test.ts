import { describe, expect, it } from "vitest";
import { executeExcelPlan } from "../../addin/taskpane/excel-executor.js";
import {
  buildDashboard,
  detectTables,
  planChart,
  samplePlan,
  sampleSheets,
  sampleTable,
  type DashboardPlan,
  type SampleSheet,
} from "../../core/dashboard/index.js";
import { SAMPLE_DASHBOARD_CHART_TYPES } from "../helpers/dashboard.js";
import { fakeContext, FakeWorkbook } from "./fake-excel.js";

const tablesOf = (sheets: SampleSheet[]) => detectTables(sheets.map(sampleTable));

/** A workbook holding the sample tables, and the dashboard plan for it. */
function setUp(sheets = sampleSheets("en")): { book: FakeWorkbook; plan: DashboardPlan } {
  const book = new FakeWorkbook(["Sheet1"]);
  for (const s of sheets) book.put(s.name, "A1", [s.headers, ...s.rows]);
  const plan = buildDashboard({
    tables: tablesOf(sheets),
    syntax: "excel",
    lang: "en",
    existingSheets: book.sheets.map((s) => ({ name: s.name, dashboard: false })),
  });
  return { book, plan };
}

const countOps = (book: FakeWorkbook) =>
  book.ops.reduce<Record<string, number>>((n, { op }) => ({ ...n, [op]: (n[op] ?? 0) + 1 }), {});

describe("the Excel executor", () => {
  it("builds a whole dashboard in at most 3 syncs", async () => {
    const { book, plan } = setUp();
    const result = await executeExcelPlan(fakeContext(book), plan);
    expect(book.syncs).toBeLessThanOrEqual(3);
    expect(result).toEqual({ sheets: ["Dashboard"], syncs: book.syncs });
  });

  it("writes each block, format and chart of the plan with one operation", async () => {
    const { book, plan } = setUp();
    await executeExcelPlan(fakeContext(book), plan);
    const sheet = plan.sheets[0]!;
    const ops = countOps(book);
    expect(ops.addSheet).toBe(1);
    expect((ops.values ?? 0) + (ops.formulas ?? 0)).toBe(sheet.blocks.length);
    expect(ops.numberFormat).toBe(sheet.numberFormats.length);
    expect(ops.conditionalFormat).toBe(sheet.conditionalFormats.length);
    expect(ops.chart).toBe(sheet.charts.length);
  });

  it("leaves live formulas, targets and number formats in the new sheet", async () => {
    const { book, plan } = setUp();
    await executeExcelPlan(fakeContext(book), plan);
    expect(book.cell("Dashboard", "B5")?.formula).toBe("=KPI.AOV(Orders!$F$2:$F$464,Orders!$C$2:$C$464)");
    expect(book.cell("Dashboard", "C5")?.value).toBe(290);
    expect(book.cell("Dashboard", "D5")?.formula).toBe("=KPI.STATUS(B5,C5,TRUE)");
    expect(book.cell("Dashboard", "B5")?.numberFormat).toBe("#,##0.00");
    expect(book.activeSheet).toBe("Dashboard");
  });

  it("creates native charts of the right kinds with titles, axis formats and anchors", async () => {
    const { book, plan } = setUp();
    await executeExcelPlan(fakeContext(book), plan);
    const charts = book.sheet("Dashboard")!.charts;
    expect(charts.map((c) => c.type)).toEqual(SAMPLE_DASHBOARD_CHART_TYPES);
    expect(charts[0]).toMatchObject({ title: "Revenue by month", valueAxisFormat: "#,##0", anchor: "J4" });
    expect(charts[2]!.reversed).toBe(true);
    expect(charts[0]!.source).toMatch(/^Dashboard!T4:Z22$/);
  });

  it("adds traffic-light rules on the STATUS cells and a colour scale on the cohort table", async () => {
    const { book, plan } = setUp();
    await executeExcelPlan(fakeContext(book), plan);
    const rules = book.sheet("Dashboard")!.conditionalFormats;
    expect(rules.filter((r) => r.type === "CellValue").map((r) => r.rule)).toEqual([
      { formula1: '="OK"', operator: "EqualTo" },
      { formula1: '="WARN"', operator: "EqualTo" },
      { formula1: '="ALERT"', operator: "EqualTo" },
    ]);
    expect(rules.filter((r) => r.type === "ColorScale")).toHaveLength(1);
  });

  it("gives the cohort shares a three-colour scale from the lowest to the highest value", async () => {
    const { book, plan } = setUp();
    await executeExcelPlan(fakeContext(book), plan);
    const spec = plan.sheets[0]!.conditionalFormats.find((f) => f.type === "colorScale")!;
    if (spec.type !== "colorScale") throw new Error("no colour scale in the plan");
    const [scale] = book.sheet("Dashboard")!.conditionalFormats.filter((r) => r.type === "ColorScale");
    expect(scale!.range).toBe(spec.range);
    expect(scale!.criteria).toEqual({
      minimum: { formula: null, type: "LowestValue", color: spec.minColor },
      midpoint: { formula: "50", type: "Percentile", color: spec.midColor },
      maximum: { formula: null, type: "HighestValue", color: spec.maxColor },
    });
  });

  it("needs the same number of syncs and operations for ten times more rows", async () => {
    const small = setUp();
    await executeExcelPlan(fakeContext(small.book), small.plan);
    const big = sampleSheets("en").map((s) =>
      s.role === "orders" ? { ...s, rows: Array(10).fill(s.rows).flat() } : s,
    );
    const large = setUp(big);
    await executeExcelPlan(fakeContext(large.book), large.plan);
    expect(large.book.syncs).toBe(small.book.syncs);
    expect(countOps(large.book)).toEqual(countOps(small.book));
  });

  it("replaces the dashboard it created on a rebuild and leaves every other sheet alone", async () => {
    const { book, plan } = setUp();
    await executeExcelPlan(fakeContext(book), plan);
    book.put("Notes", "A1", [["mine"]]);
    const again = buildDashboard({
      tables: tablesOf(sampleSheets("en")),
      syntax: "excel",
      lang: "en",
      existingSheets: book.sheets.map((s) => ({
        name: s.name,
        dashboard: book.settings.get("kpi-dashboard-sheet") === s.name,
      })),
    });
    book.ops = [];
    await executeExcelPlan(fakeContext(book), again);
    expect(book.ops.filter((o) => o.op === "deleteSheet").map((o) => o.sheet)).toEqual(["Dashboard"]);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Orders",
      "Opportunities",
      "Survey",
      "Costs",
      "Notes",
      "Dashboard",
    ]);
    expect(book.cell("Notes", "A1")?.value).toBe("mine");
  });

  it("refuses to overwrite a user's sheet that has the planned name", async () => {
    const { book, plan } = setUp();
    book.put("Dashboard", "A1", [["user data"]]);
    await expect(executeExcelPlan(fakeContext(book), plan)).rejects.toThrow(/already exists/);
    expect(book.cell("Dashboard", "A1")?.value).toBe("user data");
  });

  it("inserts the four sample sheets with their date formats in two syncs", async () => {
    const book = new FakeWorkbook(["Feuil1"]);
    const result = await executeExcelPlan(fakeContext(book), samplePlan("fr", ["Feuil1"]));
    expect(result.sheets).toEqual(["Commandes", "Opportunités", "Enquête", "Coûts"]);
    expect(book.syncs).toBe(2);
    expect(book.cell("Commandes", "A1")?.value).toBe("Date");
    expect(book.cell("Commandes", "A2")?.numberFormat).toBe("yyyy-mm-dd");
  });

  it("draws the target series of an actual-vs-target combo as a line", async () => {
    const book = new FakeWorkbook(["Plan"]);
    const values = [
      ["Month", "Actual", "Target"],
      ["Jan", 10, 12],
      ["Feb", 14, 12],
    ];
    book.put("Plan", "A1", values);
    await executeExcelPlan(
      fakeContext(book),
      planChart({ sheet: "Plan", address: "Plan!A1:C3", values, type: "combo", title: "Actual vs target" }),
    );
    expect(book.sheet("Plan")!.charts[0]).toMatchObject({ type: "ColumnClustered", seriesTypes: { 1: "Line" } });
  });

  it("draws only the listed series of a forecast chart, the interval's bounds as dashed lines", async () => {
    const book = new FakeWorkbook(["Dash"]);
    const plan = {
      sheets: [
        {
          name: "Dash",
          mode: "existing" as const,
          blocks: [],
          numberFormats: [],
          styles: [],
          conditionalFormats: [],
          charts: [
            {
              id: "revenue",
              type: "combo" as const,
              title: "Revenue and forecast",
              source: { range: "A1:G9" },
              seriesIn: "columns" as const,
              headerRow: true,
              labelColumn: true,
              seriesColumns: [1, 4, 5, 6],
              band: { lower: 5, upper: 6 },
              anchor: "J1",
              width: 500,
              height: 300,
            },
          ],
        },
      ],
    };
    await executeExcelPlan(fakeContext(book), plan);
    const chart = book.sheet("Dash")!.charts[0]!;
    // Source columns B..G are series 0..5: B (revenue) as columns, E..G (forecast and bounds) as lines.
    expect(chart.seriesTypes).toEqual({ 3: "Line", 4: "Line", 5: "Line" });
    expect(chart.lineStyles).toEqual({ 4: "Dash", 5: "Dash" });
    expect(chart.deletedSeries).toEqual([2, 1]);
  });

  it("adds a chart next to the selection without writing any cell", async () => {
    const book = new FakeWorkbook(["Sales"]);
    book.put("Sales", "A1", [
      ["Channel", "Revenue"],
      ["Web", 10],
      ["Shop", 5],
    ]);
    const plan = planChart({
      sheet: "Sales",
      address: "Sales!A1:B3",
      values: [
        ["Channel", "Revenue"],
        ["Web", 10],
        ["Shop", 5],
      ],
      type: "doughnut",
      title: "Mix",
    });
    await executeExcelPlan(fakeContext(book), plan);
    expect(book.ops.map((o) => o.op)).toEqual(["chart"]);
    expect(book.sheet("Sales")!.charts[0]).toMatchObject({ type: "Doughnut", source: "Sales!A1:B3", anchor: "D1" });
  });
});
