/// <reference types="office-js" />
import { DASHBOARD_MARKER, splitSheet, type PlanValue, type Rect } from "../../core/dashboard/index.js";
import { placeFormula, placementProbe } from "../../core/host/placement.js";
import { spillAreaIsFree } from "../../core/format/spill.js";
import type { PaneHost, SelectionInfo, SheetInfo, TableData } from "../../pane/host.js";
import { langOf } from "../../pane/strings.js";
import { executeExcelPlan } from "./excel-executor.js";

/** "'My sheet'!A1:B2" → "My sheet". */
const sheetOf = (address: string): string => splitSheet(address).sheet ?? "";

/** The range an address names, on its own sheet. */
const rangeAt = (context: Excel.RequestContext, address: string): Excel.Range =>
  context.workbook.worksheets.getItem(sheetOf(address)).getRange(splitSheet(address).ref);

const cells = (values: unknown[][]): PlanValue[][] =>
  values.map((row) =>
    row.map((cell) =>
      typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean" ? cell : null,
    ),
  );

/** The workbook's sheets and the (lower-cased) name of the dashboard sheet the add-in created, in one sync. */
async function sheetsAndDashboard(
  context: Excel.RequestContext,
): Promise<{ sheets: Excel.WorksheetCollection; marked: string }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const marker = context.workbook.settings.getItemOrNullObject(DASHBOARD_MARKER);
  marker.load("value");
  await context.sync();
  return { sheets, marked: marker.isNullObject ? "" : String(marker.value).toLowerCase() };
}

/** The Excel side of the pane: each method is one `Excel.run` with one or two syncs. */
export const excelHost: PaneHost = {
  name: "excel",
  formulaSyntax: "excel",

  language: () => langOf(Office.context.displayLanguage),

  getSelection: () =>
    Excel.run(async (context): Promise<SelectionInfo> => {
      const range = context.workbook.getSelectedRange();
      range.load("address,values");
      await context.sync();
      return { address: range.address, sheet: sheetOf(range.address), values: cells(range.values) };
    }),

  /**
   * Two round trips: where the selection is and what the cells the placement rule looks at hold, then the write
   * into the cell the rule chose (core/host/placement.ts), never into data or into a range the formula reads,
   * with the result's number format. A spill's other cells get theirs in a third trip, only if they are empty.
   */
  insertFormula: (formula, address, numberFormats) =>
    Excel.run(async (context) => {
      const selection = address ? rangeAt(context, address) : context.workbook.getSelectedRange();
      selection.load("rowIndex,columnIndex,rowCount,columnCount");
      const sheet = selection.worksheet;
      sheet.load("name");
      await context.sync();
      const rect: Rect = {
        row: selection.rowIndex,
        col: selection.columnIndex,
        rows: selection.rowCount,
        cols: selection.columnCount,
      };
      const probe = placementProbe(rect);
      const [active, below, right] = [probe.active, probe.below, probe.right].map((r) =>
        sheet.getRangeByIndexes(r.row, r.col, r.rows, r.cols).load("formulas"),
      ) as [Excel.Range, Excel.Range, Excel.Range];
      await context.sync();
      const placement = placeFormula(
        formula,
        sheet.name,
        rect,
        {
          active: cells(active.formulas)[0]?.[0] ?? null,
          below: cells(below.formulas).map((row) => row[0] ?? null),
          right: cells(right.formulas)[0] ?? [],
        },
        excelHost.language(),
      );
      if (!placement.ok) throw new Error(placement.reason);
      const target = sheet.getRangeByIndexes(placement.row, placement.col, 1, 1);
      // numberFormat takes en-US codes whatever the user's locale (numberFormatLocal would want local ones).
      const first = numberFormats?.[0]?.[0];
      const rows = numberFormats?.length ?? 0;
      const cols = numberFormats?.[0]?.length ?? 0;
      // What the spill will cover, read before the formula is written (operations run in the order queued).
      const area =
        rows * cols > 1 ? sheet.getRangeByIndexes(placement.row, placement.col, rows, cols).load("formulas") : null;
      target.formulas = [[formula]];
      if (first !== undefined) target.numberFormat = [[first]];
      target.load("address");
      await context.sync();
      if (area && numberFormats && spillAreaIsFree(area.formulas)) {
        area.numberFormat = numberFormats.map((row) => [...row]);
        await context.sync();
      }
      return target.address;
    }),

  readTable: (address) =>
    Excel.run(async (context): Promise<TableData> => {
      const selected = address ? rangeAt(context, address) : context.workbook.getSelectedRange();
      const region = selected.getSurroundingRegion();
      region.load("address,values");
      await context.sync();
      return { sheet: sheetOf(region.address), address: region.address, values: cells(region.values) };
    }),

  readTables: () =>
    Excel.run(async (context) => {
      const { sheets, marked } = await sheetsAndDashboard(context);
      const used = sheets.items
        .filter((sheet) => sheet.name.toLowerCase() !== marked)
        .map((sheet) => {
          const range = sheet.getUsedRangeOrNullObject(true);
          range.load("address,values");
          return { name: sheet.name, range };
        });
      await context.sync();
      return used
        .filter(({ range }) => !range.isNullObject)
        .map(({ name, range }) => ({ sheet: name, address: range.address, values: cells(range.values) }));
    }),

  listSheets: () =>
    Excel.run(async (context): Promise<SheetInfo[]> => {
      const { sheets, marked } = await sheetsAndDashboard(context);
      return sheets.items.map((sheet) => ({ name: sheet.name, dashboard: sheet.name.toLowerCase() === marked }));
    }),

  executePlan: (plan) => Excel.run((context) => executeExcelPlan(context, plan)),

  /** The pane's Alerts list reads the dashboard's tiles back with this: every cell in one sync. */
  readCells: (addresses) =>
    Excel.run(async (context) => {
      const ranges = addresses.map((address) => rangeAt(context, address).load("values"));
      await context.sync();
      return ranges.map((range) => cells(range.values)[0]?.[0] ?? null);
    }),

  onSelectionChanged: (listener) => {
    Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => listener());
  },
};
