import { describe, expect, it } from "vitest";
import { isKpiError, KpiDate, KPIS, kpiById, serialToDate, type AnyKpi } from "../../core/index.js";
import {
  kpiNumberFormat,
  resultNumberFormats,
  UNIT_DEPENDS_ON_CALL,
  unitOfCall,
} from "../../core/format/kpi-formats.js";
import {
  columnUnit,
  displayInUnit,
  isUnit,
  numberFormatOf,
  UNITS,
  type ResultUnit,
  type Unit,
} from "../../core/format/units.js";

/** What an example's cell may be in a column of each unit (blanks and error cells are always allowed). */
const FITS: Record<Unit, (cell: unknown) => boolean> = {
  // A rate is a fraction: the largest example (ROMI) is 4 = 400 %; NPS points or percent numbers would be far above.
  rate: (v) => typeof v === "number" && Math.abs(v) <= 5,
  money: (v) => typeof v === "number" && Number.isFinite(v),
  value: (v) => typeof v === "number" && Number.isFinite(v),
  days: (v) => typeof v === "number" && v >= 0,
  months: (v) => typeof v === "number" && v >= 0,
  points: (v) => typeof v === "number" && v >= -100 && v <= 100,
  score: (v) => typeof v === "number" && Number.isFinite(v),
  ratio: (v) => typeof v === "number" && v >= 0,
  index: (v) => typeof v === "number" && v > 0 && v < 100,
  count: (v) => typeof v === "number" && Number.isInteger(v) && v >= 0,
  date: (v) => v instanceof KpiDate,
  month: (v) => v instanceof KpiDate && serialToDate(v.serial).getUTCDate() === 1,
  number: (v) => typeof v === "number" || typeof v === "string",
  text: (v) => typeof v === "string" || typeof v === "number",
};

const isBlankOrError = (cell: unknown): boolean =>
  cell === "" || isKpiError(cell) || (typeof cell === "string" && cell.startsWith("#"));

/** Every non-blank cell of a KPI's example results that does not fit its column's unit. */
function misfits(kpi: AnyKpi): string[] {
  const found: string[] = [];
  kpi.examples.forEach((example, e) => {
    const result = example.result;
    if (typeof result === "string" && result.startsWith("#")) return;
    const rows = Array.isArray(result) ? result : [[result]];
    rows.forEach((row) =>
      row.forEach((cell, col) => {
        const unit = columnUnit(kpi.unit, col, row.length);
        if (!isBlankOrError(cell) && !FITS[unit](cell))
          found.push(`example ${e + 1}, column ${col + 1}: ${JSON.stringify(cell)} is not a ${unit}`);
      }),
    );
  });
  return found;
}

describe("the unit every KPI declares", () => {
  it("is a known unit, one for a single value and one or one per column for a spill", () => {
    for (const kpi of KPIS) {
      const units: readonly unknown[] = typeof kpi.unit === "string" ? [kpi.unit] : kpi.unit;
      expect(units.length, kpi.id).toBeGreaterThan(0);
      expect(units.every(isUnit), kpi.id).toBe(true);
      if (kpi.result !== "spill") expect(typeof kpi.unit, kpi.id).toBe("string");
    }
  });

  it.each(KPIS.map((kpi) => [kpi.id, kpi] as const))("fits the examples of %s", (_id, kpi) => {
    expect(misfits(kpi)).toEqual([]);
  });

  it("catches a KPI declared in the wrong unit", () => {
    const nps = kpiById("NPS")!;
    expect(misfits({ ...nps, unit: "rate" })).not.toEqual([]);
    expect(misfits({ ...kpiById("CONVERSION")!, unit: "count" })).not.toEqual([]);
    expect(misfits({ ...kpiById("PERIODS")!, unit: ["value", "date", "rate", "rate"] })).not.toEqual([]);
  });
});

