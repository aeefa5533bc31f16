import type { ExecuteResult, PaneHost, SelectionInfo, SheetInfo, TableData } from "../../pane/host.js";
import { langOf } from "../../pane/strings.js";

/** `google.script.run` as the sidebar sees it: each call is a server round trip with JSON in and out. */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [server: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/** Calls a server function of DASHBOARD_SERVER_API (gas/dashboard-server.ts) as a promise. */
function server<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((value) => resolve(value as T)).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/**
 * The Sheets side of the pane. The sidebar cannot observe the selection, so the pane reads it when the user
 * asks ("use selection", build chart). The plan crosses to the server as JSON and runs there.
 */
export function sheetsHost(locale: string): PaneHost {
  return {
    name: "sheets",
    formulaSyntax: "sheets",
    language: () => langOf(locale),
    getSelection: () => server<SelectionInfo>("kpiDashboardGetSelection"),
    insertFormula: (formula, address, numberFormats) =>
      server<string>("kpiDashboardInsertFormula", formula, address, numberFormats),
    readTable: (address) => server<TableData>("kpiDashboardReadTable", address),
    readTables: () => server<TableData[]>("kpiDashboardReadTables"),
    listSheets: () => server<SheetInfo[]>("kpiDashboardListSheets"),
    executePlan: (plan) => server<ExecuteResult>("kpiDashboardExecutePlan", JSON.parse(JSON.stringify(plan))),
    readCells: (addresses) => server("kpiDashboardReadCells", [...addresses]),
  };
}
