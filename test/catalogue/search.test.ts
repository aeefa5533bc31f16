import { describe, expect, it } from "vitest";
import { searchKpis } from "../../core/catalogue.js";
import { KPIS } from "../../core/index.js";

const ids = (query: string, lang: "en" | "fr" = "en") => searchKpis(query, lang).map((k) => k.id);

describe("catalogue search", () => {
  it("puts CHURN first for churn, before LTVCHURN", () => {
    const found = ids("churn");
    expect(found[0]).toBe("CHURN");
    expect(found).toContain("LTVCHURN");
  });

  it("finds CHURN from the French word attrition", () => {
    expect(ids("attrition", "fr")[0]).toBe("CHURN");
  });

  it("finds AOV from panier moyen, accents and case ignored", () => {
    expect(ids("panier moyen", "fr")[0]).toBe("AOV");
    expect(ids("PANIER MOYEN", "en")[0]).toBe("AOV");
  });

  it("finds a KPI by its French description without accents", () => {
    expect(ids("retention cohorte", "fr")).toContain("COHORT");
    expect(ids("cout d'acquisition", "fr")[0]).toBe("CAC");
  });

  it("matches the qualified name typed as in a formula", () => {
    expect(ids("KPI.NPS")[0]).toBe("NPS");
    expect(ids("kpi_nps")[0]).toBe("NPS");
  });

  it("lists the whole catalogue for an empty query and nothing for nonsense", () => {
    expect(ids("")).toHaveLength(KPIS.length);
    expect(ids("zzqx")).toEqual([]);
  });
});
