import { describe, expect, it } from "vitest";
import {
  buildDashboard,
  detectTables,
  evaluateFormula,
  mapColumns,
  sampleSheets,
  samplePlan,
  Workbook,
  type MappedTable,
  type PlanValue,
} from "../../core/dashboard/index.js";
import { asTables, dashboardFor, formulasOf } from "./plan-helpers.js";

/** How the planner reads tables: column detection, sheet names, the user's corrections, tables anywhere. */

describe("column detection", () => {
  it.each(["en", "fr"] as const)("recognises the four %s sample tables and maps every column", (lang) => {
    const tables = detectTables(asTables(sampleSheets(lang)));
    expect(tables.map((t) => t.kind)).toEqual(["orders", "opportunities", "survey", "costs"]);
    expect(tables[0]!.mapping).toEqual({ date: 0, customer: 1, order: 2, channel: 3, product: 4, amount: 5 });
    expect(tables[1]!.mapping).toEqual({
      created: 0,
      closed: 1,
      stage: 2,
      outcome: 3,
      amount: 4,
      probability: 5,
      salesperson: 6,
      region: 7,
    });
    expect(tables[2]!.mapping).toEqual({ date: 0, score: 1, csat: 2 });
    expect(tables[3]!.mapping).toEqual({ month: 0, marketing: 1, sales: 2, newCustomers: 3 });
  });

  it("ignores case and accents in headers", () => {
    const mapping = mapColumns(["CRÉÉE", "cloturee", "ETAPE", "statut", "MONTANT", "probabilite"], "opportunities");
    expect(mapping).toEqual({ created: 0, closed: 1, stage: 2, outcome: 3, amount: 4, probability: 5 });
  });

  it("matches headers that carry a unit or a qualifier", () => {
    expect(mapColumns(["Order date", "Customer id", "Amount (EUR)", "Sales channel"], "orders")).toMatchObject({
      date: 0,
      customer: 1,
      channel: 3,
    });
  });

  it("finds no table in a sheet whose headers mean nothing to it", () => {
    expect(
      detectTables([
        {
          sheet: "Notes",
          address: "Notes!A1:B3",
          values: [
            ["foo", "bar"],
            [1, 2],
            [3, 4],
          ],
        },
      ]),
    ).toEqual([]);
  });
});

describe("sheet names", () => {
  it("reuses the name of the dashboard the add-in created, and never takes a user's sheet", () => {
    const tables = detectTables(asTables(sampleSheets("en")));
    const buildAmong = (existingSheets: { name: string; dashboard: boolean }[]) =>
      buildDashboard({ tables, syntax: "excel", lang: "en", existingSheets });
    const rebuild = buildAmong([
      { name: "My board", dashboard: true },
      { name: "Dashboard", dashboard: false },
    ]);
    expect(rebuild.dashboardSheet).toBe("My board");
    const fresh = buildAmong([
      { name: "dashboard", dashboard: false },
      { name: "Dashboard 2", dashboard: false },
    ]);
    expect(fresh.dashboardSheet).toBe("Dashboard 3");
    expect(fresh.sheets[0]!.mode).toBe("dashboard");
  });

  it("gives sample sheets names that collide with nothing", () => {
    const plan = samplePlan("fr", ["Commandes", "Feuil1"]);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Commandes 2", "Opportunités", "Enquête", "Coûts"]);
    expect(plan.sheets.every((s) => s.mode === "create")).toBe(true);
  });

  it("quotes sheet names that need it in formulas", () => {
    const { plan } = dashboardFor("fr");
    expect(formulasOf(plan).map((f) => f.formula)).toContain(`=KPI.NPS('Enquête'!$B$2:$B$201)`);
  });
});

describe("the user's corrections", () => {
  it("follow the corrected mapping into the formulas", () => {
    const sheets = sampleSheets("en");
    const tables = detectTables(asTables(sheets));
    const orders = tables[0]!;
    // Say the user points "order" at the product column instead.
    const corrected: MappedTable = {
      ...orders,
      mapping: { ...orders.mapping, order: 4 },
    };
    const plan = buildDashboard({ tables: [corrected], syntax: "excel", lang: "en", existingSheets: [] });
    expect(plan.tiles.map((t) => t.kpi)).toEqual([
      "AOV",
      "REPEATRATE",
      "CROSSSELL",
      "REVENUE",
      "REVENUEMOM",
      "CLVTOTAL",
    ]);
    expect(formulasOf(plan).map((f) => f.formula)).toContain("=KPI.AOV(Orders!$F$2:$F$464,Orders!$E$2:$E$464)");
  });
});

describe("a table that does not start in A1", () => {
  it("gets formulas over its own rows and columns", () => {
    const values: PlanValue[][] = [
      ["Score", "Commentaire"],
      [10, "top"],
      [3, "bof"],
      [9, ""],
    ];
    const tables = detectTables([{ sheet: "Avis clients", address: "'Avis clients'!C5:D8", values }]);
    expect(tables.map((t) => t.kind)).toEqual(["survey"]);
    const plan = buildDashboard({ tables, syntax: "sheets", lang: "fr", existingSheets: [] });
    expect(formulasOf(plan).map((f) => f.formula)).toContain("=KPI_NPS('Avis clients'!$C$6:$C$8)");
    expect(plan.tiles[0]).toMatchObject({ kpi: "NPS", target: 30 });
  });
});

describe("evaluating a single formula", () => {
  it("resolves sheet-qualified ranges, literals and booleans", () => {
    const book = new Workbook();
    book.put("Data", "Data!A1", [["Amount"], [100], [300]]);
    expect(evaluateFormula("=KPI.STATUS(95,100)", "X", book)).toEqual([["WARN"]]);
    expect(evaluateFormula("=KPI_AOV(Data!$A$2:$A$3)", "X", book)).toEqual([[200]]);
    expect(evaluateFormula("=SUM(A1:A2)", "X", book)).toBeUndefined();
  });
});
