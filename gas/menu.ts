/// <reference types="google-apps-script" />
import { samplePlan } from "../core/dashboard/sample-data.js";
import { executeSheetsPlan } from "./dashboard-server.js";
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

/** The same demo workbook as the pane's button (orders, opportunities, survey, costs), in the user's language. */
export function insertSampleData(): void {
  const spreadsheet = SpreadsheetApp.getActive();
  const lang = (Session.getActiveUserLocale() ?? "").toLowerCase().startsWith("fr") ? "fr" : "en";
  const existing = spreadsheet.getSheets().map((sheet) => sheet.getName());
  executeSheetsPlan(samplePlan(lang, existing));
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
