/// <reference types="google-apps-script" />
// The plan language's own modules, not the dashboard barrel: Code.js replays plans and needs none of the planner.
import { parseAddress, quoteSheet } from "../core/plan/a1.js";
import {
  DASHBOARD_MARKER,
  type ChartSpec,
  type ChartType,
  type ConditionalFormatSpec,
  type ExecuteResult,
  type PlanValue,
  type SheetPlan,
  type StyleSpec,
  type WorkbookPlan,
} from "../core/plan/plan.js";
import { placeFormula, placementProbe } from "../core/host/placement.js";
import { spillAreaIsFree } from "../core/format/spill.js";
import { SheetClock } from "./adapter.js";

/**
 * The Sheets side of the dashboard pane: the server functions the sidebar calls through `google.script.run`
 * (listed in DASHBOARD_SERVER_API, made top-level functions of Code.js at build time) and the plan executor.
 * Everything that crosses `google.script.run` is JSON: dates travel as serial numbers.
 */

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The services the executor uses, injectable so that a recording stub can stand in for them in tests. */
export interface SheetsServices {
  readonly app: App;
  readonly chartTypes: typeof Charts.ChartType;
}

const services = (): SheetsServices => ({ app: SpreadsheetApp, chartTypes: Charts.ChartType });

/** The sheet this add-in marked as its dashboard (developer metadata survives a rename), if it still exists. */
export function markedDashboard(spreadsheet: Spreadsheet): Sheet | null {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(DASHBOARD_MARKER).find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/**
 * Replays a plan: each block with one whole-range `setValues`/`setFormulas`, one `setNumberFormat` per format
 * range, one builder per chart, and all conditional format rules of a sheet in one `setConditionalFormatRules`.
 */
export function executeSheetsPlan(plan: WorkbookPlan, env: SheetsServices = services()): ExecuteResult {
  const spreadsheet = env.app.getActive();
  const names: string[] = [];
  for (const sheetPlan of plan.sheets) {
    let sheet: Sheet;
    if (sheetPlan.mode === "existing") {
      const found = spreadsheet.getSheetByName(sheetPlan.name);
      if (!found) throw new Error(`No sheet named "${sheetPlan.name}"`);
      sheet = found;
    } else {
      if (sheetPlan.mode === "dashboard") {
        // Only the sheet this add-in created and marked is ever deleted.
        const previous = markedDashboard(spreadsheet);
        if (previous) spreadsheet.deleteSheet(previous);
      }
      if (spreadsheet.getSheetByName(sheetPlan.name))
        throw new Error(`A sheet named "${sheetPlan.name}" already exists`);
      sheet = spreadsheet.insertSheet(sheetPlan.name, spreadsheet.getNumSheets());
      if (sheetPlan.mode === "dashboard") sheet.addDeveloperMetadata(DASHBOARD_MARKER, "1");
    }
    writeSheet(spreadsheet, sheet, sheetPlan, env);
    names.push(sheetPlan.name);
  }
  return { sheets: names };
}

function writeSheet(spreadsheet: Spreadsheet, sheet: Sheet, plan: SheetPlan, env: SheetsServices): void {
  for (const block of plan.blocks) {
    const range = sheet.getRange(block.range);
    const cells = block.cells.map((row) => row.map((cell) => (cell === null ? "" : cell)));
    // setFormulas takes strings only; a mixed block (labels, numbers, formulas) goes through setValues,
    // which reads a leading "=" as a formula just the same.
    if (block.kind === "formulas" && cells.every((row) => row.every((cell) => typeof cell === "string"))) {
      range.setFormulas(cells);
    } else range.setValues(cells);
  }
  for (const { range, format } of plan.numberFormats) sheet.getRange(range).setNumberFormat(format);
  for (const style of plan.styles) applyStyle(sheet.getRange(style.range), style);
  if (plan.conditionalFormats.length > 0) {
    const rules = plan.conditionalFormats.map((rule) => conditionalRule(sheet, rule, env));
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...rules]);
  }
  plan.columnWidths?.forEach((width, col) => sheet.setColumnWidth(col + 1, width));
  if (plan.freezeRows) sheet.setFrozenRows(plan.freezeRows);
  for (const chart of plan.charts) addChart(spreadsheet, sheet, chart, env);
  if (plan.activate) sheet.activate();
}

function applyStyle(range: Range, style: StyleSpec): void {
  if (style.bold !== undefined) range.setFontWeight(style.bold ? "bold" : "normal");
  if (style.italic !== undefined) range.setFontStyle(style.italic ? "italic" : "normal");
  if (style.fontSize !== undefined) range.setFontSize(style.fontSize);
  if (style.fontColor !== undefined) range.setFontColor(style.fontColor);
  if (style.fill !== undefined) range.setBackground(style.fill);
  if (style.horizontalAlignment !== undefined) range.setHorizontalAlignment(style.horizontalAlignment);
}

