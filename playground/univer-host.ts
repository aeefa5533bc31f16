/* eslint-disable @typescript-eslint/require-await --
   The PaneHost methods stay async even where they do not await: a synchronous throw (a bad address, no sheet) must
   reach the pane as a rejected promise, which it catches (readTable().catch(...)), not as an exception. */
import type { FUniver } from "@univerjs/presets";
import type { FRange, FWorkbook, FWorksheet } from "@univerjs/presets/preset-sheets-core";
import type {} from "@univerjs/presets/preset-sheets-conditional-formatting";
import { parseAddress, quoteSheet, type Rect } from "../core/plan/a1.js";
import {
  DASHBOARD_MARKER,
  type ChartSpec,
  type ExecuteResult,
  type Lang,
  type PlanValue,
  type SheetPlan,
  type WorkbookPlan,
} from "../core/plan/plan.js";
import type { PaneHost, SelectionInfo, SheetInfo, TableData } from "../pane/host.js";
import { placeFormula, placementProbe } from "../core/host/placement.js";
import { spillAreaIsFree } from "../core/format/spill.js";
import { chartData, type ChartData, ChartLayer } from "./charts.js";
import { localPattern } from "./csv.js";
import { currentRegion } from "./region.js";
import { isDashboard, rawValues, table, usedRange, writeSheet, type SpillLookup } from "./univer-sheet.js";

export type { SpillLookup } from "./univer-sheet.js";

/** How long to wait for Univer to apply a recalculation before reading results back. */
const CALCULATION_WAIT_MS = 5_000;

/**
 * The third PaneHost: the pane drives Univer through its facade exactly as it drives Excel and Sheets, and
 * plan charts, which Univer's open-source sheets cannot draw, go to the echarts layer.
 */
export class UniverHost implements PaneHost {
  readonly name = "playground";
  readonly formulaSyntax = "excel";

  constructor(
    private readonly api: FUniver,
    private readonly charts: ChartLayer,
    private readonly lang: Lang,
    private readonly spills: SpillLookup,
  ) {
    // A sheet just inserted and activated has no view yet when the event fires: its charts follow on the next frame.
    api.addEvent(api.Event.ActiveSheetChanged, () => requestAnimationFrame(() => this.followActiveSheet()));
    api.addEvent(api.Event.Scroll, () => this.followActiveSheet());
    window.addEventListener("resize", () => {
      this.followActiveSheet();
      this.charts.refit();
    });
    api.getFormula().calculationResultApplied(() => this.refreshCharts());
  }

  /**
   * A format code as this page writes it: the core's are en-US codes, which Univer renders with its numfmt locale,
   * but a French reader wants day/month/year and a space before "%" (csv.ts localPattern), like the samples.
   */
  private readonly pattern = (code: string): string => localPattern(code, this.lang);

  language(): Lang {
    return this.lang;
  }

  async getSelection(): Promise<SelectionInfo> {
    const sheet = this.activeSheet();
    const range = sheet.getActiveRange() ?? sheet.getRange(0, 0);
    return {
      address: `${quoteSheet(sheet.getSheetName())}!${range.getA1Notation()}`,
      sheet: sheet.getSheetName(),
      values: rawValues(range, this.spills),
    };
  }

