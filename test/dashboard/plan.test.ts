import { describe, expect, it } from "vitest";
import {
  evaluateSheet,
  parseAddress,
  parseKpiCall,
  rangeName,
  Workbook,
  type PlanValue,
  type SampleSheet,
} from "../../core/dashboard/index.js";
import { dashboardFor, dashboardSheet, formulasOf } from "./plan-helpers.js";
import { evaluate, kpiById, type KpiResult } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";

/**
 * Formulas only a spreadsheet evaluates: the Alerts box (FILTER over the STATUS codes, in IFERROR) and the French
 * status words (IF over a code); the Chromium tests check them in the playground's engine.
 */
const HOST_ONLY = /^=IF(ERROR)?\(/;

/** A column of a sample sheet by role, straight from the generator (not through any range resolution). */
function column(sheets: SampleSheet[], role: SampleSheet["role"], header: number): PlanValue[][] {
  const sheet = sheets.find((s) => s.role === role)!;
  return sheet.rows.map((row) => [row[header] ?? null]);
}

describe.each(["en", "fr"] as const)("the dashboard plan for the %s sample data", (lang) => {
  const { sheets, tables, plan } = dashboardFor(lang);
  const orders = sheets[0]!.name;
  const n = sheets[0]!.rows.length + 1;
  const sheet = dashboardSheet(plan);

  it("has one tile per KPI the data supports, with its STATUS next to its target", () => {
    expect(plan.tiles.map((t) => t.kpi)).toEqual([
      "AOV",
      "REPEATRATE",
      "CROSSSELL",
      "WINRATE",
      "SALESCYCLE",
      "WEIGHTEDPIPELINE",
      "NPS",
      "CSAT",
      "CAC",
      "REVENUE",
      "REVENUEMOM",
      "CLVTOTAL",
    ]);
    const aov = plan.tiles[0]!;
    // In French the STATUS codes sit in a Code column after the translated status the reader sees.
    expect([aov.valueCell, aov.targetCell, aov.statusCell]).toEqual(["B5", "C5", lang === "en" ? "D5" : "E5"]);
  });

  it("writes formulas over the exact data rows of each table", () => {
    const formulas = formulasOf(plan).map((f) => f.formula);
    expect(formulas).toContain(`=KPI.AOV(${orders}!$F$2:$F$${n},${orders}!$C$2:$C$${n})`);
    expect(formulas).toContain("=KPI.STATUS(B5,C5,TRUE)");
    expect(formulas).toContain("=KPI.STATUS(B9,C9,FALSE)");
    for (const formula of formulas) expect(formula).not.toMatch(/![$]?[A-Z]+:[$]?[A-Z]+(?![$\d])/);
  });

  it("passes the won and lost labels of the data to WINRATE", () => {
    const winrate = formulasOf(plan).find((f) => f.formula.startsWith("=KPI.WINRATE"))!.formula;
    expect(winrate).toMatch(lang === "en" ? /,"Won","Lost"\)$/ : /,"Gagné","Perdu"\)$/);
  });

  it("uses fixed targets for rates and scores and round figures near the data for money", () => {
    const target = (kpi: string) => plan.tiles.find((t) => t.kpi === kpi)!.target;
    expect(target("NPS")).toBe(30);
    expect(target("CSAT")).toBe(0.8);
    expect(target("AOV")).toBe(290);
    expect(target("CAC")).toBe(400);
  });

  it("colours STATUS cells as traffic lights and the cohort triangle with a colour scale", () => {
    const lights = sheet.conditionalFormats.filter((f) => f.type === "textEquals");
    expect(lights.map((f) => f.type === "textEquals" && f.text)).toEqual(
      lang === "en" ? ["OK", "WARN", "ALERT"] : ["OK", "Attention", "Alerte"],
    );
    expect(new Set(lights.map((f) => f.range))).toEqual(new Set(["D5:D16"]));
    const scale = sheet.conditionalFormats.find((f) => f.type === "colorScale")!;
    expect(scale.range).toBe("C21:H31");
  });

  it("fills the coloured cohort table with one plain reference per cell into the COHORT spill of the chart data", () => {
    // Univer's conditional formatting sees cell values only, never spilled ones: a colour scale over the spill
    // itself stays blank in the playground.
    const formulas = new Map(formulasOf(plan).map((f) => [f.cell, f.formula]));
    const cohort = formulasOf(plan).find((f) => f.formula.startsWith("=KPI.COHORT("))!;
    const anchor = parseAddress(cohort.cell).rect;
    expect(anchor.col).toBe(19);
    const { rect } = parseAddress("A21:H31");
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.cols; c++)
        expect(formulas.get(rangeName(rect.row + r, rect.col + c, 1, 1))).toBe(
          `=${rangeName(anchor.row + r, anchor.col + c, 1, 1)}`,
        );
  });

  it("builds native charts, each over formulas of the dashboard sheet, one under the other", () => {
    expect(sheet.charts.map((c) => [c.id, c.type])).toEqual([
      ["revenue-by-month", "combo"],
      ["revenue-by-channel", "doughnut"],
      ["funnel", "funnel"],
      ["nps-breakdown", "stacked100"],
      ["rfm-segments", "bar"],
      ["opportunities-by-salesperson", "bar"],
      ["opportunities-by-region", "bar"],
      ["orders-by-channel", "bar"],
    ]);
    const anchors = sheet.charts.map((c) => parseAddress(c.anchor).rect.row);
    expect(anchors).toEqual(anchors.map((_, i) => 3 + 16 * i));
    expect(sheet.charts.find((c) => c.id === "nps-breakdown")!.axisFormat).toBe("0%");
  });

  it("formats values, targets, months and shares", () => {
    expect(sheet.numberFormats).toContainEqual({ range: "B5:C5", format: "#,##0.00" });
    // NPS is in whole points (its registry unit), the sales cycle in days with one decimal.
    expect(sheet.numberFormats).toContainEqual({ range: "B11:C11", format: "0" });
    expect(sheet.numberFormats).toContainEqual({ range: "B9:C9", format: "#,##0.0" });
    expect(sheet.numberFormats).toContainEqual({ range: "A21:A31", format: "mmm yyyy" });
    expect(sheet.numberFormats).toContainEqual({ range: "T5:T22", format: "mmm yyyy" });
    expect(sheet.numberFormats).toContainEqual({ range: "B15:C15", format: "0.0%" });
  });

  it("survives a JSON round trip unchanged, as google.script.run requires", () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("evaluates every KPI formula through the core to the value of calling the KPI directly", () => {
    const book = new Workbook();
    for (const t of tables) book.put(t.sheet, t.address, t.values);
    const { skipped } = evaluateSheet(sheet, book);
    expect(skipped.filter((f) => !HOST_ONLY.test(f))).toEqual([]);

    const col = (role: SampleSheet["role"], header: number) => column(sheets, role, header);
    const call = (id: string, ...args: unknown[]): KpiResult => evaluate(kpiById(id)!, args) as KpiResult;
    const [won, lost] = lang === "en" ? ["Won", "Lost"] : ["Gagné", "Perdu"];
    const direct: Record<string, KpiResult> = {
      AOV: call("AOV", col("orders", 5), col("orders", 2)),
      REPEATRATE: call("REPEATRATE", col("orders", 1), col("orders", 2)),
      CROSSSELL: call("CROSSSELL", col("orders", 1), col("orders", 4)),
      WINRATE: call("WINRATE", col("opportunities", 3), won, lost),
      SALESCYCLE: call("SALESCYCLE", col("opportunities", 0), col("opportunities", 1), col("opportunities", 3), won),
      WEIGHTEDPIPELINE: call("WEIGHTEDPIPELINE", col("opportunities", 4), col("opportunities", 5)),
      NPS: call("NPS", col("survey", 1)),
      CSAT: call("CSAT", col("survey", 2)),
      CAC: call("CAC", col("costs", 1), col("costs", 2), col("costs", 3)),
    };
    for (const tile of plan.tiles.filter((t) => t.kpi in direct)) {
      const { rect } = parseAddress(tile.valueCell);
      const value = book.get(sheet.name, rect.row, rect.col);
      expect(typeof value, tile.kpi).toBe("number");
      expectResult(value as number, direct[tile.kpi]);
      const { rect: at } = parseAddress(tile.statusCell);
      const status = book.get(sheet.name, at.row, at.col);
      expect(status, tile.kpi).toBe(call("STATUS", value, tile.target, tile.higherIsBetter));
    }

    // Spills: each checked cell by cell against the direct call.
    const spills: Record<string, KpiResult> = {
      BREAKDOWN: call("BREAKDOWN", col("orders", 3), col("orders", 5)),
      NPSBREAKDOWN: call("NPSBREAKDOWN", col("survey", 1)),
      COHORT: call("COHORT", col("orders", 1), col("orders", 0), 6),
    };
    const funnel = call("BREAKDOWN", col("opportunities", 2), col("opportunities", 4), "count");
    let checked = 0;
    for (const { cell, formula } of formulasOf(plan)) {
      const parsed = parseKpiCall(formula);
      if (!parsed || !["BREAKDOWN", "NPSBREAKDOWN", "COHORT"].includes(parsed.id)) continue;
      const expected = (parsed.args[2] === '"count"' ? funnel : spills[parsed.id]) as unknown[][];
      const { rect } = parseAddress(cell);
      const got = book.read(sheet.name, {
        row: rect.row,
        col: rect.col,
        rows: expected.length,
        cols: expected[0]!.length,
      });
      expectResult(
        got as never,
        expected.map((row) => row.map((v) => (typeof v === "object" && v && "serial" in v ? v.serial : v))),
      );
      checked++;
    }
    expect(checked).toBe(4);
  });

  it("writes Google Sheets names with the same arguments", () => {
    const sheetsPlan = dashboardFor(lang, "sheets").plan;
    const excel = formulasOf(plan).map((f) => f.formula);
    const gs = formulasOf(sheetsPlan).map((f) => f.formula);
    // Excel knows BY as KPI.BYGROUP, and SORT's descending order is -1 in Excel, FALSE in Sheets; every other
    // name only changes its separator.
    expect(gs).toEqual(
      excel.map((f) =>
        f
          .replace(/KPI\.BYGROUP\(/g, "KPI_BY(")
          .replace(/KPI\./g, "KPI_")
          .replace(/^(=SORT\(.*),-1\)$/, "$1,FALSE)"),
      ),
    );
    expect(gs).toContain(`=KPI_AOV(${orders}!$F$2:$F$${n},${orders}!$C$2:$C$${n})`);
  });
});
