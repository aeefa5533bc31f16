import { describe, expect, it } from "vitest";
import { executeSheetsPlan, type SheetsServices } from "../../gas/dashboard-server.js";
import {
  buildDashboard,
  DASHBOARD_MARKER,
  detectTables,
  samplePlan,
  sampleSheets,
  sampleTable,
  type SampleSheet,
} from "../../core/dashboard/index.js";

interface Call {
  readonly target: string;
  readonly method: string;
  readonly args: unknown[];
}

/**
 * A recording stub of SpreadsheetApp: every method call is logged as target.method(args); calls chain (builders)
 * unless an override gives a specific answer. Nothing is computed: the test reads the log.
 */
function recorder(calls: Call[], target: string, overrides: Record<string, unknown> = {}): unknown {
  const proxy: unknown = new Proxy(
    {},
    {
      get: (_t, prop) => {
        const key = String(prop);
        if (key === "then") return undefined;
        const override = overrides[key];
        if (override !== undefined && typeof override !== "function") return override;
        return (...args: unknown[]) => {
          calls.push({ target, method: key, args });
          return typeof override === "function" ? (override as (...a: unknown[]) => unknown)(...args) : proxy;
        };
      },
    },
  );
  return proxy;
}

function stubSpreadsheet(existing: string[], markedName?: string) {
  const calls: Call[] = [];
  const sheets = new Map<string, unknown>();
  const sheetStub = (name: string): unknown =>
    recorder(calls, `sheet:${name}`, {
      getRange: (a1: string) => recorder(calls, `range:${name}!${a1}`),
      newChart: () => recorder(calls, `chart:${name}`, { build: () => ({ chart: true }) }),
      getConditionalFormatRules: () => [],
      getName: () => name,
    });
  for (const name of existing) sheets.set(name.toLowerCase(), sheetStub(name));
  const metadata = markedName
    ? [{ getLocation: () => ({ getSheet: () => sheets.get(markedName.toLowerCase()) }) }]
    : [];
  const spreadsheet = recorder(calls, "spreadsheet", {
    getSheetByName: (name: string) => sheets.get(name.toLowerCase()) ?? null,
    insertSheet: (name: string) => {
      const sheet = sheetStub(name);
      sheets.set(name.toLowerCase(), sheet);
      return sheet;
    },
    deleteSheet: (sheet: unknown) => {
      for (const [key, value] of sheets) if (value === sheet) sheets.delete(key);
    },
    getNumSheets: () => sheets.size,
    createDeveloperMetadataFinder: () => ({ withKey: () => ({ find: () => metadata }) }),
  });
  const app = recorder(calls, "app", {
    getActive: () => spreadsheet,
    newConditionalFormatRule: () => recorder(calls, "rule", { build: () => ({ rule: true }) }),
    InterpolationType: { PERCENTILE: "PERCENTILE" },
  });
  const env = {
    app,
    chartTypes: { LINE: "LINE", COLUMN: "COLUMN", BAR: "BAR", PIE: "PIE", COMBO: "COMBO" },
  } as unknown as SheetsServices;
  return { calls, env, sheets };
}

const tablesOf = (sheets: SampleSheet[]) => detectTables(sheets.map(sampleTable));

const planFor = (sheets: SampleSheet[], existing: { name: string; dashboard: boolean }[] = []) =>
  buildDashboard({ tables: tablesOf(sheets), syntax: "sheets", lang: "fr", existingSheets: existing });

const byMethod = (calls: Call[], method: string) => calls.filter((c) => c.method === method);

