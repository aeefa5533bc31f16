import { cellName, rangeName } from "../../plan/a1.js";
import type { MappedTable, Role, TableKind } from "../detect.js";
import { kpiFormula, type FormulaArg } from "../../plan/formula.js";
import { fragment, MAIN_COL, type Fragment, type Section } from "../layout.js";
import type { PlanValue } from "../../plan/plan.js";
import { kpiNumberFormat } from "../../format/kpi-formats.js";
import { columnOf, distinctCount, hasRoles, roleArg, roleRange } from "../tables.js";
import { kpiTitle } from "../../registry.js";
import type { SectionContext } from "./context.js";
import { recipeArgs, recipesFor } from "./tiles.js";

/** Roles a table can be split by: one view per salesperson, one per channel (or, failing that, region or segment). */
export const GROUP_ROLES: readonly (readonly Role[])[] = [["salesperson"], ["channel", "region", "segment"]];
const GROUP_TABLES: readonly TableKind[] = ["opportunities", "orders"];

/** One column of a per-group table: a single-value KPI and its arguments over the table's exact ranges. */
interface Metric {
  readonly kpi: string;
  readonly label: string;
  readonly args: FormulaArg[];
  readonly format: string;
}

/**
 * The table's tile KPIs, per group. Opportunities also get their average deal (AOV of the amounts), which the
 * tiles leave to orders.
 */
function metricsFor(ctx: SectionContext, table: MappedTable): Metric[] {
  const metrics: Metric[] = recipesFor(table).map((recipe) => ({
    kpi: recipe.kpi,
    label: kpiTitle(recipe.kpi, ctx.lang),
    args: recipeArgs(recipe, table),
    format: recipe.format,
  }));
  if (table.kind === "opportunities" && hasRoles(table, ["amount"])) {
    metrics.splice(1, 0, {
      kpi: "AOV",
      label: ctx.L.averageDeal,
      args: [roleArg(table, "amount")],
      format: kpiNumberFormat("AOV", ctx.lang),
    });
  }
  return metrics;
}

const GROUP_LABEL = {
  salesperson: "salesperson",
  channel: "channel",
  region: "region",
  segment: "segment",
} as const satisfies Partial<Record<Role, string>>;

/**
 * A per-group table: one formula per column. The first column is `BY(groups, kpi, …)` itself, spilling the
 * groups (first appearance order) and that KPI; each further column is the value column of another BY,
 * `INDEX(BY(groups, kpi, …), 0, 2)`, so every column lists the same groups in the same order. The first KPI
 * is drawn as a bar chart.
 */
function groupView(
  ctx: SectionContext,
  table: MappedTable,
  role: keyof typeof GROUP_LABEL,
  top: number,
): Fragment | null {
  const groups = roleRange(table, role);
  const count = distinctCount(columnOf(table, role));
  const metrics = metricsFor(ctx, table);
  const first = metrics[0];
  if (!groups || count === 0 || !first) return null;
  const { L, syntax } = ctx;
  const by = (m: Metric) => kpiFormula(syntax, "BY", [{ ref: groups }, m.kpi, ...m.args]);
  const name = L[GROUP_LABEL[role]];
  const width = 1 + metrics.length;
  const header: PlanValue[] = [name, ...metrics.map((m) => m.label)];
  const formulas: PlanValue[] = ["", ...metrics.map((m) => `=INDEX(${by(m).slice(1)},0,2)`)];
  formulas[0] = by(first);
  formulas[1] = "";
  const body = top + 2;
  return fragment({
    rows: 2 + count,
    blocks: [
      { range: cellName(top, MAIN_COL), kind: "values", cells: [[L.by(name)]] },
      { range: rangeName(top + 1, MAIN_COL, 2, width), kind: "formulas", cells: [header, formulas] },
    ],
    styles: [
      { range: cellName(top, MAIN_COL), bold: true },
      { range: rangeName(top + 1, MAIN_COL, 1, width), bold: true, fill: "#EDEBE9" },
    ],
    numberFormats: metrics.map((m, i) => ({ range: rangeName(body, MAIN_COL + 1 + i, count, 1), format: m.format })),
    charts: [
      {
        id: `${table.kind}-by-${role}`,
        type: "bar",
        title: `${first.label} ${L.by(name).toLowerCase()}`,
        source: { range: rangeName(top + 1, MAIN_COL, 1 + count, 2) },
        seriesIn: "columns",
        headerRow: true,
        labelColumn: true,
        axisFormat: first.format.includes("%") ? "0%" : "#,##0",
      },
    ],
  });
}

/** The per-group views the tables support, as sections of the main lane. */
export function groupSections(ctx: SectionContext): Section[] {
  return GROUP_TABLES.flatMap((kind) => {
    const table = ctx.tableOf(kind);
    if (!table) return [];
    return GROUP_ROLES.flatMap((roles) => {
      const role = roles.find((r) => table.mapping[r] !== undefined);
      return role && role in GROUP_LABEL
        ? [(top: number) => groupView(ctx, table, role as keyof typeof GROUP_LABEL, top)]
        : [];
    });
  });
}
