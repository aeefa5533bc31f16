/// <reference types="google-apps-script" />
import { kpiCatalogue } from "./server-api.js";

/**
 * The KPI menu. onOpen runs in AuthMode.NONE for an installed editor add-on that was not used in this document
 * yet, so it only touches the Ui (allowed in every mode); the handlers run with full authorization.
 */

/** Menu item → top-level handler name in Code.js (generated at build time from this table). */
export const MENU_ITEMS = [
  { label: "Open dashboard", handler: "kpiOpenDashboard", run: openDashboard },
  { label: "Insert sample data", handler: "kpiInsertSampleData", run: insertSampleData },
  { label: "Function help", handler: "kpiShowHelp", run: showHelp },
] as const;

export function onOpen(_event?: unknown): void {
  const ui = SpreadsheetApp.getUi();
  // An editor add-on gets the Extensions › KPI menu; a bound script gets a top-level KPI menu.
  let menu: GoogleAppsScript.Base.Menu;
  try {
    menu = ui.createAddonMenu();
  } catch {
    menu = ui.createMenu("KPI");
  }
  for (const item of MENU_ITEMS) menu.addItem(item.label, item.handler);
  menu.addToUi();
}

export function onInstall(event?: unknown): void {
  onOpen(event);
}

export function openDashboard(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("KPI");
  SpreadsheetApp.getUi().showSidebar(html);
}

const SAMPLE_SHEET = "KPI sample";

const SAMPLE_ROWS: (string | number)[][] = [
  ["Month", "Marketing costs", "Sales costs", "New customers", "NPS answer"],
  ["Jan", 12000, 8000, 40, 10],
  ["Feb", 15000, 9000, 52, 9],
  ["Mar", 11000, 7000, 35, 7],
  ["Apr", 14000, 8500, 47, 6],
  ["May", 16000, 9500, 58, 10],
  ["Jun", 13000, 8000, 44, 3],
];

/** A small sheet of data with two live formulas, so a first-time user sees the functions working. */
export function insertSampleData(): void {
  const spreadsheet = SpreadsheetApp.getActive();
  const existing = spreadsheet.getSheetByName(SAMPLE_SHEET);
  const sheet = existing ?? spreadsheet.insertSheet(SAMPLE_SHEET);
  sheet.clear();
  const width = SAMPLE_ROWS[0]?.length ?? 0;
  sheet.getRange(1, 1, SAMPLE_ROWS.length, width).setValues(SAMPLE_ROWS);
  const last = SAMPLE_ROWS.length;
  sheet.getRange(1, width + 2, 2, 2).setValues([
    ["CAC", "NPS"],
    [`=KPI_CAC(B2:B${last}, C2:C${last}, D2:D${last})`, `=KPI_NPS(E2:E${last})`],
  ]);
  sheet.setFrozenRows(1);
  spreadsheet.setActiveSheet(sheet);
}

/** The function list as a dialog; descriptions go in through appendUntrusted, which escapes them. */
export function showHelp(): void {
  const output = HtmlService.createHtmlOutput("<style>body{font:13px sans-serif}h3{margin:12px 0 2px}</style>");
  for (const entry of kpiCatalogue()) {
    output.append("<h3>");
    output.appendUntrusted(
      `${entry.sheetsName}(${entry.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
    );
    output.append("</h3><div>");
    output.appendUntrusted(entry.description);
    output.append("</div>");
  }
  SpreadsheetApp.getUi().showModelessDialog(output.setWidth(640).setHeight(520), "KPI functions");
}
