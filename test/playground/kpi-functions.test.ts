import { describe, expect, it } from "vitest";
import { KPIS, kpiById, PLAIN_CALL } from "../../core/index.js";
import {
  computeForUniver,
  ErrorCauses,
  functionInfo,
  hostArgument,
  registerKpis,
  toUniverResult,
  type UniverExecutor,
  type UniverResult,
  type UniverValue,
} from "../../playground/kpi-functions.js";

const kpi = (id: string) => {
  const found = kpiById(id);
  if (!found) throw new Error(`no KPI ${id}`);
  return found;
};

/**
 * Value objects shaped like Univer's engine-formula ones. The real engine is exercised in Chromium
 * (test/e2e/conformance.test.ts); these check the adapter's reading of them, empty cells above all: Univer's
 * null value object answers 0 to getValue(), which is how blanks used to count as scores.
 */
const empty: UniverValue = {
  isNull: () => true,
  isError: () => false,
  isArray: () => false,
  getValue: () => 0,
};
const value = (v: unknown): UniverValue => ({
  isNull: () => false,
  isError: () => false,
  isArray: () => false,
  getValue: () => v,
});
const array = (rows: (UniverValue | null)[][]): UniverValue => ({
  isNull: () => false,
  isError: () => false,
  isArray: () => true,
  getValue: () => 0,
  getArrayValue: () => rows,
});
const reference = (rows: (UniverValue | null)[][], startRow: number, startColumn: number): UniverValue => ({
  isNull: () => false,
  isError: () => false,
  isArray: () => false,
  isReferenceObject: () => true,
  getValue: () => 0,
  toArrayValueObject: () => array(rows),
  getRangeData: () => ({ startRow, startColumn }),
  getUnitId: () => "book",
  getSheetId: () => "s1",
});
const sheetName = (_unit: string, sheet: string) => (sheet === "s1" ? "Survey" : undefined);

describe("the playground's Univer adapter", () => {
  it("registers every KPI under its dotted Excel name and switches each executor to value objects", () => {
    const registered: { name: string; help: ReturnType<typeof functionInfo> }[] = [];
    const executors = new Map<string, UniverExecutor>();
    registerKpis(
      {
        registerFunction: (name, _fn, { description }) => {
          registered.push({ name, help: description });
          executors.set(name, { needsReferenceObject: false, isCustom: () => true, calculate: () => null });
        },
      },
      {
        lang: "fr",
        executor: (name) => executors.get(name),
        toObjects: (r) => r,
        sheetName,
        causes: new ErrorCauses(),
      },
    );
    // The catalogue's names, and the Excel id where it differs (BYGROUP for BY, whose name is too short for Excel).
    expect(registered.map((r) => r.name)).toEqual(
      KPIS.flatMap((k) => (k.id === "BY" ? ["KPI.BY", "KPI.BYGROUP"] : [`KPI.${k.id}`])),
    );
    const cac = registered.find((r) => r.name === "KPI.CAC")?.help;
    expect(cac?.functionParameter.map((p) => p.name)).toEqual(["marketingCosts", "salesCosts", "newCustomers"]);
    expect(cac?.description).toBe(kpi("CAC").description.fr);
    const nps = executors.get("KPI.NPS");
    expect(nps?.isCustom()).toBe(false);
    expect(nps?.needsReferenceObject).toBe(true);
    expect(nps?.calculate(reference([[value(10)], [empty], [value(6)], [null]], 1, 1))).toBe(0);
  });

  it("reads an empty cell as a blank, not as the 0 its value object answers", () => {
    expect(hostArgument(reference([[value(10)], [empty], [null]], 0, 0))).toEqual([[10], [null], [null]]);
    const nps = computeForUniver(kpi("NPS"), [reference([[value(10)], [value(9)], [empty], [value(3)]], 1, 1)], {
      sheetName,
    });
    expect(nps).toBeCloseTo(100 / 3, 12);
  });

  it("gives #DIV/0! over an all-empty range and uses the default for an empty optional cell", () => {
    expect(computeForUniver(kpi("NPS"), [reference([[empty], [empty]], 7, 7)], { sheetName })).toBe("#DIV/0!");
    const csat = computeForUniver(kpi("CSAT"), [array([[value(5)], [value(3)]]), empty, reference([[empty]], 0, 9)], {
      sheetName,
    });
    expect(csat).toBe(0.5);
  });

  it("names a bad cell by its address and records the cause at the formula's cell, cleared when fixed", () => {
    const causes = new ErrorCauses();
    const cell = { unitId: "book", sheetId: "s2", row: 4, col: 2 };
    const scores = (third: UniverValue) => reference([[value(9)], [value(10)], [third]], 1, 1);
    expect(computeForUniver(kpi("NPS"), [scores(value("abc"))], { cell, sheetName, causes })).toBe("#VALUE!");
    expect(causes.at(cell)).toBe('#VALUE! KPI.NPS: scores: Survey!B4 is text "abc", expected a number');
    expect(computeForUniver(kpi("NPS"), [scores(value(7))], { cell, sheetName, causes })).toBeCloseTo(200 / 3, 12);
    expect(causes.at(cell)).toBeUndefined();
  });

  it("spills a table with dates as serials and errors as codes", () => {
    const cohort = computeForUniver(
      kpi("COHORT"),
      [array([[value("a")], [value("a")]]), array([[value(45658)], [value(45689)]]), value(2)],
      { sheetName },
    ) as UniverResult[][];
    expect(cohort).toEqual([[45658, 1, 1, 1]]);
    const funnel = toUniverResult(kpi("FUNNEL").compute({ stageCounts: [0, 5] }, PLAIN_CALL));
    expect((funnel as unknown[][])[1]?.[1]).toBe("#DIV/0!");
  });
});
