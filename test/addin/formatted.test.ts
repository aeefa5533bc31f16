import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { excelFunction } from "../../addin/adapter.js";
import { plainValues } from "../../addin/formatted.js";
import { kpiById } from "../../core/index.js";
import { functionsJson } from "../../scripts/hosts/excel-metadata.js";
import { ERROR_CODE, FakeCustomFunctionsError } from "../hosts/excel-sandbox.js";

/** An Office whose runtime supports exactly the requirement sets given (name → highest version). */
function officeSupporting(sets: Record<string, number>, displayLanguage = "en-US") {
  return {
    context: {
      displayLanguage,
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          sets[name] !== undefined && Number(version ?? "1.1") <= (sets[name] ?? 0),
      },
    },
  };
}

const call = (id: string, ...args: unknown[]) => excelFunction(kpiById(id)!)(...args);

beforeEach(() => vi.stubGlobal("CustomFunctions", { Error: FakeCustomFunctionsError, ErrorCode: ERROR_CODE }));
afterEach(() => vi.unstubAllGlobals());

describe("=KPI.NAME(...) typed in Excel", () => {
  it("returns a Double with its unit's format where custom functions take data types and ExcelApi 1.19", () => {
    vi.stubGlobal("Office", officeSupporting({ CustomFunctionsRuntime: 1.5, ExcelApi: 1.19 }));
    expect(call("CONVERSION", [[12], [30]], [[100], [200]])).toEqual([
      [{ type: "Double", basicValue: 0.14, numberFormat: "0.0%" }],
    ]);
  });

  it("returns the older FormattedNumber spelling where ExcelApi 1.19 is missing", () => {
    vi.stubGlobal("Office", officeSupporting({ CustomFunctionsRuntime: 1.4, ExcelApi: 1.18 }));
    expect(call("AOV", [[100], [200]])).toEqual([
      [{ type: "FormattedNumber", basicValue: 150, numberFormat: "#,##0.00" }],
    ]);
  });

  it("returns plain numbers without CustomFunctionsRuntime 1.4, and without Office at all", () => {
    vi.stubGlobal("Office", officeSupporting({ CustomFunctionsRuntime: 1.3, ExcelApi: 1.19 }));
    expect(call("CONVERSION", [[12], [30]], [[100], [200]])).toEqual([[0.14]]);
    vi.unstubAllGlobals();
    vi.stubGlobal("CustomFunctions", { Error: FakeCustomFunctionsError, ErrorCode: ERROR_CODE });
    expect(call("CONVERSION", [[12], [30]], [[100], [200]])).toEqual([[0.14]]);
  });

  it("formats a spill by column, dates in the display language, and leaves text and blanks alone", () => {
    vi.stubGlobal("Office", officeSupporting({ CustomFunctionsRuntime: 1.4, ExcelApi: 1.19 }, "fr-FR"));
    const [first, second] = call("PERIODS", [[46027], [46028]], [[100], [0]], "jour") as unknown[][];
    expect(first).toEqual([
      { type: "Double", basicValue: 46027, numberFormat: "dd/mm/yyyy" },
      { type: "Double", basicValue: 100, numberFormat: "#,##0.00" },
      "",
      "",
    ]);
    expect(second?.[2]).toEqual({ type: "Double", basicValue: -1, numberFormat: "0.0%" });
    const [month] = call("PERIODS", [[46027]], [[100]]) as unknown[][];
    expect(month?.[0]).toEqual({ type: "Double", basicValue: 46023, numberFormat: "mmm yyyy" });
    const [group] = call("BY", [["Ann"]], "WINRATE", [["Won"]]) as unknown[][];
    expect(group).toEqual(["Ann", { type: "Double", basicValue: 1, numberFormat: "0.0%" }]);
  });

  it("reads a formatted number given as an argument as its number, so results chain", () => {
    vi.stubGlobal("Office", officeSupporting({ CustomFunctionsRuntime: 1.4, ExcelApi: 1.19 }));
    const ltv = { type: "Double", basicValue: 960, numberFormat: "#,##0.00" };
    expect(call("LTVCAC", [[ltv]], [[320]])).toEqual([[{ type: "Double", basicValue: 3, numberFormat: '0.0"×"' }]]);
    expect(plainValues([[ltv, 2]])).toEqual([[960, 2]]);
  });
});

describe("functions.json", () => {
  it("lets results be data types, in every language (CustomFunctionsRuntime 1.4 reads allowCustomDataForDataTypeAny)", () => {
    for (const lang of ["en", "fr"] as const)
      expect(JSON.parse(functionsJson(lang))).toMatchObject({ allowCustomDataForDataTypeAny: true });
  });
});