function conditionalRule(
  sheet: Sheet,
  rule: ConditionalFormatSpec,
  env: SheetsServices,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const builder = env.app.newConditionalFormatRule().setRanges([sheet.getRange(rule.range)]);
  if (rule.type === "textEquals") {
    return builder.whenTextEqualTo(rule.text).setBackground(rule.fill).setFontColor(rule.fontColor).build();
  }
  builder.setGradientMinpoint(rule.minColor).setGradientMaxpoint(rule.maxColor);
  if (rule.midColor) builder.setGradientMidpointWithValue(rule.midColor, env.app.InterpolationType.PERCENTILE, "50");
  return builder.build();
}

/** Sheets has no funnel: a bar chart over rows the plan already sorted largest first reads the same. */
function chartType(type: ChartType, types: typeof Charts.ChartType): GoogleAppsScript.Charts.ChartType {
  switch (type) {
    case "line":
      return types.LINE;
    case "column":
      return types.COLUMN;
    case "doughnut":
      return types.PIE;
    case "combo":
      return types.COMBO;
    default:
      return types.BAR;
  }
}

function addChart(spreadsheet: Spreadsheet, sheet: Sheet, spec: ChartSpec, env: SheetsServices): void {
  const sourceSheet = spec.source.sheet ? spreadsheet.getSheetByName(spec.source.sheet) : sheet;
  if (!sourceSheet) throw new Error(`No sheet named "${spec.source.sheet ?? ""}"`);
  const { rect } = parseAddress(spec.anchor);
  const source = parseAddress(spec.source.range).rect;
  // With listed series, one range per drawn column (the labels first): Sheets makes a series of each.
  const columns =
    spec.seriesIn === "columns" && spec.seriesColumns ? [...(spec.labelColumn ? [0] : []), ...spec.seriesColumns] : [];
  const ranges =
    columns.length > 0
      ? columns.map((c) => sourceSheet.getRange(source.row + 1, source.col + c + 1, source.rows, 1))
      : [sourceSheet.getRange(spec.source.range)];
  let builder = sheet.newChart().setChartType(chartType(spec.type, env.chartTypes));
  for (const range of ranges) builder = builder.addRange(range);
  builder = builder
    .setNumHeaders(spec.headerRow ? 1 : 0)
    .setTransposeRowsAndColumns(spec.seriesIn === "rows")
    .setPosition(rect.row + 1, rect.col + 1, 0, 0)
    .setOption("title", spec.title)
    .setOption("width", spec.width)
    .setOption("height", spec.height);
  // Bar charts put values on the horizontal axis, the others on the vertical one.
  const valueAxis = ["bar", "funnel", "stacked100"].includes(spec.type) ? "hAxis" : "vAxis";
  if (spec.axisFormat) builder = builder.setOption(`${valueAxis}.format`, spec.axisFormat);
  if (spec.type === "doughnut") builder = builder.setOption("pieHole", 0.5);
  if (spec.type === "stacked100") builder = builder.setOption("isStacked", "percent");
  if (spec.type === "combo") {
    // The first series as bars, the others as lines; an interval's bounds as dashed lines.
    const drawn = spec.seriesColumns ?? [];
    const series: Record<number, { type: string; lineDashStyle?: number[] }> = { 1: { type: "line" } };
    drawn.forEach((c, k) => {
      if (k === 0) return;
      const bound = spec.band && (c === spec.band.lower || c === spec.band.upper);
      series[k] = bound ? { type: "line", lineDashStyle: [4, 4] } : { type: "line" };
    });
    builder = builder.setOption("seriesType", "bars").setOption("series", series);
  }
  sheet.insertChart(builder.build());
}

// ---------------------------------------------------------------------------------------------------------------
// Server functions (google.script.run): JSON in, JSON out.

const clock = (): SheetClock => new SheetClock();

/** Sheets values to plan values: Dates become serials on the spreadsheet's calendar. */
function toPlanValues(values: unknown[][], dates: SheetClock): PlanValue[][] {
  return values.map((row) =>
    row.map((cell) => {
      if (Object.prototype.toString.call(cell) === "[object Date]") return dates.toSerial(cell as Date);
      return typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean" ? cell : null;
    }),
  );
}

const qualified = (range: Range): string => `${quoteSheet(range.getSheet().getName())}!${range.getA1Notation()}`;

export function kpiDashboardListSheets(): { name: string; dashboard: boolean }[] {
  const spreadsheet = SpreadsheetApp.getActive();
  const marked = markedDashboard(spreadsheet)?.getSheetId();
  return spreadsheet.getSheets().map((sheet) => ({ name: sheet.getName(), dashboard: sheet.getSheetId() === marked }));
}

export function kpiDashboardGetSelection(): { address: string; sheet: string; values: PlanValue[][] } {
  const range = SpreadsheetApp.getActiveRange() ?? SpreadsheetApp.getActiveSheet().getRange("A1");
  return {
    address: qualified(range),
    sheet: range.getSheet().getName(),
    values: toPlanValues(range.getValues(), clock()),
  };
}

/**
 * Writes a formula where the placement rule allows (core/host/placement.ts): never into a cell that holds data
 * or that the formula reads. One server call reads the few cells the rule looks at and writes, or refuses.
 */
