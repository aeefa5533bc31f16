/// <reference types="office-js" />
import { DASHBOARD_MARKER, type PlanValue } from "../../core/dashboard/index.js";
import type { PaneHost, SelectionInfo, SheetInfo, TableData } from "../../pane/host.js";
import { langOf } from "../../pane/strings.js";
import { executeExcelPlan } from "./excel-executor.js";

/** "'My sheet'!A1:B2" → "My sheet". */
const sheetOf = (address: string): string => {
  const bang = address.lastIndexOf("!");
  const sheet = bang < 0 ? "" : address.slice(0, bang);
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
};

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

  insertFormula: (formula, address) =>
    Excel.run(async (context) => {
      const range = address
        ? context.workbook.worksheets.getItem(sheetOf(address)).getRange(address.slice(address.lastIndexOf("!") + 1))
        : context.workbook.getActiveCell();
      range.formulas = [[formula]];
      range.load("address");
      await context.sync();
      return range.address;
    }),

  readTable: (address) =>
    Excel.run(async (context): Promise<TableData> => {
      const selected = address
        ? context.workbook.worksheets.getItem(sheetOf(address)).getRange(address.slice(address.lastIndexOf("!") + 1))
        : context.workbook.getSelectedRange();
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

  onSelectionChanged: (listener) => {
    Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => listener());
  },
};
