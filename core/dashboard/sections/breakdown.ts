import { rangeName } from "../../plan/a1.js";
import type { MappedTable, Role } from "../detect.js";
import { kpiFormula, type FormulaArg } from "../../plan/formula.js";
import { fragment, HELPER_COL, type Fragment } from "../layout.js";
import type { ChartSpec, PlanValue } from "../../plan/plan.js";
import { numberFormatOf } from "../../format/units.js";
import { columnOf, distinctCount, roleRange } from "../tables.js";
import type { SectionContext } from "./context.js";
import { kpiNumberFormat } from "../../format/kpi-formats.js";

/** BREAKDOWN's columns: key, statistic, share. */
const WIDTH = 3;

/** One `BREAKDOWN(keys, amounts[, statistic])` spill in the chart-data lane, sized by the distinct keys, and its chart. */
function breakdown(
  ctx: SectionContext,
  top: number,
  spec: {
    id: string;
    table: MappedTable;
    keyRole: Role;
    title: string;
    header: readonly string[];
    type: ChartSpec["type"];
    statistic?: string;
  },
): Fragment | null {
  const keys = roleRange(spec.table, spec.keyRole);
  const values = roleRange(spec.table, "amount");
  if (!keys || !values) return null;
  const count = distinctCount(columnOf(spec.table, spec.keyRole));
  if (count === 0) return null;
  const args: FormulaArg[] = [{ ref: keys }, { ref: values }];
  if (spec.statistic) args.push(spec.statistic);
  const cells: PlanValue[][] = [[...spec.header], [kpiFormula(ctx.syntax, "BREAKDOWN", args), "", ""]];
  return fragment({
    rows: 1 + count,
    blocks: [{ range: rangeName(top, HELPER_COL, 2, WIDTH), kind: "formulas", cells }],
    numberFormats: [
      {
        range: rangeName(top + 1, HELPER_COL + 1, count, 1),
        // BREAKDOWN's statistic column is in the unit of the values, a count when it counts them.
        format:
          spec.statistic === "count"
            ? numberFormatOf("count", ctx.lang)
            : kpiNumberFormat("BREAKDOWN", ctx.lang, 1, WIDTH),
      },
      { range: rangeName(top + 1, HELPER_COL + 2, count, 1), format: kpiNumberFormat("BREAKDOWN", ctx.lang, 2, WIDTH) },
    ],
    styles: [{ range: rangeName(top, HELPER_COL, 1, WIDTH), bold: true }],
    charts: [
      {
        id: spec.id,
        type: spec.type,
        title: spec.title,
        source: { range: rangeName(top, HELPER_COL, count + 1, 2) },
        seriesIn: "columns",
        headerRow: true,
        labelColumn: true,
        axisFormat: "#,##0",
      },
    ],
  });
}

/** Revenue by channel, drawn as a doughnut. */
export function channelSection(ctx: SectionContext, top: number): Fragment | null {
  const orders = ctx.tableOf("orders");
  if (!orders || orders.mapping.channel === undefined) return null;
  const { L } = ctx;
  return breakdown(ctx, top, {
    id: "revenue-by-channel",
    table: orders,
    keyRole: "channel",
    title: L.byChannel,
    header: [L.channel, L.revenue, L.share],
    type: "doughnut",
  });
}

/** Deals by stage: BREAKDOWN sorts largest first, exactly the order a funnel drawn as a bar chart needs. */
export function funnelSection(ctx: SectionContext, top: number): Fragment | null {
  const opportunities = ctx.tableOf("opportunities");
  if (!opportunities || opportunities.mapping.stage === undefined) return null;
  const { L } = ctx;
  return breakdown(ctx, top, {
    id: "funnel",
    table: opportunities,
    keyRole: "stage",
    title: L.funnel,
    header: [L.stage, L.deals, L.share],
    type: "funnel",
    statistic: "count",
  });
}