export function kpiDashboardInsertFormula(
  formula: string,
  address?: string,
  numberFormats?: readonly (readonly string[])[],
): string {
  const spreadsheet = SpreadsheetApp.getActive();
  const selection = address ? spreadsheet.getRange(address) : spreadsheet.getActiveRange();
  if (!selection) throw new Error("No active cell");
  const sheet = selection.getSheet();
  const rect = {
    row: selection.getRow() - 1,
    col: selection.getColumn() - 1,
    rows: selection.getNumRows(),
    cols: selection.getNumColumns(),
  };
  const probe = placementProbe(rect);
  const contents = (r: { row: number; col: number; rows: number; cols: number }): PlanValue[][] => {
    // Past the sheet's last row or column there is nothing to overwrite.
    const rows = Math.min(r.rows, sheet.getMaxRows() - r.row);
    const cols = Math.min(r.cols, sheet.getMaxColumns() - r.col);
    if (rows <= 0 || cols <= 0) return [];
    const range = sheet.getRange(r.row + 1, r.col + 1, rows, cols);
    const formulas = range.getFormulas();
    const values = range.getValues();
    // What a cell holds only matters as empty or not: a formula's text, else its value as text.
    return formulas.map((row, i) =>
      row.map((formulaText, j) => {
        // getValues() types its cells as any: they are these.
        const value = values[i]?.[j] as string | number | boolean | Date | null | undefined;
        return formulaText !== "" ? formulaText : value === "" || value === null ? null : String(value);
      }),
    );
  };
  const placement = placeFormula(
    formula,
    sheet.getName(),
    rect,
    {
      active: contents(probe.active)[0]?.[0] ?? null,
      below: contents(probe.below).map((row) => row[0] ?? null),
      right: contents(probe.right)[0] ?? [],
    },
    kpiDashboardLanguage().toLowerCase().startsWith("fr") ? "fr" : "en",
  );
  if (!placement.ok) throw new Error(placement.reason);
  const cell = sheet.getRange(placement.row + 1, placement.col + 1);
  // Patterns are en-US codes ("#,##0.00", "0.0%"): Sheets renders them in the spreadsheet's locale.
  const first = numberFormats?.[0]?.[0];
  const rows = Math.min(numberFormats?.length ?? 0, sheet.getMaxRows() - placement.row);
  const cols = Math.min(numberFormats?.[0]?.length ?? 0, sheet.getMaxColumns() - placement.col);
  // A spill's other cells are formatted only when empty: one that would land on data must not restyle it.
  const area = rows * cols > 1 ? sheet.getRange(placement.row + 1, placement.col + 1, rows, cols) : null;
  const free = area !== null && spillAreaIsFree(contents({ row: placement.row, col: placement.col, rows, cols }));
  cell.setFormula(formula);
  if (area && free && numberFormats)
    area.setNumberFormats(numberFormats.slice(0, rows).map((row) => row.slice(0, cols)));
  else if (first !== undefined) cell.setNumberFormat(first);
  return qualified(cell);
}

export function kpiDashboardReadTable(address?: string): { sheet: string; address: string; values: PlanValue[][] } {
  const spreadsheet = SpreadsheetApp.getActive();
  const selected = address ? spreadsheet.getRange(address) : spreadsheet.getActiveRange();
  if (!selected) throw new Error("Nothing is selected");
  const range = selected.getNumRows() * selected.getNumColumns() > 1 ? selected : selected.getDataRegion();
  return {
    sheet: range.getSheet().getName(),
    address: qualified(range),
    values: toPlanValues(range.getValues(), clock()),
  };
}

export function kpiDashboardReadTables(): { sheet: string; address: string; values: PlanValue[][] }[] {
  const spreadsheet = SpreadsheetApp.getActive();
  const marked = markedDashboard(spreadsheet)?.getSheetId();
  const dates = clock();
  return spreadsheet
    .getSheets()
    .filter((sheet) => sheet.getSheetId() !== marked && sheet.getLastRow() > 1)
    .map((sheet) => {
      const range = sheet.getDataRange();
      return { sheet: sheet.getName(), address: qualified(range), values: toPlanValues(range.getValues(), dates) };
    });
}

export function kpiDashboardExecutePlan(plan: WorkbookPlan): ExecuteResult {
  return executeSheetsPlan(plan);
}

export function kpiDashboardLanguage(): string {
  return Session.getActiveUserLocale() ?? "en";
}

/** Values of a few cells, sheet-qualified addresses in, same order out (tile values after a build). */
export function kpiDashboardReadCells(addresses: string[]): PlanValue[] {
  const spreadsheet = SpreadsheetApp.getActive();
  const dates = clock();
  return addresses.map((address) => toPlanValues([[spreadsheet.getRange(address).getValue()]], dates)[0]?.[0] ?? null);
}

/** Every function the sidebar may call, by name. */
export const DASHBOARD_SERVER_API = {
  kpiDashboardListSheets,
  kpiDashboardGetSelection,
  kpiDashboardInsertFormula,
  kpiDashboardReadTable,
  kpiDashboardReadTables,
  kpiDashboardExecutePlan,
  kpiDashboardLanguage,
  kpiDashboardReadCells,
} as const;
