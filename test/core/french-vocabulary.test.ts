import { describe, expect, it } from "vitest";
import { LABELS } from "../../core/dashboard/labels.js";
import { searchKpis } from "../../core/catalogue.js";
import { sampleSheets } from "../../core/dashboard/sample-data.js";
import { kpiById, KPIS, kpiTitle } from "../../core/index.js";
import { STRINGS } from "../../pane/strings.js";
import { kpiSheet } from "../../playground/kpi-sheet.js";

/** Strings of a nested record of labels (functions and arrays included where they hold text). */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") return [String((value as (s: string) => string)("x"))];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(textsOf);
  return [];
}

describe("one French vocabulary, with French typography", () => {
  it("names WINRATE 'Taux de réussite' on the playground's KPI sheet, the dashboard and in the registry", () => {
    const sheet = kpiSheet(sampleSheets("fr"), "fr");
    const row = sheet.rows.find((r) => r.some((cell) => typeof cell === "string" && cell.includes("KPI.WINRATE(")));
    expect(row?.[0]).toBe("Taux de réussite");
    expect(kpiTitle("WINRATE", "fr")).toBe("Taux de réussite");
    expect(kpiById("WINRATE")?.description.fr).toMatch(/^Taux de réussite /);
    // "Taux de transformation" is the usual French for CONVERSION, never WINRATE's name.
    expect(kpiById("CONVERSION")?.keywords).toContain("transformation");
  });

  it("gives every KPI a title of its own in each language, which the search finds", () => {
    for (const lang of ["en", "fr"] as const) {
      const titles = KPIS.map((kpi) => kpi.title[lang]);
      expect(new Set(titles).size, lang).toBe(titles.length);
      for (const kpi of KPIS) expect(searchKpis(kpi.title[lang], lang)[0]?.id, kpi.title[lang]).toBe(kpi.id);
    }
  });

  it("puts a no-break space before : ; ? ! and % and inside « » in the pane's and the dashboard's French words", () => {
    const french = [...Object.values(STRINGS.fr), ...textsOf(LABELS.fr)];
    for (const text of french) expect(text).not.toMatch(/ [:;?!%]|« | »/);
    expect(LABELS.fr.sources).toBe("Sources\u00a0:");
    expect(LABELS.en.sources).toBe("Sources:");
  });
});
