import { SEGMENTS } from "../../clv/rfm.js";
import { rangeName } from "../../plan/a1.js";
import type { MappedTable } from "../detect.js";
import { formulaArg, kpiFormula, type FormulaArg } from "../../plan/formula.js";
import { fragment, HELPER_COL, type Fragment } from "../layout.js";
import type { PlanValue } from "../../plan/plan.js";
import { hasRoles, orderDaysByCustomer, roleRange } from "../tables.js";
import { targetFor, type SectionContext } from "./context.js";
import { kpiNumberFormat } from "../../format/kpi-formats.js";

/** The horizon CLV predicts over, in months. */
export const CLV_HORIZON_MONTHS = 12;
/** CLV's fits need this many customers, one of them with a repeat order (else the spill is #N/A). */
export const CLV_MIN_CUSTOMERS = 10;
/** CLV's columns: customer, transactions, probability alive, expected transactions, expected value, CLV. */
const CLV_COLS = 6;
const CLV_VALUE_COL = 5;
/** RFM's columns: customer, recency, frequency, monetary, R, F, M, segment. */
const RFM_COLS = 8;
const RFM_SEGMENT_COL = 7;

/** The order log's customer, date and amount ranges, and its customers with their distinct order days. */
function orderLog(ctx: SectionContext): { args: FormulaArg[]; customers: number; repeat: boolean } | null {
  const orders: MappedTable | undefined = ctx.tableOf("orders");
  if (!orders || !hasRoles(orders, ["customer", "date", "amount"])) return null;
  const days = orderDaysByCustomer(orders);
  if (days.size === 0) return null;
  const args = (["customer", "date", "amount"] as const).map((role) => ({ ref: roleRange(orders, role) as string }));
  return { args, customers: days.size, repeat: [...days.values()].some((d) => d.size > 1) };
}

/**
 * `=SORT(<spill>, column, descending)` in the host's own signature: Excel and the playground take a sort order of
 * -1, Sheets an `is_ascending` of FALSE (where -1 would mean ascending).
 */
const sortedDescending = (syntax: SectionContext["syntax"], formula: string, column: number): string =>
  `=SORT(${formula.replace(/^=/, "")},${column},${syntax === "sheets" ? "FALSE" : "-1"})`;

/**
 * Customer value in the chart-data lane: the CLV spill sorted by CLV, so the top customers come first, with their
 * probability alive, and a tile for the tile block with the value predicted over the next 12 months, the sum of
 * its CLV column.
 */
export function customerValueSection(ctx: SectionContext, top: number): Fragment | null {
  const log = orderLog(ctx);
  if (!log || log.customers < CLV_MIN_CUSTOMERS || !log.repeat) return null;
  const { L } = ctx;
  const body = top + 1;
  const clv = sortedDescending(
    ctx.syntax,
    kpiFormula(ctx.syntax, "CLV", [...log.args, CLV_HORIZON_MONTHS]),
    CLV_VALUE_COL + 1,
  );
  const spill: PlanValue[] = [clv, ...Array<PlanValue>(CLV_COLS - 1).fill("")];
  const column = (offset: number, cols = 1) => rangeName(body, HELPER_COL + offset, log.customers, cols);
  return fragment({
    rows: 1 + log.customers,
    blocks: [{ range: rangeName(top, HELPER_COL, 2, CLV_COLS), kind: "formulas", cells: [[...L.clvHeader], spill] }],
    styles: [{ range: rangeName(top, HELPER_COL, 1, CLV_COLS), bold: true }],
    numberFormats: [
      ...[1, 2, 3, 4, 5].map((col) => ({
        range: column(col),
        format: kpiNumberFormat("CLV", ctx.lang, col, CLV_COLS),
      })),
    ],
    tileDrafts: [
      {
        kpi: "CLVTOTAL",
        label: L.clvTile,
        formula: `=SUM(${column(CLV_VALUE_COL)})`,
        target: targetFor(ctx, "CLVTOTAL", true, undefined),
        higherIsBetter: true,
        format: kpiNumberFormat("CLV", ctx.lang, CLV_VALUE_COL, CLV_COLS),
      },
    ],
  });
}

/**
 * RFM segments in the chart-data lane: a count per catalogue segment (COUNTIF over the segment column of the
 * RFM spill just below, sized by the customers), drawn as a bar chart, then the spill itself.
 */
export function rfmSection(ctx: SectionContext, top: number): Fragment | null {
  const log = orderLog(ctx);
  if (!log) return null;
  const { L } = ctx;
  const spillHeader = top + 1 + SEGMENTS.length + 1;
  const spillBody = spillHeader + 1;
  const segments = rangeName(spillBody, HELPER_COL + RFM_SEGMENT_COL, log.customers, 1);
  const counts: PlanValue[][] = SEGMENTS.map((name, i) => [
    L.segments[i] ?? name,
    `=COUNTIF(${segments},${formulaArg(name)})`,
  ]);
  const rfm = kpiFormula(ctx.syntax, "RFM", log.args);
  return fragment({
    rows: spillBody - top + log.customers,
    blocks: [
      {
        range: rangeName(spillHeader, HELPER_COL, 2, RFM_COLS),
        kind: "formulas",
        cells: [[...L.rfmHeader], [rfm, ...Array<PlanValue>(RFM_COLS - 1).fill("")]],
      },
      {
        range: rangeName(top, HELPER_COL, 1 + SEGMENTS.length, 2),
        kind: "formulas",
        cells: [[L.segment, L.customers], ...counts],
      },
    ],
    // RFM's recency, frequency, monetary and R/F/M scores, each in its column's unit.
    numberFormats: [1, 2, 3, 4, 5, 6].map((col) => ({
      range: rangeName(spillBody, HELPER_COL + col, log.customers, 1),
      format: kpiNumberFormat("RFM", ctx.lang, col, RFM_COLS),
    })),
    styles: [
      { range: rangeName(top, HELPER_COL, 1, 2), bold: true },
      { range: rangeName(spillHeader, HELPER_COL, 1, RFM_COLS), bold: true },
    ],
    charts: [
      {
        id: "rfm-segments",
        type: "bar",
        title: L.rfm,
        source: { range: rangeName(top, HELPER_COL, 1 + SEGMENTS.length, 2) },
        seriesIn: "columns",
        headerRow: true,
        labelColumn: true,
        axisFormat: "#,##0",
      },
    ],
  });
}