  /** Writes where the placement rule allows (core/host/placement.ts): never into data or a range the formula reads. */
  async insertFormula(formula: string, address?: string, codes?: readonly (readonly string[])[]): Promise<string> {
    const numberFormats = codes?.map((row) => row.map(this.pattern));
    const { sheet, range } = address ? this.resolve(address) : this.activeCell();
    const rect: Rect = { row: range.getRow(), col: range.getColumn(), rows: range.getHeight(), cols: range.getWidth() };
    const probe = placementProbe(rect);
    const contents = (r: Rect): PlanValue[][] => {
      const rows = Math.min(r.rows, sheet.getMaxRows() - r.row);
      const cols = Math.min(r.cols, sheet.getMaxColumns() - r.col);
      if (rows <= 0 || cols <= 0) return [];
      const cells = sheet.getRange(r.row, r.col, rows, cols);
      const formulas = cells.getFormulas();
      return rawValues(cells, this.spills).map((row, i) =>
        row.map((value, j) => (formulas[i]?.[j] ? (formulas[i]?.[j] ?? null) : value)),
      );
    };
    const placement = placeFormula(
      formula,
      sheet.getSheetName(),
      rect,
      {
        active: contents(probe.active)[0]?.[0] ?? null,
        below: contents(probe.below).map((row) => row[0] ?? null),
        right: contents(probe.right)[0] ?? [],
      },
      this.lang,
    );
    if (!placement.ok) throw new Error(placement.reason);
    const cell = sheet.getRange(placement.row, placement.col);
    // Univer's patterns are Excel's en-US codes, rendered by the workbook's numfmt locale (see `pattern`).
    const first = numberFormats?.[0]?.[0];
    const rows = Math.min(numberFormats?.length ?? 0, sheet.getMaxRows() - placement.row);
    const cols = Math.min(numberFormats?.[0]?.length ?? 0, sheet.getMaxColumns() - placement.col);
    const area = { row: placement.row, col: placement.col, rows, cols };
    // A spill's other cells are formatted only when empty: one that would land on data must not restyle it.
    const free = rows * cols > 1 && spillAreaIsFree(contents(area));
    cell.setFormula(formula);
    if (free && numberFormats)
      sheet
        .getRange(area.row, area.col, rows, cols)
        .setNumberFormats(numberFormats.slice(0, rows).map((r) => r.slice(0, cols)));
    else if (first !== undefined) cell.setNumberFormat(first);
    await this.calculated();
    return `${quoteSheet(sheet.getSheetName())}!${cell.getA1Notation()}`;
  }

  async readTable(address?: string): Promise<TableData> {
    if (address) {
      const { sheet, range } = this.resolve(address);
      return table(sheet, range, this.spills);
    }
    const sheet = this.activeSheet();
    const selection = sheet.getActiveRange() ?? sheet.getRange(0, 0);
    const start: Rect = {
      row: selection.getRow(),
      col: selection.getColumn(),
      rows: selection.getHeight(),
      cols: selection.getWidth(),
    };
    const region = currentRegion(rawValues(usedRange(sheet), this.spills), start);
    return table(sheet, sheet.getRange(region.row, region.col, region.rows, region.cols), this.spills);
  }

  async readTables(): Promise<TableData[]> {
    return this.workbook()
      .getSheets()
      .filter((sheet) => !isDashboard(sheet))
      .map((sheet) => table(sheet, usedRange(sheet), this.spills))
      .filter((t) => t.values.some((row) => row.some((v) => v !== null && v !== "")));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook()
      .getSheets()
      .map((sheet) => ({ name: sheet.getSheetName(), dashboard: isDashboard(sheet) }));
  }

  async executePlan(plan: WorkbookPlan): Promise<ExecuteResult> {
    const names: string[] = [];
    const built: { sheet: FWorksheet; plan: SheetPlan }[] = [];
    for (const sheetPlan of plan.sheets) {
      const sheet = this.sheetFor(sheetPlan);
      writeSheet(sheet, sheetPlan, this.pattern);
      names.push(sheet.getSheetName());
      built.push({ sheet, plan: sheetPlan });
    }
    await this.calculated();
    // Charts go in once the sheet exists and is laid out, so their anchors can be measured.
    for (const { sheet, plan: sheetPlan } of built) {
      if (sheetPlan.activate) sheet.activate();
    }
    // The view of the sheet now active, so that charts whose anchor is off screen (right of the visible columns,
    // under the pane) open where they can be seen.
    this.followActiveSheet();
    for (const { sheet, plan: sheetPlan } of built) {
      const active = sheet.getSheetId() === this.activeSheet().getSheetId();
      for (const spec of sheetPlan.charts)
        this.charts.place(sheet.getSheetName(), spec, this.anchorPosition(sheet, spec), active);
    }
    this.followActiveSheet();
    this.refreshCharts();
    return { sheets: names };
  }

  async readCells(addresses: readonly string[]): Promise<PlanValue[]> {
    await this.calculated();
    return addresses.map((address) => {
      const { sheet, range } = this.resolve(address);
      return rawValues(sheet.getRange(range.getRow(), range.getColumn()), this.spills)[0]?.[0] ?? null;
    });
  }

  onSelectionChanged(listener: () => void): void {
    this.api.addEvent(this.api.Event.SelectionChanged, () => listener());
  }

  /** Resolves once Univer has applied the results of the calculation the last edit started. */
  calculated(): Promise<void> {
    return this.api.getFormula().onCalculationResultApplied(CALCULATION_WAIT_MS);
  }

