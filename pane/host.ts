import type { ExecuteResult, FormulaSyntax, Lang, PlanValue, WorkbookPlan } from "../core/plan/plan.js";

export type { ExecuteResult, FormulaSyntax, Lang, PlanValue, WorkbookPlan } from "../core/plan/plan.js";

/** The user's selection: a sheet-qualified A1 address ("Orders!F2:F501") and its values, row by row. */
export interface SelectionInfo {
  readonly address: string;
  readonly sheet: string;
  /** Raw cell values as the host reads them; dates as serial numbers, empty cells as "" or null. */
  readonly values: PlanValue[][];
}

/**
 * A table read from the workbook: the header row first, then the data rows. `address` is sheet-qualified
 * and covers exactly the cells of `values` (the current region of the selection, or a sheet's used range).
 */
export interface TableData {
  readonly sheet: string;
  readonly address: string;
  readonly values: PlanValue[][];
}

export interface SheetInfo {
  readonly name: string;
  /** True for the dashboard sheet this add-in created earlier (the only sheet a rebuild may replace). */
  readonly dashboard: boolean;
}

/**
 * What the pane asks of a spreadsheet host. The Excel task pane, the Sheets sidebar and the playground each
 * implement it as a thin adapter; everything else (catalogue, previews, plans) happens in the pane with the core.
 */
export interface PaneHost {
  /** Short host name for the UI and diagnostics. */
  readonly name: "excel" | "sheets" | "playground";
  /** `=KPI.NAME(a,b)` (Excel, playground) or `=KPI_NAME(a,b)` (Sheets). */
  readonly formulaSyntax: FormulaSyntax;
  /** The host's display language, reduced to the languages the pane speaks. */
  language(): Lang;
  /** Current selection and its values. */
  getSelection(): Promise<SelectionInfo>;
  /**
   * Writes `formula` ("=KPI.AOV(...)") into `address` (sheet-qualified) or, without it, the active cell; returns
   * where it went. `numberFormats` (en-US format codes, core/format/units.ts) go on the cells the result fills,
   * from the formula's cell down and right, in the same request as the formula.
   */
  insertFormula(formula: string, address?: string, numberFormats?: readonly (readonly string[])[]): Promise<string>;
  /** The table around the selection (its current region), or the table at `address`. */
  readTable(address?: string): Promise<TableData>;
  /** The used range of every sheet except the add-in's dashboard sheet, for detecting the tables to chart. */
  readTables(): Promise<TableData[]>;
  /** Every sheet of the workbook, in order. */
  listSheets(): Promise<SheetInfo[]>;
  /** Replays a plan (dashboard, sample data, a chart next to the selection); resolves once the workbook holds it all. */
  executePlan(plan: WorkbookPlan): Promise<ExecuteResult>;
  /** Values of a few cells of a sheet (tile values after a build), sheet-qualified addresses in, same order out. */
  readCells?(addresses: readonly string[]): Promise<PlanValue[]>;
  /** Called with no argument whenever the selection changes, so the pane can refresh its preview. */
  onSelectionChanged?(listener: () => void): void;
}
