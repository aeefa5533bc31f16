import { describe, expect, it } from "vitest";
import { kpiById, type AnyKpi } from "../../core/index.js";
import { BY_GROUP, formulaOf, hasWholeColumn, literal, previewArgs, type ArgInput } from "../../pane/arguments.js";

const kpi = (id: string): AnyKpi => {
  const found = kpiById(id);
  if (!found) throw new Error(id);
  return found;
};
const inputs = (entries: Record<string, ArgInput>) => new Map(Object.entries(entries));

describe("the functions tab's arguments", () => {
  it("reads typed literals as a host would pass them, in either decimal mark", () => {
    expect(literal("12,5")).toBe(12.5);
    expect(literal(" 3.25 ")).toBe(3.25);
    expect(literal("VRAI")).toBe(true);
    expect(literal("false")).toBe(false);
    expect(literal('"Won"')).toBe("Won");
    expect(literal("1,2,3")).toBe("1,2,3");
    expect(literal("")).toBeNull();
  });

  it("spells references as references and text as quoted text, in the host's syntax", () => {
    const args = inputs({ outcomes: { text: "Deals!D2:D9" }, wonLabel: { text: "Gagné" } });
    expect(formulaOf(kpi("WINRATE"), args, "excel")).toBe('=KPI.WINRATE(Deals!D2:D9,"Gagné")');
    expect(formulaOf(kpi("AOV"), inputs({ revenue: { text: "'My data'!$F$2:$F$9" } }), "sheets")).toBe(
      "=KPI_AOV('My data'!$F$2:$F$9)",
    );
  });

  it("turns a filled group column into the same KPI per group with BY", () => {
    const args = inputs({ revenue: { text: "F2:F9" }, [BY_GROUP]: { text: "B2:B9" } });
    expect(formulaOf(kpi("AOV"), args, "excel")).toBe('=KPI.BYGROUP(B2:B9,"AOV",F2:F9)');
  });

  it("previews only when every required argument has values, dropping trailing omitted ones", () => {
    const aov = kpi("AOV");
    expect(previewArgs(aov, inputs({}))).toBeNull();
    expect(previewArgs(aov, inputs({ revenue: { text: "F2:F4" } }))).toBeNull();
    const values = [[100], [200]];
    expect(previewArgs(aov, inputs({ revenue: { text: "F2:F3", values } }))).toEqual([values]);
  });

  it("flags whole-column references", () => {
    expect(hasWholeColumn(inputs({ scores: { text: "Survey!B:B" } }))).toBe(true);
    expect(hasWholeColumn(inputs({ scores: { text: "Survey!B2:B9" } }))).toBe(false);
  });
});
