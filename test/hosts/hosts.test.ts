import { beforeAll, describe, expect, it } from "vitest";
import { excelId, KPIS } from "../../core/index.js";
import { BUILD_TIMEOUT, ensureBuilt } from "./build.js";
import { CASES, kpiOf, toExcelArgs, toSheetsArgs, type HostCase, type HostId } from "./cases.js";
import { desktopCall, fakeExcelDesktop } from "./excel-desktop.js";
import { callExcel, loadExcelFunctions, type ExcelFunction } from "./excel-sandbox.js";
import { layOut, type PlacedCase } from "./layout.js";
import {
  addressedOutcome,
  coreOutcome,
  excelOutcome,
  expectedOutcome,
  expectSameOutcome,
  sheetsOutcome,
} from "./outcome.js";
import { loadCodeJs, type SheetsSandbox } from "./sheets-sandbox.js";

// A zone east of UTC with DST: read as UTC, its midnights fall on the previous day, and orders placed on the
// first of a month would land in the month before.
const TIME_ZONE = "Europe/Paris";
const FAR_EAST = "Pacific/Kiritimati";

let excel: Map<string, ExcelFunction>;
let desktop: Map<string, ExcelFunction>;
let sheets: SheetsSandbox;
let sheetsFarEast: SheetsSandbox;

const placed: Map<HostCase, PlacedCase> = new Map(layOut(CASES).map((p) => [p.c, p]));

beforeAll(() => {
  ensureBuilt();
  excel = loadExcelFunctions();
  desktop = loadExcelFunctions({ Excel: fakeExcelDesktop([...placed.values()]).Excel });
  sheets = loadCodeJs({ spreadsheetTimeZone: TIME_ZONE, scriptTimeZone: "America/Los_Angeles" });
  sheetsFarEast = loadCodeJs({ spreadsheetTimeZone: FAR_EAST, scriptTimeZone: "Etc/UTC" });
}, BUILD_TIMEOUT);

const runs = (c: HostCase, host: HostId): boolean => c.differs?.[host] === undefined;

describe("one case table, run against the built Excel add-in (web and desktop) and the built Apps Script bundle", () => {
  it("covers every catalogue function of the registry", () => {
    expect([...new Set(CASES.map((c) => c.fn))].sort()).toEqual(KPIS.map((k) => k.id).sort());
  });

  for (const c of CASES) {
    const why = Object.entries(c.differs ?? {}).map(([host, reason]) => `${host}: ${reason}`);
    it(`${c.name}: the hosts agree with the core${why.length ? ` (not asked of ${why.join("; ")})` : ""}`, async () => {
      const core = coreOutcome(c);
      const own = expectedOutcome(c);
      if (own) expectSameOutcome(core, own, "core vs the case");
      const fn = (functions: Map<string, ExcelFunction>): ExcelFunction => {
        const found = functions.get(excelId(c.fn));
        if (!found) throw new Error(`KPI.${c.fn} is not associated`);
        return found;
      };

      if (runs(c, "excel-web")) {
        const inExcel = excelOutcome(c, await callExcel(fn(excel), toExcelArgs(c)));
        expectSameOutcome(inExcel, core, "Excel on the web");
        if ("code" in inExcel && "code" in core && inExcel.detail !== "") expect(inExcel.detail).toBe(core.detail);
      }

      if (runs(c, "excel-desktop")) {
        const at = placed.get(c) as PlacedCase;
        const inDesktop = excelOutcome(c, await callExcel(fn(desktop), desktopCall(at, kpiOf(c).params.length)));
        expectSameOutcome(inDesktop, core, "Excel desktop (empty cells passed as 0)");
        // With the parameter addresses, a cell problem is named by its address ("Cases!$A$3" → "Cases!A3").
        const addressed = addressedOutcome(at);
        if ("code" in inDesktop && "code" in addressed && inDesktop.detail !== "")
          expect(inDesktop.detail).toBe(addressed.detail);
      }

      if (runs(c, "sheets")) {
        for (const [sandbox, zone] of [
          [sheets, TIME_ZONE],
          [sheetsFarEast, FAR_EAST],
        ] as const) {
          const inSheets = sheetsOutcome(c, () => sandbox.call(`KPI_${c.fn}`, toSheetsArgs(c, sandbox.date)), zone);
          expectSameOutcome(inSheets, core, `Sheets (${zone})`);
          if ("code" in inSheets && "code" in core) expect(inSheets.detail).toBe(core.detail);
        }
      }
    });
  }
});