  /** Lays the charts over the active sheet and draws them from its cells (after charts were restored). */
  redrawCharts(): void {
    this.followActiveSheet();
    this.refreshCharts();
  }

  private refreshCharts(): void {
    this.charts.update((sheetName, spec) => this.readChartData(sheetName, spec));
  }

  private readChartData(sheetName: string, spec: ChartSpec): ChartData | null {
    const sheet = this.workbook().getSheetByName(spec.source.sheet ?? sheetName);
    if (!sheet) return null;
    const { rect } = parseAddress(spec.source.range);
    const range = sheet.getRange(rect.row, rect.col, rect.rows, rect.cols);
    // Like Excel, a first column of dates is the category axis even when the plan did not call it a label column.
    const firstData = sheet.getRange(rect.row + (spec.headerRow ? 1 : 0), rect.col);
    const datesFirst = spec.seriesIn === "columns" && rect.cols > 1 && /[dmy]/i.test(firstData.getNumberFormat() ?? "");
    const effective = datesFirst ? { ...spec, labelColumn: true } : spec;
    return chartData(effective, rawValues(range, this.spills), range.getDisplayValues());
  }

  private anchorPosition(sheet: FWorksheet, spec: ChartSpec): { x: number; y: number } {
    const { rect } = parseAddress(spec.anchor);
    const cell = sheet.getRange(rect.row, rect.col).getCellRect();
    return { x: cell.left, y: cell.top };
  }

  /** Shows the active sheet's charts where its cells are now. */
  private followActiveSheet(): void {
    const sheet = this.activeSheet();
    const a1 = sheet.getRange(0, 0).getCellRect();
    let scroll: ReturnType<FWorksheet["getScrollState"]>;
    try {
      scroll = sheet.getScrollState();
    } catch {
      // The sheet's view is not rendered yet (Univer has no scroll manager for it): the next event places the charts.
      return;
    }
    // The scroll state counts whole rows and columns plus a pixel offset into the next one.
    const x = sheet.getRange(0, scroll.sheetViewStartColumn).getCellRect().left - a1.left + scroll.offsetX;
    const y = sheet.getRange(scroll.sheetViewStartRow, 0).getCellRect().top - a1.top + scroll.offsetY;
    this.charts.setView({ headers: { x: a1.left, y: a1.top }, scroll: { x, y } });
    this.charts.showSheet(sheet.getSheetName());
  }

  private sheetFor(plan: SheetPlan): FWorksheet {
    const workbook = this.workbook();
    if (plan.mode === "existing") {
      const sheet = workbook.getSheetByName(plan.name);
      if (!sheet) throw new Error(`No sheet named ${plan.name}`);
      return sheet;
    }
    if (plan.mode === "dashboard") {
      for (const old of workbook.getSheets().filter(isDashboard)) {
        this.charts.removeSheet(old.getSheetName());
        workbook.deleteSheet(old);
      }
    }
    // Univer's default new sheet is 20 columns wide, narrower than a dashboard with its chart data.
    const sheet = workbook.insertSheet(plan.name, {
      index: workbook.getSheets().length,
      sheet: { rowCount: 1000, columnCount: 60 },
    });
    if (plan.mode === "dashboard") sheet.setCustomMetadata({ [DASHBOARD_MARKER]: true });
    return sheet;
  }

  private workbook(): FWorkbook {
    const workbook = this.api.getActiveWorkbook();
    if (!workbook) throw new Error("The playground has no workbook");
    return workbook;
  }

  private activeSheet(): FWorksheet {
    return this.workbook().getActiveSheet();
  }

  /** The active sheet and its selection (the active cell when nothing wider is selected). */
  private activeCell(): { sheet: FWorksheet; range: FRange } {
    const sheet = this.activeSheet();
    return { sheet, range: sheet.getActiveRange() ?? sheet.getRange(0, 0) };
  }

  private resolve(address: string): { sheet: FWorksheet; range: FRange } {
    const { sheet: name, rect } = parseAddress(address);
    const sheet = name === undefined ? this.activeSheet() : this.workbook().getSheetByName(name);
    if (!sheet) throw new Error(`No sheet named ${name ?? ""}`);
    return { sheet, range: sheet.getRange(rect.row, rect.col, rect.rows, rect.cols) };
  }
}