describe("the Sheets executor", () => {
  it("writes each block of the plan with one whole-range call", () => {
    const { calls, env } = stubSpreadsheet(["Commandes"]);
    const plan = planFor(sampleSheets("fr"));
    executeSheetsPlan(plan, env);
    const writes = calls.filter((c) => c.method === "setValues" || c.method === "setFormulas");
    expect(writes.map((w) => w.target)).toEqual(plan.sheets[0]!.blocks.map((b) => `range:Tableau de bord!${b.range}`));
    // French: the status the reader sees, in French, then the STATUS code formulas compare.
    const tiles = writes.find((w) => w.target.endsWith("A4:E16"))!;
    expect((tiles.args[0] as unknown[][])[1]).toEqual([
      "Panier moyen",
      "=KPI_AOV(Commandes!$F$2:$F$464,Commandes!$C$2:$C$464)",
      290,
      '=IF(E5="WARN","Attention",IF(E5="ALERT","Alerte",E5))',
      "=KPI_STATUS(B5,C5,TRUE)",
    ]);
  });

  it("builds each chart once and inserts it", () => {
    const { calls, env } = stubSpreadsheet([]);
    executeSheetsPlan(planFor(sampleSheets("fr")), env);
    expect(byMethod(calls, "build").filter((c) => c.target.startsWith("chart:"))).toHaveLength(8);
    expect(byMethod(calls, "insertChart")).toHaveLength(8);
    expect(byMethod(calls, "setChartType").map((c) => c.args[0])).toEqual([
      "COMBO",
      "PIE",
      "BAR",
      "BAR",
      "BAR",
      "BAR",
      "BAR",
      "BAR",
    ]);
    expect(calls).toContainEqual({
      target: "chart:Tableau de bord",
      method: "setOption",
      args: ["isStacked", "percent"],
    });
    expect(calls).toContainEqual({
      target: "chart:Tableau de bord",
      method: "setOption",
      args: ["hAxis.format", "0%"],
    });
  });

  it("sets every conditional format rule of the sheet in one call", () => {
    const { calls, env } = stubSpreadsheet([]);
    executeSheetsPlan(planFor(sampleSheets("fr")), env);
    const set = byMethod(calls, "setConditionalFormatRules");
    expect(set).toHaveLength(1);
    expect(set[0]!.args[0]).toHaveLength(4);
    expect(byMethod(calls, "whenTextEqualTo").map((c) => c.args[0])).toEqual(["OK", "Attention", "Alerte"]);
    expect(byMethod(calls, "setGradientMidpointWithValue")).toHaveLength(1);
  });

  it("gives the cohort shares a three-colour gradient, from the lowest to the highest value", () => {
    const { calls, env } = stubSpreadsheet([]);
    const plan = planFor(sampleSheets("fr"));
    executeSheetsPlan(plan, env);
    const scale = plan.sheets[0]!.conditionalFormats.find((f) => f.type === "colorScale")!;
    if (scale.type !== "colorScale") throw new Error("no colour scale");
    const ruleCalls = calls.filter((c) => c.target === "rule");
    expect(ruleCalls.map((c) => c.method)).toContain("setGradientMinpoint");
    expect(calls).toContainEqual({ target: "rule", method: "setGradientMinpoint", args: [scale.minColor] });
    expect(calls).toContainEqual({ target: "rule", method: "setGradientMaxpoint", args: [scale.maxColor] });
    expect(calls).toContainEqual({
      target: "rule",
      method: "setGradientMidpointWithValue",
      args: [scale.midColor, "PERCENTILE", "50"],
    });
    expect(calls).toContainEqual({ target: "sheet:Tableau de bord", method: "getRange", args: [scale.range] });
  });

  it("marks the dashboard it creates with developer metadata", () => {
    const { calls, env } = stubSpreadsheet([]);
    executeSheetsPlan(planFor(sampleSheets("fr")), env);
    expect(byMethod(calls, "addDeveloperMetadata").map((c) => c.args)).toEqual([[DASHBOARD_MARKER, "1"]]);
  });

  it("makes the same calls whatever the number of rows", () => {
    const small = stubSpreadsheet([]);
    executeSheetsPlan(planFor(sampleSheets("fr")), small.env);
    const big = sampleSheets("fr").map((s) => ({ ...s, rows: Array(8).fill(s.rows).flat() }));
    const large = stubSpreadsheet([]);
    executeSheetsPlan(planFor(big), large.env);
    expect(large.calls.length).toBe(small.calls.length);
    expect(large.calls.map((c) => c.method)).toEqual(small.calls.map((c) => c.method));
  });

  it("deletes only the sheet it marked before rebuilding", () => {
    const { calls, env, sheets } = stubSpreadsheet(["Commandes", "Mon tableau", "Notes"], "Mon tableau");
    const plan = planFor(sampleSheets("fr"), [
      { name: "Commandes", dashboard: false },
      { name: "Mon tableau", dashboard: true },
      { name: "Notes", dashboard: false },
    ]);
    executeSheetsPlan(plan, env);
    expect(byMethod(calls, "deleteSheet")).toHaveLength(1);
    expect([...sheets.keys()]).toEqual(["commandes", "notes", "mon tableau"]);
  });

  it("refuses to write over a user's sheet of the same name", () => {
    const { env } = stubSpreadsheet(["Tableau de bord"]);
    const plan = planFor(sampleSheets("fr"), []);
    expect(() => executeSheetsPlan(plan, env)).toThrow(/already exists/);
  });

  it("writes the sample sheets with one setValues each and date formats per column", () => {
    const { calls, env } = stubSpreadsheet(["Feuille 1"]);
    executeSheetsPlan(samplePlan("en", ["Feuille 1"]), env);
    expect(byMethod(calls, "setValues")).toHaveLength(4);
    expect(calls).toContainEqual({ target: "range:Orders!A2:A464", method: "setNumberFormat", args: ["yyyy-mm-dd"] });
  });
});
