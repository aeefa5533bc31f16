import type { FRange, FWorksheet } from "@univerjs/presets/preset-sheets-core";
import type {} from "@univerjs/presets/preset-sheets-conditional-formatting";
import { parseAddress, quoteSheet } from "../core/plan/a1.js";
import {
  DASHBOARD_MARKER,
  type CellBlock,
  type ConditionalFormatSpec,
  type PlanValue,
  type SheetPlan,
  type StyleSpec,
} from "../core/plan/plan.js";
import type { TableData } from "../pane/host.js";

/** Reading a Univer sheet as the pane sees it, and writing a plan's sheet into it. */

const toPlanValue = (value: unknown): PlanValue =>
  typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : null;

export const isDashboard = (sheet: FWorksheet): boolean => sheet.getCustomMetadata()?.[DASHBOARD_MARKER] === true;

/**
 * Where a spilled cell's value lives: Univer keeps spills in its formula engine, not in the cells, and its
 * cell-value API returns them already passed through the number format ("29.5%"), so they are read from there.
 */
export type SpillLookup = (unitId: string, sheetId: string, row: number, col: number) => unknown;

/** Cell values as numbers, text and booleans, spilled cells included, at full precision. */
export function rawValues(range: FRange, spillValue: SpillLookup): PlanValue[][] {
  const unitId = range.getUnitId();
  const sheetId = range.getSheetId();
  const top = range.getRow();
  const left = range.getColumn();
  return range
    .getRawValues()
    .map((row, r) => row.map((raw, c) => toPlanValue(raw ?? spillValue(unitId, sheetId, top + r, left + c))));
}

/** Every cell from A1 to the last used row and column. */
export function usedRange(sheet: FWorksheet): FRange {
  const data = sheet.getDataRange();
  return sheet.getRange(0, 0, Math.max(1, data.getLastRow() + 1), Math.max(1, data.getLastColumn() + 1));
}

export function table(sheet: FWorksheet, range: FRange, spills: SpillLookup): TableData {
  return {
    sheet: sheet.getSheetName(),
    address: `${quoteSheet(sheet.getSheetName())}!${range.getA1Notation()}`,
    values: rawValues(range, spills),
  };
}

/** Writes a plan's sheet; `pattern` turns the plan's en-US format codes into the ones the page's language shows. */
export function writeSheet(sheet: FWorksheet, plan: SheetPlan, pattern: (code: string) => string): void {
  for (const block of plan.blocks) writeBlock(sheet, block);
  for (const { range, format } of plan.numberFormats) at(sheet, range).setNumberFormat(pattern(format));
  for (const style of plan.styles) applyStyle(at(sheet, style.range), style);
  for (const rule of plan.conditionalFormats) addConditionalFormat(sheet, rule);
  plan.columnWidths?.forEach((width, col) => sheet.setColumnWidth(col, width));
  if (plan.freezeRows) sheet.setFrozenRows(plan.freezeRows);
}

const at = (sheet: FWorksheet, address: string): FRange => {
  const { rect } = parseAddress(address);
  return sheet.getRange(rect.row, rect.col, rect.rows, rect.cols);
};

/**
 * One call per block. Empty cells are left out of the sparse matrix rather than written as "", which would
 * make a spill formula above or to the left of them fail with #SPILL!.
 */
function writeBlock(sheet: FWorksheet, block: CellBlock): void {
  const { rect } = parseAddress(block.range);
  // Univer reads a sparse matrix's keys as sheet coordinates, not as offsets into the range.
  const matrix: Record<number, Record<number, { v?: string | number | boolean; f?: string }>> = {};
  block.cells.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === "") return;
      const formula = block.kind === "formulas" && typeof value === "string" && value.startsWith("=");
      (matrix[rect.row + r] ??= {})[rect.col + c] = formula ? { f: value } : { v: value };
    });
  });
  sheet.getRange(rect.row, rect.col, rect.rows, rect.cols).setValues(matrix);
}

function applyStyle(range: FRange, style: StyleSpec): void {
  if (style.bold) range.setFontWeight("bold");
  if (style.italic) range.setFontStyle("italic");
  if (style.fontSize) range.setFontSize(style.fontSize);
  if (style.fontColor) range.setFontColor(style.fontColor);
  if (style.fill) range.setBackground(style.fill);
  // Univer's facade has no "right": its general alignment already puts numbers, what tiles hold, on the right.
  if (style.horizontalAlignment)
    range.setHorizontalAlignment(style.horizontalAlignment === "right" ? "normal" : style.horizontalAlignment);
}

function addConditionalFormat(sheet: FWorksheet, rule: ConditionalFormatSpec): void {
  const ranges = [at(sheet, rule.range).getRange()];
  const builder = sheet.newConditionalFormattingRule();
  if (rule.type === "textEquals") {
    sheet.addConditionalFormattingRule(
      builder
        .whenTextEqualTo(rule.text)
        .setBackground(rule.fill)
        .setFontColor(rule.fontColor)
        .setRanges(ranges)
        .build(),
    );
    return;
  }
  const stops = [
    { color: rule.minColor, value: { type: "min" } },
    ...(rule.midColor ? [{ color: rule.midColor, value: { type: "percentile", value: 50 } }] : []),
    { color: rule.maxColor, value: { type: "max" } },
  ];
  sheet.addConditionalFormattingRule(
    builder
      .setColorScale(stops.map((stop, index) => ({ index, ...stop })) as never)
      .setRanges(ranges)
      .build(),
  );
}
