/// <reference types="office-js" />
import {
  DASHBOARD_MARKER,
  parseAddress,
  type ChartSpec,
  type ChartType,
  type ConditionalFormatSpec,
  type ExecuteResult,
  type SheetPlan,
  type StyleSpec,
  type WorkbookPlan,
} from "../../core/dashboard/index.js";

/**
 * Replays a plan in Excel in two `context.sync()` round trips whatever its size: one to learn the sheet names
 * and which sheet the add-in marked as its dashboard, one to send every write (whole-block `values`/`formulas`/
 * `numberFormat`, formats, conditional formats, charts). Enum values are passed as strings so that the code
 * needs no global `Excel` beyond the context it is given.
 */
export async function executeExcelPlan(context: Excel.RequestContext, plan: WorkbookPlan): Promise<ExecuteResult> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const marker = workbook.settings.getItemOrNullObject(DASHBOARD_MARKER);
  marker.load("value");
  await context.sync();

  const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
  const marked = marker.isNullObject ? undefined : String(marker.value);
  const names: string[] = [];

  for (const sheetPlan of plan.sheets) {
    const key = sheetPlan.name.toLowerCase();
    let sheet: Excel.Worksheet;
    if (sheetPlan.mode === "existing") {
      sheet = worksheets.getItem(sheetPlan.name);
    } else {
      const previous = sheetPlan.mode === "dashboard" && marked ? existing.get(marked.toLowerCase()) : undefined;
      if (previous) {
        // Only the sheet this add-in created and marked is ever deleted.
        worksheets.getItem(previous).delete();
        existing.delete(previous.toLowerCase());
      }
      if (existing.has(key)) throw new Error(`A sheet named "${sheetPlan.name}" already exists`);
      sheet = worksheets.add(sheetPlan.name);
      existing.set(key, sheetPlan.name);
      if (sheetPlan.mode === "dashboard") workbook.settings.add(DASHBOARD_MARKER, sheetPlan.name);
    }
    writeSheet(context, sheet, sheetPlan);
    names.push(sheetPlan.name);
  }
  await context.sync();
  return { sheets: names, syncs: 2 };
}

const POINTS_PER_PIXEL = 0.75;

function writeSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const block of plan.blocks) {
    const range = sheet.getRange(block.range);
    // Excel reads a null as "leave this cell alone"; the plan means an empty cell.
    const cells = block.cells.map((row) => row.map((cell) => (cell === null ? "" : cell)));
    if (block.kind === "formulas") range.formulas = cells;
    else range.values = cells;
  }
  for (const { range, format } of plan.numberFormats) {
    const { rect } = parseAddress(range);
    sheet.getRange(range).numberFormat = Array.from({ length: rect.rows }, () => Array<string>(rect.cols).fill(format));
  }
  for (const style of plan.styles) applyStyle(sheet.getRange(style.range), style);
  for (const rule of plan.conditionalFormats) addConditionalFormat(sheet.getRange(rule.range), rule);
  plan.columnWidths?.forEach((width, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width * POINTS_PER_PIXEL;
  });
  if (plan.freezeRows) sheet.freezePanes.freezeRows(plan.freezeRows);
  for (const chart of plan.charts) addChart(context, sheet, chart);
  if (plan.activate) sheet.activate();
}

function applyStyle(range: Excel.Range, style: StyleSpec): void {
  const { font, fill } = range.format;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor !== undefined) font.color = style.fontColor;
  if (style.fill !== undefined) fill.color = style.fill;
  if (style.horizontalAlignment !== undefined) {
    range.format.horizontalAlignment = (style.horizontalAlignment[0]?.toUpperCase() +
      style.horizontalAlignment.slice(1)) as Excel.HorizontalAlignment;
  }
}

function addConditionalFormat(range: Excel.Range, rule: ConditionalFormatSpec): void {
  if (rule.type === "textEquals") {
    const format = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType.cellValue);
    format.cellValue.rule = { formula1: `="${rule.text}"`, operator: "EqualTo" };
    format.cellValue.format.fill.color = rule.fill;
    format.cellValue.format.font.color = rule.fontColor;
    return;
  }
  const format = range.conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType.colorScale);
  format.colorScale.criteria = {
    minimum: { formula: null as unknown as string, type: "LowestValue", color: rule.minColor },
    ...(rule.midColor ? { midpoint: { formula: "50", type: "Percentile", color: rule.midColor } } : {}),
    maximum: { formula: null as unknown as string, type: "HighestValue", color: rule.maxColor },
  };
}

/** Excel chart types for the plan's kinds: Excel's own funnel is not in every build, so it is a reversed bar. */
const EXCEL_CHART: Readonly<Record<ChartType, string>> = {
  line: "Line",
  column: "ColumnClustered",
  bar: "BarClustered",
  doughnut: "Doughnut",
  combo: "ColumnClustered",
  funnel: "BarClustered",
  stacked100: "BarStacked100",
};

function addChart(context: Excel.RequestContext, sheet: Excel.Worksheet, spec: ChartSpec): void {
  const source = spec.source.sheet
    ? context.workbook.worksheets.getItem(spec.source.sheet).getRange(spec.source.range)
    : sheet.getRange(spec.source.range);
  const chart = sheet.charts.add(
    EXCEL_CHART[spec.type] as Excel.ChartType,
    source,
    (spec.seriesIn === "columns" ? "Columns" : "Rows") as Excel.ChartSeriesBy,
  );
  chart.title.text = spec.title;
  chart.setPosition(spec.anchor);
  chart.width = spec.width * POINTS_PER_PIXEL;
  chart.height = spec.height * POINTS_PER_PIXEL;
  if (spec.type === "doughnut") return;
  if (spec.axisFormat) chart.axes.valueAxis.numberFormat = spec.axisFormat;
  // A bar chart draws its first category at the bottom; a funnel reads from the top.
  if (spec.type === "funnel") chart.axes.categoryAxis.reversePlotOrder = true;
  if (spec.type !== "combo" && !spec.seriesColumns) return;
  const { rect } = parseAddress(spec.source.range);
  const first = spec.seriesIn === "columns" && spec.labelColumn ? 1 : 0;
  const count = spec.seriesIn === "columns" ? rect.cols - first : rect.rows - (spec.headerRow ? 1 : 0);
  // The series Excel made from the source range, by position: the ones the spec draws, in source order.
  const drawn =
    spec.seriesIn === "columns" && spec.seriesColumns
      ? spec.seriesColumns.map((c) => c - first)
      : Array.from({ length: count }, (_, i) => i);
  drawn.forEach((s, k) => {
    if (spec.type === "combo" && k > 0) chart.series.getItemAt(s).chartType = "Line";
  });
  // Excel cannot shade between two series simply: the interval's bounds are thin dashed lines.
  if (spec.band) {
    for (const c of [spec.band.lower, spec.band.upper])
      chart.series.getItemAt(c - first).format.line.lineStyle = "Dash";
  }
  // Last first, so that deleting a series does not move the ones still to delete.
  for (let s = count - 1; s >= 0; s--) if (!drawn.includes(s)) chart.series.getItemAt(s).delete();
}
