import { keyOf } from "../../coerce.js";
import { monthIndex } from "../../dates.js";
import { cellName, rangeName } from "../a1.js";
import { kpiFormula } from "../formula.js";
import { fragment, MAIN_COL, type Fragment } from "../layout.js";
import type { PlanValue } from "../plan.js";
import { MONTH_FORMAT } from "../sample-data.js";
import { columnOf, roleRange } from "../tables.js";
import type { SectionContext } from "./context.js";

/** Cohort month and size come before the retention shares. */
const LEADING_COLS = 2;

/** Calendar months in which customers placed their first order: one cohort row each. */
function cohortCount(ids: readonly PlanValue[], dates: readonly PlanValue[]): number {
  const firstMonths = new Map<string, number>();
  dates.forEach((d, i) => {
    const id = ids[i];
    if (typeof d !== "number" || id === null || id === undefined || id === "") return;
    const key = keyOf(String(id).trim());
    const m = monthIndex(d);
    firstMonths.set(key, Math.min(firstMonths.get(key) ?? m, m));
  });
  return new Set(firstMonths.values()).size;
}

/** Cohort retention under the tiles, where it is read: a spill with a colour scale over the retention shares. */
export function cohortSection(ctx: SectionContext, top: number): Fragment | null {
  const orders = ctx.tableOf("orders");
  const customers = orders && roleRange(orders, "customer");
  const dates = orders && roleRange(orders, "date");
  if (!orders || !customers || !dates) return null;
  const cohorts = cohortCount(columnOf(orders, "customer"), columnOf(orders, "date"));
  if (cohorts === 0) return null;
  const { L } = ctx;
  const periods = ctx.cohortPeriods;
  const width = LEADING_COLS + periods;
  const header: PlanValue[] = [...L.cohortHeader, ...Array.from({ length: periods }, (_, k) => `M${k}`)];
  const spill: PlanValue[] = [kpiFormula(ctx.syntax, "COHORT", [{ ref: customers }, { ref: dates }, periods])];
  while (spill.length < width) spill.push("");
  const body = top + 2;
  const shares = rangeName(body, MAIN_COL + LEADING_COLS, cohorts, periods);
  return fragment({
    rows: 2 + cohorts,
    blocks: [
      { range: cellName(top, MAIN_COL), kind: "values", cells: [[L.cohort]] },
      { range: rangeName(top + 1, MAIN_COL, 2, width), kind: "formulas", cells: [header, spill] },
    ],
    styles: [
      { range: cellName(top, MAIN_COL), bold: true },
      { range: rangeName(top + 1, MAIN_COL, 1, width), bold: true, fill: "#EDEBE9" },
    ],
    numberFormats: [
      { range: rangeName(body, MAIN_COL, cohorts, 1), format: MONTH_FORMAT },
      { range: rangeName(body, MAIN_COL + 1, cohorts, 1), format: "#,##0" },
      { range: shares, format: "0%" },
    ],
    conditionalFormats: [
      { type: "colorScale", range: shares, minColor: "#FDE7E9", midColor: "#FFF4CE", maxColor: "#9FD89F" },
    ],
  });
}
