import {
  buildDashboard,
  detectTables,
  parseAddress,
  rangeName,
  sampleSheets,
  sampleTable,
  type DashboardPlan,
  type Lang,
  type SampleSheet,
} from "../../core/dashboard/index.js";

/** What the dashboard plan tests share: the sample tables, a plan built from them, the formulas of a plan. */

export const asTables = (sheets: SampleSheet[]) => sheets.map(sampleTable);

export function dashboardFor(lang: Lang, syntax: "excel" | "sheets" = "excel") {
  const sheets = sampleSheets(lang);
  const tables = detectTables(asTables(sheets));
  const plan = buildDashboard({
    tables,
    syntax,
    lang,
    existingSheets: sheets.map((s) => ({ name: s.name, dashboard: false })),
  });
  return { sheets, tables, plan };
}

export const dashboardSheet = (plan: DashboardPlan) => plan.sheets.find((s) => s.name === plan.dashboardSheet)!;

/** Every formula of a plan with the cell it sits in. */
export function formulasOf(plan: DashboardPlan): { cell: string; formula: string }[] {
  const found: { cell: string; formula: string }[] = [];
  for (const block of dashboardSheet(plan).blocks) {
    const { rect } = parseAddress(block.range);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell === "string" && cell.startsWith("="))
          found.push({ cell: rangeName(rect.row + r, rect.col + c, 1, 1), formula: cell });
      }),
    );
  }
  return found;
}