describe("the number format of a unit", () => {
  it("is an en-US code, the same in both languages except the order of a date", () => {
    const codes = (lang: "en" | "fr") => Object.fromEntries(UNITS.map((u) => [u, numberFormatOf(u, lang)]));
    expect(codes("en")).toEqual({
      rate: "0.0%",
      money: "#,##0.00",
      value: "#,##0.00",
      days: "#,##0.0",
      months: "#,##0.0",
      points: "0",
      score: "0.00",
      ratio: '0.0"×"',
      index: "0.00",
      count: "#,##0",
      date: "yyyy-mm-dd",
      month: "mmm yyyy",
      number: "General",
      text: "General",
    });
    expect(codes("fr")).toEqual({ ...codes("en"), date: "dd/mm/yyyy" });
  });

  it("is shown in the pane with the same decimals, in the user's language", () => {
    expect(displayInUnit(0.125, "rate", "en")).toBe("12.5%");
    // CLDR's French: a no-break space before %, narrow no-break spaces between thousands.
    expect(displayInUnit(0.125, "rate", "fr")).toBe("12,5\u00a0%");
    expect(displayInUnit(1_014_655, "money", "en")).toBe("1,014,655.00");
    expect(displayInUnit(1_014_655, "money", "fr")).toBe("1\u202f014\u202f655,00");
    expect(displayInUnit(16.666, "points", "fr")).toBe("17");
    expect(displayInUnit(3.2, "ratio", "fr")).toBe("3,2×");
    expect(displayInUnit(45_665, "date", "en")).toBe("2025-01-08");
    expect(displayInUnit(45_665, "date", "fr")).toBe("08/01/2025");
    expect(displayInUnit(45_658, "month", "en")).toBe("Jan 2025");
  });
});

describe("the unit of a column and of a call", () => {
  it("repeats a spill's last unit over extra columns and drops leading ones a narrower spill lacks", () => {
    const cohort: ResultUnit = kpiById("COHORT")!.unit;
    expect([0, 1, 2, 13].map((c) => columnUnit(cohort, c, 14))).toEqual(["month", "count", "rate", "rate"]);
    const funnel = kpiById("FUNNEL")!.unit;
    expect([0, 1].map((c) => columnUnit(funnel, c, 4))).toEqual(["count", "rate"]);
    expect([0, 1].map((c) => columnUnit(funnel, c, 5))).toEqual(["text", "count"]);
  });

  it("follows the arguments where they change what the result measures", () => {
    expect(unitOfCall(kpiById("BY")!, [[["a"]], "KPI.WINRATE", [["Won"]]])).toEqual(["text", "rate"]);
    expect(unitOfCall(kpiById("BY")!, [[["a"]], "aov", [[1]]])).toEqual(["text", "money"]);
    expect(unitOfCall(kpiById("VARIANCE")!, [[[1]], [[2]], true])).toBe("rate");
    expect(unitOfCall(kpiById("VARIANCE")!, [[[1]], [[2]]])).toBe("value");
    expect(unitOfCall(kpiById("BREAKDOWN")!, [[["a"]], [[1]], "Nombre"])).toEqual(["text", "count", "rate"]);
    expect(unitOfCall(kpiById("BREAKDOWN")!, [[["a"]], [[1]]])).toBe(kpiById("BREAKDOWN")!.unit);
    const periods = kpiById("PERIODS")!;
    expect(unitOfCall(periods, [[[1]], [[1]]])).toEqual(["month", "value", "rate", "rate"]);
    expect(unitOfCall(periods, [[[1]], [[1]], "semaine", "count"])).toEqual(["date", "count", "rate", "rate"]);
  });

  it("gives a dashboard's tile and an inserted formula the same code", () => {
    expect(kpiNumberFormat("WINRATE")).toBe("0.0%");
    expect(resultNumberFormats(kpiById("WINRATE")!.unit, 0.3, "fr")).toEqual([["0.0%"]]);
    expect(resultNumberFormats(kpiById("PERIODS")!.unit, [[new KpiDate(1), 1, "", ""]], "fr")).toEqual([
      ["dd/mm/yyyy", "#,##0.00", "0.0%", "0.0%"],
    ]);
  });
});

describe("the KPIs whose unit depends on the call", () => {
  it("are exactly those whose examples can change unit: every other KPI keeps its registry unit", () => {
    for (const kpi of KPIS) {
      if (UNIT_DEPENDS_ON_CALL.has(kpi.id)) continue;
      for (const example of kpi.examples) expect(unitOfCall(kpi, example.args), kpi.id).toEqual(kpi.unit);
    }
    const changed = KPIS.filter((kpi) =>
      kpi.examples.some((e) => JSON.stringify(unitOfCall(kpi, e.args)) !== JSON.stringify(kpi.unit)),
    );
    for (const kpi of changed) expect(UNIT_DEPENDS_ON_CALL.has(kpi.id), kpi.id).toBe(true);
  });
});
