import { DetailedCellError, ErrorType, HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { KPIS } from "../../core/index.js";
import { closeTo } from "../helpers/expect.js";
import { buildSheet } from "../helpers/hyperformula-kpi.js";

/**
 * The core registered in HyperFormula as `KPI.*` functions: real formula strings in one sheet, side by side with
 * their native equivalents. (Test-only: HyperFormula is GPL.)
 */

const at = (hf: HyperFormula, a1: string): unknown => {
  const address = hf.simpleCellAddressFromString(a1, 0);
  if (!address) throw new Error(`bad address ${a1}`);
  return hf.getCellValue(address);
};

const expectClose = (actual: unknown, expected: unknown): void => {
  expect(typeof actual, `${String(actual)}`).toBe("number");
  expect(closeTo(actual as number, expected as number), `${String(actual)} vs ${String(expected)}`).toBe(true);
};

// Columns: A scores, B marketing, C sales, D new customers, E channel, F revenue.
const DATA: (number | string | null)[][] = [
  [10, 3000, 4000, 20, "Web", 100],
  [9, 2000, 1000, 30, "Shop", 50],
  [8, 500, null, 0, "web ", 150],
  [6, null, 700, 5, "Phone", 200],
  [3, 1200, 300, 10, "", 40],
  [10, 800, 200, 2, "Shop", 60],
  [null, 100, 100, 1, "Phone", 30],
  [0, 900, 0, 4, "Web", 10],
  [7, 0, 0, 0, "Fair", 5],
  [9, 50, 50, 1, "Web", 25],
  [5, 60, 40, 3, "Shop", 35],
  [10, 70, 30, 6, "Web", 45],
];

describe("the KPI function plugin", () => {
  it("registers every KPI of the registry, and only those, under their dotted Excel names", () => {
    const names = HyperFormula.getRegisteredFunctionNames("enGB").filter((name) => name.startsWith("KPI."));
    expect(names.sort()).toEqual(KPIS.map((kpi) => `KPI.${kpi.id}`).sort());
  });

  it("evaluates =KPI.NPS(A1:A12) to the native COUNTIF formula in the same sheet", () => {
    const hf = buildSheet([
      ...DATA,
      ["=KPI.NPS(A1:A12)", '=100*(COUNTIF(A1:A12,">=9")-COUNTIF(A1:A12,"<=6"))/COUNT(A1:A12)'],
    ]);
    expectClose(at(hf, "A13"), at(hf, "B13"));
  });

  it("evaluates =KPI.CAC(B1:B12,C1:C12,D1:D12) to (SUM+SUM)/SUM", () => {
    const hf = buildSheet([...DATA, ["=KPI.CAC(B1:B12,C1:C12,D1:D12)", "=(SUM(B1:B12)+SUM(C1:C12))/SUM(D1:D12)"]]);
    expectClose(at(hf, "A13"), at(hf, "B13"));
  });

  it("spills BREAKDOWN into neighbouring cells, matching SUMIF per key", () => {
    const hf = buildSheet([...DATA, ["=KPI.BREAKDOWN(E1:E12,F1:F12)"]]);
    const spill = hf.getRangeValues(hf.simpleCellRangeFromString("A13:C16", 0) as never);
    expect(spill.map((r) => r[0])).toEqual(["Web", "Phone", "Shop", "Fair"]);
    const hfNative = buildSheet([
      ...DATA.map((r) => [...r, `=TRIM(E${DATA.indexOf(r) + 1})`]),
      ...["Web", "Phone", "Shop", "Fair"].map((k) => [`=SUMIF(G1:G12,"${k}",F1:F12)`]),
    ]);
    spill.forEach((r, i) => expectClose(r[1], at(hfNative, `A${13 + i}`)));
  });

  it("uses the defaults of omitted optional arguments", () => {
    const hf = buildSheet([
      [5],
      [4],
      [3],
      [5],
      [1],
      ["=KPI.CSAT(A1:A5)", "=KPI.CSAT(A1:A5,5,4)", "=KPI.ROMI(A1:A5,A1:A5)"],
    ]);
    expectClose(at(hf, "A6"), 0.6);
    expectClose(at(hf, "B6"), 0.6);
    expectClose(at(hf, "C6"), 0);
  });

  it("maps KPI errors to HyperFormula errors of the same type, with the message", () => {
    const hf = buildSheet([
      [0, 11, "1 234,5"],
      ["=KPI.CAC(A1,A1,A1)", "=KPI.NPS(B1)", "=KPI.CPL(C1,1)", "=KPI.TREND(A1,1)"],
    ]);
    const cases: [string, ErrorType, string][] = [
      ["A2", ErrorType.DIV_BY_ZERO, "#DIV/0! KPI.CAC: newCustomers sums to 0"],
      ["B2", ErrorType.NUM, "KPI.NPS: scores: cell 1 is 11"],
      ["C2", ErrorType.VALUE, "number stored as text"],
      ["D2", ErrorType.NA, "KPI.TREND"],
    ];
    for (const [cell, type, message] of cases) {
      const value = at(hf, cell);
      expect(value).toBeInstanceOf(DetailedCellError);
      expect((value as DetailedCellError).type).toBe(type);
      expect((value as DetailedCellError).message).toContain(message);
    }
  });

  it("shows per-cell errors inside a spill, as GROWTHSERIES does on a zero base", () => {
    const hf = buildSheet([[100, 0, 50], ["=KPI.GROWTHSERIES(A1:C1)"]]);
    expect(at(hf, "A2")).toBe("");
    expectClose(at(hf, "B2"), -1);
    expect((at(hf, "C2") as DetailedCellError).type).toBe(ErrorType.DIV_BY_ZERO);
  });

  it("shows #VALUE!, never a wrong spill, when a spill's arguments are formulas not computed at sizing time", () => {
    // A limitation of this test plugin, not of the core: HyperFormula sizes array formulas before computing cells.
    const hf = buildSheet([
      [1, "=A1*2"],
      [2, "=A2*2"],
      ["=KPI.GROWTHSERIES(B1:B2)", "=KPI.NPS(A1:A2)"],
    ]);
    expect((at(hf, "A3") as DetailedCellError).type).toBe(ErrorType.VALUE);
    expectClose(at(hf, "B3"), -100);
  });

  it("passes dates typed in the sheet as serial numbers", () => {
    const hf = buildSheet([
      ["=DATE(2026,1,1)", "=DATE(2026,1,31)"],
      ["=DATE(2026,1,10)", "=DATE(2026,1,20)"],
      ["=KPI.SALESCYCLE(A1:A2,B1:B2)", "=AVERAGE(B1:B2)-AVERAGE(A1:A2)"],
    ]);
    expectClose(at(hf, "A3"), at(hf, "B3"));
  });

  it("propagates an error found in an input cell", () => {
    const hf = buildSheet([[1], ["=1/0"], ["=KPI.AOV(A1:A2)"]]);
    expect((at(hf, "A3") as DetailedCellError).type).toBe(ErrorType.DIV_BY_ZERO);
  });
});
