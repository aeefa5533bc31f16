import { monthIndex } from "../../dates.js";
import { cellName, rangeName } from "../../plan/a1.js";
import { kpiFormula } from "../../plan/formula.js";
import { fragment, HELPER_COL, type Fragment, type TileDraft } from "../layout.js";
import type { PlanValue } from "../../plan/plan.js";
import { MONTH_FORMAT } from "../sample-data.js";
import { roleRange, serialsOf } from "../tables.js";
import type { SectionContext } from "./context.js";
import { targetFor } from "./context.js";
import { kpiNumberFormat } from "../../format/kpi-formats.js";

/** Months forecast after the last month of data, and the season FORECAST is told about (months in a year). */
export const FORECAST_MONTHS = 6;
export const SEASON_MONTHS = 12;
/** FORECAST needs three values; with fewer months the chart shows revenue alone. */
export const MIN_FORECAST_MONTHS = 3;
/** Columns of the PERIODS spill ([start, sum, vs previous, vs a year earlier]) and of the FORECAST spill. */
const PERIODS_COLS = 4;
const FORECAST_COLS = 3;
const WIDTH = PERIODS_COLS + FORECAST_COLS;
/** Offsets of the PERIODS columns within the block. */
const SUM = 1;
const VS_PREVIOUS = 2;
const VS_YEAR = 3;
const POINT = PERIODS_COLS;

/**
 * Revenue by month as one spilled `PERIODS(dates, amounts, "month")`, then `FORECAST(<its sum column>, 6, 12)`
 * under it for the next six months (month starts as `EDATE` of the month above), drawn as one chart: revenue as
 * columns, the forecast as a line, the prediction interval as a band.
 *
 * A spill's size is unknown at plan time: the block is sized from the data, one row per month from the first to
 * the last date of the table the plan receives (PERIODS lists empty months too). Months added to the data later
 * need a rebuild (the forecast sits right under the spill).
 */
export function revenueSection(ctx: SectionContext, top: number): Fragment | null {
  const orders = ctx.tableOf("orders");
  const dates = orders && roleRange(orders, "date");
  const amounts = orders && roleRange(orders, "amount");
  const serials = orders ? serialsOf(orders, "date") : [];
  if (!dates || !amounts || serials.length === 0) return null;
  const { L, syntax } = ctx;
  const latest = Math.max(...serials);
  const first = monthIndex(Math.min(...serials));
  const months = monthIndex(latest) - first + 1;
  const forecastRows = months >= MIN_FORECAST_MONTHS ? FORECAST_MONTHS : 0;
  const width = forecastRows > 0 ? WIDTH : PERIODS_COLS;
  const body = top + 1;
  const header = [L.month, L.revenue, L.vsPreviousMonth, L.vsYearEarlier, L.forecast, L.lower, L.upper];
  const periods = kpiFormula(syntax, "PERIODS", [{ ref: dates }, { ref: amounts }, "month"]);
  const blocks = [
    {
      range: rangeName(top, HELPER_COL, 2, width),
      kind: "formulas" as const,
      cells: [header.slice(0, width), [periods, ...Array<PlanValue>(width - 1).fill("")]],
    },
  ];
  if (forecastRows > 0) {
    const sums = rangeName(body, HELPER_COL + SUM, months, 1);
    const forecast = kpiFormula(syntax, "FORECAST", [{ ref: sums }, FORECAST_MONTHS, SEASON_MONTHS]);
    const cells = Array.from({ length: forecastRows }, (_, i): PlanValue[] => {
      const row = Array<PlanValue>(WIDTH).fill("");
      row[0] = `=EDATE(${cellName(body + months + i - 1, HELPER_COL)},1)`;
      if (i === 0) row[POINT] = forecast;
      return row;
    });
    blocks.push({ range: rangeName(body + months, HELPER_COL, forecastRows, WIDTH), kind: "formulas", cells });
  }
  const rows = months + forecastRows;
  return fragment({
    rows: 1 + rows,
    blocks,
    numberFormats: [
      { range: rangeName(body, HELPER_COL, rows, 1), format: MONTH_FORMAT },
      {
        range: rangeName(body, HELPER_COL + SUM, months, 1),
        format: kpiNumberFormat("PERIODS", ctx.lang, SUM, PERIODS_COLS),
      },
      {
        range: rangeName(body, HELPER_COL + VS_PREVIOUS, months, 2),
        format: kpiNumberFormat("PERIODS", ctx.lang, VS_PREVIOUS, PERIODS_COLS),
      },
      ...(forecastRows > 0
        ? [
            {
              range: rangeName(body + months, HELPER_COL + POINT, forecastRows, FORECAST_COLS),
              format: kpiNumberFormat("FORECAST", ctx.lang),
            },
          ]
        : []),
    ],
    styles: [{ range: rangeName(top, HELPER_COL, 1, width), bold: true }],
    charts: [
      {
        id: "revenue-by-month",
        type: forecastRows > 0 ? "combo" : "column",
        title: L.revenueByMonth,
        source: { range: rangeName(top, HELPER_COL, 1 + rows, forecastRows > 0 ? WIDTH : 2) },
        seriesIn: "columns",
        headerRow: true,
        labelColumn: true,
        axisFormat: "#,##0",
        ...(forecastRows > 0
          ? { seriesColumns: [SUM, POINT, POINT + 1, POINT + 2], band: { lower: POINT + 1, upper: POINT + 2 } }
          : {}),
      },
    ],
    tileDrafts: revenueTiles(ctx, top, first, latest),
  });
}

/**
 * Revenue of the last complete month (the month of the latest date counts when that date is its last day), and
 * its change vs the previous month and vs the same month a year earlier, read from the PERIODS spill.
 */
function revenueTiles(ctx: SectionContext, top: number, first: number, latest: number): TileDraft[] {
  const { L } = ctx;
  const last = monthIndex(latest + 1) > monthIndex(latest) ? monthIndex(latest) : monthIndex(latest) - 1;
  const offset = last - first;
  if (offset < 0) return [];
  const row = top + 1 + offset;
  const name = `${L.months[((last % 12) + 12) % 12] as string} ${Math.floor(last / 12)}`;
  const cell = (col: number) => `=${cellName(row, HELPER_COL + col)}`;
  const change = (kpi: string, label: string, col: number): TileDraft => ({
    kpi,
    label,
    formula: cell(col),
    target: 0,
    higherIsBetter: true,
    format: kpiNumberFormat("PERIODS", ctx.lang, col, PERIODS_COLS),
  });
  return [
    {
      kpi: "REVENUE",
      label: L.revenueTile(name),
      formula: cell(SUM),
      target: targetFor(ctx, "REVENUE", true, undefined),
      higherIsBetter: true,
      format: kpiNumberFormat("PERIODS", ctx.lang, SUM, PERIODS_COLS),
    },
    ...(offset >= 1 ? [change("REVENUEMOM", L.momTile(name), VS_PREVIOUS)] : []),
    ...(offset >= SEASON_MONTHS ? [change("REVENUEYOY", L.yoyTile(name), VS_YEAR)] : []),
  ];
}
