import { describe, expect, it } from "vitest";
import { KPIS, kpiById } from "../../core/index.js";
import {
  functionInfo,
  registerKpis,
  toUniverResult,
  univerFunction,
  type UniverResult,
} from "../../playground/kpi-functions.js";

const kpi = (id: string) => {
  const found = kpiById(id);
  if (!found) throw new Error(`no KPI ${id}`);
  return found;
};

describe("the playground's Univer adapter", () => {
  it("registers every KPI of the registry under its dotted Excel name with generated help", () => {
    const registered: { name: string; help: ReturnType<typeof functionInfo> }[] = [];
    registerKpis(
      { registerFunction: (name, _fn, { description }) => registered.push({ name, help: description }) },
      "fr",
    );
    expect(registered.map((r) => r.name)).toEqual(KPIS.map((k) => `KPI.${k.id}`));
    const cac = registered.find((r) => r.name === "KPI.CAC")?.help;
    expect(cac?.functionParameter.map((p) => p.name)).toEqual(["marketingCosts", "salesCosts", "newCustomers"]);
    expect(cac?.description).toBe(kpi("CAC").description.fr);
  });

  it("returns what the core computes for the values Univer passes, blanks as null", () => {
    const nps = univerFunction(kpi("NPS"));
    expect(nps([[10], [9], [null], [3]])).toBeCloseTo(100 / 3, 12);
  });

  it("turns a core error into its Excel code and hands the full message to the listener", () => {
    const messages: string[] = [];
    const cac = univerFunction(kpi("CAC"), (m) => messages.push(m));
    expect(cac(100, 100, 0)).toBe("#DIV/0!");
    expect(messages).toEqual(["#DIV/0! KPI.CAC: newCustomers sums to 0"]);
  });

  it("spills a table with dates as serials and errors as codes", () => {
    const cohort = univerFunction(kpi("COHORT"));
    const result = cohort([["a"], ["a"]], [[45658], [45689]], 2) as UniverResult[][];
    expect(result).toEqual([[45658, 1, 1, 1]]);
    const funnel = toUniverResult(kpi("FUNNEL").compute({ stageCounts: [0, 5] }));
    expect((funnel as unknown[][])[1]?.[1]).toBe("#DIV/0!");
  });
});
