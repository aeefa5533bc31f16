import { keyOf } from "../../coerce.js";
import { monthIndex } from "../../dates.js";
import { cellName, rangeName } from "../../plan/a1.js";
import { kpiFormula } from "../../plan/formula.js";
import { fragment, HELPER_COL, MAIN_COL, type Fragment } from "../layout.js";
import type { PlanValue } from "../../plan/plan.js";
import { columnOf, roleRange } from "../tables.js";
import type { SectionContext } from "./context.js";
import { kpiNumberFormat } from "../../format/kpi-formats.js";

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

/** Where the cohort data sit in the chart-data lane: the row of the first cohort, and how many cohorts there are. */
export interface CohortData {
  readonly body: number;
  readonly cohorts: number;
}

/** The orders' customer and date ranges and the number of cohorts, or null when the data hold no cohort. */
function cohortInputs(ctx: SectionContext): { customers: string; dates: string; cohorts: number } | null {
  const orders = ctx.tableOf("orders");
  const customers = orders && roleRange(orders, "customer");
  const dates = orders && roleRange(orders, "date");
  if (!orders || !customers || !dates) return null;
  const cohorts = cohortCount(columnOf(orders, "customer"), columnOf(orders, "date"));
  return cohorts === 0 ? null : { customers, dates, cohorts };
}

const cohortHeader = (ctx: SectionContext): PlanValue[] => [
  ...ctx.L.cohortHeader,
  ...Array.from({ length: ctx.cohortPeriods }, (_, k) => `M${k}`),
];

/**
 * The COHORT spill, in the chart-data lane. The table under the tiles reads it cell by cell: Univer's conditional
 * formatting only sees values stored in cells, never spilled ones, so a colour scale over a spill stays blank there.
 */
export function cohortDataSection(ctx: SectionContext, top: number): Fragment | null {
  const inputs = cohortInputs(ctx);
  if (!inputs) return null;
  const width = LEADING_COLS + ctx.cohortPeriods;
  const spill: PlanValue[] = [
    kpiFormula(ctx.syntax, "COHORT", [{ ref: inputs.customers }, { ref: inputs.dates }, ctx.cohortPeriods]),
  ];
  while (spill.length < width) spill.push("");
  return fragment({
    rows: 1 + inputs.cohorts,
    blocks: [{ range: rangeName(top, HELPER_COL, 2, width), kind: "formulas", cells: [cohortHeader(ctx), spill] }],
    styles: [{ range: rangeName(top, HELPER_COL, 1, width), bold: true }],
  });
}

/** Cohort retention under the tiles, where it is read: cell references to the COHORT spill, with a colour scale over the retention shares. */
export function cohortSection(ctx: SectionContext, top: number, data: CohortData | undefined): Fragment | null {
  const inputs = cohortInputs(ctx);
  if (!inputs || !data) return null;
  const { L } = ctx;
  const { cohorts } = data;
  const periods = ctx.cohortPeriods;
  const width = LEADING_COLS + periods;
  const body = top + 2;
  const references: PlanValue[][] = Array.from({ length: cohorts }, (_, r) =>
    Array.from({ length: width }, (_, c) => `=${cellName(data.body + r, HELPER_COL + c)}`),
  );
  const shares = rangeName(body, MAIN_COL + LEADING_COLS, cohorts, periods);
  return fragment({
    rows: 2 + cohorts,
    blocks: [
      { range: cellName(top, MAIN_COL), kind: "values", cells: [[L.cohort]] },
      {
        range: rangeName(top + 1, MAIN_COL, 1 + cohorts, width),
        kind: "formulas",
        cells: [cohortHeader(ctx), ...references],
      },
    ],
    styles: [
      { range: cellName(top, MAIN_COL), bold: true },
      { range: rangeName(top + 1, MAIN_COL, 1, width), bold: true, fill: "#EDEBE9" },
    ],
    numberFormats: [
      { range: rangeName(body, MAIN_COL, cohorts, 1), format: kpiNumberFormat("COHORT", ctx.lang, 0, width) },
      { range: rangeName(body, MAIN_COL + 1, cohorts, 1), format: kpiNumberFormat("COHORT", ctx.lang, 1, width) },
      { range: shares, format: kpiNumberFormat("COHORT", ctx.lang, LEADING_COLS, width) },
    ],
    conditionalFormats: [
      { type: "colorScale", range: shares, minColor: "#FDE7E9", midColor: "#FFF4CE", maxColor: "#9FD89F" },
    ],
  });
}
