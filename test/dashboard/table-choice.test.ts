import { describe, expect, it } from "vitest";
import {
  buildDashboard,
  detectTables,
  pickTable,
  sampleSheets,
  sampleTable,
  tablesByKind,
  type DashboardPlan,
} from "../../core/dashboard/index.js";
import { kindChoices } from "../../pane/table-choice.js";

/** The sample workbook plus a second, smaller orders table the user pasted on a sheet of their own. */
function workbook() {
  const samples = sampleSheets("en");
  const orders = samples.find((s) => s.role === "orders")!;
  const pasted = sampleTable({ ...orders, name: "Pasted", rows: orders.rows.slice(0, 40) });
  return detectTables([...samples.map(sampleTable), pasted]);
}

const aovFormula = (plan: DashboardPlan): string =>
  plan.sheets[0]!.blocks.flatMap((b) => b.cells.flat()).find(
    (c) => typeof c === "string" && c.startsWith("=KPI.AOV("),
  )! as string;
const sourcesLine = (plan: DashboardPlan): string => String(plan.sheets[0]!.blocks[0]!.cells[1]![0]);

describe("choosing the table of a kind that feeds the dashboard", () => {
  const tables = workbook();
  const input = { tables, syntax: "excel" as const, lang: "en" as const, existingSheets: [] };

  it("detects both orders tables and groups them by kind", () => {
    const byKind = tablesByKind(tables);
    expect(byKind.get("orders")!.map((t) => t.sheet)).toEqual(["Orders", "Pasted"]);
    expect(byKind.get("survey")).toHaveLength(1);
  });

  it("reads the first table of a kind without a choice, and lists only the tables it reads as sources", () => {
    const plan = buildDashboard(input);
    expect(aovFormula(plan)).toContain("Orders!");
    expect(sourcesLine(plan)).toBe("Sources: Orders, Opportunities, Survey, Costs");
  });

  it("reads the chosen table in the tiles and sections, and names it as the source", () => {
    const plan = buildDashboard({ ...input, chosenTables: { orders: "Pasted!A1:F41" } });
    expect(aovFormula(plan)).toBe("=KPI.AOV(Pasted!$F$2:$F$41,Pasted!$C$2:$C$41)");
    const formulas = plan.sheets[0]!.blocks.flatMap((b) => b.cells.flat()).filter((c) => typeof c === "string");
    expect(formulas.filter((f) => f.includes("Orders!"))).toEqual([]);
    expect(sourcesLine(plan)).toBe("Sources: Pasted, Opportunities, Survey, Costs");
  });

  it("falls back to the first table when the chosen one is gone, and compares addresses case-insensitively", () => {
    expect(pickTable(tables, "orders", "Gone!A1:B2")!.sheet).toBe("Orders");
    expect(pickTable(tables, "orders", "pasted!a1:f41")!.sheet).toBe("Pasted");
    expect(pickTable(tables, "costs", "Pasted!A1:F41")!.sheet).toBe("Costs");
  });

  it("offers a choice only for the kinds with several tables, the one the build reads selected", () => {
    expect(kindChoices(tables, {})).toEqual([
      { kind: "orders", addresses: ["Orders!A1:F464", "Pasted!A1:F41"], chosen: "Orders!A1:F464" },
    ]);
    expect(kindChoices(tables, { orders: "Pasted!A1:F41" })[0]!.chosen).toBe("Pasted!A1:F41");
    expect(kindChoices(detectTables(sampleSheets("en").map(sampleTable)), {})).toEqual([]);
  });
});
