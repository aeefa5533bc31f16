/**
 * The dashboard plan: everything a host has to do, as plain JSON (Sheets passes it through
 * `google.script.run`, which drops anything that is not JSON: dates travel as serial numbers with a date
 * number format). Planning code decides *what* to build; an executor only replays a plan, batched.
 *
 * Addresses are A1 references relative to the sheet they belong to ("B3:D9"), never whole columns.
 */

export type Lang = "en" | "fr";

/** Excel and the playground write `=KPI.NAME(a,b)`, Google Sheets `=KPI_NAME(a,b)`; both use "," in API formulas. */
export type FormulaSyntax = "excel" | "sheets";

/** A JSON-safe cell value. Dates are serial numbers (days since 1899-12-30) shown through a date format. */
export type PlanValue = number | string | boolean | null;

/**
 * A rectangle written in one host call. `values` cells are literal; `formulas` cells are formulas
 * ("=..."), literals, or "" for an empty cell (a spill formula sits alone in its top-left cell).
 */
export interface CellBlock {
  readonly range: string;
  readonly kind: "values" | "formulas";
  readonly cells: PlanValue[][];
}

/** One number format applied to a whole range ("0.0%", "#,##0.00", "yyyy-mm-dd"). */
export interface NumberFormatSpec {
  readonly range: string;
  readonly format: string;
}

/** Cosmetic formatting; colours are "#RRGGBB". */
export interface StyleSpec {
  readonly range: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly horizontalAlignment?: "left" | "center" | "right";
}

export type ConditionalFormatSpec =
  /** Traffic light on a STATUS cell: one rule per text ("OK", "WARN", "ALERT"). */
  | {
      readonly type: "textEquals";
      readonly range: string;
      readonly text: string;
      readonly fill: string;
      readonly fontColor: string;
    }
  /** Colour scale over numbers (the cohort retention triangle). */
  | {
      readonly type: "colorScale";
      readonly range: string;
      readonly minColor: string;
      readonly midColor?: string;
      readonly maxColor: string;
    };

/**
 * Native chart kinds. Hosts without a funnel (Sheets) or where the funnel is fragile draw "funnel" as a bar
 * chart over rows already sorted largest first; "stacked100" is a 100 % stacked bar (NPS breakdown); "combo"
 * draws the first series as columns and the others as lines (actual vs target).
 */
export type ChartType = "line" | "column" | "bar" | "doughnut" | "combo" | "funnel" | "stacked100";

export interface ChartSpec {
  readonly id: string;
  readonly type: ChartType;
  readonly title: string;
  /** The data, with its header row first when `headerRow`, category labels in its first column when `labelColumn`. */
  readonly source: { readonly sheet?: string; readonly range: string };
  readonly seriesIn: "columns" | "rows";
  readonly headerRow: boolean;
  readonly labelColumn: boolean;
  /**
   * Only these columns of the source are drawn as series, in this order (0-based offsets within the source
   * range, the label column being 0 when `labelColumn`); every column when absent. Only with `seriesIn: "columns"`.
   */
  readonly seriesColumns?: readonly number[];
  /**
   * Two of the drawn columns (offsets within the source, as in `seriesColumns`) that bound an interval, drawn as a
   * shaded band between them (or as two thin dashed lines where a host cannot shade), not as ordinary series.
   * A "combo" with a band draws its first series as columns and the other series as lines.
   */
  readonly band?: { readonly lower: number; readonly upper: number };
  /** Number format of the value axis ("#,##0", "0%"). */
  readonly axisFormat?: string;
  /** Top-left cell the chart is placed at, on the sheet that holds the chart. */
  readonly anchor: string;
  readonly width: number;
  readonly height: number;
}

/**
 * How a sheet of the plan comes to exist:
 * - "create": a new sheet; the name is already unique among the workbook's sheets.
 * - "dashboard": the add-in's dashboard sheet; an executor deletes the sheet it marked earlier (and only that
 *   one), creates this one and marks it (Excel: a workbook setting, Sheets: developer metadata).
 * - "existing": an existing sheet, written in place (a chart next to the user's selection).
 */
export type SheetMode = "create" | "dashboard" | "existing";

/** What a sheet's writes consist of, besides its charts: a whole sheet and each dashboard section alike. */
export interface SheetWrites {
  readonly blocks: readonly CellBlock[];
  readonly numberFormats: readonly NumberFormatSpec[];
  readonly styles: readonly StyleSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
}

export interface SheetPlan extends SheetWrites {
  readonly name: string;
  readonly mode: SheetMode;
  readonly charts: readonly ChartSpec[];
  /** Column widths in pixels, from column A. */
  readonly columnWidths?: readonly number[];
  readonly freezeRows?: number;
  /** Bring this sheet to the front once built. */
  readonly activate?: boolean;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
}

/** What the pane needs to know about one KPI tile after building (alerts list, read-back). */
export interface TileSpec {
  readonly kpi: string;
  readonly label: string;
  /** Cells on the dashboard sheet. */
  readonly valueCell: string;
  readonly targetCell: string;
  readonly statusCell: string;
  readonly target: number;
  readonly higherIsBetter: boolean;
  readonly format: string;
}

export interface DashboardPlan extends WorkbookPlan {
  readonly kind: "dashboard";
  readonly syntax: FormulaSyntax;
  readonly lang: Lang;
  /** Name of the dashboard sheet inside `sheets`. */
  readonly dashboardSheet: string;
  readonly tiles: readonly TileSpec[];
}

/** Key under which an executor remembers the dashboard sheet it created. */
export const DASHBOARD_MARKER = "kpi-dashboard-sheet";

/** What an executor reports back. */
export interface ExecuteResult {
  /** Final sheet names, in plan order. */
  readonly sheets: string[];
  /** Round trips to the host (Excel `context.sync()` calls), for tests and diagnostics. */
  readonly syncs?: number;
}
