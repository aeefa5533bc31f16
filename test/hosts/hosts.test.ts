import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, ensureBuilt } from "./build.js";
import { CASES, toExcelArgs, toSheetsArgs } from "./cases.js";
import { callExcel, loadExcelFunctions, type ExcelFunction } from "./excel-sandbox.js";
import { coreOutcome, excelOutcome, expectedOutcome, expectSameOutcome, sheetsOutcome } from "./outcome.js";
import { loadCodeJs, type SheetsSandbox } from "./sheets-sandbox.js";

// A zone east of UTC with DST: read as UTC, its midnights fall on the previous day, and orders placed on the
// first of a month would land in the month before.
const TIME_ZONE = "Europe/Paris";
const FAR_EAST = "Pacific/Kiritimati";

let excel: Map<string, ExcelFunction>;
let sheets: SheetsSandbox;
let sheetsFarEast: SheetsSandbox;

beforeAll(() => {
  ensureBuilt();
  excel = loadExcelFunctions();
  sheets = loadCodeJs({ spreadsheetTimeZone: TIME_ZONE, scriptTimeZone: "America/Los_Angeles" });
  sheetsFarEast = loadCodeJs({ spreadsheetTimeZone: FAR_EAST, scriptTimeZone: "Etc/UTC" });
}, BUILD_TIMEOUT);

describe("the built Excel add-in and the built Apps Script bundle give the same results from one case table", () => {
  it("covers every catalogue function", () => {
    expect(new Set(CASES.map((c) => c.fn)).size).toBe(41);
  });

  for (const c of CASES) {
    it(`${c.name}: Excel, Sheets and the core agree`, async () => {
      const core = coreOutcome(c);
      const own = expectedOutcome(c);
      if (own) expectSameOutcome(core, own, "core vs the case");

      const fn = excel.get(c.fn);
      if (!fn) throw new Error(`KPI.${c.fn} is not associated`);
      const inExcel = excelOutcome(c, await callExcel(fn, toExcelArgs(c)));
      expectSameOutcome(inExcel, core, "Excel");

      for (const [sandbox, zone] of [
        [sheets, TIME_ZONE],
        [sheetsFarEast, FAR_EAST],
      ] as const) {
        const inSheets = sheetsOutcome(c, () => sandbox.call(`KPI_${c.fn}`, toSheetsArgs(c, sandbox.date)), zone);
        expectSameOutcome(inSheets, core, `Sheets (${zone})`);
        if ("code" in inSheets && "code" in core) expect(inSheets.detail).toBe(core.detail);
        if ("code" in inExcel && "code" in inSheets && inExcel.detail !== "")
          expect(inExcel.detail).toBe(inSheets.detail);
      }
    });
  }
});
