/**
 * Host round trips of a whole dashboard build, counted with recording fakes: `context.sync()` calls in
 * Excel, Apps Script service calls in Sheets. The figures must not grow with the data.
 */
import { executeExcelPlan } from "../addin/taskpane/excel-executor.js";
import { buildDashboard, detectTables, sampleSheets, sampleTable, type SampleSheet } from "../core/dashboard/index.js";
import { executeSheetsPlan, type SheetsServices } from "../gas/dashboard-server.js";
import { fakeContext, FakeWorkbook } from "../test/dashboard/fake-excel.js";

/** The sample tables, each repeated until it has `rows` data rows. */
function tablesOf(rows: number): SampleSheet[] {
  return sampleSheets("en").map((s) => ({
    ...s,
    rows: Array.from({ length: rows }, (_, i) => s.rows[i % s.rows.length] as SampleSheet["rows"][number]),
  }));
}

function planFor(sheets: SampleSheet[], syntax: "excel" | "sheets") {
  const tables = detectTables(sheets.map(sampleTable));
  return buildDashboard({
    tables,
    syntax,
    lang: "en",
    existingSheets: sheets.map((s) => ({ name: s.name, dashboard: false })),
  });
}

export async function excelSyncs(rows: number): Promise<number> {
  const sheets = tablesOf(rows);
  const book = new FakeWorkbook(sheets.map((s) => s.name));
  const plan = planFor(sheets, "excel");
  await executeExcelPlan(fakeContext(book), plan);
  return book.syncs;
}

/** Every Apps Script call made by the Sheets executor, counted through a chaining proxy. */
export function sheetsCalls(rows: number): number {
  const sheets = tablesOf(rows);
  const plan = planFor(sheets, "sheets");
  let calls = 0;
  const counting = (answers: Record<string, unknown> = {}): unknown => {
    const proxy: unknown = new Proxy(
      {},
      {
        get: (_target, prop) => {
          const key = String(prop);
          if (key === "then") return undefined;
          const answer = answers[key];
          if (answer !== undefined && typeof answer !== "function") return answer;
          return (...args: unknown[]) => {
            calls++;
            return typeof answer === "function" ? (answer as (...a: unknown[]) => unknown)(...args) : proxy;
          };
        },
      },
    );
    return proxy;
  };
  const sheet = (name: string): unknown =>
    counting({
      getName: () => name,
      getConditionalFormatRules: () => [],
      newChart: () => counting({ build: () => ({}) }),
    });
  const spreadsheet = counting({
    getSheetByName: () => null,
    insertSheet: (name: string) => sheet(name),
    getNumSheets: () => sheets.length,
    createDeveloperMetadataFinder: () => ({ withKey: () => ({ find: () => [] }) }),
  });
  const env = {
    app: counting({
      getActive: () => spreadsheet,
      newConditionalFormatRule: () => counting({ build: () => ({}) }),
      InterpolationType: { PERCENTILE: "PERCENTILE" },
    }),
    chartTypes: { LINE: "LINE", COLUMN: "COLUMN", BAR: "BAR", PIE: "PIE", COMBO: "COMBO" },
  } as unknown as SheetsServices;
  executeSheetsPlan(plan, env);
  return calls;
}
